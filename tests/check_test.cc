// Decisions on the bundled samples: verdicts, explanations, unknowns, ids,
// scheme fit, and the lexicon.
#include <boost/test/unit_test.hpp>

#include "clef/render.h"
#include "support.h"

using namespace clef;
using namespace clef::test;

namespace {

Outcome outcome(const Decision& d, const std::string& rule) {
  const Finding* f = finding(d, rule);
  BOOST_REQUIRE_MESSAGE(f, "no finding for " << rule);
  return f->outcome;
}

const SchemeFit& fit(const Decision& d, const std::string& scheme) {
  for (auto& s : d.scheme_fit)
    if (s.scheme == scheme) return s;
  BOOST_FAIL("no scheme fit for " << scheme);
  return d.scheme_fit.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check_test)

BOOST_AUTO_TEST_CASE(the_six_missions_conform) {
  for (std::string name :
       {"guinee-riziculture", "madagascar-artisanat", "burkina-enfants-rues",
        "inde-cooperation-decentralisee", "vietnam-boulangerie", "haiti-sage-femme"}) {
    for (std::string ext : {".xml", ".json"}) {
      Decision d = check_file("samples/missions/" + name + ext);
      BOOST_TEST((d.status == Status::conforme), name << ext << " is " << code(d.status));
      BOOST_TEST(d.missing.empty(), name);
      for (auto& k : d.keys) BOOST_TEST((k.outcome == Outcome::pass), name << " key " << k.key);
    }
  }
}

BOOST_AUTO_TEST_CASE(xml_and_json_give_the_same_decision_id) {
  Decision x = check_file("samples/missions/guinee-riziculture.xml");
  Decision j = check_file("samples/missions/guinee-riziculture.json");
  BOOST_TEST(x.id == j.id);
  BOOST_TEST(x.id.size() == 22u);
  BOOST_TEST(x.id.rfind("D-", 0) == 0u);
  CheckOptions later;
  later.as_of = Date::from_iso("2025-06-01");
  BOOST_TEST(check_file("samples/missions/guinee-riziculture.xml", later).id != x.id);
}

BOOST_AUTO_TEST_CASE(vsi_over_24_months_fails_with_found_and_expected) {
  Decision d = check_file("samples/faulty/guinee-vsi-30-mois.xml");
  BOOST_TEST((d.status == Status::non_conforme));
  const Finding* f = finding(d, "vsi.duration.max");
  BOOST_REQUIRE(f);
  BOOST_TEST((f->outcome == Outcome::fail));
  Explanation fr = explain(d, *f, Lang::fr);
  BOOST_TEST(fr.found == "30\u00A0mois");
  BOOST_TEST(fr.expected == "≤ 24\u00A0mois");
  BOOST_TEST(fr.message.find("30\u00A0mois") != std::string::npos);
  Explanation en = explain(d, *f, Lang::en);
  BOOST_TEST(en.expected == "≤ 24\u00A0months");
  BOOST_TEST(en.message != fr.message);
}

BOOST_AUTO_TEST_CASE(service_civique_near_miss_says_what_to_change) {
  Decision d = check_file("samples/faulty/madagascar-sc-14-mois-27-ans.json");
  BOOST_TEST((outcome(d, "sc.duration.range") == Outcome::fail));
  BOOST_TEST((outcome(d, "sc.age.max") == Outcome::fail));
  const SchemeFit& sc = fit(d, "service_civique");
  BOOST_TEST(sc.current);
  BOOST_TEST((sc.verdict == SchemeFit::Verdict::not_eligible));  // the age cannot be adjusted
  BOOST_REQUIRE(!sc.adjustments.empty());
  BOOST_TEST(describe(sc.adjustments[0], Lang::fr) == "raccourcir de 2\u00A0mois");
  BOOST_TEST(describe(sc.adjustments[0], Lang::en) == "shorten by 2\u00A0months");
  BOOST_TEST((fit(d, "vsi").verdict == SchemeFit::Verdict::eligible));
  std::string text = render_text(d, {Lang::fr, false, false});
  BOOST_TEST(
      text.find(
          "Service Civique (dispositif choisi) : non éligible — durée de la mission 14\u00A0mois > "
          "12\u00A0mois ; raccourcir de 2\u00A0mois") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_near_miss_when_only_a_limit_fails) {
  // The Madagascar volunteer is 23: only the length stands between the mission and Service Civique.
  std::string json = read_text(source_path("samples/missions/madagascar-artisanat.json"));
  auto pos = json.find("\"end_date\": \"");
  BOOST_REQUIRE(pos != std::string::npos);
  json.replace(pos + 13, 10, "2026-11-14");  // 14 months from 2025-09-15
  Decision d = check_bytes(json, "near-miss.json");
  const SchemeFit& sc = fit(d, "service_civique");
  BOOST_TEST((sc.verdict == SchemeFit::Verdict::near_miss));
  BOOST_TEST(describe(sc.adjustments.at(0), Lang::fr) == "raccourcir de 2\u00A0mois");
}

BOOST_AUTO_TEST_CASE(a_draft_without_volunteer_is_incomplete_never_passing) {
  Decision d = check_file("samples/missions/draft-sans-volontaire.xml");
  BOOST_TEST((d.status == Status::incomplet));
  for (std::string rule :
       {"vsi.volunteer.adult", "vsi.duration.lifetime", "vsi.volunteer.no_employment",
        "vsi.volunteer.criminal_record", "vsi.place.not_home"}) {
    BOOST_TEST((outcome(d, rule) == Outcome::unknown), rule);
  }
  bool birth_date_missing = false;
  for (auto& m : d.missing)
    birth_date_missing = birth_date_missing || field(m.field).path == "volunteer.birth_date";
  BOOST_TEST(birth_date_missing);
  // A rule reading volunteer facts may still pass when they cannot matter:
  // "not in the EU/EEA, or ..." holds for Togo whoever the volunteer is.
  BOOST_TEST((outcome(d, "vsi.place.eu_eea") == Outcome::pass));
  const Finding* adult = finding(d, "vsi.volunteer.adult");
  Explanation x = explain(d, *adult, Lang::fr);
  BOOST_TEST(x.message.find("information manquante — date de naissance du volontaire") !=
             std::string::npos);
  BOOST_TEST(x.remediation.find("Renseigner") == 0u);
}

BOOST_AUTO_TEST_CASE(lexicon_catches_vulnerable_publics_in_free_text) {
  Decision d = check_file("samples/faulty/burkina-orphelinat-sans-competences.xml");
  BOOST_TEST((d.status == Status::non_conforme));
  const Finding* f = finding(d, "clong.volontourisme.orphanage");
  BOOST_REQUIRE(f);
  BOOST_TEST((f->outcome == Outcome::fail));
  Explanation x = explain(d, *f, Lang::fr);
  BOOST_REQUIRE(!x.terms.empty());
  BOOST_TEST(x.message.find("orphelinat") != std::string::npos);
  // Accents and case do not matter: "ORPHELINAT", "Enfants", "bébés" are all found.
  std::string mission = R"({"kind":"mission","scheme":"mission_courte",
    "activities":["Animation à l'ORPHELINAT Sainte-Anne","Jeux avec les Bébés"],"publics":[],"competencies":[]})";
  Decision e = check_bytes(mission, "inline.json");
  const auto* terms = e.facts->values[*find_field("text.vulnerable_terms")].get<TextList>();
  BOOST_REQUIRE(terms);
  BOOST_TEST(terms->size() == 2u);
  BOOST_TEST(terms->at(0) == "ORPHELINAT");
  BOOST_TEST(terms->at(1) == "Bébés");
  BOOST_TEST((outcome(e, "clong.volontourisme.orphanage") == Outcome::fail));
}

