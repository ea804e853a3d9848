// Schema generation from the catalogue: one tree per document kind, printed
// as XSD or as JSON Schema, plus the volunteer file (the mission's volunteer
// group as a root of its own).
#include <cstdint>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "clef/model.h"
#include "clef/schema.h"
#include "countries.h"

namespace clef {
namespace {

struct Tree {
  std::string name;
  const FieldSpec* spec = nullptr;  // leaf
  std::vector<std::unique_ptr<Tree>> children;

  Tree* child(std::string_view n) {
    for (auto& c : children)
      if (c->name == n) return c.get();
    children.push_back(std::make_unique<Tree>());
    children.back()->name = std::string(n);
    return children.back().get();
  }
};

Tree build(DocumentKind kind) {
  Tree root;
  for (const auto& f : catalogue()) {
    if (f.derived || !f.in(kind)) continue;
    Tree* node = &root;
    std::string_view path = f.path;
    size_t start = 0;
    while (true) {
      size_t dot = path.find('.', start);
      node = node->child(path.substr(start, dot - start));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    node->spec = &f;
  }
  return root;
}

// A volunteer file: the children of the mission's "volunteer" group.
constexpr std::string_view kVolunteer = "volunteer";
const Tree& volunteer_group(const Tree& mission) {
  for (auto& c : mission.children)
    if (c->name == kVolunteer) return *c;
  throw std::logic_error("no volunteer group in the catalogue");
}

// ---------------------------------------------------------------- XSD
// The named simple types of input_xsd(), by field type; enumerations are
// declared inline as each has its own values.
std::string_view xsd_type(FieldType t) {
  switch (t) {
    case FieldType::boolean:
      return "Boolean";
    case FieldType::integer:
      return "Integer";
    case FieldType::decimal:
      return "Decimal";
    case FieldType::date:
      return "Date";
    case FieldType::money:
      return "Money";
    case FieldType::country:
      return "Country";
    default:
      return "xs:string";
  }
}

// One scalar element. xsi:nil="true" says "unknown" as an empty element
// does, since the reader ignores xsi attributes; not for amounts, whose
// required currency would make a nil amount a value the reader refuses.
void xsd_scalar(std::string_view name, FieldType t, std::span<const std::string_view> values,
                std::string_view occurs, std::string& out, const std::string& indent) {
  out += indent + "<xs:element name=\"" + std::string(name) + "\"";
  if (t != FieldType::enumeration) out += " type=\"" + std::string(xsd_type(t)) + "\"";
  out += std::string(occurs);
  if (t != FieldType::money) out += " nillable=\"true\"";
  if (t != FieldType::enumeration) {
    out += "/>\n";
    return;
  }
  // xs:token, as the reader trims the text; "" is an empty element.
  out += ">\n" + indent + "  <xs:simpleType><xs:restriction base=\"xs:token\">\n";
  out += indent + "    <xs:enumeration value=\"\"/>\n";
  for (auto v : values) out += indent + "    <xs:enumeration value=\"" + std::string(v) + "\"/>\n";
  out += indent + "  </xs:restriction></xs:simpleType>\n" + indent + "</xs:element>\n";
}

void xsd_element(const Tree& t, std::string& out, const std::string& indent) {
  constexpr std::string_view once = " minOccurs=\"0\"";
  constexpr std::string_view many = " minOccurs=\"0\" maxOccurs=\"unbounded\"";
  if (t.spec) {
    const FieldSpec& f = *t.spec;
    if (f.type == FieldType::text_list) {
      out += indent + "<xs:element name=\"" + t.name + "\" minOccurs=\"0\">\n" + indent +
             "  <xs:complexType><xs:sequence>\n";
      xsd_scalar(f.item, FieldType::text, {}, many, out, indent + "    ");
      out += indent + "  </xs:sequence></xs:complexType>\n" + indent + "</xs:element>\n";
      return;
    }
    if (f.type == FieldType::record_list) {
      out += indent + "<xs:element name=\"" + t.name + "\" minOccurs=\"0\">\n" + indent +
             "  <xs:complexType><xs:sequence>\n" + indent + "    <xs:element name=\"" +
             std::string(f.item) + "\"" + std::string(many) + ">\n" + indent +
             "      <xs:complexType><xs:all>\n";
      for (auto& s : f.sub_fields)
        xsd_scalar(s.name, s.type, s.values, once, out, indent + "        ");
      out += indent + "      </xs:all></xs:complexType>\n" + indent + "    </xs:element>\n" +
             indent + "  </xs:sequence></xs:complexType>\n" + indent + "</xs:element>\n";
      return;
    }
    xsd_scalar(t.name, f.type, f.values, once, out, indent);
    return;
  }
  out += indent + "<xs:element name=\"" + t.name + "\" minOccurs=\"0\">\n" + indent +
         "  <xs:complexType><xs:all>\n";
  for (auto& c : t.children) xsd_element(*c, out, indent + "    ");
  out += indent + "  </xs:all></xs:complexType>\n" + indent + "</xs:element>\n";
}

// The named types, each saying what the reader (engine/src/read/binder.cc,
// scalar() and money()) accepts for one field type.
std::string xsd_types() {
  auto doc = [](std::string_view text) {
    return "    <xs:annotation><xs:documentation>" + std::string(text) +
           "</xs:documentation></xs:annotation>\n";
  };
  std::string out;
  out += "  <xs:simpleType name=\"Empty\">\n" +
         doc("An empty element: an unknown fact, as if the element were left out.") +
         "    <xs:restriction base=\"xs:token\"><xs:length value=\"0\"/></xs:restriction>\n"
         "  </xs:simpleType>\n";
  out += "  <xs:simpleType name=\"Boolean\">\n" + doc("true, false, 1 or 0.") +
         "    <xs:union memberTypes=\"xs:boolean Empty\"/>\n  </xs:simpleType>\n";
  // Numbers: clef reads an IEEE double (std::from_chars), hence xs:double
  // restricted to the syntax from_chars takes: no leading '+', no INF or NaN.
  out += "  <xs:simpleType name=\"IntegerValue\">\n" +
         doc("A whole number between -2^53 and 2^53, as clef reads it: an optional minus "
             "sign (no plus), digits, zeros only after the point, an exponent only if "
             "non-negative (5, -3, 5.0, 1e3).") +
         "    <xs:restriction base=\"xs:double\">\n"
         "      <xs:pattern value=\"-?([0-9]+(\\.0*)?|\\.0+)([eE]\\+?[0-9]+)?\"/>\n"
         "      <xs:minInclusive value=\"-9007199254740992\"/>\n"
         "      <xs:maxInclusive value=\"9007199254740992\"/>\n"
         "    </xs:restriction>\n  </xs:simpleType>\n";
  out +=
      "  <xs:simpleType name=\"Integer\"><xs:union memberTypes=\"IntegerValue "
      "Empty\"/></xs:simpleType>\n";
  out += "  <xs:simpleType name=\"DecimalValue\">\n" +
         doc("A finite number, as clef reads it: an optional minus sign (no plus), digits "
             "with an optional point, an optional exponent (7.5, -0.25, .5, 1e-3).") +
         "    <xs:restriction base=\"xs:double\">\n"
         "      <xs:pattern value=\"-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?\"/>\n"
         "      <xs:minInclusive value=\"-1.7976931348623157E308\"/>\n"
         "      <xs:maxInclusive value=\"1.7976931348623157E308\"/>\n"
         "    </xs:restriction>\n  </xs:simpleType>\n";
  out +=
      "  <xs:simpleType name=\"Decimal\"><xs:union memberTypes=\"DecimalValue "
      "Empty\"/></xs:simpleType>\n";
  out += "  <xs:simpleType name=\"DateValue\">\n" +
         doc("YYYY-MM-DD, without a time zone, from 1900-01-01 to 2200-12-31.") +
         "    <xs:restriction base=\"xs:date\">\n"
         "      <xs:pattern value=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"/>\n"
         "      <xs:minInclusive value=\"1900-01-01\"/>\n"
         "      <xs:maxInclusive value=\"2200-12-31\"/>\n"
         "    </xs:restriction>\n  </xs:simpleType>\n";
  out +=
      "  <xs:simpleType name=\"Date\"><xs:union memberTypes=\"DateValue "
      "Empty\"/></xs:simpleType>\n";
  out += "  <xs:simpleType name=\"Country\">\n" + doc("An ISO 3166-1 alpha-2 code, or nothing.") +
         "    <xs:restriction base=\"xs:token\">\n"
         "      <xs:enumeration value=\"\"/>\n";
  for (auto c : country_codes())
    out += "      <xs:enumeration value=\"" + std::string(c) + "\"/>\n";
  out += "    </xs:restriction>\n  </xs:simpleType>\n";
  out += "  <xs:simpleType name=\"Amount\">\n" +
         doc("An optional minus sign, at most 15 digits, at most two decimals (150, "
             "150.5, -20.00).") +
         "    <xs:restriction base=\"xs:decimal\"><xs:pattern "
         "value=\"-?[0-9]{1,15}(\\.[0-9]{1,2})?\"/></xs:restriction>\n"
         "  </xs:simpleType>\n";
  // xs:string, not xs:token: the reader takes the attribute as written.
  out += "  <xs:simpleType name=\"Currency\">\n" + doc("Three capital letters (ISO 4217).") +
         "    <xs:restriction base=\"xs:string\"><xs:pattern "
         "value=\"[A-Z]{3}\"/></xs:restriction>\n"
         "  </xs:simpleType>\n";
  out +=
      "  <xs:complexType name=\"Money\">\n" +
      doc("An amount with its currency: &lt;monthly currency=\"EUR\"&gt;150.00&lt;/monthly&gt;.") +
      "    <xs:simpleContent><xs:extension base=\"Amount\">\n"
      "      <xs:attribute name=\"currency\" type=\"Currency\" use=\"required\"/>\n"
      "    </xs:extension></xs:simpleContent>\n  </xs:complexType>\n";
  return out;
}

// ---------------------------------------------------------------- JSON Schema
using nlohmann::ordered_json;

// A scalar's schema, without null (see nullable()).
ordered_json json_simple(FieldType t, std::span<const std::string_view> values) {
  switch (t) {
    case FieldType::boolean:
      return {{"type", "boolean"}};
    case FieldType::integer:
      return {{"$ref", "#/$defs/integer"}};
    case FieldType::decimal:
      return {{"$ref", "#/$defs/decimal"}};
    case FieldType::date:
      return {{"$ref", "#/$defs/date"}};
    case FieldType::money:
      return {{"$ref", "#/$defs/money"}};
    case FieldType::country:
      return {{"$ref", "#/$defs/country"}};
    case FieldType::enumeration: {
      ordered_json e = ordered_json::array();
      for (auto v : values) e.push_back(v);
      return {{"type", "string"}, {"enum", e}};
    }
    default:
      return {{"type", "string"}};
  }
}

// null is an unknown fact, for every field and record member alike.
ordered_json nullable(ordered_json j, std::string_view description) {
  ordered_json out;
  if (!description.empty()) out["description"] = description;
  out["anyOf"] = {std::move(j), {{"type", "null"}}};
  return out;
}

ordered_json json_node(const Tree& t) {
  if (t.spec) {
    const FieldSpec& f = *t.spec;
    if (f.type == FieldType::text_list)
      return nullable({{"type", "array"}, {"items", {{"type", "string"}}}}, f.label_fr);
    if (f.type == FieldType::record_list) {
      ordered_json props;
      for (auto& s : f.sub_fields)
        props[std::string(s.name)] = nullable(json_simple(s.type, s.values), "");
      return nullable(
          {{"type", "array"},
           {"items", {{"type", "object"}, {"additionalProperties", false}, {"properties", props}}}},
          f.label_fr);
    }
    return nullable(json_simple(f.type, f.values), f.label_fr);
  }
  ordered_json props;
  for (auto& c : t.children) props[c->name] = json_node(*c);
  return {{"type", "object"}, {"additionalProperties", false}, {"properties", props}};
}

}  // namespace

std::string input_xsd() {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- Generated by `clef schema xsd` from the field catalogue "
      "(engine/src/model/catalogue.cc). What it cannot say: docs/model.md. -->\n"
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
      "elementFormDefault=\"qualified\">\n";
  out += xsd_types();
  auto root_element = [&](std::string_view name, const Tree& root) {
    out += "  <xs:element name=\"" + std::string(name) + "\">\n    <xs:complexType><xs:all>\n";
    for (auto& c : root.children) xsd_element(*c, out, "      ");
    out += "    </xs:all></xs:complexType>\n  </xs:element>\n";
  };
  for (auto kind : all_kinds()) root_element(to_string(kind), build(kind));
  Tree mission = build(DocumentKind::mission);
  root_element(kVolunteer, volunteer_group(mission));
  return out + "</xs:schema>\n";
}

std::string input_json_schema() {
  ordered_json j;
  j["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  j["$id"] = "https://clef.example/schemas/input.schema.json";
  j["title"] =
      "clef input: mission description, partnership agreement, call for tenders or volunteer file";
  j["$comment"] =
      "Generated by `clef schema json` from the field catalogue. What it cannot say: "
      "docs/model.md.";
  ordered_json one_of = ordered_json::array();
  auto branch = [&](std::string_view kind, const Tree& root) {
    ordered_json node = json_node(root);
    ordered_json props;
    props["kind"] = {{"const", std::string(kind)}};
    // The reader skips "$schema" whatever it holds, so any value is valid.
    props["$schema"] = {{"description", "Ignored by clef: lets an editor find this schema."}};
    for (auto& [k, v] : node["properties"].items()) props[k] = v;
    node["properties"] = props;
    node["required"] = {"kind"};
    one_of.push_back(node);
  };
  for (auto kind : all_kinds()) branch(to_string(kind), build(kind));
  Tree mission = build(DocumentKind::mission);
  branch(kVolunteer, volunteer_group(mission));
  j["oneOf"] = one_of;

  // Numbers are read as IEEE doubles: an integer must be whole and within
  // ±2^53, where doubles are exact; a decimal must be finite (1e400 is not).
  constexpr int64_t kMaxInteger = int64_t{1} << 53;
  constexpr double kMaxDouble = std::numeric_limits<double>::max();
  j["$defs"]["integer"] = {
      {"type", "integer"}, {"minimum", -kMaxInteger}, {"maximum", kMaxInteger}};
  j["$defs"]["decimal"] = {{"type", "number"}, {"minimum", -kMaxDouble}, {"maximum", kMaxDouble}};
  // The pattern is the calendar itself (month lengths, leap years) within
  // 1900..2200, since "format" is only an annotation in 2020-12; maxLength
  // because Python's "$" also matches before a final newline.
  j["$defs"]["date"] = {
      {"type", "string"},
      {"format", "date"},
      {"maxLength", 10},
      {"pattern",
       "^(?:(?:(?:19|20|21)[0-9]{2}|2200)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|"
       "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|"
       "(?:(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)-02-29)$"}};
  ordered_json codes = ordered_json::array();
  for (auto c : country_codes()) codes.push_back(c);
  j["$defs"]["country"] = {{"type", "string"}, {"enum", codes}};
  // An amount as a string is checked as written; as a number, only its
  // value is seen, so its decimals cannot be (docs/model.md). "(?!\n)" for
  // Python's "$", as above.
  constexpr int64_t kAmountBound = 1'000'000'000'000'000;  // 15 digits before the point
  j["$defs"]["money"] = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"amount", "currency"}},
      {"properties",
       {{"amount",
         {{"anyOf",
           {{{"type", "number"},
             {"exclusiveMinimum", -kAmountBound},
             {"exclusiveMaximum", kAmountBound}},
            {{"type", "string"}, {"pattern", "^-?[0-9]{1,15}(\\.[0-9]{1,2})?(?!\\n)$"}}}}}},
        {"currency", {{"type", "string"}, {"maxLength", 3}, {"pattern", "^[A-Z]{3}$"}}}}}};
  return j.dump(2) + "\n";
}

}  // namespace clef
