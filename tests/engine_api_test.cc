// The engine as front ends use it: requests in, results out, problems as
// values; the problem codes listed once (and in the README); the request
// options described once (and offered by the CLI).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "clef/engine.h"
#include "clef/options.h"
#include "pdf_support.h"
#include "support.h"

using namespace clef;
using namespace clef::test;

namespace {

std::shared_ptr<const Engine> engine() {
  static const std::shared_ptr<const Engine> e = [] {
    EngineConfig config;
    config.rules_dir = source_path("rules");
    config.templates_dir = source_path("templates");
    std::vector<Problem> problems;
    auto loaded = Engine::load(config, problems);
    BOOST_REQUIRE(problems.empty());
    return loaded;
  }();
  return e;
}

Settings fixed() {
  Settings s;
  s.as_of = Date::from_ymd(2026, 1, 1);
  return s;
}

bool listed(std::string_view code) {
  for (const ProblemCode& c : problem_codes())
    if (c.code == code) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_api_test)

BOOST_AUTO_TEST_CASE(check_from_a_file_or_from_bytes_gives_the_same_decision) {
  const std::string path = source_path("samples/missions/guinee-riziculture.xml");
  CheckResult from_file = engine()->check({Source::file(path), fixed()});
  CheckResult from_bytes = engine()->check({Source::text(read_text(path), "m.xml"), fixed()});
  BOOST_REQUIRE(from_file.decision);
  BOOST_REQUIRE(from_bytes.decision);
  BOOST_TEST(from_file.decision->id == from_bytes.decision->id);
  BOOST_TEST((from_file.decision->status == Status::conforme));

  // "-" is a file name to the engine: standard input is the front end's.
  CheckResult dash = engine()->check({Source::file("-"), fixed()});
  BOOST_TEST(!dash.decision);
  BOOST_TEST(dash.problems.at(0).code == "io");

  Source big = Source::text(std::string(10, ' '), "-");
  big.truncated = true;
  CheckResult truncated = engine()->check({big, fixed()});
  BOOST_TEST(truncated.problems.at(0).code == "too_large");
}

BOOST_AUTO_TEST_CASE(documents_and_refusals) {
  DocumentRequest report{DocumentType::report,
                         Source::file(source_path("samples/faulty/guinee-vsi-30-mois.xml")),
                         std::nullopt, fixed()};
  DocumentResult made = engine()->document(report);
  BOOST_TEST(made.made());
  BOOST_TEST(made.template_id == "report");
  BOOST_TEST(made.bytes.starts_with("%PDF-1."));
  BOOST_TEST((made.decision->status == Status::non_conforme));

  DocumentRequest tor = report;
  tor.type = DocumentType::terms_of_reference;
  tor.settings.strict = true;
  DocumentResult refused = engine()->document(tor);
  BOOST_TEST(!refused.made());
  BOOST_REQUIRE(refused.refusal);
  BOOST_TEST(refused.refusal->code == "blocking_findings");
  BOOST_REQUIRE(!refused.refusal->blocking.empty());
  const Finding& f = refused.decision->findings[refused.refusal->blocking[0]];
  BOOST_TEST(refused.decision->rule(f).id == "vsi.duration.max");

  DocumentRequest contract{DocumentType::contract,
                           Source::file(source_path("samples/missions/madagascar-artisanat.xml")),
                           Source::file(source_path("samples/volunteers/theo-marechal.xml")),
                           fixed()};
  DocumentResult not_eligible = engine()->document(contract);
  BOOST_REQUIRE(not_eligible.refusal);
  BOOST_TEST(not_eligible.refusal->code == "not_eligible");
  contract.volunteer = Source::file(source_path("samples/volunteers/zoe-loeuvre.xml"));
  DocumentResult signed_ = engine()->document(contract);
  BOOST_TEST(signed_.made());
  BOOST_TEST(signed_.template_id == "contract-service-civique");

  // One decision, several documents (as a batch makes them).
  for (DocumentType type : {DocumentType::report, DocumentType::terms_of_reference}) {
    DocumentResult again = engine()->render(*signed_.decision, type, fixed(), "m");
    BOOST_TEST(again.made());
  }

  DocumentRequest agreement{
      DocumentType::terms_of_reference,
      Source::file(source_path("samples/agreements/territoires-volontaires.xml")), std::nullopt,
      fixed()};
  DocumentResult none = engine()->document(agreement);
  BOOST_TEST(none.problems.at(0).code == "no_terms_of_reference");
  BOOST_TEST((none.problems.at(0).kind() == ProblemKind::usage));
  agreement.type = DocumentType::contract;
  BOOST_TEST(engine()->document(agreement).problems.at(0).code == "not_a_mission");
}

BOOST_AUTO_TEST_CASE(every_problem_code_is_listed_once_with_its_kind) {
  std::set<std::string_view> seen;
  for (const ProblemCode& c : problem_codes()) {
    BOOST_TEST(seen.insert(c.code).second, "twice: " << c.code);
    BOOST_TEST(!c.summary_en.empty());
  }
  // Every code the readers give on the hostile corpus is among them.
  auto cases = nlohmann::json::parse(read_text(source_path("tests/hostile/cases.json")));
  for (auto& c : cases)
    if (c.contains("code")) {
      const std::string code = c["code"];
      BOOST_TEST(listed(code), code);
    }
  // And the README lists every one of them.
  const std::string readme = read_text(source_path("README.md"));
  for (const ProblemCode& c : problem_codes())
    BOOST_TEST(readme.find("`" + std::string(c.code) + "`") != std::string::npos,
               "README lacks " << c.code);
}

BOOST_AUTO_TEST_CASE(request_options_are_described_once_and_offered_by_the_cli) {
  std::set<std::string_view> names;
  for (const RequestOption& o : request_options()) {
    BOOST_TEST(names.insert(o.name).second);
    BOOST_TEST(o.flag.starts_with("--"));
    BOOST_TEST(!o.help_en.empty());
    BOOST_TEST(!o.help_fr.empty());
    BOOST_TEST(find_request_option(o.name) == &o);
  }
  const std::pair<const char*, uint8_t> commands[] = {{"check", kCheckRequest},
                                                      {"report", kReportRequest},
                                                      {"tor", kTorRequest},
                                                      {"contract", kContractRequest}};
  // --lang is the whole program's (rules and schema speak too): in `clef --help`.
  const std::string global = run_clef("--help").out;
  BOOST_TEST(global.find("--lang") != std::string::npos);
  for (auto [command, bit] : commands) {
    const std::string help = run_clef(std::string(command) + " --help").out + global;
    for (const RequestOption& o : request_options())
      if (o.requests & bit)
        BOOST_TEST(help.find(std::string(o.flag)) != std::string::npos,
                   command << " --help lacks " << o.flag);
  }
  Settings s;
  BOOST_TEST(!find_request_option("as_of")->apply(s, "2026-03-01"));
  BOOST_TEST(s.as_of->iso() == "2026-03-01");
  auto bad = find_request_option("as_of")->apply(s, "2026-02-30");
  BOOST_REQUIRE(bad);
  BOOST_TEST(bad->code == "invalid_option");
  BOOST_TEST((bad->kind() == ProblemKind::usage));
  BOOST_TEST(!find_request_option("phase")->apply(s, "submission"));
  BOOST_TEST((s.phase == Phase::submission));
  BOOST_TEST(!find_request_option("passes")->apply(s, "false"));
  BOOST_TEST(!s.passes);
}

BOOST_AUTO_TEST_CASE(problem_kinds_map_to_exit_codes) {
  // One problem of each kind, through the binary.
  Scratch s;
  BOOST_TEST(run_clef("check samples/bad/malformed.xml").exit_code == 2);  // input
  BOOST_TEST(run_clef("tor samples/agreements/territoires-volontaires.xml -o " + (s / "t.pdf"))
                 .exit_code == 2);  // usage
  BOOST_TEST(run_clef("check --rules /nonexistent samples/bad/malformed.xml").exit_code == 3);
  BOOST_TEST(run_clef("report samples/missions/haiti-sage-femme.xml -o " + (s / "no/dir/r.pdf"))
                 .exit_code == 4);  // output
}

BOOST_AUTO_TEST_SUITE_END()
