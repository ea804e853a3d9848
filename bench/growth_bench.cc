// clef_growth_bench: how the time of a document grows with the length of its
// text (issue 7). A conformity report whose mission title, and a contract
// whose volunteer name, is 1k, 10k, 100k and 1M characters long: the inputs
// are the bundled samples with that one text replaced, made in memory and
// read with read_document / read_volunteer, then checked once. Timed, with
// the method of harness.h: clef::render_pdf on those decisions (what issue 7
// was about: fitting the page header was quadratic, on every page), and,
// for information, reading and checking the same bytes.
//
// Printed per size: ms per run and µs per character; then time per
// character against the 1k case, and the exponent of each tenfold step
// (log10 of the time ratio: 1 is linear, 2 quadratic). A fixed cost (the
// rest of the document) weighs on the small sizes, so the time per
// character falls as the text grows when the growth is linear.
//
// No test checks a time: this program prints the ratios and says whether
// the growth is about linear (its exit status is 0 either way).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "clef/documents.h"
#include "harness.h"
#include "report_common.h"

namespace {

using clef_bench::die;
using clef_bench::Measurement;

// At most this time per character at 1M against 1k, and per tenfold step
// this exponent, for "about linear".
constexpr double kLinearRatio = 2.0, kLinearExponent = 1.2;

struct Options {
  clef_bench::TimingOptions timing{0.5, 3, 0, 0};
  std::string rules_dir = CLEF_DEFAULT_RULES_DIR;
  std::string samples_dir = CLEF_SAMPLES_DIR;
  std::string templates_dir = CLEF_TEMPLATES_DIR;
  std::string mission = "missions/guinee-riziculture.xml";
  std::string contract_mission = "missions/madagascar-artisanat.xml";
  std::string volunteer = "volunteers/zoe-loeuvre.xml";
  std::vector<size_t> sizes = {1000, 10000, 100000, 1000000};
  clef::Lang lang = clef::Lang::fr;
};

Options parse_options(int argc, char** argv) {
  Options o;
  CLI::App app{
      "Time of a report and a contract against the length of a title or a name "
      "(bench/README.md)",
      "clef_growth_bench"};
  clef_bench::add_timing_options(app, o.timing, "inputs");
  clef_bench::add_lang_option(app, o.lang);
  app.add_option("--sizes", o.sizes,
                 "Lengths of the title and the name, in characters (default 1000 10000 100000 "
                 "1000000); the first is the reference")
      ->type_name("N")
      ->check(clef_bench::at_least(1));
  app.add_option("--templates", o.templates_dir,
                 "Templates directory (default: the bundled templates/)")
      ->type_name("DIR");
  clef_bench::add_source_options(app, o.rules_dir, o.samples_dir);
  clef_bench::parse_or_exit(app, argc, argv);
  return o;
}

// Words of the samples' languages, accents and a long compound included, cut
// to exactly `length` characters (code points): a text that wraps and cuts
// the way a real long title or name would.
std::string text_of_length(size_t length, bool name) {
  static const char* const kTitleWords[] = {
      "Riziculture",  "paysanne",    "en",
      "Basse-Guinée", ":",           "formation",
      "des",          "formateurs,", "suivi",
      "parcelles",    "pilotes",     "et",
      "appui",        "aux",         "coopératives",
      "d’Œuvre",      "Nguyễn",      "Thị",
      "Hương",        "—",           "cent-quarante-deux-mille-hectares"};
  static const char* const kNameWords[] = {
      "Zoé", "Lœuvre", "Nguyễn", "Thị", "Hương", "Marie-Ange-Élisabeth", "N'Diaye", "Ødegård"};
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; chars < length; ++i) {
    std::string word = std::string(name ? kNameWords[i % std::size(kNameWords)]
                                        : kTitleWords[i % std::size(kTitleWords)]) +
                       " ";
    for (size_t k = 0; k < word.size() && chars < length; ++k) {
      out += word[k];
      // A character starts at every byte that is not a continuation byte.
      if (k + 1 == word.size() || (static_cast<unsigned char>(word[k + 1]) & 0xC0) != 0x80) ++chars;
    }
  }
  return out;
}

