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
// reported.
//
// Goals (bench/README.md): check costs at most 3x parse, and at least 20,000
// missions/s on one core.
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clef/decision.h"
#include "clef/reader.h"
#include "clef/render.h"
#include "clef/ruleset.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr double kGoalRatio = 3.0;           // check / parse, at most
constexpr double kGoalThroughput = 20000.0;  // missions/s on one core, at least

struct Options {
  std::string rules_dir = CLEF_DEFAULT_RULES_DIR;
  std::string samples_dir = CLEF_SAMPLES_DIR;
  double min_time = 2.0;       // seconds, per run
  int repeats = 5;             // runs per measurement; the median is reported
  int cpu = 0;                 // CPU to pin to; -1 = do not pin
  uint64_t passes = 0;         // fixed passes per run (no calibration) when > 0
  std::string syntax = "all";  // xml, json, all
  std::string only;            // parse, read, check, render; empty = all four
};

[[noreturn]] void usage(int code) {
  std::fputs(
      "usage: clef_bench [options]\n"
      "  --min-time S     seconds each run lasts at least (default 2)\n"
      "  --repeats N      runs per measurement, median reported (default 5)\n"
      "  --cpu N          CPU to pin to with sched_setaffinity (default 0; -1: no pinning)\n"
      "  --passes N       fixed passes over the inputs per run, no calibration (for profilers)\n"
      "  --syntax S       xml, json or all (default all)\n"
      "  --only M         parse, read, check or render (default: all four)\n"
      "  --rules DIR      rules directory (default: the bundled rules/)\n"
      "  --samples DIR    samples directory; missions are read from DIR/missions\n",
      code == 0 ? stdout : stderr);
  std::exit(code);
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "clef_bench: %s needs a value\n", argv[i]);
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
    else if (a == "--syntax")
      o.syntax = value();
    else if (a == "--only")
      o.only = value();
    else if (a == "--rules")
      o.rules_dir = value();
    else if (a == "--samples")
      o.samples_dir = value();
    else {
      std::fprintf(stderr, "clef_bench: unknown option %s\n", argv[i]);
      usage(2);
    }
  }
  if (o.min_time <= 0 || o.repeats < 1) usage(2);
  if (o.syntax != "all" && o.syntax != "xml" && o.syntax != "json") usage(2);
  if (!o.only.empty() && o.only != "parse" && o.only != "read" && o.only != "check" &&
      o.only != "render")
    usage(2);
  return o;
}

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "clef_bench: %s\n", message.c_str());
  std::exit(1);
}

struct Input {
  std::string name;  // "missions/x.xml", as given to read_document
  std::string bytes;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<Input> load_inputs(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == extension)
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<Input> inputs;
  for (const auto& p : paths) inputs.push_back({"missions/" + p.filename().string(), slurp(p)});
  return inputs;
}

// Pins the calling thread; says what happened.
std::string pin(int cpu) {
  if (cpu < 0) return "not pinned (--cpu -1)";
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (sched_setaffinity(0, sizeof set, &set) != 0)
    return "NOT pinned: sched_setaffinity(CPU " + std::to_string(cpu) +
           ") failed: " + std::strerror(errno);
  return "pinned to CPU " + std::to_string(cpu) + " with sched_setaffinity (now on CPU " +
         std::to_string(sched_getcpu()) + ")";
}

// ---------------------------------------------------------------------------
// Timing

struct Run {
  double wall = 0;  // steady_clock seconds
  double cpu = 0;   // this thread's CPU seconds: less than wall when the CPU was shared
  bool operator<(const Run& o) const { return wall < o.wall; }
};

struct Measurement {
  uint64_t passes = 0;
  uint64_t missions = 0;  // per run
  std::vector<Run> runs;  // sorted by wall time
  const Run& median() const { return runs[runs.size() / 2]; }
  double per_second() const { return static_cast<double>(missions) / median().wall; }
  double micros() const { return median().wall * 1e6 / static_cast<double>(missions); }
  double spread() const { return (runs.back().wall - runs.front().wall) / median().wall; }
  double on_cpu() const { return median().cpu / median().wall; }
  double per_cpu_second() const { return static_cast<double>(missions) / median().cpu; }
  double shortest() const { return runs.front().wall; }
  double best_per_second() const { return static_cast<double>(missions) / shortest(); }
};

uint64_t g_checksum = 0;  // printed at the end, so no result can be discarded

