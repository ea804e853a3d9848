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
// measurements taking turns; the median run is reported.
//
// Goal (bench/README.md): at most 3 ms per report on one core.
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "clef/documents.h"
#include "report_common.h"
#include "report_html.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using clef_bench::die;
using clef_bench::Mission;

constexpr double kGoalMs = 3.0;  // ms per report, at most

struct Options {
  std::string rules_dir = CLEF_DEFAULT_RULES_DIR;
  std::string samples_dir = CLEF_SAMPLES_DIR;
  std::string templates_dir = CLEF_TEMPLATES_DIR;
  std::string html_dir, pdf_dir;
  clef::Lang lang = clef::Lang::fr;
  double min_time = 2.0;
  int repeats = 5;
  int cpu = 0;
  uint64_t passes = 0;
  bool html_row = true;
};

[[noreturn]] void usage(int code) {
  std::fputs(
      "usage: clef_report_bench [options]\n"
      "  --min-time S      seconds each run lasts at least (default 2)\n"
      "  --repeats N       runs per measurement, median reported (default 5)\n"
      "  --cpu N           CPU to pin to with sched_setaffinity (default 0; -1: no pinning)\n"
      "  --passes N        fixed passes over the decisions per run, no calibration\n"
      "  --lang fr|en      language of the reports (default fr)\n"
      "  --no-html         do not time report_html (the LibreOffice input)\n"
      "  --html-dir DIR    write the HTML report of each mission to DIR/<mission>.html\n"
      "  --pdf-dir DIR     write clef's PDF report of each mission to DIR/<mission>.pdf\n"
      "  --rules DIR       rules directory (default: the bundled rules/)\n"
      "  --templates DIR   templates directory (default: the bundled templates/)\n"
      "  --samples DIR     samples directory; missions are read from DIR/missions\n",
      code == 0 ? stdout : stderr);
  std::exit(code);
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "clef_report_bench: %s needs a value\n", argv[i]);
        usage(2);
      }
      return argv[++i];
    };
    if (a == "--help" || a == "-h")
      usage(0);
    else if (a == "--min-time")
      o.min_time = std::atof(value().c_str());
    else if (a == "--repeats")
      o.repeats = std::atoi(value().c_str());
    else if (a == "--cpu")
      o.cpu = std::atoi(value().c_str());
    else if (a == "--passes")
      o.passes = std::strtoull(value().c_str(), nullptr, 10);
    else if (a == "--lang") {
      std::string l = value();
      if (l != "fr" && l != "en") usage(2);
      o.lang = l == "fr" ? clef::Lang::fr : clef::Lang::en;
    } else if (a == "--no-html")
      o.html_row = false;
    else if (a == "--html-dir")
      o.html_dir = value();
    else if (a == "--pdf-dir")
      o.pdf_dir = value();
    else if (a == "--rules")
      o.rules_dir = value();
    else if (a == "--templates")
      o.templates_dir = value();
    else if (a == "--samples")
      o.samples_dir = value();
    else {
      std::fprintf(stderr, "clef_report_bench: unknown option %s\n", argv[i]);
      usage(2);
    }
  }
  if (o.min_time <= 0 || o.repeats < 1) usage(2);
  return o;
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

// ---------------------------------------------------------------------------
// Timing (the method of check_bench.cc)

struct Run {
  double wall = 0;
  double cpu = 0;
  bool operator<(const Run& o) const { return wall < o.wall; }
};

struct Row {
  std::string label;
  std::function<uint64_t(const Mission&)> one;
  uint64_t passes = 0;
  uint64_t reports = 0;  // per run
  std::vector<Run> runs;
  const Run& median() const { return runs[runs.size() / 2]; }
  double per_second() const { return static_cast<double>(reports) / median().wall; }
  double ms() const { return median().wall * 1e3 / static_cast<double>(reports); }
  double spread() const { return (runs.back().wall - runs.front().wall) / median().wall; }
  double on_cpu() const { return median().cpu / median().wall; }
  double per_cpu_second() const { return static_cast<double>(reports) / median().cpu; }
  double best_per_second() const { return static_cast<double>(reports) / runs.front().wall; }
};

uint64_t g_checksum = 0;

Run run(const std::vector<Mission>& missions, uint64_t passes,
        const std::function<uint64_t(const Mission&)>& one) {
  uint64_t sum = 0;
  const double cpu_start = clef_bench::thread_cpu_seconds();
  const auto start = Clock::now();
  for (uint64_t p = 0; p < passes; ++p)
    for (const Mission& m : missions) sum += one(m);
  const auto stop = Clock::now();
  const double cpu_stop = clef_bench::thread_cpu_seconds();
  g_checksum += sum;
  return {std::chrono::duration<double>(stop - start).count(), cpu_stop - cpu_start};
}

