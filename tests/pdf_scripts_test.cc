// Scripts beyond Latin in the PDF layout, read back with poppler: characters
// above U+FFFF (a rare ideograph, an emoji), characters the font lacks
// (listed, drawn as its empty box, still copied out as written), Hebrew and
// Arabic drawn right to left and extracted in logical order.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "pdf/bidi.h"
#include "pdf/layout.h"
#include "pdf/text.h"
#include "pdf_support.h"

using namespace clef;
using namespace clef::test;

namespace {

pdf::Metadata metadata(const std::string& title = "Volontaires du monde entier") {
  pdf::Metadata m;
  m.title = title;
  m.author = "clef";
  m.created = Date::from_ymd(2026, 11, 23);
  m.footer = "Décision D-2026-0042 · règles 2026.11+4f2a";
  return m;
}

std::string write(const Scratch& s, const std::string& name, const std::string& bytes) {
  std::string path = s / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::u32string u32(const std::string& s) {
  return pdf::decode_utf8(s);
}

const std::string kHebrew = "דוד כהן", kArabic = "محمد علي";

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_scripts_test)

BOOST_AUTO_TEST_CASE(characters_above_the_bmp_copy_out_as_written) {
  // 𠀀 (U+20000, CJK Extension B) and 中 are not in DejaVu Sans: drawn as
  // its empty box, yet the ToUnicode map gives them back, 𠀀 as a UTF-16
  // surrogate pair. 😀 (U+1F600) has a glyph in DejaVu Sans.
  Scratch s;
  pdf::Layout doc(metadata("Titre 𠀀 et 😀"));
  doc.paragraph("Nom rare : 𠀀 Li 中 et un sourire 😀 en fin de ligne.");
  doc.table({{"Nom", 1}, {"Note", 2}}, {{"𠀀 Zhang", "note 😀 puis 𠀀"}});
  std::string pdf = write(s, "plane2.pdf", doc.finish());
  valid_pdf(pdf);
  std::string text = text_of(pdf);
  BOOST_TEST(has(text, "Nom rare : 𠀀 Li 中 et un sourire 😀 en fin de ligne."), text);
  BOOST_TEST(has(text, "𠀀 Zhang"), text);
  BOOST_TEST(has(text, "note 😀 puis 𠀀"), text);
  BOOST_TEST(has(text, "Titre 𠀀 et 😀"), text);  // the page header
  BOOST_TEST(text.find("\uFFFD") == std::string::npos, text);
  BOOST_TEST(pdfinfo(pdf).find("Title:           Titre 𠀀 et 😀\n") != std::string::npos);
  // The surrogate pair is in the ToUnicode map.
  Run qdf = run_shell("qpdf --qdf --object-streams=disable '" + pdf + "' -");
  BOOST_TEST(qdf.out.find("<D840DC00>") != std::string::npos);
  // Each character the font lacks once, in the order first drawn (the
  // header is painted after the page's content).
  BOOST_TEST((doc.missing_glyphs() == std::vector<char32_t>{0x20000, 0x4E2D}));
}

BOOST_AUTO_TEST_CASE(no_missing_glyph_in_french_and_vietnamese) {
  pdf::Layout doc(metadata());
  doc.heading("Œuvre « Lúa » de Nguyễn Thị Hương — 45\u202F000,00\u00A0€", 1);
  doc.paragraph("Tiếng Việt, français, ÆØÅ, ß, ŁŚŻ, Ελληνικά, Русский, ✓ ✗ •");
  doc.finish();
  BOOST_TEST(doc.missing_glyphs().empty());
}

BOOST_AUTO_TEST_CASE(visual_order_reverses_right_to_left_runs) {
  auto glyphs = [](const std::string& s) {
    return pdf::encode_utf8(pdf::visual_order(u32(s)).glyphs);
  };
  auto text = [](const std::string& s) { return pdf::encode_utf8(pdf::visual_order(u32(s)).text); };
  // Left to right only: untouched.
  BOOST_TEST(glyphs("Nguyễn (Viêt Nam)") == "Nguyễn (Viêt Nam)");
  BOOST_TEST(!pdf::needs_reordering(u32("Nguyễn Thị Hương, Ελληνικά, Русский")));
  BOOST_TEST(pdf::needs_reordering(u32("x " + kHebrew)));
  BOOST_TEST(pdf::needs_reordering(u32("x " + kArabic)));
  // A Hebrew name amid French: the name reversed, a left-to-right mark where
  // the French resumes.
  BOOST_TEST(glyphs("Le partenaire " + kHebrew + " (Israël)") ==
             "Le partenaire ןהכ דוד\u200E (Israël)");
  BOOST_TEST(glyphs(kArabic + " à Conakry") == "يلع دمحم\u200E à Conakry");
  BOOST_TEST(glyphs("fin : " + kHebrew) == "fin : ןהכ דוד");  // nothing follows: no mark
  // Brackets inside a right-to-left run are mirrored for the eye, and stand
  // for what was written.
  // A right-to-left mark opens a run that starts with a neutral on the left.
  BOOST_TEST(glyphs("א(ב)") == "\u200F(ב)א");
  BOOST_TEST(text("א(ב)") == "\u200F)ב(א");
  // Combining marks stay after their base: שָׁלוֹם with its points.
  BOOST_TEST(glyphs("\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD") ==
             "\u05DD\u05D5\u05B9\u05DC\u05E9\u05B8\u05C1");
  // The input's bidi controls act, then go: they have nothing to draw.
  BOOST_TEST(glyphs("a \u202Eabc\u202C b") == "a \u200Fcba\u200E b");  // an override
  BOOST_TEST(glyphs("\u200F" + kHebrew + "\u200F") == "ןהכ דוד");
  // Characters above U+FFFF go through ICU's UTF-16 in one piece.
  BOOST_TEST(glyphs("𠀀 " + kHebrew + " 😀") == "𠀀 ןהכ דוד\u200E 😀");
}

BOOST_AUTO_TEST_CASE(hebrew_and_arabic_extract_in_logical_order) {
  Scratch s;
  pdf::Layout doc(metadata("Partenaires : " + kHebrew + " et " + kArabic));
  const std::string sentence = "Le volontaire " + kHebrew + " (Israël) rejoint " + kArabic +
                               " à Conakry pour la campagne rizicole.";
  doc.paragraph(sentence);
  doc.paragraph("Référent : " + kArabic);
  doc.paragraph("Famille " + kHebrew + " (" + "לוי" + ") et associés.");
  doc.key_values({{"Volontaire", kHebrew}, {"Tuteur", kArabic + " — Conakry"}});
  doc.table({{"Nom", 2}, {"Pays", 1}},
            {{kHebrew + " (Israël)", "Israël"}, {"Chez " + kArabic, "Maroc"}});
  std::string pdf = write(s, "rtl.pdf", doc.finish());
  valid_pdf(pdf);
  BOOST_TEST(doc.missing_glyphs().empty());
  for (const std::string options : {"", "-layout"}) {
    std::string text = without_bidi_marks(text_of(pdf, options));
    BOOST_TEST(has(text, sentence), options << "\n" << text);
    BOOST_TEST(has(text, "Référent : " + kArabic), options);
    BOOST_TEST(has(text, "Famille " + kHebrew + " (לוי) et associés."), options << "\n" << text);
    BOOST_TEST(has(text, kHebrew + " (Israël)"), options);  // the table cell
    BOOST_TEST(has(text, "Chez " + kArabic), options);
    BOOST_TEST(has(text, kArabic + " — Conakry"), options);
    BOOST_TEST(has(text, "Partenaires : " + kHebrew + " et " + kArabic), options);  // header
  }
  // What is drawn is the visual order: the name's last letter first.
  Run raw = run_shell("pdftotext -raw '" + pdf + "' -");
  BOOST_TEST(without_bidi_marks(raw.out).find("כהן דוד") != std::string::npos, raw.out);
}

BOOST_AUTO_TEST_SUITE_END()
