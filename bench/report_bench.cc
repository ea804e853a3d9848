// clef_report_bench: conformity reports rendered to PDF per second on one
// core (issue 3). The rules and the templates are loaded once; the sample
// missions are checked once (their decisions are the inputs here: the check
// itself is clef_bench's business); then clef::render_pdf(templates, "report",
// decision, PdfOptions{lang}) is timed in a loop over those decisions.
//
// Also measured, for information: report_html(), the HTML version of the same
// report that bench/report_vs_libreoffice.sh gives LibreOffice to convert —
// it shows what the words of the report (explain(), labels) cost alone.
//
// Each measurement runs passes over every decision, calibrated so that one
// run lasts at least --min-time seconds, repeated --repeats times, the
// measurements taking turns; the median run is reported (the method of
// harness.h, shared with clef_bench).
//
// Goal (bench/README.md): at most 3 ms per report on one core.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "clef/documents.h"
#include "harness.h"
#include "report_common.h"
#include "report_html.h"

namespace {

namespace fs = std::filesystem;
using clef_bench::die;
using clef_bench::Measurement;
using clef_bench::Mission;

constexpr double kGoalMs = 3.0;  // ms per report, at most

struct Options {
  clef_bench::TimingOptions timing;
  std::string rules_dir = CLEF_DEFAULT_RULES_DIR;
  std::string samples_dir = CLEF_SAMPLES_DIR;
  std::string templates_dir = CLEF_TEMPLATES_DIR;
  std::string html_dir, pdf_dir;
  clef::Lang lang = clef::Lang::fr;
  bool no_html = false;
};

Options parse_options(int argc, char** argv) {
  Options o;
  CLI::App app{"Conformity reports rendered to PDF per second on one core (bench/README.md)",
               "clef_report_bench"};
  clef_bench::add_timing_options(app, o.timing, "decisions");
  clef_bench::add_lang_option(app, o.lang);
  app.add_flag("--no-html", o.no_html, "Do not time report_html (the LibreOffice input)");
  app.add_option("--html-dir", o.html_dir,
                 "Write the HTML report of each mission to DIR/<mission>.html")
      ->type_name("DIR");
  app.add_option("--pdf-dir", o.pdf_dir,
                 "Write clef's PDF report of each mission to DIR/<mission>.pdf")
      ->type_name("DIR");
  app.add_option("--templates", o.templates_dir,
                 "Templates directory (default: the bundled templates/)")
      ->type_name("DIR");
  clef_bench::add_source_options(app, o.rules_dir, o.samples_dir);
  clef_bench::parse_or_exit(app, argc, argv);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  const std::string pinned = clef_bench::pin(o.timing.cpu);

  const auto ruleset = clef_bench::load_rules(o.rules_dir);
  const auto templates = clef_bench::load_templates_or_die(o.templates_dir);
  if (!templates->has("report")) die("no \"report\" template in " + o.templates_dir);

  const std::vector<Mission> missions = clef_bench::check_missions(ruleset, o.samples_dir);
  clef::PdfOptions pdf_options;
  pdf_options.lang = o.lang;

  // Once, outside the timing: every report must render; its size and pages.
  struct Once {
    size_t pdf_bytes = 0, html_bytes = 0;
    int pages = 0;
  };
  std::vector<Once> once;
  double first_ms = 0;  // the first report of the process: what the engine reads once is in it
  if (!o.pdf_dir.empty()) fs::create_directories(o.pdf_dir);
  for (const Mission& m : missions) {
    std::string pdf;
    try {
      const auto start = std::chrono::steady_clock::now();
      pdf = clef::render_pdf(*templates, "report", m.decision, pdf_options);
      if (once.empty())
        first_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
    } catch (const std::exception& e) {
      die(m.stem + ": render_pdf: " + e.what());
    }
    if (!pdf.starts_with("%PDF-")) die(m.stem + ": render_pdf did not return a PDF");
    if (!o.pdf_dir.empty())
      clef_bench::write_file((fs::path(o.pdf_dir) / (m.stem + ".pdf")).string(), pdf);
    once.push_back({pdf.size(), clef_bench::report_html(m.decision, o.lang).size(),
                    clef_bench::count_pages(pdf)});
  }
  if (!o.html_dir.empty()) clef_bench::write_html(missions, o.html_dir, o.lang, 0);

  constexpr int kWidth = 11;  // of the labels
  std::printf("clef_report_bench: conformity reports rendered to PDF per second on one core\n");
  clef_bench::print_cpu(pinned, kWidth);
  std::printf("rules:     %s: %zu rules, revision %s\n", o.rules_dir.c_str(),
              ruleset->rules().size(), ruleset->revision().c_str());
  std::printf("templates: %s\n", o.templates_dir.c_str());
  std::printf(
      "inputs:    %zu decisions (samples/missions/*.xml but drafts, checked once), lang %s\n",
      missions.size(), o.lang == clef::Lang::fr ? "fr" : "en");
  std::printf("\n%-32s %-24s %6s %10s %10s\n", "mission", "status", "pages", "PDF bytes",
              "HTML bytes");
  for (size_t i = 0; i < missions.size(); ++i)
    std::printf("%-32s %-24s %6d %10zu %10zu\n", missions[i].stem.c_str(),
                std::string(clef::code(missions[i].decision.status)).c_str(), once[i].pages,
                once[i].pdf_bytes, once[i].html_bytes);
  std::printf("\n");
  clef_bench::print_timing(o.timing, kWidth);
  std::fflush(stdout);

  std::vector<Measurement> rows;
  rows.push_back(clef_bench::measurement(
      "render_pdf(\"report\")", missions, [&](const Mission& m) -> uint64_t {
        return clef::render_pdf(*templates, "report", m.decision, pdf_options).size();
      }));
  if (!o.no_html)
    rows.push_back(clef_bench::measurement(
        "report_html (LibreOffice input, info)", missions, [&](const Mission& m) -> uint64_t {
          return clef_bench::report_html(m.decision, o.lang).size();
        }));
  std::vector<Measurement*> measurements;
  for (Measurement& r : rows) measurements.push_back(&r);
  clef_bench::measure_all(measurements, o.timing);
  auto ms = [](const Measurement& r) { return r.seconds_each() * 1e3; };

  std::printf("\n%-38s %8s %10s %10s", "measurement", "passes", "reports/s", "ms/report");
  clef_bench::print_stats_header(10);
  bool shared = false;
  for (const Measurement& r : rows) {
    std::printf("%-38s %8llu %10.0f %10.4f", r.label.c_str(),
                static_cast<unsigned long long>(r.passes), r.per_second(), ms(r));
    clef_bench::print_stats(r, 10);
    shared = shared || r.cpu_shared();
  }
  std::printf(
      "(one pass = every decision once; reports/s and ms/report from the median run, wall time;\n"
      " spread = (longest - shortest run) / median; on-cpu = thread CPU time / wall time)\n");
  if (shared) clef_bench::print_cpu_shared_warning();

  const Measurement& pdf = rows.front();
  bool ok = ms(pdf) <= kGoalMs;
  std::printf(
      "first render_pdf of the process (fonts and anything else read once, cold caches): %.3f "
      "ms\n",
      first_ms);
  std::printf("\ngoal: render_pdf ms/report %.4f, goal <= %.1f   %s\n", ms(pdf), kGoalMs,
              ok ? "PASS" : "MISS");
  // One line for scripts (bench/report_vs_libreoffice.sh).
  std::string pages;
  for (auto& x : once) pages += (pages.empty() ? "" : ",") + std::to_string(x.pages);
  std::printf(
      "result: clef_ms_per_report=%.6f clef_reports_per_s=%.1f on_cpu=%.3f "
      "clef_cpu_ms_per_report=%.6f pages=%s",
      ms(pdf), pdf.per_second(), pdf.on_cpu(), 1e3 / pdf.per_cpu_second(), pages.c_str());
  if (rows.size() > 1) std::printf(" html_ms_per_report=%.6f", ms(rows[1]));
  std::printf("\n");
  clef_bench::print_checksum();
  return 0;
}
