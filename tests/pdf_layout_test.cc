// The PDF layout layer, checked on real output: qpdf validates the file,
// poppler (pdftotext, pdffonts, pdfinfo) reads back what a person or a
// search engine would see.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "pdf/layout.h"
#include "pdf/text.h"
#include "support.h"
#include "util/format.h"
#include "util/unicode.h"

using namespace clef;
using namespace clef::test;

namespace {

const std::string kAmount = "45\u202F000,00\u00A0€";  // as format_money writes it
const std::string kNames[] = {"Nguyễn Thị Hương", "Œuvre", "Trần Văn Đức", "Ngô Bảo Châu"};

pdf::Metadata metadata(const std::string& footer = "Décision D-2026-0042 · règles 2026.11+4f2a") {
  pdf::Metadata m;
  m.title = "Rapport de conformité — Mission Riziculture Guinée";
  m.author = "clef";
  m.subject = "Contrôle de la mission M-2026-0042";
  m.keywords = "VSI, conformité, Guinée";
  m.created = Date::from_ymd(2026, 11, 23);
  m.footer = footer;
  return m;
}

std::string row_id(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "M-%04d", i);
  return buf;
}

// The reference document: every block, French text, 200 table rows.
std::string sample(const std::string& footer = metadata().footer) {
  pdf::Layout doc(metadata(footer));
  doc.heading("Rapport de conformité", 1);
  doc.status_badge("NON CONFORME", pdf::colour::red);
  doc.paragraph(
      "La volontaire Nguyễn Thị Hương rejoint l’Œuvre d’Orient pour une mission de "
      "24 mois ; l’indemnité prévue s’élève à " +
      kAmount + " au total, soit « un montant conforme » au barème.");
  doc.heading("Mission", 2);
  doc.key_values({{"Volontaire", "Nguyễn Thị Hương"},
                  {"Organisme", "Œuvre d’Orient — délégation de Conakry"},
                  {"Montant total", kAmount},
                  {"Objet",
                   "Appui technique aux coopératives rizicoles de Basse-Guinée, "
                   "formation des formateurs et suivi des parcelles pilotes."}});
  doc.heading("Constats bloquants", 3);
  doc.box("Deux constats bloquants",
          {"La durée de 30 mois dépasse le maximum de 24 mois (règle VSI-DUREE-MAX).",
           "L’attestation d’assurance manque (règle VSI-ASSURANCE)."},
          pdf::colour::red);
  doc.bullets({"Vérifier la durée.", "Joindre l’attestation « responsabilité civile ».",
               "Confirmer le montant de " + kAmount + "."});
  doc.heading("Volontaires", 2);
  std::vector<std::vector<std::string>> rows;
  for (int i = 1; i <= 200; ++i)
    rows.push_back({row_id(i),
                    kNames[i % 4] + (i % 7 == 0 ? " (mission prolongée, avenant n° 2 "
                                                  "signé par les deux parties)"
                                                : ""),
                    i % 2 ? "Guinée" : "Viêt Nam", format_money(i * 123456, "EUR", Lang::fr)});
  doc.table(
      {{"Référence", 1}, {"Volontaire", 3}, {"Pays", 1.4}, {"Indemnité", 1.4, pdf::Align::right}},
      rows);
  doc.paragraph("Fin du rapport.", pdf::Style::muted);
  return doc.finish();
}

struct TempPdf {
  std::string path;
  explicit TempPdf(const std::string& bytes, const std::string& name = "doc") {
    path = "/tmp/clef-pdf-layout-" + std::to_string(::getpid()) + "-" + name + ".pdf";
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempPdf() { std::remove(path.c_str()); }
};

std::string tool(const std::string& command) {
  Run r = run_shell(command);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, command << " exited " << r.exit_code << ": " << r.err);
  return r.out;
}

std::vector<std::string> pages_of(const std::string& text) {
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
    pages.push_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  return pages;  // pdftotext ends every page, the last one too, with \f
}

int page_count(const std::string& path) {
  std::smatch m;
  std::string info = tool("pdfinfo " + path);
  BOOST_REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
  return std::stoi(m[1]);
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

// pdftotext -layout writes U+00A0 and U+202F as plain spaces (the ToUnicode
// map does carry them, see no_break_spaces_reach_the_pdf).
const std::string kAmountAsText = "45 000,00 €";

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_layout_test)

