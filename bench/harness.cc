#include "harness.h"

#include <errno.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace clef_bench {

namespace fs = std::filesystem;

void die(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, message.c_str());
  std::exit(1);
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

clef::ReadResult read_or_die(const std::string& bytes, const std::string& name,
                             clef::InputFormat format) {
  clef::ReadResult r = clef::read_document(bytes, name, format);
  if (!r.document)
    die(name + ": " + (r.errors.empty() ? "not read" : r.errors.front().format(clef::Lang::en)));
  return r;
}

std::shared_ptr<const clef::Ruleset> load_rules(const std::string& rules_dir) {
  clef::LoadResult loaded = clef::Ruleset::load(rules_dir);
  if (!loaded.ruleset) {
    for (auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    die("cannot load the rules from " + rules_dir);
  }
  return loaded.ruleset;
}

// ---------------------------------------------------------------------------
// Options

CLI::Validator at_least(double min, bool strict) {
  char bound[32];
  std::snprintf(bound, sizeof bound, "%s %g", strict ? ">" : ">=", min);
  return CLI::Validator(
      [min, strict, bound = std::string(bound)](std::string& s) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(s.c_str(), &end);
        if (end != s.c_str() && *end == '\0' && (strict ? v > min : v >= min)) return {};
        return "a number " + bound + " expected, not " + s;
      },
      bound);
}

void add_timing_options(CLI::App& app, TimingOptions& o, const std::string& inputs) {
  char min_time[32];
  std::snprintf(min_time, sizeof min_time, "%g", o.min_time);
  app.add_option("--min-time", o.min_time,
                 std::string("Seconds each run lasts at least (default ") + min_time + ")")
      ->type_name("S")
      ->check(at_least(0, true));
  app.add_option(
         "--repeats", o.repeats,
         "Runs per measurement, median reported (default " + std::to_string(o.repeats) + ")")
      ->type_name("N")
      ->check(at_least(1));
  app.add_option("--cpu", o.cpu, "CPU to pin to with sched_setaffinity (default 0; -1: no pinning)")
      ->type_name("N");
  app.add_option("--passes", o.passes,
                 "Fixed passes over the " + inputs + " per run, no calibration (for profilers)")
      ->type_name("N");
}

void add_source_options(CLI::App& app, std::string& rules_dir, std::string& samples_dir) {
  app.add_option("--rules", rules_dir, "Rules directory (default: the bundled rules/)")
      ->type_name("DIR");
  app.add_option("--samples", samples_dir,
                 "Samples directory; missions are read from DIR/missions (default: the bundled "
                 "samples/)")
      ->type_name("DIR");
}

void parse_or_exit(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::exit(app.exit(e) == 0 ? 0 : 2);
  }
}

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

double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

namespace {

// The passes for a run of `min_time` seconds, with a margin, when `passes`
// took `seconds`.
uint64_t scaled(uint64_t passes, double seconds, double min_time) {
  return static_cast<uint64_t>(std::ceil(min_time * 1.05 * static_cast<double>(passes) / seconds));
}

}  // namespace

void measure_all(const std::vector<Measurement*>& measurements, const TimingOptions& o) {
  const bool calibrate = o.passes == 0;
  for (Measurement* m : measurements) {
    m->passes = o.passes;
    if (!calibrate) continue;
    // Calibration, which also warms caches and allocators: double the passes
    // until a run lasts a tenth of the target, then scale up with a margin.
    uint64_t passes = 1;
    double t = m->timed(passes).wall;
    while (t < o.min_time / 10) {
      passes *= 2;
      t = m->timed(passes).wall;
    }
    m->passes = scaled(passes, t, o.min_time);
  }
  // When a calibration run was slowed down (the CPU shared with another
  // process), runs come out short: scale those up and measure them again.
  std::vector<Measurement*> todo = measurements;
  for (int attempt = 0; !todo.empty(); ++attempt) {
    for (Measurement* m : todo) m->runs.clear();
    for (int k = 0; k < o.repeats; ++k)
      for (Measurement* m : todo) m->runs.push_back(m->timed(m->passes));
    std::vector<Measurement*> again;
    for (Measurement* m : todo) {
      std::sort(m->runs.begin(), m->runs.end());
      if (calibrate && m->shortest() < o.min_time && attempt < 3) {
        m->passes = scaled(m->passes, m->shortest(), o.min_time);
        again.push_back(m);
      }
    }
    todo = std::move(again);
  }
}

// ---------------------------------------------------------------------------
// Printing

void print_cpu(const std::string& pinned, int width) {
  std::printf("%-*s%s; %ld CPUs online, the others may be busy\n", width, "cpu:", pinned.c_str(),
              sysconf(_SC_NPROCESSORS_ONLN));
}

void print_timing(const TimingOptions& o, int width) {
  if (o.passes)
    std::printf("%-*ssteady_clock; %llu passes per run (fixed), %d run(s) each, median reported\n",
                width, "timing:", static_cast<unsigned long long>(o.passes), o.repeats);
  else
    std::printf(
        "%-*ssteady_clock; each run >= %.1f s (passes calibrated), %d runs each, the\n"
        "%*smeasurements taking turns; median run reported\n",
        width, "timing:", o.min_time, o.repeats, width, "");
}

void print_stats_header(int width) {
  std::printf(" %7s %*s %7s %*s\n", "spread", width, "best/s", "on-cpu", width, "per cpu-s");
}

void print_stats(const Measurement& m, int width) {
  std::printf(" %6.1f%% %*.0f %6.1f%% %*.0f\n", m.spread() * 100, width, m.best_per_second(),
              m.on_cpu() * 100, width, m.per_cpu_second());
}

void print_cpu_shared_warning() {
  std::printf(
      "WARNING: on-cpu below 95%%: another process shared the CPU; wall-time figures are "
      "pessimistic,\n"
      "         per cpu-s estimates an unshared CPU (still slowed by the other process's cache "
      "use)\n");
}

void print_checksum() {
  std::printf("\nchecksum %llu\n", static_cast<unsigned long long>(g_checksum));
}

}  // namespace clef_bench
