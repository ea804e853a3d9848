// Loading a whole rules/ directory, and what a loaded ruleset answers.
#include <algorithm>

#include "../util/files.h"
#include "../util/sha256.h"
#include "ruleset_data.h"

namespace clef {

using detail::RulesetData;

std::string_view to_string(Severity s, Lang lang) {
  static constexpr std::string_view fr[] = {"bloquant", "majeur", "mineur", "info"};
  static constexpr std::string_view en[] = {"blocking", "major", "minor", "info"};
  return (lang == Lang::fr ? fr : en)[static_cast<int>(s)];
}
std::string_view to_string(Outcome o, Lang lang) {
  static constexpr std::string_view fr[] = {"non conforme", "conforme", "non applicable",
                                            "inconnu"};
  static constexpr std::string_view en[] = {"fail", "pass", "not applicable", "unknown"};
  return (lang == Lang::fr ? fr : en)[static_cast<int>(o)];
}
std::string_view code(Severity s) {
  return to_string(s, Lang::fr);
}
std::string_view code(Outcome o) {
  static constexpr std::string_view c[] = {"fail", "pass", "not_applicable", "unknown"};
  return c[static_cast<int>(o)];
}
std::string_view code(Phase p) {
  return p == Phase::draft ? "draft" : "submission";
}

std::string LoadError::format() const {
  std::string out = file;
  if (position.line)
    out += ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
  return out + ": " + message;
}

const Value* Parameter::at(Date as_of) const {
  const Value* found = nullptr;
  for (auto& v : values)
    if (v.from <= as_of && (!v.to || as_of <= *v.to)) found = &v.value;
  return found;
}

namespace {

bool overlap(uint32_t a, uint32_t b) {
  return a == 0 || b == 0 || (a & b) != 0;
}

}  // namespace

namespace detail {

void link_exceptions(RulesetData& data, std::vector<LoadError>& errors) {
  for (size_t i = 0; i < data.rules.size(); ++i) {
    Rule& r = data.rules[i];
    if (r.refines.empty()) continue;
    auto it = data.rule_index.find(r.refines);
    if (it == data.rule_index.end()) {
      errors.push_back(
          {r.file, r.position,
           "règle « " + r.id + " » : refines=\"" + r.refines + "\" ne désigne aucune règle"});
      continue;
    }
    const Rule& base = data.rules[it->second];
    if (base.kind != r.kind || !base.refines.empty()) {
      errors.push_back(
          {r.file, r.position,
           "règle « " + r.id +
               " » : une exception affine une règle de base du même type de document"});
      continue;
    }
    data.compiled[i].base = static_cast<int32_t>(it->second);
    data.compiled[it->second].exceptions.push_back(static_cast<uint32_t>(i));
  }
  // Two exceptions to the same rule that can apply together must agree;
  // otherwise which one wins would be a silent choice.
  for (auto& base : data.compiled) {
    for (size_t x = 0; x < base.exceptions.size(); ++x) {
      for (size_t y = x + 1; y < base.exceptions.size(); ++y) {
        const Rule& a = data.rules[base.exceptions[x]];
        const Rule& b = data.rules[base.exceptions[y]];
        const CompiledRule& ca = data.compiled[base.exceptions[x]];
        const CompiledRule& cb = data.compiled[base.exceptions[y]];
        bool periods =
            !(a.effective_to && b.effective_from && *a.effective_to < *b.effective_from) &&
            !(b.effective_to && a.effective_from && *b.effective_to < *a.effective_from);
        bool together = overlap(ca.scheme_mask, cb.scheme_mask) &&
                        overlap(ca.programme_mask, cb.programme_mask) && periods &&
                        a.phase == b.phase;
        bool agree = a.condition_text == b.condition_text && a.when_text == b.when_text;
        if (together && !agree)
          errors.push_back({b.file, b.position,
                            "exceptions en conflit : « " + a.id + " » (" + a.file + ":" +
                                std::to_string(a.position.line) + ") et « " + b.id +
                                " » affinent « " + a.refines +
                                " », peuvent s'appliquer ensemble et divergent"});
      }
    }
  }
}

}  // namespace detail

LoadResult Ruleset::load(const std::filesystem::path& rules_dir,
                         const std::optional<std::filesystem::path>& registry) {
  LoadResult result;
  auto data = std::make_unique<RulesetData>();
  Sha256 hash;
  std::vector<std::string> revisions;
  auto read = [&](const std::filesystem::path& path, std::string& bytes) {
    if (!read_data_file(path, bytes, result.errors)) return false;
    hash.update(path.filename().string());
    hash.update(std::string_view("\0", 1));
    hash.update(bytes);
    return true;
  };

  auto xml_files = [&](const std::filesystem::path& dir) {
    return list_xml_files(dir, result.errors);
  };
  auto packs = xml_files(rules_dir / "packs");
  if (packs.empty())
    result.errors.push_back({(rules_dir / "packs").string(), {}, "aucun pack de règles (*.xml)"});
  std::string bytes;
  for (auto& path : packs) {
    if (!read(path, bytes)) continue;
    std::string revision;
    detail::load_pack(path.string(), bytes, *data, result.errors, revision);
    if (!revision.empty()) revisions.push_back(revision);
  }
  for (auto& path : xml_files(rules_dir / "lexicons"))
    if (read(path, bytes)) detail::load_lexicon(path.string(), bytes, data->lexicon, result.errors);
  auto registry_path = registry ? *registry : rules_dir / "registry" / "carriers.xml";
  if (read(registry_path, bytes))
    detail::load_registry(registry_path.string(), bytes, data->registry, result.errors);
  detail::link_exceptions(*data, result.errors);
  data->fit_rules.resize(scheme_names().size());
  for (uint32_t i = 0; i < data->rules.size(); ++i) {
    Severity sev = data->rules[i].severity;
    if (sev != Severity::bloquant && sev != Severity::majeur) continue;
    for (size_t sc = 0; sc < scheme_names().size(); ++sc)
      if (data->compiled[i].scheme_mask & (1u << sc)) data->fit_rules[sc].push_back(i);
  }
  for (size_t i = 0; i < data->lexicon.size(); ++i) {
    const std::string& f = data->lexicon[i].folded;  // at least two bytes (lexicon loader)
    data->lexicon_by_prefix[RulesetData::lexicon_key(f[0], f[1])].push_back(
        static_cast<uint16_t>(i));
  }
  if (!result.errors.empty()) return result;

  std::sort(revisions.begin(), revisions.end());
  data->revision = (revisions.empty() ? "0" : revisions.back()) + "+" + hash.hex().substr(0, 12);
  result.ruleset = std::shared_ptr<const Ruleset>(new Ruleset(std::move(data)));
  return result;
}

Ruleset::Ruleset(std::unique_ptr<RulesetData> data) : data_(std::move(data)) {}
Ruleset::~Ruleset() = default;

const std::string& Ruleset::revision() const {
  return data_->revision;
}
std::span<const Rule> Ruleset::rules() const {
  return data_->rules;
}
const Rule* Ruleset::find(std::string_view id) const {
  auto it = data_->rule_index.find(std::string(id));
  return it == data_->rule_index.end() ? nullptr : &data_->rules[it->second];
}
std::span<const Parameter> Ruleset::parameters() const {
  return data_->params;
}
const Parameter* Ruleset::find_parameter(std::string_view id) const {
  auto it = data_->param_index.find(std::string(id));
  return it == data_->param_index.end() ? nullptr : &data_->params[it->second];
}
bool Ruleset::registry_is_example() const {
  return data_->registry.example;
}
const std::string& Ruleset::registry_notice(Lang lang) const {
  return data_->registry.notice.get(lang);
}

std::vector<ExampleResult> Ruleset::run_examples() const {
  std::vector<ExampleResult> results;
  std::vector<detail::Slot> when_slots, slots;
  auto index_of = [](std::span<const std::string_view> names, const std::string& name) {
    auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
  };
  for (size_t i = 0; i < data_->rules.size(); ++i) {
    const Rule& rule = data_->rules[i];
    const detail::CompiledRule& compiled = data_->compiled[i];
    bool has_fail = false;
    for (auto& ex : compiled.examples) {
      has_fail = has_fail || ex.expected == Outcome::fail;
      std::vector<Value> facts(catalogue().size());
      for (auto& [id, value] : ex.facts) facts[id] = value;
      // Unless the example says otherwise, it is checked as of the latest
      // date among the rule's start and its parameters' values.
      Date as_of = rule.effective_from.value_or(Date::from_ymd(2000, 1, 1));
      for (auto p : compiled.params_used)
        for (auto& v : data_->params[p].values) as_of = std::max(as_of, v.from);
      if (ex.as_of) as_of = *ex.as_of;
      auto params = detail::params_at(*data_, as_of);
      detail::RuleContext context;
      context.kind = rule.kind;
      context.phase = Phase::submission;
      context.as_of = as_of;
      context.facts = &facts;
      context.params = &params;
      std::string scheme = ex.scheme.value_or(rule.schemes.empty() ? "" : rule.schemes.front());
      std::string programme =
          ex.programme.value_or(rule.programmes.empty() ? "" : rule.programmes.front());
      context.scheme = index_of(scheme_names(), scheme);
      context.programme = index_of(programme_names(), programme);
      Outcome got = detail::applies(rule, compiled, context)
                        ? detail::evaluate_rule(compiled, context, when_slots, slots)
                        : Outcome::not_applicable;
      ExampleResult r;
      r.rule = &rule;
      r.name = ex.name.empty() ? rule.file + ":" + std::to_string(ex.position.line) : ex.name;
      r.expected = ex.expected;
      r.got = got;
      r.ok = got == ex.expected;
      results.push_back(std::move(r));
    }
    if (!has_fail) {
      ExampleResult r;
      r.rule = &rule;
      r.name = rule.file + ":" + std::to_string(rule.position.line);
      r.problem = "aucun exemple en échec (outcome=\"fail\") : la règle ne peut pas être éprouvée";
      results.push_back(std::move(r));
    }
  }
  return results;
}

}  // namespace clef
