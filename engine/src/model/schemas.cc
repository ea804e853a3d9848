// Schema generation from the catalogue: one tree per document kind, printed
// as XSD or as JSON Schema, plus the volunteer file (the mission's volunteer
// group as a root of its own).
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "clef/model.h"
#include "clef/schema.h"

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
std::string xsd_simple(FieldType t, std::span<const std::string_view> values,
                       const std::string& indent) {
  switch (t) {
    case FieldType::boolean:
      return " type=\"xs:boolean\"/>\n";
    case FieldType::integer:
      return " type=\"xs:integer\"/>\n";
    case FieldType::decimal:
      return " type=\"xs:decimal\"/>\n";
    case FieldType::date:
      return " type=\"xs:date\"/>\n";
    case FieldType::money:
      return " type=\"Money\"/>\n";
    case FieldType::country:
      return " type=\"Country\"/>\n";
    case FieldType::enumeration: {
      std::string out = ">\n" + indent + "  <xs:simpleType><xs:restriction base=\"xs:string\">\n";
      for (auto v : values)
        out += indent + "    <xs:enumeration value=\"" + std::string(v) + "\"/>\n";
      return out + indent + "  </xs:restriction></xs:simpleType>\n" + indent + "</xs:element>\n";
    }
    default:
      return " type=\"xs:string\"/>\n";
  }
}

void xsd_element(const Tree& t, std::string& out, const std::string& indent) {
  out += indent + "<xs:element name=\"" + t.name + "\" minOccurs=\"0\"";
  if (t.spec) {
    const FieldSpec& f = *t.spec;
    if (f.type == FieldType::text_list) {
      out += ">\n" + indent + "  <xs:complexType><xs:sequence>\n" + indent +
             "    <xs:element name=\"" + std::string(f.item) +
             "\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n" + indent +
             "  </xs:sequence></xs:complexType>\n" + indent + "</xs:element>\n";
      return;
    }
    if (f.type == FieldType::record_list) {
      out += ">\n" + indent + "  <xs:complexType><xs:sequence>\n" + indent +
             "    <xs:element name=\"" + std::string(f.item) +
             "\" minOccurs=\"0\" maxOccurs=\"unbounded\">\n" + indent +
             "      <xs:complexType><xs:all>\n";
      for (auto& s : f.sub_fields)
        out += indent + "        <xs:element name=\"" + std::string(s.name) + "\" minOccurs=\"0\"" +
               xsd_simple(s.type, s.values, indent + "        ");
      out += indent + "      </xs:all></xs:complexType>\n" + indent + "    </xs:element>\n" +
             indent + "  </xs:sequence></xs:complexType>\n" + indent + "</xs:element>\n";
      return;
    }
    out += xsd_simple(f.type, f.values, indent);
    return;
  }
  out += ">\n" + indent + "  <xs:complexType><xs:all>\n";
  for (auto& c : t.children) xsd_element(*c, out, indent + "    ");
  out += indent + "  </xs:all></xs:complexType>\n" + indent + "</xs:element>\n";
}

// ---------------------------------------------------------------- JSON Schema
using nlohmann::ordered_json;

ordered_json json_simple(FieldType t, std::span<const std::string_view> values,
                         std::string_view description) {
  ordered_json j;
  switch (t) {
    case FieldType::boolean:
      j["type"] = "boolean";
      break;
    case FieldType::integer:
      j["type"] = "integer";
      break;
    case FieldType::decimal:
      j["type"] = "number";
      break;
    case FieldType::date:
      j["type"] = "string", j["format"] = "date", j["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
      break;
    case FieldType::money:
      j["$ref"] = "#/$defs/money";
      break;
    case FieldType::country:
      j["type"] = "string", j["pattern"] = "^[A-Z]{2}$";
      break;
    case FieldType::enumeration: {
      j["type"] = "string";
      ordered_json e = ordered_json::array();
      for (auto v : values) e.push_back(v);
      j["enum"] = e;
      break;
    }
    default:
      j["type"] = "string";
      break;
  }
  if (!description.empty()) j["description"] = description;
  return j;
}

ordered_json json_node(const Tree& t) {
  if (t.spec) {
    const FieldSpec& f = *t.spec;
    if (f.type == FieldType::text_list)
      return {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", f.label_fr}};
    if (f.type == FieldType::record_list) {
      ordered_json props;
      for (auto& s : f.sub_fields) props[std::string(s.name)] = json_simple(s.type, s.values, "");
      return {
          {"type", "array"},
          {"description", f.label_fr},
          {"items", {{"type", "object"}, {"additionalProperties", false}, {"properties", props}}}};
    }
    ordered_json j = json_simple(f.type, f.values, f.label_fr);
    return {{"anyOf", {j, {{"type", "null"}}}}};
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
      "(engine/src/model/catalogue.cc). -->\n"
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" elementFormDefault=\"qualified\">\n"
      "  <xs:simpleType name=\"Country\"><xs:restriction base=\"xs:string\"><xs:pattern "
      "value=\"[A-Z]{2}\"/></xs:restriction></xs:simpleType>\n"
      "  <xs:complexType name=\"Money\"><xs:simpleContent><xs:extension base=\"xs:decimal\">\n"
      "    <xs:attribute name=\"currency\" use=\"required\"><xs:simpleType><xs:restriction "
      "base=\"xs:string\"><xs:pattern "
      "value=\"[A-Z]{3}\"/></xs:restriction></xs:simpleType></xs:attribute>\n"
      "  </xs:extension></xs:simpleContent></xs:complexType>\n";
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
  j["$comment"] = "Generated by `clef schema json` from the field catalogue.";
  ordered_json one_of = ordered_json::array();
  auto branch = [&](std::string_view kind, const Tree& root) {
    ordered_json node = json_node(root);
    ordered_json props;
    props["kind"] = {{"const", std::string(kind)}};
    props["$schema"] = {{"type", "string"}};
    for (auto& [k, v] : node["properties"].items()) props[k] = v;
    node["properties"] = props;
    node["required"] = {"kind"};
    one_of.push_back(node);
  };
  for (auto kind : all_kinds()) branch(to_string(kind), build(kind));
  Tree mission = build(DocumentKind::mission);
  branch(kVolunteer, volunteer_group(mission));
  j["oneOf"] = one_of;
  j["$defs"]["money"] = {{"type", "object"},
                         {"additionalProperties", false},
                         {"required", {"amount", "currency"}},
                         {"properties",
                          {{"amount", {{"type", {"number", "string"}}}},
                           {"currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}}}}}};
  return j.dump(2) + "\n";
}

}  // namespace clef