void measure_all(std::vector<Row>& rows, const std::vector<Mission>& missions, const Options& o) {
  const bool calibrate = o.passes == 0;
  for (Row& r : rows) {
    r.passes = o.passes;
    if (!calibrate) continue;
    uint64_t passes = 1;
    double t = run(missions, passes, r.one).wall;
    while (t < o.min_time / 10) {
      passes *= 2;
      t = run(missions, passes, r.one).wall;
    }
    r.passes =
        static_cast<uint64_t>(std::ceil(o.min_time * 1.05 * static_cast<double>(passes) / t));
  }
  std::vector<Row*> todo;
  for (Row& r : rows) todo.push_back(&r);
  for (int attempt = 0; !todo.empty(); ++attempt) {
    for (Row* r : todo) r->runs.clear();
    for (int k = 0; k < o.repeats; ++k)
      for (Row* r : todo) r->runs.push_back(run(missions, r->passes, r->one));
    std::vector<Row*> again;
    for (Row* r : todo) {
      std::sort(r->runs.begin(), r->runs.end());
      r->reports = r->passes * missions.size();
      if (calibrate && r->runs.front().wall < o.min_time && attempt < 3) {
        r->passes = static_cast<uint64_t>(
            std::ceil(o.min_time * 1.05 * static_cast<double>(r->passes) / r->runs.front().wall));
        again.push_back(r);
      }
    }
    todo = std::move(again);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  const std::string pinned = clef_bench::pin(o.cpu);

  const auto ruleset = clef_bench::load_rules(o.rules_dir);
  std::vector<clef::TemplateError> errors;
  const std::shared_ptr<const clef::TemplateSet> templates =
      clef::TemplateSet::load(o.templates_dir, errors);
  if (!templates) {
    for (auto& e : errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    die("cannot load the templates from " + o.templates_dir);
  }
  if (!templates->has("report")) die("no \"report\" template in " + o.templates_dir);

  const std::vector<Mission> missions = clef_bench::check_missions(ruleset, o.samples_dir);
  const clef::PdfOptions pdf_options{o.lang, clef::PdfOptions{}.font_dir};

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
      const auto start = Clock::now();
      pdf = clef::render_pdf(*templates, "report", m.decision, pdf_options);
      if (once.empty())
        first_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    } catch (const std::exception& e) {
      die(m.stem + ": render_pdf: " + e.what());
    }
    if (!pdf.starts_with("%PDF-")) die(m.stem + ": render_pdf did not return a PDF");
    if (!o.pdf_dir.empty())
      clef_bench::write_file((fs::path(o.pdf_dir) / (m.stem + ".pdf")).string(), pdf);
    once.push_back(
        {pdf.size(), clef_bench::report_html(m.decision, o.lang).size(), count_pages(pdf)});
  }
  if (!o.html_dir.empty()) clef_bench::write_html(missions, o.html_dir, o.lang, 0);

  std::printf("clef_report_bench: conformity reports rendered to PDF per second on one core\n");
  std::printf("cpu:       %s; %ld CPUs online, the others may be busy\n", pinned.c_str(),
              sysconf(_SC_NPROCESSORS_ONLN));
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
  if (o.passes)
    std::printf("\ntiming:    steady_clock; %llu passes per run (fixed), %d run(s), median\n",
                static_cast<unsigned long long>(o.passes), o.repeats);
  else
    std::printf(
        "\ntiming:    steady_clock; each run >= %.1f s (passes calibrated), %d runs each, the\n"
        "           measurements taking turns; median run reported\n",
        o.min_time, o.repeats);
  std::fflush(stdout);

  std::vector<Row> rows;
  auto add = [&rows](std::string label, std::function<uint64_t(const Mission&)> one) {
    Row r;
    r.label = std::move(label);
    r.one = std::move(one);
    rows.push_back(std::move(r));
  };
  add("render_pdf(\"report\")", [&](const Mission& m) -> uint64_t {
    return clef::render_pdf(*templates, "report", m.decision, pdf_options).size();
  });
  if (o.html_row)
    add("report_html (LibreOffice input, info)", [&](const Mission& m) -> uint64_t {
      return clef_bench::report_html(m.decision, o.lang).size();
    });
  measure_all(rows, missions, o);

  std::printf("\n%-38s %8s %10s %10s %7s %10s %7s %10s\n", "measurement", "passes", "reports/s",
              "ms/report", "spread", "best/s", "on-cpu", "per cpu-s");
  bool shared = false;
  for (const Row& r : rows) {
    std::printf("%-38s %8llu %10.0f %10.4f %6.1f%% %10.0f %6.1f%% %10.0f\n", r.label.c_str(),
                static_cast<unsigned long long>(r.passes), r.per_second(), r.ms(), r.spread() * 100,
                r.best_per_second(), r.on_cpu() * 100, r.per_cpu_second());
    shared = shared || r.on_cpu() < 0.95;
  }
  std::printf(
      "(one pass = every decision once; reports/s and ms/report from the median run, wall time;\n"
      " spread = (longest - shortest run) / median; on-cpu = thread CPU time / wall time)\n");
  if (shared)
    std::printf(
        "WARNING: on-cpu below 95%%: another process shared the CPU; wall-time figures are "
        "pessimistic\n");

  const Row& pdf = rows.front();
  bool ok = pdf.ms() <= kGoalMs;
  std::printf(
      "first render_pdf of the process (fonts and anything else read once, cold caches): %.3f "
      "ms\n",
      first_ms);
  std::printf("\ngoal: render_pdf ms/report %.4f, goal <= %.1f   %s\n", pdf.ms(), kGoalMs,
              ok ? "PASS" : "MISS");
  // One line for scripts (bench/report_vs_libreoffice.sh).
  std::string pages;
  for (auto& x : once) pages += (pages.empty() ? "" : ",") + std::to_string(x.pages);
  std::printf(
      "result: clef_ms_per_report=%.6f clef_reports_per_s=%.1f on_cpu=%.3f "
      "clef_cpu_ms_per_report=%.6f pages=%s",
      pdf.ms(), pdf.per_second(), pdf.on_cpu(), 1e3 / pdf.per_cpu_second(), pages.c_str());
  if (rows.size() > 1) std::printf(" html_ms_per_report=%.6f", rows[1].ms());
  std::printf("\n");
  std::printf("\nchecksum %llu\n", static_cast<unsigned long long>(g_checksum));
  return 0;
}