// `xml` with the text of its first <tag>…</tag> replaced.
std::string with_text(std::string xml, const std::string& tag, const std::string& text) {
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  size_t at = xml.find(open);
  size_t end = at == std::string::npos ? at : xml.find(close, at);
  if (end == std::string::npos) die("no <" + tag + "> in a sample");
  xml.replace(at + open.size(), end - at - open.size(), text);
  return xml;
}

struct Input {
  size_t chars = 0;
  std::string document_bytes, volunteer_bytes;  // volunteer: contracts only
  clef::Decision decision;
  std::string template_id;
  size_t pdf_bytes = 0;
  int pages = 0;
};

struct Series {
  std::string name;  // "report", "contract"
  std::string what;  // what grows
  std::vector<Input> inputs;
  std::vector<Measurement> render, check;
};

clef::Decision read_and_check(const std::shared_ptr<const clef::Ruleset>& ruleset, const Input& in,
                              const std::string& name) {
  clef::ReadResult r = clef_bench::read_or_die(in.document_bytes, name, clef::InputFormat::xml);
  if (!in.volunteer_bytes.empty()) {
    std::vector<clef::InputError> errors;
    if (!clef::read_volunteer(in.volunteer_bytes, "volunteer.xml", *r.document, errors,
                              clef::InputFormat::xml))
      die("volunteer: " + (errors.empty() ? "not read" : errors.front().format(clef::Lang::en)));
  }
  return clef::check(ruleset, std::move(*r.document), {});
}

double per_char(const Measurement& m, size_t chars) {
  return m.seconds_each() / static_cast<double>(chars);
}

