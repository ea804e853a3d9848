// clef_report_html: writes the HTML conformity report of each sample mission
// (report_html.h), the input LibreOffice converts in
// bench/report_vs_libreoffice.sh. Needs no PDF code, so the LibreOffice side
// of the benchmark runs on its own.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "report_common.h"

namespace {

[[noreturn]] void usage(int code) {
  std::fputs(
      "usage: clef_report_html --out DIR [options]\n"
      "  --out DIR        where to write <mission>.html (created if needed)\n"
      "  --copies N       write N copies of each, <mission>-001.html … (default: one,\n"
      "                   <mission>.html)\n"
      "  --lang fr|en     language of the reports (default fr)\n"
      "  --rules DIR      rules directory (default: the bundled rules/)\n"
      "  --samples DIR    samples directory; missions are read from DIR/missions\n"
      "  --titles         print '<mission>\\t<title>' for each mission on stdout\n",
      code == 0 ? stdout : stderr);
  std::exit(code);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out, rules_dir = CLEF_DEFAULT_RULES_DIR, samples_dir = CLEF_SAMPLES_DIR;
  clef::Lang lang = clef::Lang::fr;
  int copies = 0;  // 0: one file per mission, without a number
  bool titles = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(2);
      return argv[++i];
    };
    if (a == "--help" || a == "-h")
      usage(0);
    else if (a == "--out")
      out = value();
    else if (a == "--copies")
      copies = std::atoi(value().c_str());
    else if (a == "--lang") {
      std::string l = value();
      if (l != "fr" && l != "en") usage(2);
      lang = l == "fr" ? clef::Lang::fr : clef::Lang::en;
    } else if (a == "--rules")
      rules_dir = value();
    else if (a == "--samples")
      samples_dir = value();
    else if (a == "--titles")
      titles = true;
    else {
      std::fprintf(stderr, "clef_report_html: unknown option %s\n", argv[i]);
      usage(2);
    }
  }
  if (copies < 0 || (out.empty() && !titles)) usage(2);

  const auto missions = clef_bench::check_missions(clef_bench::load_rules(rules_dir), samples_dir);
  if (titles)
    for (const auto& m : missions) std::printf("%s\t%s\n", m.stem.c_str(), m.title.c_str());
  if (!out.empty()) {
    size_t n = clef_bench::write_html(missions, out, lang, copies);
    std::fprintf(stderr, "clef_report_html: %zu files written to %s\n", n, out.c_str());
  }
  return 0;
}
