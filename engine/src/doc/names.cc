#include "names.h"

#include <array>

#include "../render/decision_fields.h"

namespace clef::doc {
namespace {

using detail::NameInfo;
using detail::Type;
using SV = std::string_view;

// The template names of a table of members (render/decision_fields.h): those
// with a template face, in slot order.
struct FieldDef {
  SV name;
  Type type;
  std::span<const SV> values = {};
  bool explanation = false;
};

template <class Item>
std::vector<FieldDef> template_fields(std::span<const fields::Member<Item>> members) {
  std::vector<FieldDef> out;
  for (const auto& m : members)
    if (!m.name.empty()) out.push_back({m.name, m.type, m.values, m.needs_explanation});
  return out;
}

const std::vector<FieldDef>& decision_fields() {
  static const auto defs = template_fields(fields::decision_members());
  return defs;
}

const std::vector<FieldDef>& defs(Source source) {
  static const auto findings = template_fields(fields::finding_members());
  static const auto keys = template_fields(fields::key_members());
  static const auto fits = template_fields(fields::fit_members());
  static const auto facts = template_fields(fields::missing_members());
  static const std::vector<FieldDef> none;
  switch (source) {
    case Source::findings:
      return findings;
    case Source::keys:
      return keys;
    case Source::scheme_fit:
      return fits;
    case Source::missing_facts:
      return facts;
    default:
      return none;
  }
}

NameInfo info(uint16_t slot, Type type, std::span<const SV> values = {}, Unit unit = Unit::none) {
  NameInfo i;
  i.slot = slot;
  i.type = type;
  i.values = values;
  i.unit = unit;
  return i;
}

}  // namespace

void TemplateNames::add_decision_slots(std::vector<SlotFormat>& slots) {
  for (auto& d : decision_fields()) slots.push_back({d.type, Unit::none, FieldType::text, {}});
}

void TemplateNames::push(std::string var, Source source, FieldId list_field,
                         std::vector<SlotFormat>& slots, bool* needs_explanation) {
  LoopScope scope{var, {}, needs_explanation};
  auto slot = [&] { return static_cast<uint16_t>(slots.size()); };
  if (source == Source::text_list) {
    scope.names.push_back({var, info(slot(), Type::text), false});
    slots.push_back({Type::text, Unit::none, FieldType::text, {}});
  } else if (source == Source::record_list) {
    for (auto& sub : field(list_field).sub_fields) {
      NameInfo i = info(slot(), detail::type_of(sub.type), sub.values);
      scope.names.push_back({var + "." + std::string(sub.name), i, false});
      slots.push_back({i.type, Unit::none, sub.type,
                       sub.type == FieldType::enumeration ? field(list_field).path : SV{}});
    }
  } else {
    for (auto& d : defs(source)) {
      scope.names.push_back(
          {var + "." + std::string(d.name), info(slot(), d.type, d.values), d.explanation});
      slots.push_back({d.type, Unit::none, FieldType::text, {}});
    }
  }
  scopes_.push_back(std::move(scope));
}

bool TemplateNames::has_var(std::string_view var) const {
  for (auto& s : scopes_)
    if (s.var == var) return true;
  return false;
}

std::optional<NameInfo> TemplateNames::find(std::string_view name) const {
  for (auto s = scopes_.rbegin(); s != scopes_.rend(); ++s)
    for (auto& n : s->names)
      if (n.name == name) {
        if (n.explanation && s->needs_explanation) *s->needs_explanation = true;
        return n.info;
      }
  if (name.starts_with("document.")) {
    auto id = find_field(name.substr(9));
    if (!id || (field(*id).kinds & kinds_) == 0) return std::nullopt;
    return detail::name_info(*id);
  }
  if (name.starts_with("decision.")) {
    SV rest = name.substr(9);
    const auto& decision = decision_fields();
    for (size_t i = 0; i < decision.size(); ++i)
      if (decision[i].name == rest)
        return info(static_cast<uint16_t>(catalogue().size() + i), decision[i].type,
                    decision[i].values);
  }
  return std::nullopt;
}

std::vector<std::string> TemplateNames::visible() const {
  std::vector<std::string> out;
  for (auto& s : scopes_)
    for (auto& n : s.names) out.push_back(n.name);
  for (auto& d : decision_fields()) out.push_back("decision." + std::string(d.name));
  for (auto& f : catalogue())
    if (f.kinds & kinds_) out.push_back("document." + std::string(f.path));
  return out;
}

std::string TemplateNames::unknown(std::string_view name) const {
  std::string message = "nom inconnu « " + std::string(name) + " »";
  if (!name.starts_with("document.") && !name.starts_with("decision.") && scopes_.empty())
    message += " (les noms commencent par document., decision. ou la variable d'une boucle)";
  return message;
}

}  // namespace clef::doc