double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// One run: `passes` passes over every input, on this thread.
template <class F>
Run run(const std::vector<Input>& inputs, uint64_t passes, F& one) {
  uint64_t sum = 0;
  const double cpu_start = thread_cpu_seconds();
  const auto start = Clock::now();
  for (uint64_t p = 0; p < passes; ++p)
    for (const Input& in : inputs) sum += one(in);
  const auto stop = Clock::now();
  const double cpu_stop = thread_cpu_seconds();
  g_checksum += sum;
  return {std::chrono::duration<double>(stop - start).count(), cpu_stop - cpu_start};
}

// ---------------------------------------------------------------------------
// What is measured

clef::ReadResult read_or_die(const Input& in, clef::InputFormat format) {
  clef::ReadResult r = clef::read_document(in.bytes, in.name, format);
  if (!r.document) {
    die(in.name + ": " + (r.errors.empty() ? "not read" : r.errors.front().format(clef::Lang::en)));
  }
  return r;
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
  std::string label;
  size_t inputs = 0;                   // missions per pass
  std::function<Run(uint64_t)> timed;  // one run of that many passes
  Measurement m;
};

template <class F>
Row row(std::string syntax, std::string what, std::string label, const std::vector<Input>& inputs,
        F one) {
  return {std::move(syntax),
          std::move(what),
          std::move(label),
          inputs.size(),
          [&inputs, one](uint64_t passes) mutable { return run(inputs, passes, one); },
          {}};
}

std::vector<Row> bench_syntax(const std::string& syntax, const std::vector<Input>& inputs,
                              const std::shared_ptr<const clef::Ruleset>& ruleset,
                              const Options& o) {
  const bool xml = syntax == "XML";
  const clef::InputFormat format = xml ? clef::InputFormat::xml : clef::InputFormat::json;
  // As `clef check` by default: draft phase, as of the start date, scheme fit on.
  const clef::CheckOptions options;
  auto wanted = [&](std::string_view what) { return o.only.empty() || o.only == what; };
  std::vector<Row> rows;

  if (wanted("parse")) {
    if (xml)
      rows.push_back(
          row(syntax, "parse", "parse only: pugixml load_buffer", inputs, parse_xml_only));
    else
      rows.push_back(
          row(syntax, "parse", "parse only: nlohmann::json::parse", inputs, parse_json_only));
  }
  if (wanted("read")) {
    rows.push_back(row(syntax, "read", "read_document (parse+bind+NFC)", inputs,
                       [format](const Input& in) -> uint64_t {
                         clef::ReadResult r = read_or_die(in, format);
                         return r.document->values.size() + r.document->source.size();
                       }));
  }
  if (wanted("check")) {
    rows.push_back(row(syntax, "check", "full check (read + check)", inputs,
                       [format, ruleset, options](const Input& in) -> uint64_t {
                         clef::ReadResult r = read_or_die(in, format);
                         clef::Decision d = clef::check(ruleset, std::move(*r.document), options);
                         return d.findings.size() + static_cast<uint64_t>(d.status) + d.id.size();
                       }));
  }
  if (wanted("render")) {
    rows.push_back(row(syntax, "render", "full check + render_json (info)", inputs,
                       [format, ruleset, options](const Input& in) -> uint64_t {
                         clef::ReadResult r = read_or_die(in, format);
                         clef::Decision d = clef::check(ruleset, std::move(*r.document), options);
                         return clef::render_json(d, clef::Lang::fr).size();
                       }));
  }
  return rows;
}

