#include "report_common.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "report_html.h"

namespace clef_bench {

namespace fs = std::filesystem;

void add_lang_option(CLI::App& app, clef::Lang& lang) {
  app.add_option_function<std::string>(
         "--lang",
         [&lang](const std::string& l) { lang = l == "en" ? clef::Lang::en : clef::Lang::fr; },
         "Language of the reports (default fr)")
      ->check(CLI::IsMember({"fr", "en"}));
}

std::vector<Mission> check_missions(const std::shared_ptr<const clef::Ruleset>& ruleset,
                                    const std::string& samples_dir) {
  const fs::path dir = fs::path(samples_dir) / "missions";
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    if (entry.is_regular_file() && p.extension() == ".xml" &&
        !p.filename().string().starts_with("draft"))
      paths.push_back(p);
  }
  if (ec) die("cannot list " + dir.string() + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) die("no mission in " + dir.string());

  std::vector<Mission> missions;
  for (const fs::path& p : paths) {
    const std::string name = "missions/" + p.filename().string();
    clef::ReadResult r = read_or_die(slurp(p), name, clef::InputFormat::xml);
    Mission m;
    m.stem = p.stem().string();
    m.decision = clef::check(ruleset, std::move(*r.document), {});
    if (auto id = clef::find_field("title"))
      if (auto* t = m.decision.facts->values[*id].get<std::string>()) m.title = *t;
    missions.push_back(std::move(m));
  }
  return missions;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) die("cannot write " + path);
}

size_t write_html(const std::vector<Mission>& missions, const std::string& dir, clef::Lang lang,
                  int copies) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) die("cannot create " + dir + ": " + ec.message());
  size_t written = 0;
  for (const Mission& m : missions) {
    const std::string html = report_html(m.decision, lang);
    if (copies <= 0) {
      write_file((fs::path(dir) / (m.stem + ".html")).string(), html);
      ++written;
      continue;
    }
    for (int c = 1; c <= copies; ++c) {
      char suffix[32];
      std::snprintf(suffix, sizeof suffix, "-%03d.html", c);
      write_file((fs::path(dir) / (m.stem + suffix)).string(), html);
      ++written;
    }
  }
  return written;
}

// Pages of a PDF: the page objects ("/Type /Page", not "/Pages"). PoDoFo
// writes object dictionaries in the clear, so a byte scan finds them.
int count_pages(std::string_view pdf) {
  int pages = 0;
  for (size_t at = pdf.find("/Type"); at != std::string_view::npos;
       at = pdf.find("/Type", at + 5)) {
    size_t p = at + 5;
    while (p < pdf.size() && (pdf[p] == ' ' || pdf[p] == '\n' || pdf[p] == '\r')) ++p;
    if (pdf.substr(p, 5) != "/Page") continue;
    char next = p + 5 < pdf.size() ? pdf[p + 5] : ' ';
    bool name_goes_on = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                        (next >= '0' && next <= '9');
    pages += !name_goes_on;
  }
  return pages;
}

std::shared_ptr<const clef::TemplateSet> load_templates_or_die(const std::string& dir) {
  std::vector<clef::TemplateError> errors;
  auto templates = clef::TemplateSet::load(dir, errors);
  if (!templates) {
    for (auto& e : errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    die("cannot load the templates from " + dir);
  }
  return templates;
}

}  // namespace clef_bench
