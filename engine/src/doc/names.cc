#include "names.h"

#include <array>

namespace clef::doc {
namespace {

using detail::NameInfo;
using detail::Type;
using SV = std::string_view;

constexpr std::array<SV, 4> kSeverities = {"bloquant", "majeur", "mineur", "info"};
constexpr std::array<SV, 4> kOutcomes = {"fail", "pass", "not_applicable", "unknown"};
constexpr std::array<SV, 4> kStatuses = {"conforme", "conforme_avec_reserves", "non_conforme",
                                         "incomplet"};
constexpr std::array<SV, 5> kVerdicts = {"eligible", "to_confirm", "near_miss", "not_eligible",
                                         "out_of_scope"};
constexpr std::array<SV, 2> kPhases = {"draft", "submission"};
constexpr std::array<SV, 5> kColours = {"green", "orange", "red", "blue", "grey"};

struct FieldDef {
  SV name;
  Type type;
  std::span<const SV> values = {};
  Unit unit = Unit::none;
};

// Order = slot order = the enums of template.h.
constexpr std::array<FieldDef, decision_field::count> kDecision = {{
    {"id", Type::text},
    {"revision", Type::text},
    {"as_of", Type::date},
    {"phase", Type::text, kPhases},
    {"phase_label", Type::text},
    {"kind", Type::text},
    {"status", Type::text, kStatuses},
    {"status_label", Type::text},
    {"status_colour", Type::text, kColours},
    {"blocking_count", Type::number},
    {"failed_count", Type::number},
    {"unknown_count", Type::number},
    {"reserve_count", Type::number},
    {"open_bloquant", Type::number},
    {"open_majeur", Type::number},
    {"open_mineur", Type::number},
    {"open_info", Type::number},
    {"checked_count", Type::number},
    {"not_applicable_count", Type::number},
    {"registry_example", Type::boolean},
}};

constexpr std::array<FieldDef, item::finding_count> kFinding = {{
    {"rule_id", Type::text},
    {"severity", Type::text, kSeverities},
    {"severity_label", Type::text},
    {"outcome", Type::text, kOutcomes},
    {"outcome_label", Type::text},
    {"title", Type::text},
    {"pack", Type::text},
    {"key", Type::number},
    {"reference", Type::text},
    {"reference_url", Type::text},
    {"confidence", Type::text},
    {"missing", Type::text},
    {"message", Type::text},
    {"found", Type::text},
    {"expected", Type::text},
    {"remediation", Type::text},
}};

constexpr std::array<FieldDef, item::key_count> kKey = {{
    {"number", Type::number},
    {"title", Type::text},
    {"outcome", Type::text, kOutcomes},
    {"outcome_label", Type::text},
    {"passed", Type::number},
    {"failed", Type::number},
    {"unknown", Type::number},
}};

constexpr std::array<FieldDef, item::fit_count> kFit = {{
    {"scheme", Type::text},
    {"scheme_label", Type::text},
    {"current", Type::boolean},
    {"verdict", Type::text, kVerdicts},
    {"verdict_label", Type::text},
    {"adjustments", Type::text},
    {"failing", Type::text},
    {"unknown", Type::text},
}};

constexpr std::array<FieldDef, item::fact_count> kFact = {{
    {"path", Type::text},
    {"label", Type::text},
    {"rules", Type::text},
}};

std::span<const FieldDef> defs(Source source) {
  switch (source) {
    case Source::findings:
      return kFinding;
    case Source::keys:
      return kKey;
    case Source::scheme_fit:
      return kFit;
    case Source::missing_facts:
      return kFact;
    default:
      return {};
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
  for (auto& d : kDecision) slots.push_back({d.type, d.unit, FieldType::text, {}});
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
      bool explanation = source == Source::findings && (&d - defs(source).data()) >= item::message;
      scope.names.push_back(
          {var + "." + std::string(d.name), info(slot(), d.type, d.values, d.unit), explanation});
      slots.push_back({d.type, d.unit, FieldType::text, {}});
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
    for (size_t i = 0; i < kDecision.size(); ++i)
      if (kDecision[i].name == rest)
        return info(static_cast<uint16_t>(catalogue().size() + i), kDecision[i].type,
                    kDecision[i].values);
  }
  return std::nullopt;
}

std::vector<std::string> TemplateNames::visible() const {
  std::vector<std::string> out;
  for (auto& s : scopes_)
    for (auto& n : s.names) out.push_back(n.name);
  for (auto& d : kDecision) out.push_back("decision." + std::string(d.name));
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
