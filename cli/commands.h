// One function per subcommand; each turns Options into engine calls.
#pragma once

#include <string>
#include <vector>

namespace clef::cli {

// Exit codes (README.md, "Exit codes").
inline constexpr int kExitConforming = 0;
inline constexpr int kExitNotConforming = 1;  // non conforme or incomplet; rules test failures
inline constexpr int kExitUsage = 2;          // bad input file or bad usage
inline constexpr int kExitRules = 3;          // rule packs, registry or templates refused at load
inline constexpr int kExitOutput = 4;         // the output file cannot be written
inline constexpr int kExitRenderLimit = 5;    // a document outgrew its rendering limits

struct Options {
  std::string rules_dir, registry, lang = "fr";
  std::vector<std::string> files;
  std::string format = "text", as_of, phase = "draft", color = "auto", input_format = "auto";
  bool no_passes = false, color_on = false;
  std::string rule_id, schema;
  // Documents (report, tor, contract, templates).
  std::string templates_dir, output, volunteer;
  bool strict = false;
};

int run_check(const Options& o);
int run_rules_list(const Options& o);
int run_rules_show(const Options& o);
int run_rules_test(const Options& o);
int run_schema(const Options& o);
int run_report(const Options& o);
int run_tor(const Options& o);
int run_contract(const Options& o);
int run_templates_check(const Options& o);

}  // namespace clef::cli
