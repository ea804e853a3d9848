#include "common.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "clef/render.h"
#include "output_file.h"

namespace clef::cli {
namespace fs = std::filesystem;

Lang lang_of(const Options& o) {
  return o.lang == "en" ? Lang::en : Lang::fr;
}

InputFormat input_format(const Options& o) {
  return o.input_format == "xml"    ? InputFormat::xml
         : o.input_format == "json" ? InputFormat::json
                                    : InputFormat::automatic;
}

namespace {

fs::path rules_dir(const Options& o) {
  if (!o.rules_dir.empty()) return o.rules_dir;
  if (const char* env = std::getenv("CLEF_RULES_DIR")) return env;
  return CLEF_DEFAULT_RULES_DIR;
}

std::string templates_dir(const Options& o) {
  if (!o.templates_dir.empty()) return o.templates_dir;
  if (const char* env = std::getenv("CLEF_TEMPLATES_DIR")) return env;
  return CLEF_DEFAULT_TEMPLATES_DIR;
}

}  // namespace

std::shared_ptr<const Ruleset> load(const Options& o) {
  std::optional<fs::path> registry;
  if (!o.registry.empty()) registry = o.registry;
  LoadResult r = Ruleset::load(rules_dir(o), registry);
  for (auto& e : r.errors) print_line(e.format());
  if (!r.errors.empty())
    std::cerr << tr(o, "clef : règles refusées (", "clef: rules refused (") << r.errors.size()
              << tr(o, " erreur(s))\n", " error(s))\n");
  return r.ruleset;
}

std::shared_ptr<const TemplateSet> load_templates(const Options& o) {
  std::vector<TemplateError> errors;
  auto templates = TemplateSet::load(templates_dir(o), errors);
  for (auto& e : errors) print_line(e.format());
  if (!errors.empty())
    std::cerr << tr(o, "clef : modèles refusés (", "clef: templates refused (") << errors.size()
              << tr(o, " erreur(s))\n", " error(s))\n");
  return templates;
}

bool check_options(const Options& o, CheckOptions& options) {
  options.phase = o.phase == "submission" ? Phase::submission : Phase::draft;
  if (o.as_of.empty()) return true;
  options.as_of = Date::from_iso(o.as_of);
  if (!options.as_of)
    print_error(o, "--as-of " + o.as_of + " : date AAAA-MM-JJ attendue",
                "--as-of " + o.as_of + ": expected a YYYY-MM-DD date");
  return options.as_of.has_value();
}

void print_error(const Options& o, const std::string& fr, const std::string& en) {
  print_line(tr(o, "clef : ", "clef: ") + (lang_of(o) == Lang::fr ? fr : en));
}

void print_line(const std::string& text) {
  std::cerr << terminal_safe(text, true) << "\n";
}

namespace {
int report(const Options& o, const OutputError& e) {
  print_error(o, e.fr, e.en);
  return e.usage ? kExitUsage : kExitOutput;
}
}  // namespace

int check_output(const Options& o, const std::vector<std::string>& inputs) {
  if (auto refused = check_output_target(o.output, inputs)) return report(o, *refused);
  return 0;
}

int write_output(const Options& o, const std::string& bytes,
                 const std::vector<std::string>& inputs) {
  if (auto failed = write_output_file(o.output, bytes, inputs)) return report(o, *failed);
  return 0;
}

}  // namespace clef::cli
