#include "common.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>

#include "clef/output.h"
#include "clef/render.h"

namespace clef::cli {

int exit_code(const Problem& problem) {
  switch (problem.kind()) {
    case ProblemKind::input:
    case ProblemKind::usage:
      return kExitUsage;
    case ProblemKind::rules:
    case ProblemKind::templates:
      return kExitRules;
    case ProblemKind::rendering:
      return kExitRenderLimit;
    case ProblemKind::output:
      return kExitOutput;
  }
  return kExitUsage;
}

namespace {

std::string from_environment(const std::string& given, const char* variable, const char* bundled) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv(variable)) return env;
  return bundled;
}

}  // namespace

std::shared_ptr<const Engine> load_engine(const Options& o, bool documents) {
  EngineConfig config;
  config.rules_dir = from_environment(o.rules_dir, "CLEF_RULES_DIR", CLEF_DEFAULT_RULES_DIR);
  if (!o.registry.empty()) config.registry = o.registry;
  if (documents)
    config.templates_dir =
        from_environment(o.templates_dir, "CLEF_TEMPLATES_DIR", CLEF_DEFAULT_TEMPLATES_DIR);
  std::vector<Problem> problems;
  auto engine = Engine::load(config, problems);
  size_t rules = 0, templates = 0;
  for (const Problem& p : problems) {
    print_line(p.format(o.settings.lang));
    (p.kind() == ProblemKind::templates ? templates : rules)++;
  }
  if (rules)
    std::cerr << tr(o, "clef : règles refusées (", "clef: rules refused (") << rules
              << tr(o, " erreur(s))\n", " error(s))\n");
  if (templates)
    std::cerr << tr(o, "clef : modèles refusés (", "clef: templates refused (") << templates
              << tr(o, " erreur(s))\n", " error(s))\n");
  return engine;
}

Source source(const std::string& path) {
  if (path != "-") return Source::file(path);
  // Read at most one byte past the limit: a huge stream is refused, not slurped.
  Source s = Source::text({}, "-");
  char chunk[65536];
  while (s.bytes.size() <= kMaxInputBytes) {
    ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    s.bytes.append(chunk, static_cast<size_t>(got));
  }
  s.truncated = s.bytes.size() > kMaxInputBytes;
  return s;
}

void print_error(const Options& o, const std::string& fr, const std::string& en) {
  print_line(tr(o, "clef : ", "clef: ") + (o.settings.lang == Lang::fr ? fr : en));
}

int print_problem(const Options& o, const Problem& p) {
  print_line(p.format(o.settings.lang));
  return exit_code(p);
}

void print_line(const std::string& text) {
  std::cerr << terminal_safe(text, true) << "\n";
}

namespace {
int report(const Options& o, const Problem& p) {
  print_error(o, p.message_fr, p.message_en);
  return exit_code(p);
}
}  // namespace

int check_output(const Options& o, const std::vector<std::string>& inputs) {
  if (auto refused = check_output_target(o.output, inputs)) return report(o, *refused);
  return 0;
}

int write_output(const Options& o, const std::string& bytes,
                 const std::vector<std::string>& inputs) {
  if (o.output == "-") {
    std::cout.flush();
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        print_error(o, "sortie standard : écriture impossible", "standard output: cannot write");
        return kExitOutput;
      }
      done += static_cast<size_t>(n);
    }
    return 0;
  }
  if (auto failed = write_output_file(o.output, bytes, inputs)) return report(o, *failed);
  return 0;
}

}  // namespace clef::cli