// Prints one series' table; returns whether its render time grew about linearly.
bool print_series(const Series& s) {
  std::printf("\n%s (%s)\n", s.name.c_str(), s.what.c_str());
  // "µs" is two bytes: one more in the width keeps the columns.
  std::printf("%10s %6s %10s %12s %11s %8s %9s %12s %11s %7s\n", "chars", "pages", "PDF bytes",
              "render ms", "µs/char", "ratio", "exponent", "check ms", "µs/char", "on-cpu");
  bool linear = true;
  const double reference = per_char(s.render.front(), s.inputs.front().chars);
  for (size_t i = 0; i < s.inputs.size(); ++i) {
    const Input& in = s.inputs[i];
    const Measurement& r = s.render[i];
    const Measurement& c = s.check[i];
    const double ratio = per_char(r, in.chars) / reference;
    char exponent[16] = "";
    if (i > 0) {
      const double e = std::log(r.seconds_each() / s.render[i - 1].seconds_each()) /
                       std::log(static_cast<double>(in.chars) / s.inputs[i - 1].chars);
      std::snprintf(exponent, sizeof exponent, "%.2f", e);
      linear = linear && e <= kLinearExponent;
    }
    linear = linear && ratio <= kLinearRatio;
    std::printf("%10zu %6d %10zu %12.3f %10.4f %7.2fx %9s %12.3f %10.4f %6.0f%%\n", in.chars,
                in.pages, in.pdf_bytes, r.seconds_each() * 1e3, per_char(r, in.chars) * 1e6, ratio,
                exponent, c.seconds_each() * 1e3, per_char(c, in.chars) * 1e6, r.on_cpu() * 100);
  }
  return linear;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  const std::string pinned = clef_bench::pin(o.timing.cpu);

  const auto ruleset = clef_bench::load_rules(o.rules_dir);
  const auto templates = clef_bench::load_templates_or_die(o.templates_dir);
  clef::PdfOptions pdf_options;
  pdf_options.lang = o.lang;

  const std::string dir = o.samples_dir + "/";
  const std::string mission = clef_bench::slurp(dir + o.mission);
  const std::string contract_mission = clef_bench::slurp(dir + o.contract_mission);
  const std::string volunteer = clef_bench::slurp(dir + o.volunteer);

  std::vector<Series> series(2);
  series[0].name = "report";
  series[0].what = o.mission + ", <title> of N characters";
  series[1].name = "contract";
  series[1].what = o.contract_mission + " + " + o.volunteer + ", <name> of N characters";
  for (size_t n : o.sizes) {
    Input report;
    report.chars = n;
    report.document_bytes = with_text(mission, "title", text_of_length(n, false));
    series[0].inputs.push_back(std::move(report));
    Input contract;
    contract.chars = n;
    contract.document_bytes = contract_mission;
    contract.volunteer_bytes = with_text(volunteer, "name", text_of_length(n, true));
    series[1].inputs.push_back(std::move(contract));
  }

  // Once, outside the timing: every document must render; its pages and size.
  for (Series& s : series)
    for (Input& in : s.inputs) {
      in.decision = read_and_check(ruleset, in, s.name);
      in.template_id = s.name == "report" ? clef::report_template(in.decision)
                                          : clef::contract_template(in.decision);
      if (in.template_id.empty()) die(s.name + ": no template for the sample");
      std::string pdf;
      try {
        pdf = clef::render_pdf(*templates, in.template_id, in.decision, pdf_options);
      } catch (const std::exception& e) {
        die(s.name + " of " + std::to_string(in.chars) + " characters: " + e.what());
      }
      in.pdf_bytes = pdf.size();
      in.pages = clef_bench::count_pages(pdf);
    }

  // One measurement per document and size, over a single input.
  std::vector<std::vector<const Input*>> singles;
  for (const Series& s : series)
    for (const Input& in : s.inputs) singles.push_back({&in});
  size_t k = 0;
  for (Series& s : series)
    for (size_t i = 0; i < s.inputs.size(); ++i, ++k) {
      const std::string size = std::to_string(s.inputs[i].chars);
      s.render.push_back(clef_bench::measurement(
          s.name + " render " + size, singles[k], [&](const Input* in) -> uint64_t {
            return clef::render_pdf(*templates, in->template_id, in->decision, pdf_options).size();
          }));
      s.check.push_back(clef_bench::measurement(
          s.name + " check " + size, singles[k], [&, name = s.name](const Input* in) -> uint64_t {
            return read_and_check(ruleset, *in, name).findings.size();
          }));
    }

  constexpr int kWidth = 8;
  std::printf("clef_growth_bench: time of a document against the length of its text\n");
  clef_bench::print_cpu(pinned, kWidth);
  clef_bench::print_timing(o.timing, kWidth);
  std::printf("%-*s%s; lang %s\n", kWidth, "inputs:", o.samples_dir.c_str(),
              o.lang == clef::Lang::fr ? "fr" : "en");
  std::fflush(stdout);

  std::vector<Measurement*> all;
  for (Series& s : series) {
    for (Measurement& m : s.render) all.push_back(&m);
    for (Measurement& m : s.check) all.push_back(&m);
  }
  clef_bench::measure_all(all, o.timing);

  bool shared = false;
  for (Measurement* m : all) shared = shared || m->cpu_shared();
  std::vector<bool> linear;
  for (const Series& s : series) linear.push_back(print_series(s));
  std::printf(
      "\n(render: clef::render_pdf, the decision ready; check: read_document [+ read_volunteer]\n"
      " + check of the same bytes, for information. ms per run from the median run, wall time;\n"
      " ratio: render time per character over that of the first size; exponent: log of the\n"
      " render time ratio over log of the size ratio from the size above, 1 linear, 2\n"
      " quadratic; on-cpu: of the render runs)\n");
  if (shared) clef_bench::print_cpu_shared_warning();

  const size_t last = o.sizes.size() - 1;
  std::printf("\n");
  for (size_t i = 0; i < series.size(); ++i) {
    const Series& s = series[i];
    const double ratio = per_char(s.render[last], s.inputs[last].chars) /
                         per_char(s.render.front(), s.inputs.front().chars);
    std::printf("growth: %-8s time per character at %zu characters is %.2fx that at %zu: %s\n",
                s.name.c_str(), s.inputs[last].chars, ratio, s.inputs.front().chars,
                linear[i] ? "about linear" : "NOT LINEAR (a quadratic step gives ~N/first-size x)");
  }
  std::printf("result:");
  for (const Series& s : series)
    for (size_t i = 0; i < s.inputs.size(); ++i)
      std::printf(" %s_%zu_ms=%.3f", s.name.c_str(), s.inputs[i].chars,
                  s.render[i].seconds_each() * 1e3);
  std::printf("\n");
  clef_bench::print_checksum();
  return 0;
}
