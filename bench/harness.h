// What the benchmarks share (clef_bench: check_bench.cc; clef_report_bench:
// report_bench.cc; clef_report_html): their common options (CLI11), pinning
// to one CPU, loading the rules and the inputs, and the method of measuring:
// whole passes over the inputs, calibrated so that one run lasts at least
// --min-time seconds, --repeats runs with the measurements taking turns, the
// median run reported, the thread's CPU time beside the wall time.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "clef/reader.h"
#include "clef/ruleset.h"

namespace clef_bench {

// "<program>: message" on stderr, then exit status 1.
[[noreturn]] void die(const std::string& message);

// The whole file, or die.
std::string slurp(const std::filesystem::path& path);
// read_document, or die with the first error.
clef::ReadResult read_or_die(const std::string& bytes, const std::string& name,
                             clef::InputFormat format);
std::shared_ptr<const clef::Ruleset> load_rules(const std::string& rules_dir);

// ---------------------------------------------------------------------------
// Options

struct TimingOptions {
  double min_time = 2.0;  // seconds, per run
  int repeats = 5;        // runs per measurement; the median is reported
  int cpu = 0;            // CPU to pin to; -1 = do not pin
  uint64_t passes = 0;    // fixed passes per run (no calibration) when > 0
};

// --min-time, --repeats, --cpu, --passes, their defaults those of `options`;
// `inputs` names what a pass goes over ("inputs", "decisions").
void add_timing_options(CLI::App& app, TimingOptions& options, const std::string& inputs);
// --rules DIR, --samples DIR (defaults: the bundled rules/ and samples/).
void add_source_options(CLI::App& app, std::string& rules_dir, std::string& samples_dir);
// A check for a numeric option: at least `min` (more than `min` when
// `strict`). CLI::PositiveNumber says the same but with the double range's
// bounds in full in its message.
CLI::Validator at_least(double min, bool strict = false);
// Parses the command line: --help prints the options and exits 0; a wrong
// option or value is said on stderr, exit status 2.
void parse_or_exit(CLI::App& app, int argc, char** argv);

// Pins the calling thread to `cpu` (nothing when negative); says what happened.
std::string pin(int cpu);

// ---------------------------------------------------------------------------
// Timing

struct Run {
  double wall = 0;  // steady_clock seconds
  double cpu = 0;   // this thread's CPU seconds: less than wall when the CPU was shared
  bool operator<(const Run& o) const { return wall < o.wall; }
};

// One thing measured: its runs, each of `passes` passes over `inputs` inputs.
struct Measurement {
  std::string label;
  size_t inputs = 0;                   // per pass
  std::function<Run(uint64_t)> timed;  // one run of that many passes
  uint64_t passes = 0;                 // per run, once measured
  std::vector<Run> runs;               // sorted by wall time, once measured
  double per_run() const { return static_cast<double>(passes * inputs); }
  const Run& median() const { return runs[runs.size() / 2]; }
  double shortest() const { return runs.front().wall; }
  double per_second() const { return per_run() / median().wall; }
  double seconds_each() const { return median().wall / per_run(); }
  double spread() const { return (runs.back().wall - shortest()) / median().wall; }
  double best_per_second() const { return per_run() / shortest(); }
  double on_cpu() const { return median().cpu / median().wall; }
  double per_cpu_second() const { return per_run() / median().cpu; }
  bool cpu_shared() const { return on_cpu() < 0.95; }
};

inline uint64_t g_checksum = 0;  // printed at the end, so no result can be discarded

double thread_cpu_seconds();

// One run: `passes` passes over every input, `one(input)` each, on this thread.
template <class Input, class F>
Run time_passes(const std::vector<Input>& inputs, uint64_t passes, F& one) {
  using Clock = std::chrono::steady_clock;
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

// `one` returns a number drawn from its result, added to g_checksum.
// `inputs` must outlive the measurement.
template <class Input, class F>
Measurement measurement(std::string label, const std::vector<Input>& inputs, F one) {
  Measurement m;
  m.label = std::move(label);
  m.inputs = inputs.size();
  m.timed = [&inputs, one](uint64_t passes) mutable { return time_passes(inputs, passes, one); };
  return m;
}

// Calibrates every measurement (unless --passes), then runs the repetitions
// round-robin (a, b, c, a, b, c, …) so that a slow period of the machine
// falls on all of them alike rather than on one.
void measure_all(const std::vector<Measurement*>& measurements, const TimingOptions& options);

// ---------------------------------------------------------------------------
// Printing; `width` is that of the labels ("cpu:", "timing:") before the text.

// "cpu:  pinned to CPU 0 …; 2 CPUs online, the others may be busy"
void print_cpu(const std::string& pinned, int width);
// How the runs are timed.
void print_timing(const TimingOptions& options, int width);
// The last columns of a table of results: spread, best/s, on-cpu, per cpu-s,
// the per-second ones `width` wide; each ends the line.
void print_stats_header(int width);
void print_stats(const Measurement& m, int width);
void print_cpu_shared_warning();
void print_checksum();

}  // namespace clef_bench
