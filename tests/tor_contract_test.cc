// Terms of reference and contracts end to end, through the clef binary:
// `clef tor` on missions (conforming, blocked, --strict) and on the study
// call, `clef contract` for each eligible volunteer of samples/volunteers/
// and every way it refuses. Text is read back with pdftotext (whole document,
// then page by page), structure with qpdf, fonts with pdffonts, metadata with
// pdfinfo.
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <vector>

#include "pdf_support.h"
#include "support.h"

using namespace clef::test;
namespace fs = std::filesystem;

namespace {

// The line (1-based) of the first occurrence of `needle` in a file.
int line_of(const std::string& path, const std::string& needle) {
  std::string text = read_text(path);
  size_t at = text.find(needle);
  BOOST_REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// The bloquant rules that fail, as `clef check --format json` gives them:
// rule id and title.
std::vector<std::pair<std::string, std::string>> blocking(const std::string& file) {
  Run r = run_clef("check --format json " + file);
  BOOST_REQUIRE_EQUAL(r.exit_code, 1);
  auto d = nlohmann::json::parse(r.out);
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& f : d.at("findings"))
    if (f.at("severity") == "bloquant" && f.at("outcome") == "fail")
      out.emplace_back(f.at("rule_id").get<std::string>(), f.at("title").get<std::string>());
  return out;
}

// The eligible pairs of samples/volunteers/README.md.
struct Pair {
  const char* mission;    // samples/missions/<mission>.xml
  const char* volunteer;  // samples/volunteers/<volunteer>.xml / .json
};
const Pair kVsi{"draft-sans-volontaire", "mathilde-agbodjan"};
const Pair kServiceCivique{"madagascar-artisanat", "zoe-loeuvre"};
const Pair kCongeSolidarite{"vietnam-boulangerie", "huong-nguyen"};

std::string contract_args(const Pair& p, const std::string& volunteer_ext = "xml",
                          const std::string& mission_ext = "xml") {
  return std::string("contract samples/missions/") + p.mission + "." + mission_ext +
         " --volunteer samples/volunteers/" + p.volunteer + "." + volunteer_ext;
}

// Runs `clef contract` on a pair and checks what every contract has.
std::string contract_text(const Scratch& s, const Pair& p, const std::string& name,
                          const std::string& extra = "") {
  Run r = run_clef(contract_args(p) + " " + extra + " -o " + (s / name));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / name);
  bool english = extra.find("--lang en") != std::string::npos;
  std::string id = footer_on_every_page(s / name, english);
  // The command says what it wrote: the file, the status, the decision id.
  BOOST_TEST(spaces(r.err).find(s / name) != std::string::npos, r.err);
  BOOST_TEST(spaces(r.err).find(english ? ": conforming · " + id : " : conforme · " + id) !=
                 std::string::npos,
             r.err);
  return text_of(s / name);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tor_contract_test)

// ---------------------------------------------------------------------------
// Terms of reference of a mission

