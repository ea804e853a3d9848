// clef_bench: missions checked per second on one core, against the limit
// measured in the same run, in the same process, on the same bytes: only
// parsing them with pugixml (XML) or nlohmann-json (JSON).
//
// For each syntax, four measurements on the calling thread, pinned to one CPU:
//   parse   pugixml xml_document::load_buffer / nlohmann::json::parse
//   read    clef::read_document (parse + bind to the catalogue + NFC)
//   check   read_document + clef::check (the Decision, not rendered)
//   render  read_document + check + render_json (for information)
// Each measurement runs a number of passes over all the missions of that
// syntax, calibrated so that one run lasts at least --min-time seconds, and is
// repeated --repeats times, the measurements taking turns; the median run is
// reported (the method of harness.h, shared with clef_report_bench).
//
// Goals (bench/README.md): check costs at most 3x parse, and at least 20,000
// missions/s on one core.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clef/decision.h"
#include "clef/reader.h"
#include "clef/render.h"
#include "clef/ruleset.h"
#include "harness.h"

namespace {

namespace fs = std::filesystem;
using clef_bench::die;
using clef_bench::Measurement;

constexpr double kGoalRatio = 3.0;           // check / parse, at most
constexpr double kGoalThroughput = 20000.0;  // missions/s on one core, at least

struct Options {
  clef_bench::TimingOptions timing;
  std::string rules_dir = CLEF_DEFAULT_RULES_DIR;
  std::string samples_dir = CLEF_SAMPLES_DIR;
  std::string syntax = "all";  // xml, json, all
  std::string only;            // parse, read, check, render; empty = all four
};

Options parse_options(int argc, char** argv) {
  Options o;
  CLI::App app{
      "Missions checked per second on one core, against parsing them only (bench/README.md)",
      "clef_bench"};
  clef_bench::add_timing_options(app, o.timing, "inputs");
  app.add_option("--syntax", o.syntax, "xml, json or all (default all)")
      ->type_name("S")
      ->check(CLI::IsMember({"xml", "json", "all"}));
  app.add_option("--only", o.only, "parse, read, check or render (default: all four)")
      ->type_name("M")
      ->check(CLI::IsMember({"parse", "read", "check", "render"}));
  clef_bench::add_source_options(app, o.rules_dir, o.samples_dir);
  clef_bench::parse_or_exit(app, argc, argv);
  return o;
}

struct Input {
  std::string name;  // "missions/x.xml", as given to read_document
  std::string bytes;
};

std::vector<Input> load_inputs(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == extension)
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<Input> inputs;
  for (const auto& p : paths)
    inputs.push_back({"missions/" + p.filename().string(), clef_bench::slurp(p)});
  return inputs;
}

// ---------------------------------------------------------------------------
// What is measured

clef::ReadResult read_or_die(const Input& in, clef::InputFormat format) {
  return clef_bench::read_or_die(in.bytes, in.name, format);
}

uint64_t parse_xml_only(const Input& in) {
  pugi::xml_document doc;
  pugi::xml_parse_result r =
      doc.load_buffer(in.bytes.data(), in.bytes.size(), pugi::parse_default | pugi::parse_doctype,
                      pugi::encoding_utf8);
  if (!r) die(in.name + ": pugixml: " + r.description());
  return std::strlen(doc.document_element().first_child().name());
}

uint64_t parse_json_only(const Input& in) {
  nlohmann::json j = nlohmann::json::parse(in.bytes);
  return j.size();
}

struct Row {
  std::string syntax;  // "XML", "JSON"
  std::string what;    // "parse", "read", "check", "render"
  Measurement m;
};

