// Loading rule packs: the bundled ones load and pass their own examples; a
// faulty pack is refused with file:line:column, every error in one pass.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "support.h"

using namespace clef;
using namespace clef::test;
namespace fs = std::filesystem;

namespace {

// A rules directory holding one pack (and the bundled lexicon and registry).
struct TempRules {
  fs::path dir;
  explicit TempRules(const std::string& pack, const std::string& registry = "") {
    dir = fs::temp_directory_path() /
          ("clef-rules-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::create_directories(dir / "packs");
    fs::create_directories(dir / "registry");
    fs::copy(source_path("rules/lexicons"), dir / "lexicons", fs::copy_options::recursive);
    std::ofstream(dir / "packs" / "test.xml") << pack;
    if (registry.empty())
      fs::copy(source_path("rules/registry/carriers.xml"), dir / "registry" / "carriers.xml");
    else
      std::ofstream(dir / "registry" / "carriers.xml") << registry;
  }
  ~TempRules() { fs::remove_all(dir); }
  static int& counter() {
    static int n = 0;
    return n;
  }
  LoadResult load() const { return Ruleset::load(dir); }
};

std::string rule(const std::string& id, const std::string& condition, const std::string& extra = "",
                 const std::string& applies = "<applies kind=\"mission\" scheme=\"vsi\"/>") {
  return "  <rule id=\"" + id + "\" severity=\"bloquant\"" + extra + ">\n    " + applies +
         "\n    <reference confidence=\"confirmed\">Test</reference>\n"
         "    <title lang=\"fr\">T</title><title lang=\"en\">T</title>\n"
         "    <message lang=\"fr\">M</message><message lang=\"en\">M</message>\n"
         "    <remediation lang=\"fr\">R</remediation><remediation lang=\"en\">R</remediation>\n"
         "    <condition>" +
         condition +
         "</condition>\n"
         "    <example outcome=\"fail\"><fact path=\"weekly_hours\">10</fact></example>\n  "
         "</rule>\n";
}

std::string pack(const std::string& body) {
  return "<pack id=\"t\" revision=\"1\"><title lang=\"fr\">t</title><title "
         "lang=\"en\">t</title>\n" +
         body + "</pack>\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ruleset_test)

BOOST_AUTO_TEST_CASE(bundled_rules_load_and_pass_their_examples) {
  auto rules = bundled_rules();
  BOOST_TEST(rules->rules().size() >= 90u);
  BOOST_TEST(rules->revision().find('+') != std::string::npos);
  int failures = 0;
  for (auto& r : rules->run_examples()) {
    if (r.ok) continue;
    ++failures;
    BOOST_TEST_MESSAGE(r.name << " " << r.rule->id << " " << r.problem << " expected "
                              << code(r.expected) << " got " << code(r.got));
  }
  BOOST_TEST(failures == 0);
}

BOOST_AUTO_TEST_CASE(every_rule_cites_a_source_in_both_languages) {
  for (auto& r : bundled_rules()->rules()) {
    BOOST_TEST(!r.reference.text.empty(), r.id);
    BOOST_TEST(!r.title.fr.empty());
    BOOST_TEST(!r.title.en.empty(), r.id);
    BOOST_TEST(!r.message.en.empty(), r.id);
    BOOST_TEST(!r.remediation.en.empty(), r.id);
  }
  // JSI/VVVSI rules rest on unconfirmed programme rules: they must say so.
  for (auto& r : bundled_rules()->rules())
    if (r.pack == "jsi") BOOST_TEST((r.reference.confidence == Confidence::unconfirmed), r.id);
}

BOOST_AUTO_TEST_CASE(limits_are_dated_parameters) {
  const Parameter* p = bundled_rules()->find_parameter("vsi.contract.max_months");
  BOOST_REQUIRE(p);
  BOOST_TEST(*p->at(*Date::from_iso("2024-01-01"))->get<double>() == 24.0);
  BOOST_TEST(!p->at(*Date::from_iso("2004-01-01")));  // before the law of 23 February 2005
}

BOOST_AUTO_TEST_CASE(a_faulty_pack_is_refused_with_positions) {
  TempRules t(pack(rule("a", "weekly_hours >= 'x'") + rule("b", "unknown.fact") +
                   "  <rule id=\"c\" severity=\"grave\"/>\n"));
  LoadResult r = t.load();
  BOOST_TEST(!r.ruleset);
  BOOST_REQUIRE(r.errors.size() >= 4u);
  std::string all;
  for (auto& e : r.errors) all += e.format() + "\n";
  BOOST_TEST_MESSAGE(all);
  // The caret of a condition error is the exact column in the file: the 'x'.
  BOOST_TEST(r.errors[0].format().find(
                 "test.xml:8:32: condition invalide : comparaison entre nombre et texte") !=
             std::string::npos);
  BOOST_TEST(r.errors[2].format().find("test.xml:20:3: severity=") != std::string::npos);
  BOOST_TEST(all.find("fait inconnu « unknown.fact »") != std::string::npos);
  BOOST_TEST(all.find("severity=\"bloquant|majeur|mineur|info\" requis, trouvé « grave »") !=
             std::string::npos);
  BOOST_TEST(all.find("<reference> requise") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_xml_pack) {
  TempRules t("<pack id=\"t\" revision=\"1\">\n  <rule id=\"a\">\n</pack>\n");
  LoadResult r = t.load();
  BOOST_REQUIRE_EQUAL(r.errors.size(), 1u);
  BOOST_TEST(r.errors[0].format().find("test.xml:3:3: XML mal formé") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(conflicting_exceptions_are_a_load_error) {
  std::string tv =
      "<applies kind=\"mission\" scheme=\"vsi\" programme=\"territoires_volontaires\"/>";
  TempRules agree(pack(rule("base", "weekly_hours >= 10") +
                       rule("x1", "weekly_hours >= 20", " refines=\"base\" label=\"A\"", tv) +
                       rule("x2", "weekly_hours >= 20", " refines=\"base\" label=\"B\"", tv)));
  BOOST_TEST(agree.load().errors.empty());
  TempRules conflict(pack(rule("base", "weekly_hours >= 10") +
                          rule("x1", "weekly_hours >= 20", " refines=\"base\" label=\"A\"", tv) +
                          rule("x2", "weekly_hours >= 30", " refines=\"base\" label=\"B\"", tv)));
  LoadResult r = conflict.load();
  BOOST_REQUIRE_EQUAL(r.errors.size(), 1u);
  BOOST_TEST(r.errors[0].message.find("exceptions en conflit : « x1 »") == 0);
  // Exceptions for different schemes never apply together: no conflict.
  TempRules apart(pack(rule("base", "weekly_hours >= 10", "", "<applies kind=\"mission\"/>") +
                       rule("x1", "weekly_hours >= 20", " refines=\"base\" label=\"A\"", tv) +
                       rule("x2", "weekly_hours >= 30", " refines=\"base\" label=\"B\"",
                            "<applies kind=\"mission\" scheme=\"service_civique\"/>")));
  BOOST_TEST(apart.load().errors.empty());
  TempRules dangling(pack(rule("x1", "weekly_hours >= 20", " refines=\"nope\" label=\"A\"")));
  BOOST_TEST(dangling.load().errors.at(0).message.find("ne désigne aucune règle") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_rule_without_failing_example_fails_rules_test) {
  std::string r = rule("a", "weekly_hours >= 10");
  r.replace(r.find("outcome=\"fail\""), 14, "outcome=\"pass\"");
  TempRules t(pack(r));
  LoadResult loaded = t.load();
  BOOST_REQUIRE(loaded.ruleset);
  auto results = loaded.ruleset->run_examples();
  bool flagged = false, wrong = false;
  for (auto& x : results) {
    flagged = flagged || x.problem.find("aucun exemple en échec") == 0;
    wrong = wrong || (x.problem.empty() && !x.ok);  // 10 >= 10 passes: the pass example is right
  }
  BOOST_TEST(flagged);
  BOOST_TEST(!wrong);
}

BOOST_AUTO_TEST_CASE(registry_enforces_legal_agrement_length) {
  std::string registry =
      "<registry example=\"true\"><carrier name=\"X\">"
      "<agrement kind=\"vsi\" number=\"N1\" from=\"2020-01-01\" "
      "to=\"2025-06-30\"/></carrier></registry>";
  TempRules t(pack(rule("a", "weekly_hours >= 10")), registry);
  LoadResult r = t.load();
  BOOST_REQUIRE_EQUAL(r.errors.size(), 1u);
  BOOST_TEST(r.errors[0].format().find("carriers.xml:1:") != std::string::npos);
  BOOST_TEST(r.errors[0].message.find("de plus de 4 ans") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