BOOST_AUTO_TEST_CASE(expired_agrement_is_blocking) {
  Decision d = check_file("samples/faulty/haiti-agrement-expire.xml");
  BOOST_TEST((d.status == Status::non_conforme));
  BOOST_TEST((d.rule(*finding(d, "vsi.carrier.agrement")).severity == Severity::bloquant));
  BOOST_TEST((outcome(d, "vsi.carrier.agrement") == Outcome::fail));
}

BOOST_AUTO_TEST_CASE(company_volunteering_is_out_of_scope) {
  Decision d = check_file("samples/faulty/vie-hors-champ.xml");
  BOOST_TEST((d.status == Status::non_conforme));
  BOOST_TEST((fit(d, "vie").verdict == SchemeFit::Verdict::out_of_scope));
}

BOOST_AUTO_TEST_CASE(territoires_volontaires_refines_vsi) {
  Decision d = check_file("samples/faulty/inde-tv-vsi-9-mois.json");
  BOOST_TEST((outcome(d, "tv.vsi.duration") == Outcome::fail));
  const Finding* base = finding(d, "vsi.state_aid.min_duration");
  BOOST_REQUIRE(base);
  BOOST_TEST((base->outcome == Outcome::not_applicable));
  BOOST_TEST(d.rule(*base).id != "");
  BOOST_TEST(d.ruleset->rules()[base->replaced_by].id == "tv.vsi.duration");
}

BOOST_AUTO_TEST_CASE(agreements_are_checked) {
  Decision good = check_file("samples/agreements/territoires-volontaires.xml");
  BOOST_TEST((good.status == Status::conforme));
  BOOST_TEST(good.keys.empty());
  Decision bad = check_file("samples/faulty/accord-contributions.xml");
  BOOST_TEST((outcome(bad, "agreement.contributions.balance") == Outcome::fail));
  Explanation x = explain(bad, *finding(bad, "agreement.contributions.balance"), Lang::fr);
  BOOST_TEST(x.found == "95\u202F400,00\u00A0€");
  BOOST_TEST(x.expected == "= 98\u202F400,00\u00A0€");
  CheckOptions submission;
  submission.phase = Phase::submission;
  Decision unsigned_draft = check_file("samples/faulty/accord-non-signe.json");
  Decision unsigned_final = check_file("samples/faulty/accord-non-signe.json", submission);
  BOOST_TEST((outcome(unsigned_draft, "agreement.signatures") == Outcome::not_applicable));
  BOOST_TEST((outcome(unsigned_final, "agreement.signatures") == Outcome::fail));
}

