// The rendering budget (RenderLimits, docs/templates.md "Limits"): a
// template whose loops multiply stops with RenderLimitExceeded — exit 5
// through the CLI, no file written, in bounded time and memory — and each
// limit holds through the engine API.
#include <sys/resource.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "clef/documents.h"
#include "pdf_support.h"
#include "support.h"

using namespace clef;
using namespace clef::test;
namespace fs = std::filesystem;

namespace {

const std::string kMission = "samples/missions/guinee-riziculture.xml";

// A copy of templates/ with `report.xml` changed by `edit`.
template <class Edit>
std::string templates_with(const Scratch& s, const std::string& name, Edit&& edit) {
  fs::path dir = s.dir / name;
  fs::copy(source_path("templates"), dir, fs::copy_options::recursive);
  std::string report = read_text((dir / "report.xml").string());
  edit(report);
  std::ofstream((dir / "report.xml").string(), std::ios::binary) << report;
  Run loaded = run_clef("templates check --templates " + dir.string());
  BOOST_REQUIRE_MESSAGE(loaded.exit_code == 0, loaded.err);  // a valid template
  return dir.string();
}

const std::string kLoops =
    "<for each=\"a\" in=\"decision.findings\"><for each=\"b\" in=\"decision.findings\">"
    "<for each=\"c\" in=\"decision.findings\">";

// The report's appendix lists every finding for every triple of findings, in
// rows of ~6 KB: 92 findings make 30 million rows, 180 GB of text, all held
// before the table is drawn. A template like it took 21.7 GB in two minutes.
void rows_of_every_triple(std::string& report) {
  const std::string loop =
      "<for each=\"finding\" in=\"decision.findings\" where=\"finding.outcome != "
      "'not_applicable'\">";
  size_t at = report.rfind(loop);
  BOOST_REQUIRE(at != std::string::npos);
  size_t end = report.find("</for>", at);
  BOOST_REQUIRE(end != std::string::npos);
  report.insert(end + 6, "</for></for></for>");
  // Each title cell repeated: rows of kilobytes, so that the text limit
  // comes first (and soon, even under the sanitizers).
  std::string fat;
  for (int i = 0; i < 60; ++i) fat += "{finding.title} ";
  const std::string cell = "<cell>{finding.title}</cell>";
  size_t title = report.find(cell, at);
  BOOST_REQUIRE(title != std::string::npos);
  report.replace(title, cell.size(), "<cell>" + fat + "</cell>");
  report.insert(at, kLoops);
}

// A page per finding for every triple of findings: 70 million pages.
void pages_of_every_triple(std::string& report) {
  size_t end = report.rfind("</template>");
  BOOST_REQUIRE(end != std::string::npos);
  report.insert(end, kLoops +
                         "<for each=\"d\" in=\"decision.findings\"><paragraph>{d.title}</paragraph>"
                         "<page-break/></for></for></for></for>");
}

// The largest resident set of any child process waited for so far, in KiB.
long children_max_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_maxrss;
}

Decision mission() {
  static const Decision d = check_file(kMission);
  return d;
}

std::shared_ptr<const TemplateSet> bundled_templates() {
  std::vector<TemplateError> errors;
  auto set = TemplateSet::load(source_path("templates"), errors);
  BOOST_REQUIRE(set);
  return set;
}

// The message of the RenderLimitExceeded that rendering the report throws.
std::string limit_hit(const RenderLimits& limits) {
  PdfOptions options;
  options.limits = limits;
  return limit_message([&] { render_pdf(*bundled_templates(), "report", mission(), options); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_limits_test)

BOOST_AUTO_TEST_CASE(nested_loops_stop_with_exit_5) {
  Scratch s;
  const std::string rows = templates_with(s, "rows", rows_of_every_triple);
  const auto start = std::chrono::steady_clock::now();
  // timeout: were the budget gone, the test fails instead of eating the machine.
  Run r = run_shell("timeout 600 " + std::string(CLEF_BINARY) + " report --templates " + rows +
                    " " + source_path(kMission) + " -o " + (s / "r.pdf"));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(r.exit_code == 5, r.err);
  BOOST_TEST(r.err ==
             "clef : modèle « report » : rendu interrompu, le texte produit par le modèle "
             "dépasserait 64 Mio (limite de rendu)\n");
  BOOST_TEST(!fs::exists(s / "r.pdf"));
  BOOST_TEST(r.out.empty());
  // Generous bounds (a sanitizer build takes 25 s and 600 MB, a release
  // build under a second and 100 MB): the point is seconds and megabytes,
  // not minutes and gigabytes.
  BOOST_TEST(seconds < 120, seconds << " s");
  BOOST_TEST(children_max_rss_kib() < 2L * 1024 * 1024, children_max_rss_kib() << " KiB");

  const std::string pages = templates_with(s, "pages", pages_of_every_triple);
  Run en = run_shell("timeout 600 " + std::string(CLEF_BINARY) + " report --lang en --templates " +
                     pages + " " + source_path(kMission) + " -o -");
  BOOST_TEST(en.exit_code == 5);
  BOOST_TEST(en.err ==
             "clef: template \"report\": rendering stopped, the document would exceed 3000 pages "
             "(rendering limit)\n");
  BOOST_TEST(en.out.empty());  // nothing on standard output either
}

BOOST_AUTO_TEST_CASE(each_limit_holds_through_the_api) {
  RenderLimits steps;
  steps.steps = 200;
  BOOST_TEST(limit_hit(steps).find("modèle « report » : rendu interrompu, le modèle dépasserait "
                                   "200 étapes") != std::string::npos);
  RenderLimits text;
  text.text_bytes = 3000;
  BOOST_TEST(limit_hit(text).find("template \"report\": rendering stopped, the text produced by "
                                  "the template would exceed 3000 bytes") != std::string::npos);
  RenderLimits pages;
  pages.pages = 2;
  BOOST_TEST(limit_hit(pages).find("le document dépasserait 2 pages") != std::string::npos);

  // The defaults leave real documents alone; a missing glyph is reported
  // through the API too.
  std::vector<char32_t> missing{U'x'};
  std::string pdf = render_pdf(*bundled_templates(), "report", mission(), PdfOptions{}, &missing);
  BOOST_TEST(pdf.starts_with("%PDF-"));
  BOOST_TEST(missing.empty());
}

BOOST_AUTO_TEST_SUITE_END()
