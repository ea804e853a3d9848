// Compiles arbitrary text as a rule condition (for a mission, else for each
// other kind in turn) and evaluates what compiles twice: over all-unknown facts, then
// over facts of every field filled with a typical value. Parameters are
// declared but have no value in force (null), as before their first date.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "rules/expr.h"

using namespace clef;
using namespace clef::detail;

namespace {

Value sample(FieldType type, std::span<const std::string_view> values) {
  switch (type) {
    case FieldType::boolean:
      return Value(true);
    case FieldType::integer:
    case FieldType::decimal:
      return Value(12.0);
    case FieldType::date:
      return Value(Date::from_ymd(2025, 1, 31));
    case FieldType::money:
      return Value(Money{15000, "EUR"});
    case FieldType::country:
      return Value(std::string("FR"));
    case FieldType::enumeration:
      return Value(std::string(values.empty() ? "x" : values[0]));
    case FieldType::text_list:
      return Value(TextList{"orphelinat", "host"});
    default:
      return Value(std::string("texte"));
  }
}

std::vector<Value> filled_facts() {
  std::vector<Value> facts(catalogue().size());
  for (size_t i = 0; i < facts.size(); ++i) {
    const FieldSpec& spec = catalogue()[i];
    if (spec.type != FieldType::record_list) {
      facts[i] = sample(spec.type, spec.values);
      continue;
    }
    Record full, empty(spec.sub_fields.size());  // a record with every sub-field unknown
    for (const auto& sub : spec.sub_fields) full.push_back(sample(sub.type, sub.values));
    facts[i] = Value(RecordList{full, empty});
  }
  return facts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<ParamInfo> params = {
      {"vsi.contract.max_months", Type::number, Unit::months},
      {"vsi.allowance.min_france", Type::money, Unit::none},
      {"vsi.place.france_reciprocity", Type::boolean, Unit::none}};
  static const std::vector<Value> unknown(catalogue().size());
  static const std::vector<Value> known = filled_facts();
  static const std::vector<const Value*> no_values(params.size(), nullptr);

  std::string_view text(reinterpret_cast<const char*>(data), size);
  CompileError err;
  Expr expr;
  for (DocumentKind kind : all_kinds()) {
    expr = compile(text, kind, params, err);
    if (!expr.empty()) break;
  }
  if (expr.empty()) return 0;
  std::vector<Slot> slots;
  (void)evaluate(expr, EvalContext{&unknown, &no_values}, slots);
  (void)evaluate(expr, EvalContext{&known, &no_values}, slots);
  return 0;
}
