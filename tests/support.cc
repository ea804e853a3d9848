#include "support.h"

#include <sys/wait.h>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace clef::test {

std::string source_path(const std::string& relative) {
  return std::string(CLEF_SOURCE_DIR) + "/" + relative;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::shared_ptr<const Ruleset> bundled_rules() {
  static std::shared_ptr<const Ruleset> rules = [] {
    LoadResult r = Ruleset::load(source_path("rules"));
    for (auto& e : r.errors) BOOST_TEST_MESSAGE(e.format());
    BOOST_REQUIRE(r.errors.empty());
    return r.ruleset;
  }();
  return rules;
}

Decision check_bytes(const std::string& bytes, const std::string& name,
                     const CheckOptions& options) {
  ReadResult r = read_document(bytes, name);
  for (auto& e : r.errors) BOOST_TEST_MESSAGE(e.format(Lang::fr));
  BOOST_REQUIRE_MESSAGE(r.document, "input error in " << name);
  return check(bundled_rules(), std::move(*r.document), options);
}

Decision check_file(const std::string& relative, const CheckOptions& options) {
  return check_bytes(read_text(source_path(relative)), relative, options);
}

const Finding* finding(const Decision& d, const std::string& rule_id) {
  for (auto& f : d.findings)
    if (d.rule(f).id == rule_id) return &f;
  return nullptr;
}

Run run_shell(const std::string& command) {
  Run run;
  std::string err_file = "/tmp/clef-test-stderr-" + std::to_string(::getpid());
  FILE* p = ::popen((command + " 2>" + err_file).c_str(), "r");
  BOOST_REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) run.out.append(buf, n);
  int status = ::pclose(p);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::ostringstream s;
  s << err.rdbuf();
  run.err = s.str();
  std::remove(err_file.c_str());
  return run;
}

Run run_clef(const std::string& arguments, const std::string& stdin_text) {
  std::string command = std::string("cd ") + CLEF_SOURCE_DIR + " && ";
  if (!stdin_text.empty()) {
    std::string in_file = "/tmp/clef-test-stdin-" + std::to_string(::getpid());
    std::ofstream(in_file, std::ios::binary) << stdin_text;
    command += std::string(CLEF_BINARY) + " " + arguments + " < " + in_file;
  } else {
    command += std::string(CLEF_BINARY) + " " + arguments + " < /dev/null";
  }
  return run_shell(command);
}

}  // namespace clef::test
