#include "commands.h"
#include "common.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "clef/decision.h"
#include "clef/reader.h"
#include "clef/render.h"
#include "clef/ruleset.h"
#include "clef/schema.h"

namespace clef::cli {

namespace {

namespace fs = std::filesystem;

// What `check` reads: the files named, and under a directory every .xml and
// .json file (hidden ones aside), sorted so that the output is the same on
// every machine. Directory links are not followed, so a link loop ends.
struct Target {
  std::string path;
  bool in_directory = false;
};

bool is_document_name(const std::string& name) {
  auto ends = [&](std::string_view ext) {
    if (name.size() < ext.size()) return false;
    for (size_t i = 0; i < ext.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(name[name.size() - ext.size() + i])) != ext[i])
        return false;
    return true;
  };
  return ends(".xml") || ends(".json");
}

// Adds the documents under `dir` to `out`; false (message printed) if a part
// of the tree cannot be read.
bool collect(const Options& o, const fs::path& dir, std::vector<std::string>& out, int depth) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  bool ok = true;
  if (ec || depth > 64) {
    std::string why = ec ? ec.message() : std::string("trop profond / too deep");
    print_error(o, dir.string() + " : lecture du répertoire impossible (" + why + ")",
                dir.string() + ": cannot read the directory (" + why + ")");
    return false;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (name.starts_with(".")) continue;
    std::error_code e;
    if (entry.is_symlink(e) ? false : entry.is_directory(e)) {
      ok = collect(o, entry.path(), out, depth + 1) && ok;
    } else if (is_document_name(name) && entry.is_regular_file(e)) {
      out.push_back(entry.path().string());
    }
  }
  if (ec) {
    print_error(o, dir.string() + " : lecture du répertoire interrompue (" + ec.message() + ")",
                dir.string() + ": reading the directory failed (" + ec.message() + ")");
    ok = false;
  }
  return ok;
}

std::vector<Target> targets(const Options& o, bool& ok) {
  std::vector<Target> out;
  for (const std::string& arg : o.files) {
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      ok = collect(o, arg, found, 0) && ok;
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.push_back({std::move(f), true});
    } else {
      out.push_back({arg, false});
    }
  }
  return out;
}

// "1 incomplet", "3 non conformes": the words for one and for several.
struct Counted {
  std::string_view fr_one, fr_many, en_one, en_many;
};

std::string count_of(size_t n, const Counted& words, Lang lang) {
  std::string_view w = lang == Lang::fr ? (n > 1 ? words.fr_many : words.fr_one)
                                        : (n > 1 ? words.en_many : words.en_one);
  return std::to_string(n) + " " + std::string(w);
}

}  // namespace

int run_check(const Options& o) {
  const Lang lang = lang_of(o);
  auto ruleset = load(o);
  if (!ruleset) return kExitRules;
  CheckOptions options;
  if (!check_options(o, options)) return kExitUsage;
  InputFormat format = input_format(o);
  const bool json = o.format == "json";
  bool walked = true;
  const std::vector<Target> files = targets(o, walked);
  const bool from_directory =
      std::any_of(files.begin(), files.end(), [](const Target& t) { return t.in_directory; });
  int exit_code = walked ? kExitConforming : kExitUsage;

  // Each file's output is made whole before it is printed, so that the JSON
  // array stays valid whatever one file holds.
  std::vector<std::string> outputs;
  size_t by_status[4] = {0, 0, 0, 0}, unreadable = 0, volunteers = 0;
  for (const Target& target : files) {
    ReadResult read = read_file(target.path, format);
    if (!read.document && read.volunteer_file && target.in_directory) {
      ++volunteers;
      print_error(o,
                  target.path + " : fichier de volontaire ignoré (il se vérifie avec sa mission)",
                  target.path + ": volunteer file skipped (it is checked with its mission)");
      continue;
    }
    if (!read.document) {
      ++unreadable;
      for (auto& e : read.errors) print_line(e.format(lang));
      if (json) outputs.push_back(render_errors_json(target.path, read.errors, lang));
      exit_code = std::max(exit_code, kExitUsage);
      continue;
    }
    Decision d = check(ruleset, std::move(*read.document), options);
    ++by_status[static_cast<int>(d.status)];
    outputs.push_back(json ? render_json(d, lang)
                           : render_text(d, {lang, o.color_on, !o.no_passes}));
    bool ok = d.status == Status::conforme || d.status == Status::conforme_avec_reserves;
    exit_code = std::max(exit_code, ok ? kExitConforming : kExitNotConforming);
  }

  const bool array = json && (files.size() > 1 || from_directory);
  if (array) std::cout << "[\n";
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (json)
      std::cout << outputs[i] << (array && i + 1 < outputs.size() ? ",\n" : "\n");
    else
      std::cout << outputs[i] << (i + 1 < outputs.size() ? "\n" : "");
  }
  if (array) std::cout << "]\n";

  // With several files, one line says how many of each.
  if (files.size() > 1 || from_directory) {
    static constexpr Counted kStatus[] = {
        {"conforme", "conformes", "conforming", "conforming"},
        {"conforme avec réserves", "conformes avec réserves", "conforming with reservations",
         "conforming with reservations"},
        {"non conforme", "non conformes", "not conforming", "not conforming"},
        {"incomplet", "incomplets", "incomplete", "incomplete"}};
    const bool fr = lang == Lang::fr;
    std::string parts;
    auto add = [&](size_t n, const Counted& words) {
      if (n) parts += (parts.empty() ? "" : ", ") + count_of(n, words, lang);
    };
    for (int s = 0; s < 4; ++s) add(by_status[s], kStatus[s]);
    add(unreadable, {"illisible", "illisibles", "unreadable", "unreadable"});
    std::string line = std::string(fr ? "Bilan : " : "Summary: ") +
                       count_of(files.size() - volunteers,
                                {"document", "documents", "document", "documents"}, lang);
    if (!parts.empty()) line += " — " + parts;
    if (volunteers)
      line += (fr ? " ; " : "; ") +
              count_of(volunteers,
                       {"fichier de volontaire ignoré", "fichiers de volontaire ignorés",
                        "volunteer file skipped", "volunteer files skipped"},
                       lang);
    // The JSON on standard output stays one value: the summary goes to stderr.
    if (json)
      print_line(line);
    else
      std::cout << (outputs.empty() ? "" : "\n") << line << "\n";
  }
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
