// clef_report_html: writes the HTML conformity report of each sample mission
// (report_html.h), the input LibreOffice converts in
// bench/report_vs_libreoffice.sh. Needs no PDF code, so the LibreOffice side
// of the benchmark runs on its own.
#include <cstdio>
#include <string>

#include "report_common.h"

int main(int argc, char** argv) {
  std::string out, rules_dir = CLEF_DEFAULT_RULES_DIR, samples_dir = CLEF_SAMPLES_DIR;
  clef::Lang lang = clef::Lang::fr;
  int copies = 0;  // 0: one file per mission, without a number
  bool titles = false;
  CLI::App app{"Writes the HTML conformity report of each sample mission (bench/README.md)",
               "clef_report_html"};
  app.add_option("--out", out, "Where to write <mission>.html (created if needed)")
      ->type_name("DIR");
  app.add_option("--copies", copies,
                 "Write N copies of each, <mission>-001.html … (default: one, <mission>.html)")
      ->type_name("N")
      ->check(clef_bench::at_least(0));
  clef_bench::add_lang_option(app, lang);
  clef_bench::add_source_options(app, rules_dir, samples_dir);
  app.add_flag("--titles", titles, "Print '<mission>\\t<title>' for each mission on stdout");
  app.callback([&] {
    if (out.empty() && !titles) throw CLI::RequiredError("--out (or --titles)");
  });
  clef_bench::parse_or_exit(app, argc, argv);

  const auto missions = clef_bench::check_missions(clef_bench::load_rules(rules_dir), samples_dir);
  if (titles)
    for (const auto& m : missions) std::printf("%s\t%s\n", m.stem.c_str(), m.title.c_str());
  if (!out.empty()) {
    size_t n = clef_bench::write_html(missions, out, lang, copies);
    std::fprintf(stderr, "clef_report_html: %zu files written to %s\n", n, out.c_str());
  }
  return 0;
}
