#include "common.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

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
  for (auto& e : r.errors) std::cerr << e.format() << "\n";
  if (!r.errors.empty())
    std::cerr << tr(o, "clef : règles refusées (", "clef: rules refused (") << r.errors.size()
              << tr(o, " erreur(s))\n", " error(s))\n");
  return r.ruleset;
}

std::shared_ptr<const TemplateSet> load_templates(const Options& o) {
  std::vector<TemplateError> errors;
  auto templates = TemplateSet::load(templates_dir(o), errors);
  for (auto& e : errors) std::cerr << e.format() << "\n";
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
    std::cerr << "clef: --as-of " << o.as_of
              << tr(o, " : date AAAA-MM-JJ attendue\n", ": expected a YYYY-MM-DD date\n");
  return options.as_of.has_value();
}

bool write_output(const Options& o, const std::string& path, const std::string& bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  fs::path target(path);
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(getpid());
  bool ok = false;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) {
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.close();
      ok = static_cast<bool>(out);
    }
  }
  std::error_code ec;
  if (ok) fs::rename(temp, target, ec);
  if (!ok || ec) {
    fs::remove(temp, ec);
    std::cerr << "clef: " << path
              << tr(o, " : écriture impossible (répertoire absent ou droits insuffisants)\n",
                    ": cannot write (missing directory or no permission)\n");
    return false;
  }
  return true;
}

}  // namespace clef::cli