std::vector<Row> bench_syntax(const std::string& syntax, const std::vector<Input>& inputs,
                              const std::shared_ptr<const clef::Ruleset>& ruleset,
                              const Options& o) {
  const bool xml = syntax == "XML";
  const clef::InputFormat format = xml ? clef::InputFormat::xml : clef::InputFormat::json;
  // As `clef check` by default: draft phase, as of the start date, scheme fit on.
  const clef::CheckOptions options;
  std::vector<Row> rows;
  auto add = [&](std::string what, Measurement m) {
    if (o.only.empty() || o.only == what) rows.push_back({syntax, std::move(what), std::move(m)});
  };
  using clef_bench::measurement;

  if (xml)
    add("parse", measurement("parse only: pugixml load_buffer", inputs, parse_xml_only));
  else
    add("parse", measurement("parse only: nlohmann::json::parse", inputs, parse_json_only));
  add("read",
      measurement("read_document (parse+bind+NFC)", inputs, [format](const Input& in) -> uint64_t {
        clef::ReadResult r = read_or_die(in, format);
        return r.document->values.size() + r.document->source.size();
      }));
  add("check",
      measurement("full check (read + check)", inputs,
                  [format, ruleset, options](const Input& in) -> uint64_t {
                    clef::ReadResult r = read_or_die(in, format);
                    clef::Decision d = clef::check(ruleset, std::move(*r.document), options);
                    return d.findings.size() + static_cast<uint64_t>(d.status) + d.id.size();
                  }));
  add("render", measurement("full check + render_json (info)", inputs,
                            [format, ruleset, options](const Input& in) -> uint64_t {
                              clef::ReadResult r = read_or_die(in, format);
                              clef::Decision d =
                                  clef::check(ruleset, std::move(*r.document), options);
                              return clef::render_json(d, clef::Lang::fr).size();
                            }));
  return rows;
}

size_t total_bytes(const std::vector<Input>& inputs) {
  size_t n = 0;
  for (auto& in : inputs) n += in.bytes.size();
  return n;
}