BOOST_AUTO_TEST_CASE(wrap_breaks_at_ascii_spaces_only) {
  // One unit per character: easy to reason about.
  auto advance = [](char32_t) { return 1.0; };
  auto wrap = [&](const std::string& s, double w) {
    std::vector<std::string> out;
    for (auto& l : pdf::wrap(pdf::decode_utf8(s), w, advance)) out.push_back(pdf::encode_utf8(l));
    return out;
  };
  using Lines = std::vector<std::string>;
  BOOST_TEST(wrap("un deux trois", 7) == (Lines{"un deux", "trois"}));
  BOOST_TEST(wrap("un   deux", 20) == (Lines{"un deux"}));
  // "soit 45 000,00 €": the amount moves whole to the next line.
  BOOST_TEST(wrap("soit " + kAmount + " net", 15) == (Lines{"soit", kAmount + " net"}));
  BOOST_TEST(wrap(kAmount, 5) ==
             (Lines{"45\u202F00", "0,00\u00A0", "€"}));  // only when it cannot fit
  BOOST_TEST(wrap("abcdefghij", 4) == (Lines{"abcd", "efgh", "ij"}));
  BOOST_TEST(wrap("a\nb c\n\nd", 10) == (Lines{"a", "b c", "", "d"}));
  BOOST_TEST(wrap("", 10) == (Lines{""}));
  BOOST_TEST(wrap("x", 0) == (Lines{"x"}));  // a character wider than the line still goes out
}

BOOST_AUTO_TEST_CASE(utf8_decoding_is_total) {
  BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8("Nguyễn\tThị")) == "Nguyễn Thị");
  BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8("a\xC3(b")) == "a\uFFFD(b");      // truncated
  BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8("\xC0\xAF")) == "\uFFFD\uFFFD");  // overlong
  BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8("\xED\xA0\x80")) == "\uFFFD\uFFFD\uFFFD");
  BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8("\xF0\x9F\x98\x80!")) == "😀!");  // kept
  BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8("\xF0\xA0\x80\x80")) == "\U00020000");
  BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8("in\u00ADdivisible\r\n")) == "indivisible\n");
}

BOOST_AUTO_TEST_CASE(format_money_writes_no_break_spaces) {
  BOOST_TEST(format_money(4500000, "EUR", Lang::fr) == kAmount);
}

BOOST_AUTO_TEST_CASE(document_reads_back) {
  TempPdf pdf(sample());
  tool("qpdf --check " + pdf.path);
  const int n = page_count(pdf.path);
  BOOST_TEST(n >= 4);

  std::string text = tool("pdftotext -layout " + pdf.path + " -");
  // The names come back exactly, precomposed (NFC) as they went in.
  BOOST_TEST((to_nfc(text) == text));
  for (const std::string& name : kNames) BOOST_TEST(text.find(name) != std::string::npos, name);
  BOOST_TEST(text.find("Nguyễn Thị Hương rejoint l’Œuvre d’Orient") != std::string::npos);
  BOOST_TEST(text.find("« un montant conforme »") != std::string::npos);
  BOOST_TEST(text.find("Confirmer le montant de " + kAmountAsText + ".") != std::string::npos);
  BOOST_TEST(text.find("Montant total") != std::string::npos);
  BOOST_TEST(text.find("NON CONFORME") != std::string::npos);
  BOOST_TEST(text.find("Deux constats bloquants") != std::string::npos);

  std::vector<std::string> pages = pages_of(text);
  BOOST_REQUIRE_EQUAL(pages.size(), static_cast<size_t>(n));
  const std::string of = " sur " + std::to_string(n);
  for (int i = 1; i <= n; ++i) {
    const std::string& page = pages[i - 1];
    BOOST_TEST(page.find("Page " + std::to_string(i) + of) != std::string::npos, "page " << i);
    BOOST_TEST(page.find("Décision D-2026-0042 · règles 2026.11+4f2a") != std::string::npos);
    BOOST_TEST(page.find("Rapport de conformité — Mission Riziculture Guinée") !=
               std::string::npos);
  }

  // Every row exactly once; the header on every page that holds rows, above them.
  std::map<std::string, int> seen;
  const std::regex id(R"(M-(\d{4}))");
  int pages_with_rows = 0;
  for (const std::string& page : pages) {
    size_t first_row = std::string::npos;
    for (std::sregex_iterator it(page.begin(), page.end(), id), end; it != end; ++it) {
      if (it->str() == "M-2026") continue;  // the subject, not a row
      ++seen[it->str()];
      first_row = std::min(first_row, static_cast<size_t>(it->position()));
    }
    if (first_row == std::string::npos) continue;
    ++pages_with_rows;
    size_t header = page.find("Référence");
    BOOST_TEST((header != std::string::npos && header < first_row));
    BOOST_TEST(page.find("Indemnité") != std::string::npos);
    BOOST_TEST(count(page, "Référence") == 1u);
  }
  BOOST_TEST(pages_with_rows >= 3);
  BOOST_TEST(seen.size() == 200u);
  for (int i = 1; i <= 200; ++i) BOOST_TEST(seen[row_id(i)] == 1, row_id(i));
}

