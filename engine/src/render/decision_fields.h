// Internal: the fields of a decision and of its items (findings, CLONG keys,
// missing facts, scheme fit, adjustments), described once. Each member says
// what it is called in the JSON output and in templates, its JSON Schema and
// template type, and how its value is read from the decision; the JSON
// writer (json_report.cc), the decision schema (decision_schema.cc), the
// names templates may use (doc/names.cc) and the template evaluator
// (doc/render.cc) all walk these tables, so they cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "../rules/expr.h"
#include "clef/decision.h"
#include "clef/value.h"

namespace clef::fields {

using nlohmann::ordered_json;

// What a member reads from: the decision, one of its items, the language.
// `key_titles` are the templates' names of the CLONG keys (labels.xml),
// absent for the JSON output; `explanation` is computed on first use.
template <class Item>
struct View {
  const Decision& decision;
  const Item& item;
  Lang lang;
  const std::array<std::array<std::string, 2>, 9>* key_titles = nullptr;
  std::optional<Explanation>* explanation = nullptr;  // the item's, once computed
};

template <class Item>
struct Member {
  std::string_view json;  // JSON member; empty: not in the JSON output
  std::string_view
      name;  // template name (after "decision." or the loop's variable); empty: JSON only
  bool optional = false;                          // JSON: absent when json_value gives nothing
  detail::Type type = detail::Type::text;         // template slot type
  std::span<const std::string_view> values = {};  // enumeration codes (schema and templates)
  bool needs_explanation = false;                 // reads explain(): computed only when shown
  ordered_json (*schema)() = nullptr;             // JSON Schema of the member
  std::optional<ordered_json> (*json_value)(const View<Item>&) = nullptr;
  Value (*slot)(const View<Item>&) = nullptr;  // the template's value
};

std::span<const Member<Decision>> decision_members();
std::span<const Member<Finding>> finding_members();
std::span<const Member<KeySummary>> key_members();
std::span<const Member<MissingFact>> missing_members();
std::span<const Member<SchemeFit>> fit_members();
std::span<const Member<Adjustment>> adjustment_members();

// The JSON object of an item: its members with a JSON face, in table order.
template <class Item>
ordered_json object(std::span<const Member<Item>> members, const View<Item>& view) {
  ordered_json j = ordered_json::object();
  for (const Member<Item>& m : members) {
    if (m.json.empty()) continue;
    if (std::optional<ordered_json> v = m.json_value(view)) j[std::string(m.json)] = std::move(*v);
  }
  return j;
}

// The JSON Schema of an item: additionalProperties false, the members that
// are never absent required.
template <class Item>
ordered_json object_schema(std::span<const Member<Item>> members) {
  ordered_json required = ordered_json::array(), properties = ordered_json::object();
  for (const Member<Item>& m : members) {
    if (m.json.empty()) continue;
    if (!m.optional) required.push_back(m.json);
    properties[std::string(m.json)] = m.schema();
  }
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", required},
          {"properties", properties}};
}

}  // namespace clef::fields