// What one pass over the inputs decides, to show both syntaxes do the same work.
std::string decisions_summary(const std::vector<Input>& inputs, clef::InputFormat format,
                              const std::shared_ptr<const clef::Ruleset>& ruleset) {
  size_t findings = 0, applicable = 0;
  int status[4] = {0, 0, 0, 0};
  for (const Input& in : inputs) {
    clef::ReadResult r = read_or_die(in, format);
    clef::Decision d = clef::check(ruleset, std::move(*r.document), {});
    findings += d.findings.size();
    for (auto& f : d.findings) applicable += f.outcome != clef::Outcome::not_applicable;
    ++status[static_cast<int>(d.status)];
  }
  char buf[200];
  std::snprintf(
      buf, sizeof buf,
      "%zu findings (%zu applicable); status conforme %d, avec reserves %d, non conforme %d, "
      "incomplet %d",
      findings, applicable, status[0], status[1], status[2], status[3]);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  const std::string pinned = clef_bench::pin(o.timing.cpu);

  const std::shared_ptr<const clef::Ruleset> ruleset = clef_bench::load_rules(o.rules_dir);
  size_t mission_rules = 0;
  for (auto& r : ruleset->rules()) mission_rules += r.kind == clef::DocumentKind::mission;

  const fs::path missions = fs::path(o.samples_dir) / "missions";
  struct Set {
    std::string syntax;
    clef::InputFormat format;
    std::vector<Input> inputs;
  };
  std::vector<Set> sets;
  if (o.syntax != "json")
    sets.push_back({"XML", clef::InputFormat::xml, load_inputs(missions, ".xml")});
  if (o.syntax != "xml")
    sets.push_back({"JSON", clef::InputFormat::json, load_inputs(missions, ".json")});
  for (auto& s : sets)
    if (s.inputs.empty()) die("no " + s.syntax + " mission in " + missions.string());

  constexpr int kWidth = 10;  // of the labels
  std::printf("clef_bench: missions checked per second on one core\n");
  clef_bench::print_cpu(pinned, kWidth);
  std::printf("rules:    %s: %zu rules (%zu for missions), revision %s\n", o.rules_dir.c_str(),
              ruleset->rules().size(), mission_rules, ruleset->revision().c_str());
  for (auto& s : sets) {
    size_t bytes = total_bytes(s.inputs);
    std::printf("inputs:   %-4s %zu missions from %s, %zu bytes (%zu per mission on average)\n",
                s.syntax.c_str(), s.inputs.size(), missions.c_str(), bytes,
                bytes / s.inputs.size());
    std::printf("          %-4s one pass decides: %s\n", s.syntax.c_str(),
                decisions_summary(s.inputs, s.format, ruleset).c_str());
  }
  std::printf(
      "check:    clef::CheckOptions{} as `clef check` (phase draft, as of the start date, scheme "
      "fit)\n");
  clef_bench::print_timing(o.timing, kWidth);
  std::printf("\n");
  std::fflush(stdout);

  std::vector<Row> rows;
  for (auto& s : sets) {
    auto r = bench_syntax(s.syntax, s.inputs, ruleset, o);
    rows.insert(rows.end(), r.begin(), r.end());
  }
  std::vector<Measurement*> measurements;
  for (Row& r : rows) measurements.push_back(&r.m);
  clef_bench::measure_all(measurements, o.timing);

  bool shared = false;
  auto find = [&](const std::string& syntax, const std::string& what) -> const Row* {
    for (auto& r : rows)
      if (r.syntax == syntax && r.what == what) return &r;
    return nullptr;
  };
  auto micros = [](const Row& r) { return r.m.seconds_each() * 1e6; };

  std::printf("%-6s %-34s %8s %11s %11s %8s", "syntax", "measurement", "passes", "missions/s",
              "us/mission", "x parse");
  clef_bench::print_stats_header(11);
  double shortest = 1e300;
  for (auto& r : rows) {
    const Row* parse = find(r.syntax, "parse");
    char ratio[16] = "-";
    if (parse) std::snprintf(ratio, sizeof ratio, "%.2f", micros(r) / micros(*parse));
    std::printf("%-6s %-34s %8llu %11.0f %11.2f %8s", r.syntax.c_str(), r.m.label.c_str(),
                static_cast<unsigned long long>(r.m.passes), r.m.per_second(), micros(r), ratio);
    clef_bench::print_stats(r.m, 11);
    shared = shared || r.m.cpu_shared();
    shortest = std::min(shortest, r.m.shortest());
  }
  std::printf(
      "(one pass = every mission of that syntax once; missions/s and us/mission from the median\n"
      " run, wall time; x parse = time / parse-only time; spread = (longest - shortest run) /\n"
      " median; best/s = missions/s of the fastest run; on-cpu = thread CPU time / wall time of\n"
      " the median run; per cpu-s = missions per second of thread CPU time; shortest run %.2f s)\n",
      shortest);
  if (shared) clef_bench::print_cpu_shared_warning();

  int met = 0, total = 0;
  bool header = false;
  for (auto& s : sets) {
    const Row* parse = find(s.syntax, "parse");
    const Row* check = find(s.syntax, "check");
    if (!check) continue;
    if (!header)
      std::printf("\ngoals (full check = read_document + check, decision not rendered):\n");
    header = true;
    if (parse) {
      double ratio = micros(*check) / micros(*parse);
      bool ok = ratio <= kGoalRatio;
      met += ok, ++total;
      std::printf("%-6s full check / parse only  %10.2f     goal <= %.1f          %s\n",
                  s.syntax.c_str(), ratio, kGoalRatio, ok ? "PASS" : "FAIL");
    }
    bool ok = check->m.per_second() >= kGoalThroughput;
    met += ok, ++total;
    std::printf("%-6s full check missions/s    %10.0f     goal >= %.0f        %s", s.syntax.c_str(),
                check->m.per_second(), kGoalThroughput, ok ? "PASS" : "FAIL");
    if (check->m.cpu_shared())
      std::printf("  (per cpu-s: %.0f, %s)", check->m.per_cpu_second(),
                  check->m.per_cpu_second() >= kGoalThroughput ? "PASS" : "FAIL");
    std::printf("\n");
  }
  if (total) std::printf("%d of %d goals met\n", met, total);
  clef_bench::print_checksum();
  return 0;
}
