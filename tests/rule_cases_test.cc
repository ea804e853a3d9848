// Data-driven cases (tests/cases/*.json): a bundled sample, a JSON merge
// patch (RFC 7396) that changes one thing, and the outcome a rule must give.
// Then coverage: every rule must fail on at least one sample or case and pass
// on another.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "support.h"

using namespace clef;
using namespace clef::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Seen {
  std::set<std::string> fails, passes;
  void add(const Decision& d) {
    for (auto& f : d.findings) {
      if (f.outcome == Outcome::fail) fails.insert(d.rule(f).id);
      if (f.outcome == Outcome::pass) passes.insert(d.rule(f).id);
    }
  }
};

Seen& seen() {
  static Seen s;
  return s;
}

std::string json_sample(const std::string& path) {
  // XML samples are used through their JSON twins; a base must be JSON.
  BOOST_REQUIRE_MESSAGE(path.ends_with(".json"), "a case's base is a JSON sample: " << path);
  return read_text(source_path(path));
}

Outcome parse_outcome(const std::string& s) {
  if (s == "fail") return Outcome::fail;
  if (s == "pass") return Outcome::pass;
  if (s == "unknown") return Outcome::unknown;
  return Outcome::not_applicable;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_cases_test)

BOOST_AUTO_TEST_CASE(cases_give_their_outcomes) {
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(source_path("tests/cases")))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE(!files.empty());
  int count = 0;
  for (auto& file : files) {
    json suite = json::parse(read_text(file.string()));
    std::string base = suite.at("base");
    json document = json::parse(json_sample(base));
    for (auto& c : suite.at("cases")) {
      json patched = document;
      if (c.contains("base")) patched = json::parse(json_sample(c.at("base")));
      patched.merge_patch(c.value("patch", json::object()));
      CheckOptions options;
      if (c.contains("as_of")) options.as_of = Date::from_iso(c.at("as_of").get<std::string>());
      if (c.value("phase", "draft") == "submission") options.phase = Phase::submission;
      std::string name = file.filename().string() + ": " + c.at("rule").get<std::string>() + " " +
                         c.at("outcome").get<std::string>() + " — " + c.value("note", "");
      ReadResult r = read_document(patched.dump(), name);
      BOOST_REQUIRE_MESSAGE(r.document,
                            name << ": " << (r.errors.empty() ? "" : r.errors[0].format(Lang::fr)));
      Decision d = check(bundled_rules(), std::move(*r.document), options);
      seen().add(d);
      const Finding* f = finding(d, c.at("rule"));
      BOOST_REQUIRE_MESSAGE(f, name << ": no such rule");
      BOOST_TEST((f->outcome == parse_outcome(c.at("outcome"))),
                 name << " → got " << code(f->outcome));
      ++count;
    }
  }
  BOOST_TEST_MESSAGE(count << " cases");
}

BOOST_AUTO_TEST_CASE(every_rule_fails_somewhere_and_passes_elsewhere) {
  // The bundled samples count too (the faulty ones are meant to fail).
  for (auto& dir : {"samples/missions", "samples/agreements", "samples/calls", "samples/faulty"}) {
    for (auto& e : fs::directory_iterator(source_path(dir))) {
      if (e.path().extension() != ".xml" && e.path().extension() != ".json") continue;
      seen().add(check_file(std::string(dir) + "/" + e.path().filename().string()));
      CheckOptions submission;
      submission.phase = Phase::submission;
      seen().add(check_file(std::string(dir) + "/" + e.path().filename().string(), submission));
    }
  }
  std::string never_fail, never_pass;
  for (auto& r : bundled_rules()->rules()) {
    if (!seen().fails.count(r.id)) never_fail += " " + r.id;
    // A rule whose condition is the constant false (out of scope) cannot pass.
    if (!seen().passes.count(r.id) && r.condition_text != "false") never_pass += " " + r.id;
  }
  BOOST_TEST(never_fail.empty(), "rules failing on no sample or case:" << never_fail);
  BOOST_TEST(never_pass.empty(), "rules passing on no sample or case:" << never_pass);
}

BOOST_AUTO_TEST_SUITE_END()
