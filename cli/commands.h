// One function per subcommand; each turns its arguments into engine
// requests and prints the results. The engine decides; the CLI parses,
// prints and maps results to exit codes (README.md, "Exit codes").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clef/engine.h"

namespace clef::cli {

inline constexpr int kExitConforming = 0;
inline constexpr int kExitNotConforming = 1;  // non conforme or incomplet; a document refused
inline constexpr int kExitUsage = 2;          // bad input file or bad usage
inline constexpr int kExitRules = 3;          // rule packs, registry or templates refused at load
inline constexpr int kExitOutput = 4;         // the output file cannot be written
inline constexpr int kExitRenderLimit = 5;    // a document went past a rendering limit

// The exit code of a problem, by its kind: the one table of the CLI.
int exit_code(const Problem& problem);

struct Options {
  // Where the engine's data comes from (also CLEF_RULES_DIR, CLEF_TEMPLATES_DIR).
  std::string rules_dir, registry, templates_dir;
  // The request options as written, by name (clef/options.h), applied once
  // the command line is parsed.
  std::map<std::string, std::string> given;
  Settings settings;
  // What the CLI itself does with results.
  std::vector<std::string> files;
  std::string format = "text", color = "auto";
  bool no_passes = false, color_on = false;
  std::string rule_id, schema;
  std::string output, volunteer;
};

int run_check(const Options& o);
int run_rules_list(const Options& o);
int run_rules_show(const Options& o);
int run_rules_test(const Options& o);
int run_schema(const Options& o);
int run_document(const Options& o, DocumentType type);
int run_templates_check(const Options& o);

}  // namespace clef::cli
