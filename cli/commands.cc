#include "commands.h"
#include "common.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "clef/decision.h"
#include "clef/reader.h"
#include "clef/render.h"
#include "clef/ruleset.h"
#include "clef/schema.h"

namespace clef::cli {

int run_check(const Options& o) {
  const Lang lang = lang_of(o);
  auto ruleset = load(o);
  if (!ruleset) return kExitRules;
  CheckOptions options;
  if (!check_options(o, options)) return kExitUsage;
  InputFormat format = input_format(o);
  const bool json = o.format == "json";
  const bool many = o.files.size() > 1;
  int exit_code = kExitConforming;
  if (json && many) std::cout << "[\n";
  for (size_t i = 0; i < o.files.size(); ++i) {
    ReadResult read = read_file(o.files[i], format);
    std::string output;
    if (!read.document) {
      for (auto& e : read.errors) std::cerr << e.format(lang) << "\n";
      if (json) output = render_errors_json(o.files[i], read.errors, lang);
      exit_code = std::max(exit_code, kExitUsage);
    } else {
      Decision d = check(ruleset, std::move(*read.document), options);
      output = json ? render_json(d, lang) : render_text(d, {lang, o.color_on, !o.no_passes});
      bool ok = d.status == Status::conforme || d.status == Status::conforme_avec_reserves;
      exit_code = std::max(exit_code, ok ? kExitConforming : kExitNotConforming);
    }
    if (json)
      std::cout << output << (many && i + 1 < o.files.size() ? ",\n" : "\n");
    else if (!output.empty())
      std::cout << output << (many && i + 1 < o.files.size() ? "\n" : "");
  }
  if (json && many) std::cout << "]\n";
  return exit_code;
}

int run_rules_list(const Options& o) {
  auto ruleset = load(o);
  if (!ruleset) return kExitRules;
  const Lang lang = lang_of(o);
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
  auto ruleset = load(o);
  if (!ruleset) return kExitRules;
  const Lang lang = lang_of(o);
  const Rule* r = ruleset->find(o.rule_id);
  if (!r) {
    std::cerr << "clef: " << (lang == Lang::fr ? "règle inconnue « " : "unknown rule '")
              << o.rule_id << (lang == Lang::fr ? " »\n" : "'\n");
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
  auto ruleset = load(o);
  if (!ruleset) return kExitRules;
  const bool fr = lang_of(o) == Lang::fr;
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
