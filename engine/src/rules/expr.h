// Internal: the condition language. An expression is compiled once into a flat
// vector of typed nodes; evaluating it fills one slot per node, so a finding
// can later say which sub-condition decided and with what values.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clef/model.h"

namespace clef::detail {

enum class Type : uint8_t { boolean, number, text, date, money, text_list, record_list };
std::string_view to_string(Type t);

enum class Op : uint8_t {
  literal,
  fact,          // a field or derived fact of the document
  param,         // a dated rule parameter
  record_field,  // a field of the current record inside any/all/sum/count_if
  list,          // [a, b, c]
  and_,
  or_,
  not_,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  add,
  sub,
  mul,
  div,
  known,
  count,
  empty,
  sum,
  any,
  all,
  count_if,
  contains,
};

inline constexpr uint16_t kNone = 0xFFFF;

struct Node {
  Op op = Op::literal;
  Type type = Type::boolean;
  Unit unit = Unit::none;
  uint16_t a = kNone;  // first operand
  uint16_t b = kNone;  // second operand
  FieldId fact = 0;    // Op::fact: slot in EvalContext::facts; record_field: the list field
  uint16_t index = 0;  // parameter number (Op::param) or sub-field (Op::record_field)
  std::vector<uint16_t> items;               // Op::list
  std::span<const std::string_view> values;  // Op::fact of an enumeration: its values
  Value literal;                             // Op::literal
  std::string text;                          // source text of this node, for explanations
};

struct Expr {
  std::vector<Node> nodes;
  uint16_t root = kNone;
  bool empty() const { return root == kNone; }
};

// What one node evaluated to. Non-owning: texts and lists point into the facts,
// the parameters or the expression, so evaluation allocates nothing.
struct Slot {
  bool known = false;
  bool b = false;
  double n = 0;
  int64_t cents = 0;
  const std::string* text = nullptr;  // text, or the currency of money
  Date date;
  const TextList* list = nullptr;
  const RecordList* records = nullptr;
  uint32_t true_items = 0, false_items = 0, unknown_items = 0;  // any/all/count_if
};

// Resolves names while compiling: facts come from the catalogue, parameters
// from the packs loaded so far.
struct ParamInfo {
  std::string id;
  Type type;
  Unit unit;
};

struct CompileError {
  size_t offset;  // in the expression text
  std::string message;
};

// What a name in a condition stands for. Rules name document facts; document
// templates also name decision fields and loop items, kept in further slots.
struct NameInfo {
  uint16_t slot = 0;  // index in EvalContext::facts
  Type type = Type::text;
  Unit unit = Unit::none;
  std::span<const std::string_view> values;  // enumeration values, to check literals
  // Record lists only: the catalogue field whose sub-fields any()/sum() reach.
  FieldId list_field = 0;
};

class NameScope {
 public:
  virtual ~NameScope() = default;
  virtual std::optional<NameInfo> find(std::string_view name) const = 0;
  // The message for a name find() does not know (French, like all compile errors).
  virtual std::string unknown(std::string_view name) const = 0;
};

// The facts of documents of one kind, by catalogue path; slot = FieldId.
class DocumentNames : public NameScope {
 public:
  explicit DocumentNames(DocumentKind kind) : kind_(kind) {}
  std::optional<NameInfo> find(std::string_view name) const override;
  std::string unknown(std::string_view name) const override;

 private:
  DocumentKind kind_;
};
NameInfo name_info(FieldId id);
Type type_of(FieldType t);

// Compiles `text` against `names`. On failure `error` is set and the returned
// expression is empty.
Expr compile(std::string_view text, const NameScope& names, const std::vector<ParamInfo>& params,
             CompileError& error);
// The same for the facts of documents of `kind`.
Expr compile(std::string_view text, DocumentKind kind, const std::vector<ParamInfo>& params,
             CompileError& error);

struct EvalContext {
  const std::vector<Value>* facts = nullptr;
  const std::vector<const Value*>* params = nullptr;  // value in force, null if none
};

// Evaluates into `slots` (resized to the expression) and returns the root.
const Slot& evaluate(const Expr& expr, const EvalContext& context, std::vector<Slot>& slots);

}  // namespace clef::detail