BOOST_AUTO_TEST_CASE(tor_of_a_conforming_mission) {
  Scratch s;
  const std::string mission = "samples/missions/burkina-enfants-rues.xml";
  Run r = run_clef("tor " + mission + " -o " + (s / "t.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "t.pdf");
  std::string id = footer_on_every_page(s / "t.pdf");
  // The footer's decision is the one `clef check` gives.
  Run check = run_clef("check --format json " + mission);
  BOOST_TEST(nlohmann::json::parse(check.out).at("decision_id") == id);
  BOOST_TEST(spaces(r.err).find(" : conforme · " + id) != std::string::npos, r.err);

  std::string text = text_of(s / "t.pdf");
  // The sections of a volunteer-mission ToR, in order.
  in_order(text, {"Termes de référence de la mission", "Animateur auprès d’enfants vivant à la rue",
                  "1. Contexte et structure d'accueil", "Le besoin", "Un partenariat dans la durée",
                  "2. La mission", "Objectifs", "Activités", "Résultats attendus", "Publics",
                  "3. Profil recherché", "Compétences requises", "4. Conditions de la mission",
                  "5. Accompagnement du volontaire", "Avant le départ", "Pendant la mission",
                  "Au retour", "6. Personne référente", "7. Pour candidater"});
  // Values from the sample, formatted per language.
  for (auto words : {
           "Référence ASMAE-BF-2025-03",
           "Structure d'accueil Association Wend-Panga pour les enfants et jeunes en rupture",
           "Lieu Ouagadougou, Burkina Faso",
           "Dates du 1er mars 2025 au 31 août 2026",
           "Forme juridique association",
           "Partenaire depuis 2012",
           "plus de 300 enfants vivant dans la rue",
           "Renforcer la présence éducative de rue auprès des enfants vivant dans la rue",
           "Rédiger avec l’équipe un guide des pratiques d’animation de rue",
           "Au moins 120 enfants participent régulièrement aux activités de rue",
           "Diplôme du travail social ou de l’animation (DEES, DEME, BPJEPS ou équivalent)",
           // Conditions: scheme, carrier, place, dates, length, time, allowance, leave.
           "Dispositif Volontariat de solidarité internationale (VSI)",
           "Structure d'envoi Asmae (agrément n° VSI-EX-0005)",
           "Lieu de mission Ouagadougou, Burkina Faso",
           "Début 1er mars 2025",
           "Fin 31 août 2026",
           "Durée 18 mois",
           "Temps d'engagement 40 h/semaine, sur 5 jours par semaine",
           "Indemnité mensuelle 500,00 €",
           "Congés 2 jours/mois",
           "Encadrement : Le volontaire fait partie de l’équipe de rue",
           // Support before, during, after.
           "Préparation au départ : 12 jours de formation.",
           "Passation (tuilage) avec la personne précédemment en mission.",
           "Visa : obtenu.",
           "Assurance rapatriement.",
           "Analyse de pratiques mensuelle avec la cheffe de service",
           "Débriefing de fin de mission.",
           "Appui à la recherche d'emploi ou à la reprise d'activité.",
           // Referent.
           "Nom Aminata Ouédraogo",
           "Fonction Cheffe de service éducatif",
           "Membre de l'équipe locale oui",
           // No application block in the sample: where to apply instead.
           "Les candidatures sont à adresser à Asmae, structure d'envoi de la mission.",
           "selon les règles en vigueur au 1er mars 2025 : conforme",
       })
    BOOST_TEST(has(text, words), words);
  // An amount is never split across lines.
  BOOST_TEST(count(spaces(text), "500,00 €") == 1u);
  // No draft marks on a conforming mission.
  for (auto words : {"PROJET", "Projet non conforme", "ne pas publier", "Projet non publiable"})
    BOOST_TEST(!has(text, words), words);
  for (int page = 1; page <= pages(s / "t.pdf"); ++page)
    BOOST_TEST(watermarks(s / "t.pdf", page, "PROJET — NON CONFORME") == 0u);
  // Metadata.
  std::string info = pdfinfo(s / "t.pdf");
  BOOST_TEST(
      has(info,
          "Title:           Termes de référence — Animateur auprès d’enfants vivant à la rue"),
      info);
  BOOST_TEST(has(info, "Author:          clef"));
  BOOST_TEST(has(info,
                 "Subject:         Termes de référence d'une mission de volontariat — conforme "
                 "(décision " +
                     id),
             info);
  BOOST_TEST(has(info, "Keywords:        termes de référence, mission de volontariat"));
}

BOOST_AUTO_TEST_CASE(tor_how_to_apply_and_deadline) {
  // None of the bundled missions says how to apply: a copy of one that does.
  Scratch s;
  std::string mission =
      variant(s, "samples/missions/burkina-enfants-rues.xml", "</mission>",
              "  <application>\n"
              "    <how>Envoyer un CV et une lettre de motivation à Asmae.</how>\n"
              "    <items><item>CV détaillé</item><item>Lettre de motivation</item></items>\n"
              "    <contact>recrutement@asmae.example</contact>\n"
              "    <deadline>2024-12-20</deadline>\n"
              "  </application>\n</mission>");
  Run r = run_clef("tor " + mission + " -o " + (s / "t.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "t.pdf");
  std::string text = text_of(s / "t.pdf");
  // On the first page, with the key facts.
  BOOST_TEST(has(page_text(s / "t.pdf", 1), "Date limite de candidature 20 décembre 2024"));
  // In the last section.
  in_order(text, {"7. Pour candidater", "Envoyer un CV et une lettre de motivation à Asmae.",
                  "Pièces à transmettre :", "• CV détaillé", "• Lettre de motivation",
                  "Contact recrutement@asmae.example", "Date limite 20 décembre 2024"});
  BOOST_TEST(!has(text, "Les candidatures sont à adresser à"));

  Run en = run_clef("tor " + mission + " --lang en -o " + (s / "en.pdf"));
  BOOST_REQUIRE_MESSAGE(en.exit_code == 0, en.err);
  std::string english = text_of(s / "en.pdf");
  BOOST_TEST(has(page_text(s / "en.pdf", 1), "Application deadline 20 December 2024"));
  in_order(english, {"7. How to apply", "Documents to send:", "Contact recrutement@asmae.example",
                     "Deadline 20 December 2024"});
}

BOOST_AUTO_TEST_CASE(tor_in_english) {
  Scratch s;
  Run r = run_clef("tor samples/missions/burkina-enfants-rues.xml --lang en -o " + (s / "t.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "t.pdf");
  footer_on_every_page(s / "t.pdf", true);
  std::string text = text_of(s / "t.pdf");
  in_order(text, {"Terms of reference of the mission", "1. Context and host structure", "The need",
                  "A lasting partnership", "2. The mission", "Objectives", "Activities",
                  "Expected results", "People served", "3. Profile wanted", "Competencies required",
                  "4. Terms of the mission", "5. Support for the volunteer", "Before departure",
                  "During the mission", "Once back", "6. Referent person", "7. How to apply"});
  for (auto words :
       {"Dates from 1 March 2025 to 31 August 2026", "Length 18 months",
        "Monthly allowance €500.00", "Leave 2 days/month",
        "Sending organisation Asmae (approval no. VSI-EX-0005)",
        "Scheme International solidarity volunteering (VSI)",
        "Applications go to Asmae, the mission's sending organisation.", "Name Aminata Ouédraogo"})
    BOOST_TEST(has(text, words), words);
  for (auto words : {"Termes de référence de la mission", "Contexte et structure d'accueil",
                     "Pour candidater", "Page 1 sur", "1er mars 2025", "500,00 €"})
    BOOST_TEST(!has(text, words), words);
  BOOST_TEST(has(pdfinfo(s / "t.pdf"), "Title:           Terms of reference — "));
}

BOOST_AUTO_TEST_CASE(tor_of_a_blocked_mission_is_a_watermarked_draft) {
  Scratch s;
  const std::string mission = "samples/faulty/guinee-vsi-30-mois.xml";
  auto blocked = blocking(mission);
  BOOST_REQUIRE_EQUAL(blocked.size(), 1u);
  BOOST_TEST(blocked[0].first == "vsi.duration.max");

  Run r = run_clef("tor " + mission + " -o " + (s / "t.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);  // a draft is still drawn without --strict
  BOOST_TEST(spaces(r.err).find(" : non conforme · D-") != std::string::npos, r.err);
  valid_pdf(s / "t.pdf");
  footer_on_every_page(s / "t.pdf");
  int n = pages(s / "t.pdf");
  BOOST_REQUIRE(n >= 2);
  for (int page = 1; page <= n; ++page)
    BOOST_TEST(watermarks(s / "t.pdf", page, "PROJET — NON CONFORME") == 1u, "page " << page);
  // The box, on the first page only, lists every blocking rule.
  std::string first = page_text(s / "t.pdf", 1, "-raw");
  in_order(
      first,
      {"Projet non conforme : ne pas publier",
       "ne peuvent pas être publiés tant que les points bloquants suivants ne sont pas corrigés :",
       blocked[0].first + " — " + blocked[0].second,
       "figurent dans le rapport de conformité (clef report)."});
  BOOST_TEST(has(first, "vsi.duration.max — Durée maximale d'un contrat de VSI"));
  for (int page = 2; page <= n; ++page)
    BOOST_TEST(!has(page_text(s / "t.pdf", page, "-raw"), "ne pas publier"), "page " << page);
  std::string text = text_of(s / "t.pdf", "-raw");
  BOOST_TEST(count(flat(text), "vsi.duration.max") == 1u);
  BOOST_TEST(has(text, "Durée 30 mois"));
  BOOST_TEST(has(text, "Projet non publiable : 1 point(s) bloquant(s) à corriger."));
  BOOST_TEST(
      has(pdfinfo(s / "t.pdf"),
          "Subject:         Termes de référence d'une mission de volontariat — non conforme"));

  // English: the watermark and the box are translated.
  Run en = run_clef("tor " + mission + " --lang en -o " + (s / "en.pdf"));
  BOOST_REQUIRE_MESSAGE(en.exit_code == 0, en.err);
  for (int page = 1; page <= pages(s / "en.pdf"); ++page) {
    BOOST_TEST(watermarks(s / "en.pdf", page, "DRAFT — NOT CONFORMING") == 1u, "page " << page);
    BOOST_TEST(watermarks(s / "en.pdf", page, "PROJET — NON CONFORME") == 0u, "page " << page);
  }
  BOOST_TEST(has(page_text(s / "en.pdf", 1, "-raw"), "Non-conforming draft: do not publish"));
}

BOOST_AUTO_TEST_CASE(tor_box_lists_every_blocking_rule) {
  // Three bloquant rules fail on a profit-making host (JSON input).
  Scratch s;
  const std::string mission = "samples/faulty/host-lucratif.json";
  auto blocked = blocking(mission);
  BOOST_REQUIRE_EQUAL(blocked.size(), 3u);
  Run r = run_clef("tor " + mission + " -o " + (s / "t.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "t.pdf");
  std::string first = page_text(s / "t.pdf", 1, "-raw");
  std::vector<std::string> box{"Projet non conforme : ne pas publier"};
  for (auto& [rule, title] : blocked) box.push_back(rule + " — " + title);
  box.push_back("(clef report).");
  in_order(first, box);  // in ruleset order, as `clef check` lists them
  for (int page = 1; page <= pages(s / "t.pdf"); ++page)
    BOOST_TEST(watermarks(s / "t.pdf", page, "PROJET — NON CONFORME") == 1u, "page " << page);
  BOOST_TEST(has(text_of(s / "t.pdf", "-raw"),
                 "Projet non publiable : 3 point(s) bloquant(s) à corriger."));
}

BOOST_AUTO_TEST_CASE(tor_strict_refuses_a_blocked_mission) {
  Scratch s;
  Run r = run_clef("tor samples/faulty/guinee-vsi-30-mois.xml --strict -o " + (s / "t.pdf"));
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(spaces(r.err).find("samples/faulty/guinee-vsi-30-mois.xml : non conforme — termes de "
                                "référence refusés (--strict)") != std::string::npos,
             r.err);
  // Each blocking finding: rule id and message, what was found and expected, how to fix.
  BOOST_TEST(spaces(r.err).find("vsi.duration.max — La mission dure 30 mois") != std::string::npos,
             r.err);
  BOOST_TEST(spaces(r.err).find("constaté : 30 mois") != std::string::npos, r.err);
  BOOST_TEST(spaces(r.err).find("attendu : ≤ 24 mois") != std::string::npos, r.err);
  BOOST_TEST(spaces(r.err).find("pour corriger : ") != std::string::npos, r.err);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(!fs::exists(s / "t.pdf"));
  BOOST_TEST(fs::is_empty(s.dir));  // not even a temporary file

  // Every blocking rule, in English on request.
  Run en = run_clef("tor samples/faulty/host-lucratif.json --strict --lang en -o " + (s / "t.pdf"));
  BOOST_TEST(en.exit_code == 1);
  BOOST_TEST(spaces(en.err).find("not conforming — terms of reference refused (--strict):") !=
                 std::string::npos,
             en.err);
  for (auto rule :
       {"clong.k1.non_profit — ", "clong.k1.not_company — ", "clong.k1.general_interest — "})
    BOOST_TEST(spaces(en.err).find(rule) != std::string::npos, rule << "\n" << en.err);
  BOOST_TEST(spaces(en.err).find("to fix: ") != std::string::npos, en.err);
  BOOST_TEST(fs::is_empty(s.dir));

  // --strict changes nothing for a conforming mission.
  Run ok = run_clef("tor samples/missions/burkina-enfants-rues.xml --strict -o " + (s / "ok.pdf"));
  BOOST_TEST(ok.exit_code == 0, ok.err);
  Run plain = run_clef("tor samples/missions/burkina-enfants-rues.xml -o " + (s / "plain.pdf"));
  BOOST_REQUIRE_EQUAL(plain.exit_code, 0);
  BOOST_TEST(read_text(s / "ok.pdf") == read_text(s / "plain.pdf"));
  // Nor for an incomplete one: terms of reference come before the volunteer is known.
  Run draft =
      run_clef("tor samples/missions/draft-sans-volontaire.xml --strict -o " + (s / "d.pdf"));
  BOOST_TEST(draft.exit_code == 0, draft.err);
  BOOST_TEST(fs::exists(s / "d.pdf"));
}

// ---------------------------------------------------------------------------
// Terms of reference of the study call

BOOST_AUTO_TEST_CASE(tor_of_the_study_call) {
  Scratch s;
  Run r = run_clef("tor samples/calls/etude-territoires-volontaires.xml -o " + (s / "c.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "c.pdf");
  std::string id = footer_on_every_page(s / "c.pdf");
  Run check = run_clef("check --format json samples/calls/etude-territoires-volontaires.xml");
  BOOST_TEST(nlohmann::json::parse(check.out).at("decision_id") == id);

  std::string text = text_of(s / "c.pdf");
  // The structure of the call (seed 003), in order.
  in_order(
      text,
      {"Appel d'offres — termes de référence",
       "Étude de capitalisation et d’évaluation du programme « Clé en main » Territoires "
       "Volontaires",
       "Commanditaire France Volontaires",
       "Programme Territoires Volontaires",
       "Période de l'étude du 15 décembre 2024 au 15 avril 2025",
       "Budget maximal 45 000,00 € TTC",
       "Date limite des offres 30 novembre 2024",
       "1. Contexte",
       "France Volontaires a lancé en 2022 le programme",
       "L’objectif de l’étude de capitalisation et d’évaluation est de déterminer",
       "2. Objectifs",
       "• Accroître significativement le nombre de volontaires mobilisés",
       "• Faciliter l’accès au volontariat international pour les collectivités territoriales",
       "3. Attentes : les volets de l'étude",
       "Volet 1 – Capitalisation et mesure d’impact",
       "Sur l’action extérieure des collectivités",
       "Volet 2 – Évaluation",
       "Réalisation des objectifs du programme et de ses indicateurs",
       "Volet 3 – Préfiguration à la mise en place d’un outil de suivi",
       "4. Livrables",
       "• Un rapport provisoire qui comprendra",
       "• Une méthodologie de suivi de cohortes",
       "5. Pilotage de l'étude",
       "Un comité de pilotage suit l'étude. Il est formé de :",
       "• Représentants d’une collectivité lauréate",
       "6. Calendrier",
       "Échéance Étape",
       "5 novembre 2024 Lancement de l’appel d’offre",
       "30 novembre 2024 Clôture des dépôts et sélection de l’équipe consultante",
       "Mi-avril 2025 Restitution du rapport final et remise de l’ensemble des livrables",
       "7. Budget",
       "Le budget de l'étude s'élève à un maximum de 45 000,00 € toutes taxes comprises (TTC).",
       "8. Pour candidater",
       "Transmettre l’offre par courriel",
       "Pièces à transmettre :",
       "• Un chronogramme",
       "• Un budget détaillé",
       "Adresser l'offre à appel-offres@france-volontaires.org",
       "Date limite 30 novembre 2024",
       "Commanditaire France Volontaires",
       "selon les règles en vigueur au 15 décembre 2024 : conforme"});
  // The ceiling, with its no-break spaces, twice and never split across lines.
  BOOST_TEST(count(spaces(text), "45 000,00 €") == 2u, spaces(text));
  // A conforming call is no draft.
  BOOST_TEST(!has(text, "ne pas publier"));
  for (int page = 1; page <= pages(s / "c.pdf"); ++page)
    BOOST_TEST(watermarks(s / "c.pdf", page, "PROJET — NON CONFORME") == 0u);
  std::string info = pdfinfo(s / "c.pdf");
  BOOST_TEST(has(info, "Title:           Termes de référence — Étude de capitalisation"), info);
  BOOST_TEST(
      has(info, "Subject:         Appel d'offres : termes de référence de l'étude — conforme"),
      info);

  // The JSON twin is the same call: the same bytes.
  Run json = run_clef("tor samples/calls/etude-territoires-volontaires.json -o " + (s / "j.pdf"));
  BOOST_REQUIRE_MESSAGE(json.exit_code == 0, json.err);
  BOOST_TEST(read_text(s / "c.pdf") == read_text(s / "j.pdf"));

  // English.
  Run en = run_clef("tor samples/calls/etude-territoires-volontaires.xml --lang en -o " +
                    (s / "en.pdf"));
  BOOST_REQUIRE_MESSAGE(en.exit_code == 0, en.err);
  footer_on_every_page(s / "en.pdf", true);
  in_order(text_of(s / "en.pdf"),
           {"Call for tenders — terms of reference", "Commissioned by France Volontaires",
            "Study period from 15 December 2024 to 15 April 2025",
            "Budget ceiling €45,000.00 including taxes", "Tender deadline 30 November 2024",
            "1. Context", "2. Objectives", "3. What is expected: the parts of the study",
            "Volet 1 – Capitalisation et mesure d’impact", "4. Deliverables",
            "5. Steering the study", "6. Timetable", "When Step", "7. Budget",
            "The budget for the study is at most €45,000.00 including all taxes.",
            "8. How to apply", "Documents to send:",
            "Send the tender to appel-offres@france-volontaires.org", "Deadline 30 November 2024"});
}

BOOST_AUTO_TEST_CASE(tor_of_an_agreement_is_refused) {
  Scratch s;
  for (auto file : {"samples/agreements/territoires-volontaires.xml",
                    "samples/agreements/territoires-volontaires.json"}) {
    Run r = run_clef(std::string("tor ") + file + " -o " + (s / "t.pdf"));
    BOOST_TEST(r.exit_code == 2, file);
    BOOST_TEST(spaces(r.err).find(std::string(file) +
                                  " : pas de termes de référence pour une convention (mission ou "
                                  "appel d'offres attendu)") != std::string::npos,
               r.err);
  }
  Run en =
      run_clef("tor samples/agreements/territoires-volontaires.xml --lang en -o " + (s / "t.pdf"));
  BOOST_TEST(en.exit_code == 2);
  BOOST_TEST(spaces(en.err).find("no terms of reference for an agreement") != std::string::npos,
             en.err);
  BOOST_TEST(fs::is_empty(s.dir));
  // Usage errors: no output option, no file.
  BOOST_TEST(run_clef("tor samples/missions/burkina-enfants-rues.xml").exit_code == 2);
  BOOST_TEST(run_clef("tor -o " + (s / "t.pdf")).exit_code == 2);
  BOOST_TEST(fs::is_empty(s.dir));
}

BOOST_AUTO_TEST_CASE(tor_to_standard_output_and_unwritable_output) {
  Scratch s;
  Run out = run_clef("tor samples/calls/etude-territoires-volontaires.json -o -");
  BOOST_REQUIRE_EQUAL(out.exit_code, 0);
  BOOST_TEST(out.out.starts_with("%PDF-1."));
  Run file = run_clef("tor samples/calls/etude-territoires-volontaires.json -o " + (s / "c.pdf"));
  BOOST_REQUIRE_EQUAL(file.exit_code, 0);
  BOOST_TEST(out.out == read_text(s / "c.pdf"));
  Run nowhere =
      run_clef("tor samples/calls/etude-territoires-volontaires.json -o " + (s / "no/dir/c.pdf"));
  BOOST_TEST(nowhere.exit_code == 4);
  BOOST_TEST(spaces(nowhere.err).find("n'existe pas") != std::string::npos, nowhere.err);
}

// ---------------------------------------------------------------------------
// Contracts

BOOST_AUTO_TEST_CASE(contract_vsi) {
  Scratch s;
  std::string text = contract_text(s, kVsi, "vsi.pdf");
  // The content loi n° 2005-159 requires, article by article.
  in_order(text, {"Contrat de volontariat de solidarité internationale",
                  "Loi n° 2005-159 du 23 février 2005 relative au contrat de volontariat de "
                  "solidarité internationale",
                  "décret n° 2022-1067 du 28 juillet 2022",
                  "Entre les soussignés",
                  "Structure agréée France Volontaires",
                  "Agrément n° VSI-EX-0011, délivré en application de l'article 9 de la loi",
                  "Le ou la volontaire Mathilde Agbodjan",
                  "Date de naissance 21 mai 1997",
                  "Nationalité France",
                  "Adresse 8 allée des Tilleuls, 35000 Rennes",
                  "Article 1 — Nature et objet du contrat",
                  "conclu en application de la loi n° 2005-159 du 23 février 2005",
                  "Article 2 — La mission",
                  "Le volontaire accomplit la mission « Chargé·e de projets de prévention en santé "
                  "des femmes » (référence FV-TG-2026-PROJET-05)",
                  "Association Les Colibris du Togo",
                  "sa personne référente est Kossi Agbéko (Président de l’association).",
                  "Article 3 — Lieu, dates et durée",
                  "Lieu de mission Tsévié, Togo",
                  "Début de la mission 1er septembre 2026",
                  "Fin de la mission 31 août 2027",
                  "Durée 12 mois",
                  "Temps d'engagement 35 h/semaine",
                  "(loi n° 2005-159, art. 4)",
                  "Article 4 — Indemnité",
                  "une indemnité mensuelle de 550,00 €",
                  "(loi n° 2005-159, art. 7)",
                  "Article 5 — Protection sociale et assurances",
                  "une assurance rapatriement.",
                  "Article 6 — Congés",
                  "congés à raison de 2 jours/mois",
                  "Article 7 — Préparation au départ",
                  "une formation de 7 jours",
                  "Article 8 — Fin de mission et retour",
                  "appui à la réinsertion professionnelle",
                  "Article 9 — Rupture anticipée",
                  "moyennant un préavis de 1 mois",
                  "Signatures",
                  "Fait en deux exemplaires originaux, un pour chaque partie.",
                  "Pour l'association Le volontaire",
                  "France Volontaires",
                  "Mathilde Agbodjan",
                  "Fait à : [à compléter]",
                  "Signature, précédée de la mention « lu et approuvé » :",
                  "selon les règles en vigueur au 1er septembre 2026 : conforme"});
  BOOST_TEST(count(spaces(text), "550,00 €") == 1u);
  std::string info = pdfinfo(s / "vsi.pdf");
  BOOST_TEST(has(info,
                 "Title:           Contrat de volontariat de solidarité internationale — Mathilde "
                 "Agbodjan"),
             info);
  BOOST_TEST(has(info,
                 "Subject:         Contrat de VSI (loi n° 2005-159) : Chargé·e de projets de "
                 "prévention en santé des femmes"),
             info);
  // Not another scheme's contract.
  for (auto words : {"Service Civique", "L3142", "tuteur"}) BOOST_TEST(!has(text, words), words);
}

BOOST_AUTO_TEST_CASE(contract_service_civique) {
  Scratch s;
  std::string text = contract_text(s, kServiceCivique, "sc.pdf");
  in_order(text, {"Contrat d'engagement de Service Civique",
                  "Code du service national, articles L120-1 et suivants et R121-10.",
                  "Entre les soussignés",
                  "Organisme agréé Délégation Catholique pour la Coopération",
                  "Agrément Service Civique n° SC-EX-0002",
                  "Le ou la volontaire Zoé Lœuvre",
                  "Date de naissance 11 février 2004",
                  "Adresse 3 place du Marché-aux-Œufs, 59000 Lille",
                  "Article 1 — Objet du contrat",
                  "conclu en application du Code du service national (art. L120-1 et suivants)",
                  "Article 2 — La mission",
                  "par intermédiation (Code du service national, art. L120-32)",
                  "Article 3 — Lieu, dates, durée et temps d'engagement",
                  "Lieu de mission Antsirabe, Madagascar",
                  "Début de la mission 15 septembre 2025",
                  "Fin de la mission 14 juillet 2026",
                  "Durée 10 mois",
                  "Durée hebdomadaire 30 h/semaine",
                  "Article 4 — Tutorat et accompagnement",
                  "L'organisme désigne un tuteur ou une tutrice, Hanitra Rakotoarisoa,",
                  "(art. L120-14)",
                  "Voahangy Rasoanirina (Coordinatrice de l’association)",
                  "Article 5 — Préparation et formations",
                  "Formation civique et citoyenne : 2 jours.",
                  "Article 6 — Indemnité et prestation",
                  "(Code du service national, art. L120-19)",
                  "Montant mensuel prévu pour la mission : 620,00 €.",
                  "Article 7 — Protection sociale et assurances",
                  "Article 8 — Congés",
                  "Article 9 — Rupture anticipée",
                  "moyennant un préavis de 1 mois",
                  "Article 10 — Fin de mission",
                  "une attestation de Service Civique",
                  "Signatures",
                  "Fait en deux exemplaires originaux, un pour chaque partie.",
                  "Pour l'organisme Le volontaire",
                  "Zoé Lœuvre",
                  "« lu et approuvé »",
                  "selon les règles en vigueur au 15 septembre 2025 : conforme"});
  // Zoé is 21: no legal guardian.
  BOOST_TEST(!has(text, "représentant légal"));
  BOOST_TEST(!has(text, "loi n° 2005-159"));
  // The name, exactly as written (œ ligature, precomposed é), wherever it appears.
  int n = pages(s / "sc.pdf");
  BOOST_TEST(count(text, "Zoé Lœuvre") >= static_cast<size_t>(n) + 2,
             text);  // page headers, parties, signature
  BOOST_TEST(has(pdfinfo(s / "sc.pdf"),
                 "Title:           Contrat d'engagement de Service Civique — Zoé Lœuvre"));
}

BOOST_AUTO_TEST_CASE(agreement_conge_solidarite) {
  Scratch s;
  std::string text = contract_text(s, kCongeSolidarite, "csi.pdf");
  in_order(text, {"Convention de congé de solidarité internationale",
                  "Code du travail, articles L3142-67 à L3142-74 et D3142-54 à D3142-57",
                  "Entre les soussignés",
                  "Le ou la salarié·e Nguyễn Thị Hương",
                  "Date de naissance 17 avril 1986",
                  "Situation salarié du secteur privé",
                  "L'employeur Boulangerie Les Blés d’Or (SARL), Lyon",
                  "L'association Guilde Européenne du Raid",
                  "Article 1 — Objet",
                  "dans le cadre des articles L3142-67 et suivants du Code du travail",
                  "Article 2 — La mission",
                  "Centre de formation professionnelle Hy Vọng",
                  "Lieu de mission Hô-Chi-Minh-Ville, Viêt Nam",
                  "Référent sur place Trần Thị Mai",
                  "Article 3 — Dates et durée du congé",
                  "Début du congé 6 octobre 2025",
                  "Fin du congé 5 mars 2026",
                  "Durée 5 mois",
                  "Article 4 — Ancienneté et demande du salarié",
                  "Ancienneté 48 mois",
                  "Délai de prévenance 45 jours avant le début du congé",
                  "Demande reçue le [à compléter]",
                  "Article 5 — Réponse de l'employeur",
                  "l'employeur fait connaître sa réponse dans les quinze jours",
                  "Article 6 — Situation du salarié pendant le congé",
                  "une indemnité de 350,00 € par mois.",
                  "Article 7 — Engagements de l'association",
                  "Article 8 — Retour dans l'entreprise",
                  "Signatures",
                  "Fait en trois exemplaires originaux, un pour chaque partie.",
                  "Le salarié Pour l'employeur Pour l'association",
                  "Nguyễn Thị Hương",
                  "Signature et cachet :",
                  "selon les règles en vigueur au 6 octobre 2025 : conforme"});
  // 48 months' seniority and 45 days' notice meet the Labour Code's defaults:
  // no box asking for a company agreement.
  BOOST_TEST(!has(text, "Conditions différentes des règles supplétives"));
  int n = pages(s / "csi.pdf");
  BOOST_TEST(count(text, "Nguyễn Thị Hương") >= static_cast<size_t>(n) + 2, text);
  BOOST_TEST(text.find('\xCC') == std::string::npos);  // no combining marks: precomposed, NFC
  BOOST_TEST(text.find('\xCD') == std::string::npos);
  BOOST_TEST(
      has(pdfinfo(s / "csi.pdf"),
          "Title:           Convention de congé de solidarité internationale — Nguyễn Thị Hương"));

  // The same name typed decomposed (NFD) is normalised on read: same bytes.
  std::string nfd = variant(s, "samples/volunteers/huong-nguyen.xml", "Nguyễn Thị Hương",
                            "Nguye\u0302\u0303n Thi\u0323 Hu\u031Bo\u031Bng", "nfd.xml");
  Run r = run_clef("contract samples/missions/vietnam-boulangerie.xml --volunteer " + nfd + " -o " +
                   (s / "nfd.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(read_text(s / "nfd.pdf") == read_text(s / "csi.pdf"));
}

BOOST_AUTO_TEST_CASE(contracts_in_english) {
  Scratch s;
  std::string vsi = contract_text(s, kVsi, "vsi.pdf", "--lang en");
  in_order(vsi,
           {"International solidarity volunteering contract (VSI)",
            "Loi n° 2005-159 of 23 February 2005", "Between the undersigned",
            "The volunteer Mathilde Agbodjan", "Date of birth 21 May 1997",
            "Article 1 — Nature and object of the contract", "Article 3 — Place, dates and length",
            "Start of the mission 1 September 2026", "Article 4 — Allowance",
            "a monthly allowance of €550.00", "Article 9 — Early termination", "Signatures",
            "For the association The volunteer", "Place: [to be completed]"});
  std::string sc = contract_text(s, kServiceCivique, "sc.pdf", "--lang en");
  in_order(
      sc,
      {"Service Civique commitment contract", "Code du service national, articles L120-1 ff.",
       "The volunteer Zoé Lœuvre", "Article 4 — Tutoring and support",
       "The organisation appoints a tutor, Hanitra Rakotoarisoa,",
       "Civic and citizenship training: 2 days.", "Monthly amount set for the mission: €620.00.",
       "Signatures", "For the organisation The volunteer"});
  std::string csi = contract_text(s, kCongeSolidarite, "csi.pdf", "--lang en");
  in_order(csi,
           {"International solidarity leave agreement",
            "Code du travail (Labour Code), articles L3142-67", "The employee Nguyễn Thị Hương",
            "Status private-sector employee", "The employer Boulangerie Les Blés d’Or (SARL), Lyon",
            "Notice given 45 days before the start of the leave",
            "Article 5 — The employer's answer", "an allowance of €350.00 a month", "Signatures",
            "The employee For the employer For the association"});
  for (auto* text : {&vsi, &sc, &csi})
    for (auto words : {"Entre les soussignés", "Signature :", "[à compléter]", "Page 1 sur"})
      BOOST_TEST(!has(*text, words), words);
}

BOOST_AUTO_TEST_CASE(signature_block_stays_on_one_page) {
  // The "Signatures" heading keeps its sentence and table with it (keep="75"):
  // the page that holds the signature lines also holds the heading.
  Scratch s;
  for (const Pair* p : {&kVsi, &kServiceCivique, &kCongeSolidarite}) {
    for (const std::string lang : {"fr", "en"}) {
      std::string out = s / (std::string(p->volunteer) + "-" + lang + ".pdf");
      Run r = run_clef(contract_args(*p) + " --lang " + lang + " -o " + out);
      BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      const std::string heading = "Signatures", line = lang == "fr" ? "Fait à :" : "Place:";
      int found = 0;
      for (int page = 1; page <= pages(out); ++page) {
        std::string text = page_text(out, page);
        if (!has(text, line)) continue;
        found = page;
        BOOST_TEST(has(text, heading), p->volunteer << " " << lang << ": page " << page);
      }
      BOOST_TEST(found > 0, p->volunteer << " " << lang);
    }
  }
}

BOOST_AUTO_TEST_CASE(contracts_are_reproducible) {
  Scratch s;
  for (const Pair& p : {kVsi, kServiceCivique, kCongeSolidarite}) {
    std::string a = s / (std::string(p.mission) + "-a.pdf"),
                b = s / (std::string(p.mission) + "-b.pdf"),
                j = s / (std::string(p.mission) + "-j.pdf");
    for (auto* out : {&a, &b}) {
      Run r = run_clef(contract_args(p) + " -o " + *out);
      BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    BOOST_TEST(read_text(a) == read_text(b), p.mission << ": two runs differ");
    // The volunteer's JSON twin reads the same: the same contract.
    Run json = run_clef(contract_args(p, "json") + " -o " + j);
    BOOST_REQUIRE_MESSAGE(json.exit_code == 0, json.err);
    BOOST_TEST(read_text(a) == read_text(j), p.mission << ": XML and JSON volunteers differ");
  }
  // Mission and volunteer both in JSON.
  Run x = run_clef(contract_args(kServiceCivique, "json", "json") + " -o " + (s / "jj.pdf"));
  BOOST_REQUIRE_MESSAGE(x.exit_code == 0, x.err);
  BOOST_TEST(read_text(s / "jj.pdf") == read_text(s / "madagascar-artisanat-a.pdf"));
  // Another as-of date is another decision, and says so.
  Run later =
      run_clef(contract_args(kServiceCivique) + " --as-of 2025-10-01 -o " + (s / "later.pdf"));
  BOOST_REQUIRE_MESSAGE(later.exit_code == 0, later.err);
  BOOST_TEST(read_text(s / "later.pdf") != read_text(s / "madagascar-artisanat-a.pdf"));
  BOOST_TEST(has(text_of(s / "later.pdf"), "selon les règles en vigueur au 1er octobre 2025"));
  // The signature phase adds the rules due at signing; the VSI pair then
  // keeps one reserve (the mission's visa), which does not stop the contract.
  Run signing = run_clef(contract_args(kVsi) + " --phase submission -o " + (s / "signing.pdf"));
  BOOST_REQUIRE_MESSAGE(signing.exit_code == 0, signing.err);
  BOOST_TEST(has(text_of(s / "signing.pdf"), ": conforme avec réserves (décision D-"));
}

BOOST_AUTO_TEST_CASE(contract_refused_for_an_ineligible_volunteer) {
  Scratch s;
  // Théo is 30 when the Service Civique starts.
  Run r = run_clef(
      "contract samples/missions/madagascar-artisanat.xml --volunteer "
      "samples/volunteers/theo-marechal.xml -o " +
      (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(spaces(r.err).find("samples/missions/madagascar-artisanat.xml + "
                                "samples/volunteers/theo-marechal.xml : non conforme") !=
                 std::string::npos,
             r.err);
  BOOST_TEST(spaces(r.err).find("contrat refusé, la mission ou le volontaire n'est pas éligible") !=
                 std::string::npos,
             r.err);
  BOOST_TEST(spaces(r.err).find("  sc.age.max — ") != std::string::npos, r.err);
  BOOST_TEST(spaces(r.err).find("constaté : 30 ans") != std::string::npos, r.err);
  BOOST_TEST(spaces(r.err).find("pour corriger : ") != std::string::npos, r.err);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(fs::is_empty(s.dir));

  Run en = run_clef(
      "contract samples/missions/madagascar-artisanat.json --volunteer "
      "samples/volunteers/theo-marechal.json --lang en -o " +
      (s / "c.pdf"));
  BOOST_TEST(en.exit_code == 1);
  BOOST_TEST(
      spaces(en.err).find("contract refused, the mission or the volunteer is not eligible") !=
          std::string::npos,
      en.err);
  BOOST_TEST(spaces(en.err).find("sc.age.max") != std::string::npos, en.err);
  BOOST_TEST(fs::is_empty(s.dir));

  // A volunteer whose birth date is not given: the contract cannot be checked,
  // so it is refused too, naming the missing fact.
  std::string unknown = variant(s, "samples/volunteers/mathilde-agbodjan.xml",
                                "<birth_date>1997-05-21</birth_date>", "", "sans-naissance.xml");
  Run missing = run_clef("contract samples/missions/draft-sans-volontaire.xml --volunteer " +
                         unknown + " -o " + (s / "c.pdf"));
  BOOST_TEST(missing.exit_code == 1);
  BOOST_TEST(spaces(missing.err).find(" : incomplet — contrat refusé") != std::string::npos,
             missing.err);
  BOOST_TEST(spaces(missing.err).find("information manquante") != std::string::npos, missing.err);
  BOOST_TEST(spaces(missing.err).find("(volunteer.birth_date)") != std::string::npos, missing.err);
  BOOST_TEST(!fs::exists(s / "c.pdf"));
}

BOOST_AUTO_TEST_CASE(contract_needs_a_scheme_with_a_contract) {
  Scratch s;
  // A short mission, a V.I.E, and the Service Civique mission turned into a
  // stage: no contract template for any of them.
  std::string stage =
      variant(s, "samples/missions/madagascar-artisanat.xml", "<scheme>service_civique</scheme>",
              "<scheme>stage</scheme>", "stage.xml");
  for (const std::string& mission : {std::string("samples/faulty/cles-manquantes.xml"),
                                     std::string("samples/faulty/vie-hors-champ.xml"), stage}) {
    Run r = run_clef("contract " + mission + " --volunteer samples/volunteers/zoe-loeuvre.xml -o " +
                     (s / "c.pdf"));
    BOOST_TEST(r.exit_code == 2, mission);
    BOOST_TEST(spaces(r.err).find(mission + " : pas de modèle de contrat pour ce dispositif") !=
                   std::string::npos,
               r.err);
    BOOST_TEST(!fs::exists(s / "c.pdf"));
  }
  Run en = run_clef(
      "contract samples/faulty/cles-manquantes.xml --volunteer samples/volunteers/zoe-loeuvre.xml "
      "--lang en -o " +
      (s / "c.pdf"));
  BOOST_TEST(en.exit_code == 2);
  BOOST_TEST(spaces(en.err).find("no contract template for this scheme") != std::string::npos,
             en.err);
  // Only a mission has a contract.
  Run agreement = run_clef(
      "contract samples/agreements/territoires-volontaires.xml --volunteer "
      "samples/volunteers/zoe-loeuvre.xml -o " +
      (s / "c.pdf"));
  BOOST_TEST(agreement.exit_code == 2);
  BOOST_TEST(spaces(agreement.err).find("un contrat se fait pour une mission") != std::string::npos,
             agreement.err);
  BOOST_TEST(!fs::exists(s / "c.pdf"));
}

BOOST_AUTO_TEST_CASE(contract_with_a_broken_volunteer_file) {
  Scratch s;
  const std::string mission = "contract samples/missions/madagascar-artisanat.xml --volunteer ";
  // An unknown field.
  std::string unknown = variant(s, "samples/volunteers/zoe-loeuvre.xml", "  <medical_visit>",
                                "  <shoe_size>42</shoe_size>\n  <medical_visit>", "unknown.xml");
  Run r = run_clef(mission + unknown + " -o " + (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 2);
  std::string where = unknown + ":" + std::to_string(line_of(unknown, "<shoe_size>")) + ":4:";
  BOOST_TEST(spaces(r.err).find(where) != std::string::npos, where << "\n" << r.err);
  BOOST_TEST(spaces(r.err).find("champ inconnu « volunteer.shoe_size »") != std::string::npos,
             r.err);
  BOOST_TEST(!fs::exists(s / "c.pdf"));
  // A date that does not exist.
  std::string date =
      variant(s, "samples/volunteers/zoe-loeuvre.xml", "2004-02-11", "2004-02-31", "date.xml");
  r = run_clef(mission + date + " -o " + (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 2);
  where = date + ":" + std::to_string(line_of(date, "<birth_date>")) + ":4:";
  BOOST_TEST(spaces(r.err).find(where) != std::string::npos, where << "\n" << r.err);
  BOOST_TEST(spaces(r.err).find("2004-02-31") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(s / "c.pdf"));
  // The same in JSON: line and column too.
  std::string json = variant(s, "samples/volunteers/zoe-loeuvre.json", "\"medical_visit\"",
                             "\"shoe_size\": 42,\n  \"medical_visit\"", "unknown.json");
  r = run_clef(mission + json + " -o " + (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 2);
  where = json + ":" + std::to_string(line_of(json, "shoe_size")) + ":";
  BOOST_TEST(spaces(r.err).find(where) != std::string::npos, where << "\n" << r.err);
  BOOST_TEST(spaces(r.err).find("shoe_size") != std::string::npos, r.err);
  // A mission given as the volunteer.
  r = run_clef(mission + "samples/missions/guinee-riziculture.xml -o " + (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(spaces(r.err).find("samples/missions/guinee-riziculture.xml:2:") != std::string::npos,
             r.err);
  // A volunteer file that is not there.
  r = run_clef(mission + (s / "personne.xml") + " -o " + (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(spaces(r.err).find("personne.xml") != std::string::npos, r.err);
  // No --volunteer at all.
  r = run_clef("contract samples/missions/madagascar-artisanat.xml -o " + (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(spaces(r.err).find("--volunteer") != std::string::npos, r.err);
  // A broken mission is reported before the volunteer is read.
  r = run_clef(
      "contract samples/bad/malformed.xml --volunteer samples/volunteers/zoe-loeuvre.xml -o " +
      (s / "c.pdf"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(spaces(r.err).find("malformed.xml:6:3:") != std::string::npos, r.err);
  // Nothing written by any of them.
  for (auto& entry : fs::directory_iterator(s.dir))
    BOOST_TEST(entry.path().extension() != ".pdf", entry.path());
}

// ---------------------------------------------------------------------------
// Templates refused at load stop the document commands (exit 3).

BOOST_AUTO_TEST_CASE(a_wrong_template_stops_tor_and_contract) {
  Scratch s;
  fs::copy(source_path("templates"), s.dir / "templates", fs::copy_options::recursive);
  std::string dir = s / "templates";
  variant(s, "templates/tor-mission.xml", "{document.host.name}</value>",
          "{document.host.nom}</value>", "templates/tor-mission.xml");
  int line = line_of(dir + "/tor-mission.xml", "{document.host.nom}");

  Run tor = run_clef("tor samples/missions/burkina-enfants-rues.xml --templates " + dir + " -o " +
                     (s / "t.pdf"));
  BOOST_TEST(tor.exit_code == 3);
  BOOST_TEST(
      spaces(tor.err).find("tor-mission.xml:" + std::to_string(line) + ":") != std::string::npos,
      tor.err);
  BOOST_TEST(spaces(tor.err).find("document.host.name") != std::string::npos,
             tor.err);  // the suggestion
  BOOST_TEST(spaces(tor.err).find("modèles refusés") != std::string::npos, tor.err);
  BOOST_TEST(!fs::exists(s / "t.pdf"));

  // Through the environment, for a command that does not even use that template.
  Run contract = run_shell("CLEF_TEMPLATES_DIR='" + dir + "' " + CLEF_BINARY + " " +
                           contract_args(kServiceCivique) + " -o " + (s / "c.pdf"));
  BOOST_TEST(contract.exit_code == 3);
  BOOST_TEST(spaces(contract.err).find("tor-mission.xml:" + std::to_string(line) + ":") !=
                 std::string::npos,
             contract.err);
  BOOST_TEST(!fs::exists(s / "c.pdf"));

  // The same directory, repaired, is used as given: the footer is the engine's
  // but the text is the copy's.
  variant(s, "templates/tor-mission.xml", "<t lang=\"fr\">1. Contexte et structure d'accueil</t>",
          "<t lang=\"fr\">1. Contexte et partenaire local</t>", "templates/tor-mission.xml");
  Run fixed = run_shell("CLEF_TEMPLATES_DIR='" + dir + "' " + CLEF_BINARY +
                        " tor samples/missions/burkina-enfants-rues.xml -o " + (s / "t.pdf"));
  BOOST_REQUIRE_MESSAGE(fixed.exit_code == 0, fixed.err);
  BOOST_TEST(has(text_of(s / "t.pdf"), "1. Contexte et partenaire local"));
}

BOOST_AUTO_TEST_SUITE_END()