BOOST_AUTO_TEST_CASE(fonts_are_embedded_subsetted_identity_h) {
  TempPdf pdf(sample());
  std::string fonts = tool("pdffonts " + pdf.path);
  // name type encoding emb sub uni
  const std::regex regular(R"(\n[A-Z]{6}\+DejaVuSans +CID TrueType +Identity-H +yes yes yes )");
  const std::regex bold(R"(\n[A-Z]{6}\+DejaVuSans-Bold +CID TrueType +Identity-H +yes yes yes )");
  BOOST_TEST(std::regex_search(fonts, regular), fonts);
  BOOST_TEST(std::regex_search(fonts, bold), fonts);
  BOOST_TEST(count(fonts, "\n") == 4u, fonts);  // two header lines, two fonts
}

BOOST_AUTO_TEST_CASE(metadata_is_set) {
  TempPdf pdf(sample());
  std::string info = tool("pdfinfo -isodates " + pdf.path);
  BOOST_TEST(info.find("Title:           Rapport de conformité — Mission Riziculture Guinée\n") !=
             std::string::npos);
  BOOST_TEST(info.find("Author:          clef\n") != std::string::npos);
  BOOST_TEST(info.find("Subject:         Contrôle de la mission M-2026-0042\n") !=
             std::string::npos);
  BOOST_TEST(info.find("Keywords:        VSI, conformité, Guinée\n") != std::string::npos);
  BOOST_TEST(info.find("CreationDate:    2026-11-23T00:00:00Z\n") != std::string::npos);
  BOOST_TEST(info.find("ModDate:         2026-11-23T00:00:00Z\n") != std::string::npos);
  BOOST_TEST(info.find("Page size:       595 x 842 pts (A4)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_break_spaces_reach_the_pdf) {
  // pdftotext flattens them to spaces; the font's ToUnicode map shows that
  // the glyphs drawn are U+202F and U+00A0, so a copy-paste keeps them.
  TempPdf pdf(sample());
  std::string qdf = tool("qpdf --qdf --object-streams=disable " + pdf.path + " -");
  // A bfchar line "<code> <202F>" (or a bfrange holding it).
  BOOST_TEST(
      std::regex_search(qdf, std::regex(R"(<[0-9A-F]{4}> (<[0-9A-F]{4}> \[[^\]]*)?<202F>)")));
  BOOST_TEST(
      std::regex_search(qdf, std::regex(R"(<[0-9A-F]{4}> (<[0-9A-F]{4}> \[[^\]]*)?<00A0>)")));
}

BOOST_AUTO_TEST_CASE(output_is_deterministic) {
  std::string a = sample(), b = sample();
  BOOST_TEST(a.size() > 1000u);
  BOOST_TEST((a == b));
  BOOST_TEST((sample("Décision D-2026-0043 · règles 2026.11+4f2a") != a));
  // No clock anywhere: the /ID comes from the fixed info dictionary.
  BOOST_TEST(a.find("/ID") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(amounts_never_break) {
  // The amount after 0..59 more letters: it crosses the right margin at some
  // offsets. With no-break spaces it must come out whole, on one line; the
  // same text with ASCII spaces shows that a break inside it was due there.
  auto render = [](const std::string& amount, const std::string& name) {
    pdf::Layout doc(metadata());
    for (int k = 0; k < 60; ++k)
      doc.paragraph("Le montant versé à la volontaire pour l’ensemble de la mission " +
                    std::string(k, 'x') + " est de " + amount + " toutes charges comprises.");
    TempPdf pdf(doc.finish(), name);
    return tool("pdftotext -layout " + pdf.path + " -");
  };
  const std::regex split_amount(R"((45|45 000,00)\n)");
  std::string text = render(kAmount, "amounts");
  BOOST_TEST(count(text, kAmountAsText) == 60u);
  BOOST_TEST(!std::regex_search(text, split_amount));
  BOOST_TEST(std::regex_search(text, std::regex("est de\n *45 000,00 € toutes")));

  std::string breakable = render("45 000,00 €", "breakable");
  BOOST_TEST(std::regex_search(breakable, split_amount));
  BOOST_TEST(count(breakable, kAmountAsText) < 60u);
}

BOOST_AUTO_TEST_CASE(long_words_break_by_characters) {
  pdf::Layout doc(metadata());
  std::string word;
  for (int i = 0; i < 40; ++i) word += "0123456789";
  doc.paragraph(word);
  TempPdf pdf(doc.finish(), "word");
  std::string text = tool("pdftotext " + pdf.path + " -");
  std::string joined;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.find_first_not_of("0123456789") == std::string::npos) joined += line;
  BOOST_TEST(joined == word);
}

BOOST_AUTO_TEST_CASE(a_row_taller_than_a_page_splits) {
  pdf::Layout doc(metadata());
  std::string tall;
  for (int i = 1; i <= 150; ++i) tall += "ligne-" + std::to_string(i) + "\n";
  doc.table({{"Clé", 1}, {"Texte", 3}}, {{"A", "court"}, {"B", tall}, {"C", "fin"}});
  TempPdf pdf(doc.finish(), "tall");
  tool("qpdf --check " + pdf.path);
  std::vector<std::string> pages = pages_of(tool("pdftotext -layout " + pdf.path + " -"));
  BOOST_TEST(pages.size() >= 3u);
  for (const std::string& page : pages) BOOST_TEST(count(page, "Texte") == 1u);
  std::string all;
  for (const std::string& page : pages) all += page;
  size_t at = 0;
  for (int i = 1; i <= 150; ++i) {
    size_t next = all.find("ligne-" + std::to_string(i) + "\n", at);
    BOOST_TEST_REQUIRE(next != std::string::npos, "ligne-" << i);
    at = next;
  }
}

BOOST_AUTO_TEST_CASE(watermark_and_english_labels) {
  pdf::Metadata m = metadata("Decision D-2026-0042");
  m.page_label = "Page {n} of {m}";
  pdf::Layout doc(m);
  doc.watermark("PROJET — NON CONFORME");
  doc.paragraph("First page.");
  doc.page_break();
  doc.page_break();  // the page is still empty: no blank page
  doc.paragraph("Second page.");
  BOOST_TEST(doc.page_count() == 2);
  TempPdf pdf(doc.finish(), "watermark");
  tool("qpdf --check " + pdf.path);
  std::vector<std::string> pages = pages_of(tool("pdftotext -layout " + pdf.path + " -"));
  BOOST_REQUIRE_EQUAL(pages.size(), 2u);
  BOOST_TEST(pages[0].find("Page 1 of 2") != std::string::npos);
  BOOST_TEST(pages[1].find("Page 2 of 2") != std::string::npos);
  BOOST_TEST(pages[1].find("Second page.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(headings_stay_with_what_follows) {
  // Whatever fills the page before it, a heading never ends a page alone.
  for (int filler = 30; filler <= 50; ++filler) {
    pdf::Layout doc(metadata());
    for (int i = 0; i < filler; ++i) doc.paragraph("Paragraphe " + std::to_string(i) + ".");
    doc.heading("Titre de section", 2);
    doc.paragraph("Premier paragraphe de la section.");
    TempPdf pdf(doc.finish(), "heading");
    for (const std::string& page : pages_of(tool("pdftotext -layout " + pdf.path + " -")))
      BOOST_TEST((page.find("Titre de section") == std::string::npos) ==
                     (page.find("Premier paragraphe") == std::string::npos),
                 "filler " << filler);
  }
}

BOOST_AUTO_TEST_CASE(degenerate_blocks_are_harmless) {
  pdf::Layout doc(metadata());
  doc.box("", {}, pdf::colour::red);  // nothing to draw
  doc.table({}, {{"sans colonne"}});  // nothing either
  doc.table({{"A", 0}, {"B", -1}}, {});
  doc.table({{"A", 1}, {"B", std::nan("")}}, {{"1"}, {"1", "2", "3"}});
  doc.paragraph("");
  doc.paragraph("\xFF\xFEoctets invalides");
  doc.bullets({});
  doc.key_values({});
  doc.status_badge("", pdf::colour::green);
  doc.spacer(-5);
  doc.heading("Niveau hors bornes", 9);
  TempPdf pdf(doc.finish(), "degenerate");
  tool("qpdf --check " + pdf.path);
  std::string text = tool("pdftotext -layout " + pdf.path + " -");
  BOOST_TEST(text.find("\uFFFD\uFFFDoctets invalides") != std::string::npos);
  BOOST_TEST(text.find("Niveau hors bornes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(finish_is_final) {
  pdf::Layout doc(metadata());
  doc.paragraph("Texte.");
  std::string first = doc.finish();
  BOOST_TEST((doc.finish() == first));
  BOOST_CHECK_THROW(doc.paragraph("Trop tard."), std::logic_error);
}

BOOST_AUTO_TEST_CASE(missing_fonts_are_an_error) {
  try {
    pdf::Layout doc(metadata(), "/nonexistent");
    BOOST_FAIL("no error");
  } catch (const pdf::Error& e) {
    BOOST_TEST(std::string(e.what()) == "PDF: cannot read font /nonexistent/DejaVuSans.ttf");
  }
}

BOOST_AUTO_TEST_SUITE_END()