BOOST_AUTO_TEST_CASE(calls_for_tenders_are_checked_by_their_own_rules) {
  for (std::string ext : {".xml", ".json"}) {
    Decision d = check_file("samples/calls/etude-territoires-volontaires" + ext);
    BOOST_TEST((d.kind == DocumentKind::call));
    BOOST_TEST((d.status == Status::conforme));
    BOOST_TEST(d.as_of.iso() == "2024-12-15");  // the start of the study
    // No CLONG key summary and no scheme fit: those are about volunteer missions.
    BOOST_TEST(d.keys.empty());
    BOOST_TEST(d.scheme_fit.empty());
    BOOST_TEST(d.missing.empty());
    BOOST_TEST(d.findings.size() == 6u);
    for (auto& f : d.findings) BOOST_TEST(d.rule(f).id.starts_with("call."));
    std::string fr = render_text(d, TextOptions{});
    BOOST_TEST(fr.find("document appel d'offres « Étude de capitalisation") != std::string::npos);
    BOOST_TEST(fr.find("Clés qualité") == std::string::npos);
    BOOST_TEST(fr.find("Adéquation aux dispositifs") == std::string::npos);
    TextOptions en;
    en.lang = Lang::en;
    BOOST_TEST(render_text(d, en).find("call for tenders \u201C") != std::string::npos);
    BOOST_TEST(render_json(d, Lang::en).find("\"kind\": \"call\"") != std::string::npos);
  }
  // Missions and agreements are not checked by the call rules.
  for (auto file : {"samples/missions/guinee-riziculture.xml",
                    "samples/agreements/territoires-volontaires.xml"}) {
    Decision d = check_file(file);
    for (auto& f : d.findings) BOOST_TEST(!d.rule(f).id.starts_with("call."), file);
  }
  // A deadline after the start is explained with both dates.
  std::string late = read_text(source_path("samples/calls/etude-territoires-volontaires.json"));
  late.replace(late.find("2024-11-30"), 10, "2024-12-20");
  Decision d = check_bytes(late, "late.json");
  BOOST_TEST((d.status == Status::conforme_avec_reserves));
  Explanation x = explain(d, *finding(d, "call.deadline.before_start"), Lang::fr);
  BOOST_TEST(x.message.find("20 décembre 2024") != std::string::npos, x.message);
  BOOST_TEST(x.message.find("15 décembre 2024") != std::string::npos, x.message);
}

BOOST_AUTO_TEST_CASE(as_of_selects_the_rules_in_force) {
  CheckOptions before_law;
  before_law.as_of = Date::from_iso("2004-06-01");
  Decision d = check_file("samples/faulty/guinee-vsi-30-mois.xml", before_law);
  BOOST_TEST((outcome(d, "vsi.duration.max") == Outcome::not_applicable));
  BOOST_TEST(d.as_of.iso() == "2004-06-01");
}

BOOST_AUTO_TEST_CASE(decisions_are_deterministic) {
  std::string a = render_json(check_file("samples/missions/haiti-sage-femme.xml"), Lang::fr);
  std::string b = render_json(check_file("samples/missions/haiti-sage-femme.xml"), Lang::fr);
  BOOST_TEST(a == b);
}

BOOST_AUTO_TEST_CASE(a_failing_or_expects_one_alternative_or_the_other) {
  // sc.age.max: age < 26 or (recognised disability and age < 31). A volunteer
  // of 30 without a recognised disability fails both alternatives; what was
  // expected reads "A ou B", while what was found lists both facts.
  ReadResult read = read_file(source_path("samples/missions/madagascar-artisanat.xml"));
  BOOST_REQUIRE(read.document);
  std::vector<InputError> errors;
  BOOST_REQUIRE(read_volunteer_file(source_path("samples/volunteers/theo-marechal.xml"),
                                    *read.document, errors));
  Decision d = check(bundled_rules(), std::move(*read.document));
  const Finding* f = finding(d, "sc.age.max");
  BOOST_REQUIRE(f);
  BOOST_TEST(static_cast<int>(f->outcome) == static_cast<int>(Outcome::fail));
  Explanation fr = explain(d, *f, Lang::fr), en = explain(d, *f, Lang::en);
  auto plain = [](std::string s) {  // amounts and durations carry no-break spaces
    for (const std::string nb : {"\u202F", "\u00A0"})
      for (size_t at; (at = s.find(nb)) != std::string::npos;) s.replace(at, nb.size(), " ");
    return s;
  };
  BOOST_TEST(plain(fr.expected) == "< 26 ans ou handicap reconnu : oui");
  BOOST_TEST(plain(fr.found) == "30 ans ; handicap reconnu : non");
  BOOST_TEST(en.expected.find(" or ") != std::string::npos, en.expected);
  BOOST_TEST(en.found.find(" or ") == std::string::npos, en.found);
}

BOOST_AUTO_TEST_SUITE_END()
