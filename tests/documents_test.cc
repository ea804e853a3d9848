// The PDF documents end to end, through the clef binary: text read back with
// pdftotext, structure with qpdf, fonts with pdffonts, metadata with pdfinfo.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "pdf_support.h"
#include "support.h"

using namespace clef::test;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(documents_test)

BOOST_AUTO_TEST_CASE(report_of_a_conforming_mission) {
  Scratch s;
  Run r = run_clef("report samples/missions/guinee-riziculture.xml -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "r.pdf");
  std::string text = text_of(s / "r.pdf");
  for (auto words : {"Rapport de conformité", "CONFORME", "Clés qualité CLONG-Volontariat",
                     "Adéquation aux dispositifs", "Constats", "Informations manquantes",
                     "Annexe : règles vérifiées", "Règle", "clong.k1.non_profit",
                     "Volontariat de solidarité internationale (VSI)", "Page 1 sur "})
    BOOST_TEST(has(text, words), words);
  // Footer on every page: decision id and rule revision.
  std::smatch m;
  BOOST_REQUIRE(
      std::regex_search(text, m, std::regex(R"(Décision (D-[0-9a-f]{20}) · règles (\S+))")));
  Run check = run_clef("check samples/missions/guinee-riziculture.xml --format json");
  BOOST_TEST(check.out.find("\"" + m[1].str() + "\"") != std::string::npos);
  int n = pages(s / "r.pdf");
  BOOST_TEST(n >= 2);
  for (int page = 1; page <= n; ++page) {
    std::string one =
        text_of(s / "r.pdf", "-f " + std::to_string(page) + " -l " + std::to_string(page));
    BOOST_TEST(has(one, "Décision " + m[1].str() + " · règles " + m[2].str()), "page " << page);
    BOOST_TEST(has(one, "Page " + std::to_string(page) + " sur " + std::to_string(n)));
  }
  // Metadata.
  std::string info = pdfinfo(s / "r.pdf");
  BOOST_TEST(info.find("Title:           Rapport de conformité — ") != std::string::npos, info);
  BOOST_TEST(info.find("Author:          clef") != std::string::npos);
  // French spacing: a no-break space before the colon.
  BOOST_TEST(info.find("Subject:         Vérification de conformité\u00A0: conforme (décision " +
                       m[1].str()) != std::string::npos);
  BOOST_TEST(info.find("Keywords:        conformité, volontariat, CLONG, " + m[1].str()) !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(report_of_a_blocked_mission_explains_each_finding) {
  Scratch s;
  Run r = run_clef("report samples/faulty/guinee-vsi-30-mois.xml -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0,
                        r.err);  // a report of a non-conforming mission is a success
  valid_pdf(s / "r.pdf");
  std::string text = text_of(s / "r.pdf");
  for (auto words :
       {"NON CONFORME", "Points bloquants à corriger", "Bloquants", "Constat", "Attendu",
        "Constaté", "Référence", "Pour corriger", "vsi.duration.max", "30 mois", "24 mois", "loi"})
    BOOST_TEST(has(text, words), words);
}

BOOST_AUTO_TEST_CASE(report_lists_missing_facts) {
  Scratch s;
  Run r = run_clef("report samples/missions/draft-sans-volontaire.xml -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string text = text_of(s / "r.pdf");
  BOOST_TEST(has(text, "INCOMPLET"));
  BOOST_TEST(has(text, "Information manquante"));
  BOOST_TEST(has(text, "volunteer.birth_date"));
  BOOST_TEST(has(text, "date de naissance du volontaire"));
}

BOOST_AUTO_TEST_CASE(report_in_english) {
  Scratch s;
  Run r = run_clef("report samples/faulty/guinee-vsi-30-mois.xml --lang en -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string text = text_of(s / "r.pdf");
  for (auto words : {"Conformity report", "NOT CONFORMING", "CLONG-Volontariat quality keys",
                     "Fit with each scheme", "Findings", "How to fix", "Appendix: rules checked",
                     "Decision D-", " · rules ", "Page 1 of "})
    BOOST_TEST(has(text, words), words);
  BOOST_TEST(!has(text, "Rapport de conformité"));
  BOOST_TEST(pdfinfo(s / "r.pdf").find("Title:           Conformity report — ") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(unicode_names_render_and_extract) {
  Scratch s;
  std::string mission = variant(s, "samples/missions/guinee-riziculture.xml", "<name>Fédération",
                                "<name>Œuvre « Lúa » de Nguyễn Thị Hương — Fédération");
  Run r = run_clef("report '" + mission + "' -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "r.pdf");
  BOOST_TEST(has(text_of(s / "r.pdf"), "Œuvre « Lúa » de Nguyễn Thị Hương —"));
}

BOOST_AUTO_TEST_CASE(same_input_same_bytes) {
  Scratch s;
  for (auto name : {"a.pdf", "b.pdf"}) {
    Run r = run_clef("report samples/missions/haiti-sage-femme.json -o " + (s / name));
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  BOOST_TEST(read_text(s / "a.pdf") == read_text(s / "b.pdf"));
  // XML and JSON twins are the same content: the same decision, the same PDF.
  Run x = run_clef("report samples/missions/haiti-sage-femme.xml -o " + (s / "c.pdf"));
  BOOST_REQUIRE_EQUAL(x.exit_code, 0);
  BOOST_TEST(read_text(s / "a.pdf") == read_text(s / "c.pdf"));
  // Another as-of date is another decision.
  Run y = run_clef("report samples/missions/haiti-sage-femme.xml --as-of 2026-01-15 -o " +
                   (s / "d.pdf"));
  BOOST_REQUIRE_EQUAL(y.exit_code, 0);
  BOOST_TEST(read_text(s / "a.pdf") != read_text(s / "d.pdf"));
  BOOST_TEST(has(text_of(s / "d.pdf"), "15 janvier 2026"));
}

BOOST_AUTO_TEST_CASE(bad_input_writes_nothing) {
  Scratch s;
  Run bad = run_clef("report samples/bad/malformed.xml -o " + (s / "r.pdf"));
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err.find("malformed.xml:") != std::string::npos, bad.err);
  BOOST_TEST(!fs::exists(s / "r.pdf"));
  Run nowhere =
      run_clef("report samples/missions/haiti-sage-femme.xml -o " + (s / "no/such/dir/r.pdf"));
  BOOST_TEST(nowhere.exit_code == 4);
  BOOST_TEST(nowhere.err.find("n'existe pas") != std::string::npos, nowhere.err);
  BOOST_TEST(fs::is_empty(s.dir));
  Run usage = run_clef("report samples/missions/haiti-sage-femme.xml");
  BOOST_TEST(usage.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(report_to_standard_output) {
  Run r = run_clef("report samples/missions/haiti-sage-femme.xml -o -");
  BOOST_REQUIRE_EQUAL(r.exit_code, 0);
  BOOST_TEST(r.out.starts_with("%PDF-1."));
  BOOST_TEST(r.out.find("%%EOF") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_table_of_200_findings_splits_with_its_header) {
  // 200 more rules, all failing on every mission: the appendix table then
  // spans several pages, and its header must head each of them.
  Scratch s;
  fs::copy(source_path("rules"), s.dir / "rules", fs::copy_options::recursive);
  std::string pack =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pack id=\"bulk\" revision=\"t\">\n"
      "<title lang=\"fr\">Lot</title><title lang=\"en\">Bulk</title>\n";
  for (int i = 0; i < 200; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "bulk.r%03d", i);
    pack +=
        std::string("<rule id=\"") + id +
        "\" severity=\"mineur\"><applies kind=\"mission\"/><effective from=\"2000-01-01\"/>"
        "<reference confidence=\"confirmed\">Test</reference>"
        "<title lang=\"fr\">Règle de test</title><title lang=\"en\">Test rule</title>"
        "<condition>title == 'jamais'</condition>"
        "<message lang=\"fr\">Échec de test.</message><message lang=\"en\">Test failure.</message>"
        "<remediation lang=\"fr\">Rien.</remediation><remediation "
        "lang=\"en\">Nothing.</remediation>"
        "<example outcome=\"fail\"><fact path=\"title\">x</fact></example>"
        "<example outcome=\"pass\"><fact path=\"title\">jamais</fact></example></rule>\n";
  }
  pack += "</pack>\n";
  std::ofstream(s.dir / "rules/packs/bulk.xml") << pack;
  Run r = run_clef("report --rules " + (s / "rules") +
                   " samples/missions/guinee-riziculture.xml -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "r.pdf");
  std::string text = text_of(s / "r.pdf");
  BOOST_TEST(has(text, "bulk.r000"));
  BOOST_TEST(has(text, "bulk.r199"));
  int n = pages(s / "r.pdf");
  BOOST_TEST(n >= 8);
  // Each finding is explained once in the findings section, then listed in
  // the appendix table: from the appendix's first page to the one holding the
  // last row, every page starts with the table's header row.
  int first = 0, last = 0;
  for (int page = 1; page <= n; ++page) {
    std::string one =
        text_of(s / "r.pdf", "-layout -f " + std::to_string(page) + " -l " + std::to_string(page));
    if (has(one, "Annexe : règles vérifiées")) first = page;
    if (has(one, "bulk.r199")) last = page;
  }
  BOOST_REQUIRE(first > 0);
  BOOST_TEST(last >= first + 2, "the table spans " << last - first + 1 << " page(s)");
  for (int page = first; page <= last; ++page) {
    std::string one =
        text_of(s / "r.pdf", "-layout -f " + std::to_string(page) + " -l " + std::to_string(page));
    std::regex header(R"(Règle\s+Intitulé\s+Gravité\s+Résultat)");
    BOOST_TEST(std::regex_search(one, header), "page " << page);
  }
}

BOOST_AUTO_TEST_SUITE_END()