// Calibrates every row, then runs the repetitions round-robin (parse, read,
// check, render, parse, …) so that a slow period of the machine falls on all
// the rows alike rather than on one of them.
void measure_all(std::vector<Row>& rows, const Options& o) {
  const bool calibrate = o.passes == 0;
  for (Row& r : rows) {
    r.m.passes = o.passes;
    if (!calibrate) continue;
    // Calibration, which also warms caches and allocators: double the passes
    // until a run lasts a tenth of the target, then scale up with a margin.
    uint64_t passes = 1;
    double t = r.timed(passes).wall;
    while (t < o.min_time / 10) {
      passes *= 2;
      t = r.timed(passes).wall;
    }
    r.m.passes =
        static_cast<uint64_t>(std::ceil(o.min_time * 1.05 * static_cast<double>(passes) / t));
  }
  std::vector<Row*> todo;
  for (Row& r : rows) todo.push_back(&r);
  // When a calibration run was slowed down (the CPU shared with another
  // process), runs come out short: scale those rows up and measure them again.
  for (int attempt = 0; !todo.empty(); ++attempt) {
    for (Row* r : todo) r->m.runs.clear();
    for (int k = 0; k < o.repeats; ++k)
      for (Row* r : todo) r->m.runs.push_back(r->timed(r->m.passes));
    std::vector<Row*> again;
    for (Row* r : todo) {
      std::sort(r->m.runs.begin(), r->m.runs.end());
      r->m.missions = r->m.passes * r->inputs;
      if (calibrate && r->m.shortest() < o.min_time && attempt < 3) {
        r->m.passes = static_cast<uint64_t>(
            std::ceil(o.min_time * 1.05 * static_cast<double>(r->m.passes) / r->m.shortest()));
        again.push_back(r);
      }
    }
    todo = std::move(again);
  }
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
  const std::string pinned = pin(o.cpu);

  clef::LoadResult loaded = clef::Ruleset::load(o.rules_dir);
  if (!loaded.ruleset) {
    for (auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    die("cannot load the rules from " + o.rules_dir);
  }
  const std::shared_ptr<const clef::Ruleset> ruleset = loaded.ruleset;
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

  std::printf("clef_bench: missions checked per second on one core\n");
  std::printf("cpu:      %s; %ld CPUs online, the others may be busy\n", pinned.c_str(),
              sysconf(_SC_NPROCESSORS_ONLN));
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
  if (o.passes)
    std::printf(
        "timing:   steady_clock; %llu passes per run (fixed), %d run(s) each, median reported\n",
        static_cast<unsigned long long>(o.passes), o.repeats);
  else
    std::printf(
        "timing:   steady_clock; each run >= %.1f s (passes calibrated), %d runs each, the\n"
        "          measurements taking turns; median run reported\n",
        o.min_time, o.repeats);
  std::printf("\n");
  std::fflush(stdout);

  std::vector<Row> rows;
  for (auto& s : sets) {
    auto r = bench_syntax(s.syntax, s.inputs, ruleset, o);
    rows.insert(rows.end(), r.begin(), r.end());
  }
  measure_all(rows, o);

  bool shared = false;
  auto find = [&](const std::string& syntax, const std::string& what) -> const Row* {
    for (auto& r : rows)
      if (r.syntax == syntax && r.what == what) return &r;
    return nullptr;
  };

  std::printf("%-6s %-34s %8s %11s %11s %8s %7s %11s %7s %11s\n", "syntax", "measurement", "passes",
              "missions/s", "us/mission", "x parse", "spread", "best/s", "on-cpu", "per cpu-s");
  double shortest = 1e300;
  for (auto& r : rows) {
    const Row* parse = find(r.syntax, "parse");
    char ratio[16] = "-";
    if (parse) std::snprintf(ratio, sizeof ratio, "%.2f", r.m.micros() / parse->m.micros());
    std::printf("%-6s %-34s %8llu %11.0f %11.2f %8s %6.1f%% %11.0f %6.1f%% %11.0f\n",
                r.syntax.c_str(), r.label.c_str(), static_cast<unsigned long long>(r.m.passes),
                r.m.per_second(), r.m.micros(), ratio, r.m.spread() * 100, r.m.best_per_second(),
                r.m.on_cpu() * 100, r.m.per_cpu_second());
    shared = shared || r.m.on_cpu() < 0.95;
    shortest = std::min(shortest, r.m.shortest());
  }
  std::printf(
      "(one pass = every mission of that syntax once; missions/s and us/mission from the median\n"
      " run, wall time; x parse = time / parse-only time; spread = (longest - shortest run) /\n"
      " median; best/s = missions/s of the fastest run; on-cpu = thread CPU time / wall time of\n"
      " the median run; per cpu-s = missions per second of thread CPU time; shortest run %.2f s)\n",
      shortest);
  if (shared)
    std::printf(
        "WARNING: on-cpu below 95%%: another process shared the CPU; wall-time figures are "
        "pessimistic,\n"
        "         per cpu-s estimates an unshared CPU (still slowed by the other process's cache "
        "use)\n");

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
      double ratio = check->m.micros() / parse->m.micros();
      bool ok = ratio <= kGoalRatio;
      met += ok, ++total;
      std::printf("%-6s full check / parse only  %10.2f     goal <= %.1f          %s\n",
                  s.syntax.c_str(), ratio, kGoalRatio, ok ? "PASS" : "FAIL");
    }
    bool ok = check->m.per_second() >= kGoalThroughput;
    met += ok, ++total;
    std::printf("%-6s full check missions/s    %10.0f     goal >= %.0f        %s", s.syntax.c_str(),
                check->m.per_second(), kGoalThroughput, ok ? "PASS" : "FAIL");
    if (check->m.on_cpu() < 0.95)
      std::printf("  (per cpu-s: %.0f, %s)", check->m.per_cpu_second(),
                  check->m.per_cpu_second() >= kGoalThroughput ? "PASS" : "FAIL");
    std::printf("\n");
  }
  if (total) std::printf("%d of %d goals met\n", met, total);
  std::printf("\nchecksum %llu\n", static_cast<unsigned long long>(g_checksum));
  return 0;
}
