// The content model: one catalogue of fields for mission descriptions,
// partnership agreements and calls for tenders, whatever the input syntax.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clef/value.h"

namespace clef {

// The kinds of document clef reads. Values are bits: FieldSpec::kinds is a set.
enum class DocumentKind : uint8_t { mission = 1, agreement = 2, call = 4 };

// Every kind, in a fixed order: the one list that code looping over kinds uses
// (readers, schemas, rule packs, templates).
inline constexpr std::array<DocumentKind, 3> kAllKinds = {
    DocumentKind::mission, DocumentKind::agreement, DocumentKind::call};
constexpr std::span<const DocumentKind> all_kinds() {
  return kAllKinds;
}
// Position of a kind in all_kinds(), for tables indexed by kind.
constexpr size_t kind_index(DocumentKind kind) {
  for (size_t i = 0; i < kAllKinds.size(); ++i)
    if (kAllKinds[i] == kind) return i;
  return 0;
}
// "mission", "agreement", "call": the XML root element and the JSON "kind".
std::string_view to_string(DocumentKind kind);
// The kind named by an XML root or a JSON "kind", if any.
std::optional<DocumentKind> document_kind(std::string_view name);
// The names of every kind, for messages: kind_names("<", ">", ", ", " ou ")
// gives "<mission>, <agreement> ou <call>".
std::string kind_names(std::string_view before, std::string_view after, std::string_view separator,
                       std::string_view last_separator);

enum class FieldType : uint8_t {
  text,
  boolean,
  integer,
  decimal,
  date,
  money,
  country,
  enumeration,
  text_list,
  record_list
};

struct SubFieldSpec {
  std::string_view name;
  FieldType type;
  std::span<const std::string_view> values;  // for enumerations
};

using FieldId = uint16_t;

struct FieldSpec {
  std::string_view path;  // dotted: "host.name"
  FieldType type;
  uint8_t kinds;  // bit set of DocumentKind values the field belongs to
  Unit unit = Unit::none;
  bool derived = false;     // computed by the facts layer, never read from input
  bool adjustable = false;  // scheme fit may suggest changing it (a duration, not an age)
  std::string_view item;    // element name of one list item in XML
  std::span<const std::string_view> values;  // enumeration values
  std::span<const SubFieldSpec> sub_fields;  // record lists
  std::string_view label_fr;
  std::string_view label_en;

  bool in(DocumentKind kind) const { return (kinds & static_cast<uint8_t>(kind)) != 0; }
};

std::span<const FieldSpec> catalogue();
const FieldSpec& field(FieldId id);
std::optional<FieldId> find_field(std::string_view path);
// Sub-field index within a record list field, if it has one of that name.
std::optional<uint16_t> find_sub_field(FieldId list, std::string_view name);
// The enumeration values of the "scheme" field, in catalogue order.
std::span<const std::string_view> scheme_names();
std::span<const std::string_view> programme_names();

// Where a field's value was read. Lines and columns count from 1; 0 = unknown.
struct SourcePosition {
  uint32_t line = 0;
  uint32_t column = 0;
};

// A document after reading: every field of the catalogue has a slot, unknown
// when the input does not give it. Derived facts stay unknown here.
struct Document {
  DocumentKind kind = DocumentKind::mission;
  std::string source;  // file name (or "-") for messages
  std::vector<Value> values;

  const Value& operator[](FieldId id) const { return values[id]; }
};

// Deterministic, syntax-independent serialisation of the read fields: the same
// content in XML or JSON gives the same bytes. It feeds the decision id.
std::string canonical_form(const Document& document);

}  // namespace clef
