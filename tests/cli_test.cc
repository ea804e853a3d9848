// The clef command as a user runs it: exit codes, several files, stdin,
// languages, JSON output, rules subcommands.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace clef::test;

BOOST_AUTO_TEST_SUITE(cli_test)

BOOST_AUTO_TEST_CASE(exit_codes) {
  BOOST_TEST(run_clef("check samples/missions/guinee-riziculture.xml").exit_code == 0);
  BOOST_TEST(run_clef("check samples/faulty/guinee-vsi-30-mois.xml").exit_code == 1);
  BOOST_TEST(run_clef("check samples/missions/draft-sans-volontaire.xml").exit_code ==
             1);  // incomplet
  BOOST_TEST(run_clef("check samples/bad/malformed.xml").exit_code == 2);
  BOOST_TEST(run_clef("check").exit_code == 2);
  BOOST_TEST(run_clef("frobnicate").exit_code == 2);
  BOOST_TEST(
      run_clef("check --as-of 2025-02-30 samples/missions/guinee-riziculture.xml").exit_code == 2);
  BOOST_TEST(
      run_clef("check --rules /nonexistent samples/missions/guinee-riziculture.xml").exit_code ==
      3);
  BOOST_TEST(run_clef("--version").out.find("clef ") == 0u);
}

BOOST_AUTO_TEST_CASE(a_bad_file_does_not_stop_the_others) {
  Run r = run_clef(
      "check --no-passes samples/bad/date-invalide.xml samples/missions/guinee-riziculture.xml "
      "samples/faulty/guinee-vsi-30-mois.xml");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(
      r.err.find(
          "samples/bad/date-invalide.xml:5:4: « start_date » : attendu une date AAAA-MM-JJ") !=
      std::string::npos);
  BOOST_TEST(r.out.find("Verdict : CONFORME") != std::string::npos);
  BOOST_TEST(r.out.find("Verdict : NON CONFORME") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_for_machines) {
  Run r = run_clef(
      "check --format json samples/bad/wrong-type.json samples/missions/haiti-sage-femme.json");
  BOOST_TEST(r.exit_code == 2);
  auto j = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(j.is_array());
  BOOST_TEST(j[0]["status"] == "input_error");
  BOOST_TEST(j[0]["errors"][0]["code"] == "wrong_type");
  BOOST_TEST(j[0]["errors"][0]["pointer"] == "/weekly_hours");
  BOOST_TEST(j[0]["errors"][0]["line"] == 5);
  BOOST_TEST(j[1]["status"] == "conforme");
  BOOST_TEST(j[1]["decision_id"].get<std::string>().size() == 22u);
  bool passes_listed = false;
  for (auto& f : j[1]["findings"]) passes_listed = passes_listed || f["outcome"] == "pass";
  BOOST_TEST(passes_listed);
}

BOOST_AUTO_TEST_CASE(standard_input_and_plain_output_when_piped) {
  std::string mission = read_text(source_path("samples/missions/vietnam-boulangerie.json"));
  Run r = run_clef("check -", mission);
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out.find("- — document mission") == 0u);
  BOOST_TEST(r.out.find("\x1b[") == std::string::npos);  // no colour through a pipe
  Run coloured = run_clef("check --color always samples/missions/vietnam-boulangerie.json");
  BOOST_TEST(coloured.out.find("\x1b[32mCONFORME") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(huge_standard_input_is_refused_not_slurped) {
  Run r = run_shell(std::string("head -c 20000000 /dev/zero | ") + CLEF_BINARY + " check -");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("-: fichier trop volumineux") == 0u);
}

BOOST_AUTO_TEST_CASE(english_on_request) {
  Run r = run_clef("check --lang en --no-passes samples/faulty/guinee-vsi-30-mois.xml");
  BOOST_TEST(r.out.find("Verdict: NOT CONFORMING") != std::string::npos);
  BOOST_TEST(r.out.find("Found: 30\u00A0months · Expected: ≤ 24\u00A0months") != std::string::npos);
  Run e = run_clef("check --lang en samples/bad/date-invalide.xml");
  BOOST_TEST(e.err.find("'start_date': expected a YYYY-MM-DD date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(registry_can_be_replaced) {
  // A registry without Service de Coopération au Développement: its VSI mission loses its carrier.
  std::string path = "/tmp/clef-registry-" + std::to_string(::getpid()) + ".xml";
  run_shell("printf '%s' '<registry example=\"false\"><carrier name=\"Autre\"/></registry>' > " +
            path);
  Run r =
      run_clef("check --no-passes --registry " + path + " samples/missions/guinee-riziculture.xml");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.out.find("vsi.carrier.agrement") != std::string::npos);
  BOOST_TEST(r.out.find("Données d'exemple") == std::string::npos);
  std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(rules_subcommands) {
  Run list = run_clef("rules list");
  BOOST_TEST(list.exit_code == 0);
  BOOST_TEST(list.out.find("vsi.duration.max\tbloquant\tvsi") != std::string::npos);
  Run show = run_clef("rules show vsi.duration.max");
  BOOST_TEST(show.out.find("Loi n° 2005-159") != std::string::npos);
  BOOST_TEST(show.out.find("$vsi.contract.max_months") != std::string::npos);
  BOOST_TEST(run_clef("rules show no.such.rule").exit_code == 2);
  Run test = run_clef("rules test");
  BOOST_TEST(test.exit_code == 0, test.out);
  BOOST_TEST(test.out.find(" 0 en échec") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
