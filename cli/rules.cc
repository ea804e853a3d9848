// `clef rules` and `clef schema`: the rule packs and the published schemas,
// for the people who write and review them.
#include <iostream>

#include "clef/render.h"
#include "clef/schema.h"
#include "commands.h"
#include "common.h"

namespace clef::cli {

int run_rules_list(const Options& o) {
  auto engine = load_engine(o, false);
  if (!engine) return kExitRules;
  const auto& ruleset = engine->ruleset();
  const Lang lang = o.settings.lang;
  for (auto& r : ruleset->rules()) {
    std::cout << r.id << "\t" << to_string(r.severity, lang) << "\t" << r.pack << "\t"
              << (r.key ? "clé " + std::to_string(r.key) : std::string("-")) << "\t"
              << r.title.get(lang) << "\n";
  }
  std::cout << ruleset->rules().size()
            << (lang == Lang::fr ? " règles, révision " : " rules, revision ")
            << ruleset->revision() << "\n";
  return 0;
}

int run_rules_show(const Options& o) {
  auto engine = load_engine(o, false);
  if (!engine) return kExitRules;
  const auto& ruleset = engine->ruleset();
  const Lang lang = o.settings.lang;
  const Rule* r = ruleset->find(o.rule_id);
  if (!r) {
    print_error(o, "règle inconnue « " + o.rule_id + " »", "unknown rule '" + o.rule_id + "'");
    return kExitUsage;
  }
  bool fr = lang == Lang::fr;
  std::cout << r->id << " — " << r->title.get(lang) << "\n"
            << (fr ? "  pack : " : "  pack: ") << r->pack << " (" << r->file << ":"
            << r->position.line << ")\n"
            << (fr ? "  gravité : " : "  severity: ") << to_string(r->severity, lang) << "\n"
            << (fr ? "  s'applique à : " : "  applies to: ") << to_string(r->kind);
  for (auto& s : r->schemes) std::cout << " " << s;
  for (auto& p : r->programmes) std::cout << " [" << p << "]";
  std::cout << " · phase " << code(r->phase) << "\n";
  if (r->key)
    std::cout << (fr ? "  clé qualité CLONG : " : "  CLONG quality key: ") << r->key << "\n";
  if (r->effective_from)
    std::cout << (fr ? "  en vigueur depuis : " : "  in force from: ") << r->effective_from->iso()
              << "\n";
  if (!r->refines.empty())
    std::cout << (fr ? "  exception à : " : "  exception to: ") << r->refines << " (" << r->label
              << ")\n";
  std::cout << (fr ? "  source : " : "  source: ") << r->reference.text
            << (r->reference.url.empty() ? "" : " <" + r->reference.url + ">")
            << (r->reference.confidence == Confidence::unconfirmed
                    ? (fr ? " [non confirmée]" : " [unconfirmed]")
                    : "")
            << "\n";
  if (!r->clause.get(lang).empty())
    std::cout << (fr ? "  texte : " : "  text: ") << r->clause.get(lang) << "\n";
  if (!r->when_text.empty()) std::cout << (fr ? "  quand : " : "  when: ") << r->when_text << "\n";
  std::cout << "  condition : " << r->condition_text << "\n"
            << "  message : " << r->message.get(lang) << "\n"
            << (fr ? "  remède : " : "  remediation: ") << r->remediation.get(lang) << "\n";
  for (auto& p : ruleset->parameters()) {
    if (r->condition_text.find("$" + p.id) == std::string::npos &&
        r->when_text.find("$" + p.id) == std::string::npos)
      continue;
    std::cout << "  $" << p.id << " — " << p.label.get(lang) << " (" << p.reference.text << ")\n";
    for (auto& v : p.values)
      std::cout << "      " << (fr ? "depuis " : "from ") << v.from.iso() << " : "
                << (v.value.get<double>()  ? std::to_string(*v.value.get<double>())
                    : v.value.get<Money>() ? v.value.get<Money>()->plain()
                                           : "")
                << " " << p.type << "\n";
  }
  return 0;
}

int run_rules_test(const Options& o) {
  auto engine = load_engine(o, false);
  if (!engine) return kExitRules;
  const auto& ruleset = engine->ruleset();
  const bool fr = o.settings.lang == Lang::fr;
  int passed = 0, failed = 0;
  for (auto& r : ruleset->run_examples()) {
    if (!r.problem.empty()) {
      ++failed;
      std::cout << r.name << ": " << r.rule->id << ": " << r.problem << "\n";
      continue;
    }
    if (r.ok) {
      ++passed;
      continue;
    }
    ++failed;
    std::cout << r.name << ": " << r.rule->id
              << (fr ? " : exemple attendu " : ": example expected ") << code(r.expected)
              << (fr ? ", obtenu " : ", got ") << code(r.got) << "\n";
  }
  std::cout << ruleset->rules().size() << (fr ? " règles, " : " rules, ") << passed
            << (fr ? " exemples conformes, " : " examples as expected, ") << failed
            << (fr ? " en échec\n" : " failing\n");
  return failed ? kExitNotConforming : 0;
}

int run_schema(const Options& o) {
  if (o.schema == "xsd")
    std::cout << input_xsd();
  else if (o.schema == "json")
    std::cout << input_json_schema();
  else
    std::cout << decision_json_schema();
  return 0;
}

}  // namespace clef::cli
