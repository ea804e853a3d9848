// Documents from unusual or hostile input, through the clef binary: very
// long titles and names, characters the font lacks (a warning in the user's
// language), right-to-left names, the bytes of a surrogate in a title.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "pdf_support.h"
#include "support.h"

using namespace clef::test;
namespace fs = std::filesystem;

namespace {

const std::string kMission = "samples/missions/guinee-riziculture.xml";
const std::string kTitle = "<title>Assistant";

// `clef contract` for the Service Civique pair of samples/volunteers, the
// volunteer's name replaced.
Run contract(const Scratch& s, const std::string& name, const std::string& extra = "") {
  std::string volunteer =
      variant(s, "samples/volunteers/zoe-loeuvre.xml", "<name>Zoé Lœuvre", "<name>" + name);
  return run_clef("contract samples/missions/madagascar-artisanat.xml --volunteer '" + volunteer +
                  "' " + extra + " -o " + (s / "c.pdf"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documents_input_test)

BOOST_AUTO_TEST_CASE(a_report_with_a_100k_character_title) {
  // Fitting the page header re-measured the title once per character
  // removed, on every page: 20,000 characters took 4 s, this would take
  // hours. The title is now fitted once, by binary search.
  Scratch s;
  std::string title;
  while (title.size() < 100000) title += "Riziculture paysanne ";
  std::string mission = variant(s, kMission, kTitle, "<title>" + title + "fin-du-titre Assistant");
  Run r = run_clef("report '" + mission + "' -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "r.pdf");
  std::string text = text_of(s / "r.pdf");
  BOOST_TEST(has(text, "fin-du-titre Assistant technique"));  // the body has it whole
  std::string first = page_text(s / "r.pdf", 1);
  BOOST_TEST(has(first, "Rapport de conformité — Riziculture paysanne Riziculture"));
  BOOST_TEST(first.find("…") != std::string::npos);  // the header cut it
  footer_on_every_page(s / "r.pdf");
}

BOOST_AUTO_TEST_CASE(a_contract_for_a_20k_character_name) {
  Scratch s;
  std::string name;
  while (name.size() < 20000) name += "Zoé ";
  Run r = contract(s, name + "Lœuvre");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "c.pdf");
  BOOST_TEST(has(text_of(s / "c.pdf"), "Zoé Zoé Zoé Lœuvre"));
}

BOOST_AUTO_TEST_CASE(characters_the_font_lacks_are_named_once) {
  Scratch s;
  std::string mission = variant(s, kMission, kTitle, "<title>𠀀 中 😀 𠀀 Assistant");
  Run fr = run_clef("report '" + mission + "' -o " + (s / "r.pdf"));
  BOOST_REQUIRE_MESSAGE(fr.exit_code == 0, fr.err);
  const std::string warning_fr =
      "clef : attention, 2 caractères absents de la police, dessinés comme un carré vide : 𠀀 "
      "(U+20000), 中 (U+4E2D)\n";
  BOOST_TEST(fr.err.find(warning_fr) != std::string::npos, fr.err);
  BOOST_TEST(count(fr.err, "attention") == 1u, fr.err);
  // Drawn as an empty box, copied out as written.
  BOOST_TEST(has(text_of(s / "r.pdf"), "𠀀 中 😀 𠀀 Assistant technique"));

  Run en = run_clef("report '" + mission + "' --lang en -o " + (s / "e.pdf"));
  BOOST_REQUIRE_EQUAL(en.exit_code, 0);
  BOOST_TEST(en.err.find("clef: warning, 2 characters missing from the font, drawn as an empty "
                         "box: 𠀀 (U+20000), 中 (U+4E2D)\n") != std::string::npos,
             en.err);

  std::string one = variant(s, kMission, kTitle, "<title>中 Assistant", "one.xml");
  Run single = run_clef("report '" + one + "' -o " + (s / "one.pdf"));
  BOOST_TEST(single.err.find("clef : attention, 1 caractère absent de la police, dessiné comme "
                             "un carré vide : 中 (U+4E2D)\n") != std::string::npos,
             single.err);

  // A long list is cut after 20.
  std::string many =
      variant(s, kMission, kTitle,
              "<title>一丁七万丈三上下不与丐丑专且丕世丘丙业丛东丝丞丟両丢 Assistant", "many.xml");
  Run lots = run_clef("report '" + many + "' -o " + (s / "many.pdf"));
  BOOST_TEST(lots.err.find("clef : attention, 26 caractères absents") != std::string::npos,
             lots.err);
  BOOST_TEST(lots.err.find("丢") == std::string::npos, lots.err);
  BOOST_TEST(lots.err.find(" (U+4E1B) et 6 autres\n") != std::string::npos, lots.err);

  // Nothing to say about a French report.
  Run plain = run_clef("report " + kMission + " -o " + (s / "plain.pdf"));
  BOOST_TEST(plain.err.find("attention") == std::string::npos, plain.err);
}

BOOST_AUTO_TEST_CASE(a_right_to_left_name_in_a_contract) {
  Scratch s;
  const std::string name = "דוד כהן";
  Run r = contract(s, name);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  valid_pdf(s / "c.pdf");
  std::string text = without_bidi_marks(text_of(s / "c.pdf"));
  // In the parties' key-values, the signature table and the page header.
  BOOST_TEST(count(text, name) >= 3u, text);
  BOOST_TEST(has(text, "Contrat d'engagement de Service Civique — " + name));
  BOOST_TEST(pdfinfo(s / "c.pdf")
                 .find("Title:           Contrat d'engagement de Service Civique — " + name) !=
             std::string::npos);
  BOOST_TEST(r.err.find("attention") == std::string::npos, r.err);  // DejaVu has Hebrew

  Run arabic = contract(s, "محمد علي");
  BOOST_REQUIRE_MESSAGE(arabic.exit_code == 0, arabic.err);
  BOOST_TEST(count(without_bidi_marks(text_of(s / "c.pdf")), "محمد علي") >= 3u);
}

BOOST_AUTO_TEST_CASE(the_bytes_of_a_surrogate_in_a_title) {
  // "&#xD800;" once reached the title as the bytes ED A0 80, which made
  // PoDoFo write past its buffer (clef tor crashed). The reader now refuses
  // it; pdf_hostile_input_test feeds such bytes to the PDF layer directly.
  Scratch s;
  std::string mission = variant(s, kMission, kTitle, "<title>&#xD800; Assistant");
  Run r = run_clef("tor '" + mission + "' -o " + (s / "t.pdf"));
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(r.err.find("U+D800") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(s / "t.pdf"));
}

BOOST_AUTO_TEST_SUITE_END()
