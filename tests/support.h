// Shared helpers for the tests: paths, the bundled ruleset, running the CLI.
#pragma once

#include <memory>
#include <string>

#include "clef/decision.h"
#include "clef/reader.h"
#include "clef/ruleset.h"

namespace clef::test {

std::string source_path(const std::string& relative);
std::string read_text(const std::string& path);
std::shared_ptr<const Ruleset> bundled_rules();
// Reads and checks a file; fails the test on an input error.
Decision check_file(const std::string& relative, const CheckOptions& options = {});
Decision check_bytes(const std::string& bytes, const std::string& name,
                     const CheckOptions& options = {});
const Finding* finding(const Decision& d, const std::string& rule_id);

struct Run {
  int exit_code = -1;
  std::string out, err;
};
// Runs the clef binary with a shell command line (arguments already quoted).
Run run_clef(const std::string& arguments, const std::string& stdin_text = "");
// Runs any shell command, capturing stdout.
Run run_shell(const std::string& command);

}  // namespace clef::test
