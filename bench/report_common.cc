#include "report_common.h"

#include <sched.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "clef/reader.h"
#include "report_html.h"

namespace clef_bench {

namespace fs = std::filesystem;

void die(const std::string& message) {
  std::fprintf(stderr, "clef report bench: %s\n", message.c_str());
  std::exit(1);
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

double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::shared_ptr<const clef::Ruleset> load_rules(const std::string& rules_dir) {
  clef::LoadResult loaded = clef::Ruleset::load(rules_dir);
  if (!loaded.ruleset) {
    for (auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    die("cannot load the rules from " + rules_dir);
  }
  return loaded.ruleset;
}

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::vector<Mission> check_missions(const std::shared_ptr<const clef::Ruleset>& ruleset,
                                    const std::string& samples_dir) {
  const fs::path dir = fs::path(samples_dir) / "missions";
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    if (entry.is_regular_file() && p.extension() == ".xml" &&
        !p.filename().string().starts_with("draft"))
      paths.push_back(p);
  }
  if (ec) die("cannot list " + dir.string() + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) die("no mission in " + dir.string());

  std::vector<Mission> missions;
  for (const fs::path& p : paths) {
    const std::string name = "missions/" + p.filename().string();
    clef::ReadResult r = clef::read_document(slurp(p), name, clef::InputFormat::xml);
    if (!r.document)
      die(name + ": " + (r.errors.empty() ? "not read" : r.errors.front().format(clef::Lang::en)));
    Mission m;
    m.stem = p.stem().string();
    m.decision = clef::check(ruleset, std::move(*r.document), {});
    if (auto id = clef::find_field("title"))
      if (auto* t = m.decision.facts->values[*id].get<std::string>()) m.title = *t;
    missions.push_back(std::move(m));
  }
  return missions;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) die("cannot write " + path);
}

size_t write_html(const std::vector<Mission>& missions, const std::string& dir, clef::Lang lang,
                  int copies) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) die("cannot create " + dir + ": " + ec.message());
  size_t written = 0;
  for (const Mission& m : missions) {
    const std::string html = report_html(m.decision, lang);
    if (copies <= 0) {
      write_file((fs::path(dir) / (m.stem + ".html")).string(), html);
      ++written;
      continue;
    }
    for (int c = 1; c <= copies; ++c) {
      char suffix[32];
      std::snprintf(suffix, sizeof suffix, "-%03d.html", c);
      write_file((fs::path(dir) / (m.stem + suffix)).string(), html);
      ++written;
    }
  }
  return written;
}

}  // namespace clef_bench
