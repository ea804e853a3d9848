// `clef check`: files, standard input and whole directories, one decision
// each, as text or JSON, and a count of each status when there are several.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

#include "clef/render.h"
#include "commands.h"
#include "common.h"

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
  const Lang lang = o.settings.lang;
  auto engine = load_engine(o, false);
  if (!engine) return kExitRules;
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
    CheckResult read = engine->check({source(target.path), o.settings});
    if (!read.decision && read.volunteer_file && target.in_directory) {
      ++volunteers;
      print_error(o,
                  target.path + " : fichier de volontaire ignoré (il se vérifie avec sa mission)",
                  target.path + ": volunteer file skipped (it is checked with its mission)");
      continue;
    }
    if (!read.decision) {
      ++unreadable;
      for (auto& e : read.problems) exit_code = std::max(exit_code, print_problem(o, e));
      if (json) outputs.push_back(render_errors_json(target.path, read.problems, lang));
      continue;
    }
    const Decision& d = *read.decision;
    ++by_status[static_cast<int>(d.status)];
    outputs.push_back(json ? render_json(d, lang)
                           : render_text(d, {lang, o.color_on, o.settings.passes}));
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

}  // namespace clef::cli
