// The PDF layout on hostile input: any byte string in any block or metadata
// field gives a valid PDF (qpdf --check), with no undefined behaviour (this
// suite runs under ASan and UBSan in `make test`); very long titles and
// words lay out in linear time; RenderLimits stop a document that outgrows
// them.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "pdf/layout.h"
#include "pdf_support.h"

using namespace clef;
using namespace clef::test;

namespace {

// Byte strings that have broken UTF-8 decoders: truncated and overlong
// sequences, encoded surrogates (the bytes of U+D800 crashed PoDoFo's
// conversion), code points above U+10FFFF, 5- and 6-byte forms, NULs and
// every control character, stray continuation bytes, bidi overrides,
// combining marks with no base, characters above U+FFFF.
const std::vector<std::string> kPieces = {std::string("\0", 1),
                                          "\xED\xA0\x80",
                                          "\xED\xBF\xBF",
                                          "\xF4\x90\x80\x80",
                                          "\xF8\x88\x80\x80\x80",
                                          "\xFC\x84\x80\x80\x80\x80",
                                          "\xC0\x80",
                                          "\xE0\x80\xAF",
                                          "\xC3",
                                          "\xE2\x82",
                                          "\x80\x80\xBF",
                                          "\xFE\xFF",
                                          "\xFF",
                                          "\r\n",
                                          "\t",
                                          "\x1B[31m",
                                          "\x7F",
                                          "\xC2\x85",
                                          "\u202E",
                                          "\u2066",
                                          "\u0301",
                                          "\u00AD",
                                          "\uFEFF",
                                          "\uFFFE",
                                          "\U0010FFFF",
                                          "\U0001F600",
                                          "\U00020000",
                                          "דוד",
                                          "محمد",
                                          "(",
                                          ")",
                                          "\\",
                                          "{n}",
                                          "{m}",
                                          "Nguyễn",
                                          " ",
                                          "  ",
                                          "\n",
                                          "%PDF",
                                          "endobj",
                                          ">>",
                                          "€"};

std::string garbage(std::mt19937& random, size_t pieces) {
  std::string s;
  for (size_t i = 0; i < pieces; ++i) {
    if (random() % 4 == 0)
      s += static_cast<char>(random() % 256);
    else
      s += kPieces[random() % kPieces.size()];
  }
  return s;
}

std::string write(const Scratch& s, const std::string& name, const std::string& bytes) {
  std::string path = s / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Every block and every metadata field fed `text(k)`, a different string each.
template <class Text>
std::string every_block(Text&& text) {
  pdf::Metadata m;
  m.title = text(0);
  m.author = text(1);
  m.subject = text(2);
  m.keywords = text(3);
  m.created = Date::from_ymd(2026, 11, 23);
  m.footer = text(4);
  m.page_label = text(5) + " {n}/{m}";
  pdf::Layout doc(m);
  doc.heading(text(6), 1);
  doc.heading(text(7), 3, 30);
  for (pdf::Style style :
       {pdf::Style::body, pdf::Style::strong, pdf::Style::small, pdf::Style::muted})
    doc.paragraph(text(8), style);
  doc.bullets({text(9), text(10), ""});
  doc.key_values({{text(11), text(12)}, {"", text(13)}});
  doc.table({{text(14), 1}, {text(15), 2, pdf::Align::right}, {text(16), 1, pdf::Align::center}},
            {{text(17), text(18), text(19)}, {text(20)}, {}});
  doc.box(text(21), {text(22), text(23)}, pdf::colour::red);
  doc.status_badge(text(24), pdf::colour::green);
  doc.watermark(text(25));
  doc.spacer(3);
  doc.page_break();
  doc.paragraph(text(26));
  return doc.finish();
}

pdf::Metadata metadata() {
  pdf::Metadata m;
  m.title = "Limites";
  m.created = Date::from_ymd(2026, 11, 23);
  return m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_hostile_input_test)

BOOST_AUTO_TEST_CASE(any_bytes_in_any_field_give_a_valid_pdf) {
  Scratch s;
  std::mt19937 random(20261123);
  for (int round = 0; round < 6; ++round) {
    std::vector<std::string> texts;
    for (int k = 0; k < 27; ++k) texts.push_back(garbage(random, 1 + random() % 40));
    const std::string bytes = every_block([&](int k) { return texts[k]; });
    BOOST_TEST(bytes.starts_with("%PDF-1.4"));
    // Same garbage, same bytes.
    BOOST_TEST((every_block([&](int k) { return texts[k]; }) == bytes));
    std::string pdf = write(s, "garbage-" + std::to_string(round) + ".pdf", bytes);
    valid_pdf(pdf);
    BOOST_TEST(run_shell("pdftotext -enc UTF-8 '" + pdf + "' /dev/null").exit_code == 0);
    BOOST_TEST(run_shell("pdfinfo '" + pdf + "'").exit_code == 0);
  }
}

BOOST_AUTO_TEST_CASE(huge_garbage_strings_give_a_valid_pdf) {
  // 150 KB of garbage in every field: long words cut by characters, titles
  // cut with an ellipsis on every page, a watermark scaled down to fit.
  Scratch s;
  std::mt19937 random(42);
  std::vector<std::string> texts;
  for (int k = 0; k < 27; ++k) texts.push_back(garbage(random, k == 8 ? 40000 : 3000));
  std::string pdf = write(s, "huge.pdf", every_block([&](int k) { return texts[k]; }));
  valid_pdf(pdf);
  BOOST_TEST(pages(pdf) > 10);
}

BOOST_AUTO_TEST_CASE(metadata_bytes_of_a_surrogate) {
  // ED A0 80 is U+D800 encoded: PoDoFo's UTF-8 conversion overflowed its
  // buffer on it. Each invalid byte now reads U+FFFD.
  Scratch s;
  pdf::Metadata m = metadata();
  m.title = "Avant \xED\xA0\x80 après";
  m.author = std::string("nul\0caché", 10);
  m.subject = "\xF4\x90\x80\x80";
  pdf::Layout doc(m);
  doc.paragraph("Texte.");
  std::string pdf = write(s, "surrogate.pdf", doc.finish());
  valid_pdf(pdf);
  std::string info = pdfinfo(pdf);
  BOOST_TEST(info.find("Title:           Avant \uFFFD\uFFFD\uFFFD après\n") != std::string::npos,
             info);
  BOOST_TEST(info.find("Author:          nulcaché\n") != std::string::npos, info);
  BOOST_TEST(info.find("Subject:         \uFFFD\uFFFD\uFFFD\uFFFD\n") != std::string::npos, info);
  BOOST_TEST(has(text_of(pdf), "Avant \uFFFD\uFFFD\uFFFD après"));  // the page header
}

BOOST_AUTO_TEST_CASE(long_titles_are_cut_once_per_document) {
  // A 300,000-character title and footer on 40 pages: the header shows the
  // title's start and an ellipsis on every page (measured once: fitting it
  // again on each page, one character at a time, took minutes).
  Scratch s;
  pdf::Metadata m = metadata();
  for (int i = 0; i < 20000; ++i) m.title += "Riziculture ";
  m.footer = std::string(300000, 'f');
  pdf::Layout doc(m);
  std::string word(50000, 'w');  // a word of 140 lines
  doc.paragraph(word);
  for (int i = 0; i < 35; ++i) {
    doc.page_break();
    doc.paragraph("Page de texte " + std::to_string(i) + ".");
  }
  std::string pdf = write(s, "long.pdf", doc.finish());
  valid_pdf(pdf);
  const int n = pages(pdf);
  BOOST_TEST(n >= 37);
  for (int page : {1, n / 2, n}) {
    std::string one = page_text(pdf, page, "-layout");
    BOOST_TEST(has(one, "Riziculture Riziculture"), "page " << page);
    BOOST_TEST(one.find("…") != std::string::npos, "page " << page);
    BOOST_TEST(has(one, "Page " + std::to_string(page) + " sur " + std::to_string(n)));
    BOOST_TEST(one.size() < 20000u, "page " << page);  // cut, not the whole title
  }
  std::string all = squeezed(text_of(pdf));
  BOOST_TEST(count(all, "w") >= word.size());  // the word, all of it
}

BOOST_AUTO_TEST_CASE(render_limits_stop_a_layout) {
  RenderLimits few;
  few.pages = 3;
  std::string pages_hit = limit_message([&] {
    pdf::Layout doc(metadata(), "/usr/share/fonts/truetype/dejavu", few);
    for (int i = 0; i < 10; ++i) {
      doc.paragraph("Page " + std::to_string(i));
      doc.page_break();
    }
  });
  BOOST_TEST(pages_hit.find("le document dépasserait 3 pages") != std::string::npos, pages_hit);
  BOOST_TEST(pages_hit.find("the document would exceed 3 pages") != std::string::npos, pages_hit);

  RenderLimits little;
  little.text_bytes = 2000;
  std::string text_hit = limit_message([&] {
    pdf::Layout doc(metadata(), "/usr/share/fonts/truetype/dejavu", little);
    for (int i = 0; i < 100; ++i) doc.paragraph("Une ligne de texte assez ordinaire.");
  });
  BOOST_TEST(text_hit.find("le texte des pages dépasserait 2000 octets") != std::string::npos,
             text_hit);

  // The watermark is drawn on every page: what it costs counts on each.
  std::string watermark_hit = limit_message([&] {
    pdf::Layout doc(metadata(), "/usr/share/fonts/truetype/dejavu", little);
    doc.watermark(std::string(600, 'W'));
    for (int i = 0; i < 4; ++i) {
      doc.paragraph("Page.");
      doc.page_break();
    }
    doc.finish();
  });
  BOOST_TEST(
      watermark_hit.find("the text on the pages would exceed 2000 bytes") != std::string::npos,
      watermark_hit);

  // Within the limits, the same document is made.
  pdf::Layout doc(metadata(), "/usr/share/fonts/truetype/dejavu", few);
  doc.paragraph("Court.");
  BOOST_TEST(doc.finish().starts_with("%PDF-"));
}

BOOST_AUTO_TEST_CASE(a_document_at_the_page_limit) {
  // 3,000 pages, the default limit, are written (PoDoFo's CreatePage, which
  // walked and copied the page tree's /Kids for each page, took 9 s for
  // them); the 3,001st page is refused.
  Scratch s;
  pdf::Layout doc(metadata());
  for (int i = 1; i <= 3000; ++i) {
    if (i > 1) doc.page_break();
    doc.paragraph("Page " + std::to_string(i) + ".");
  }
  BOOST_TEST(doc.page_count() == 3000);
  std::string pdf = write(s, "limit.pdf", doc.finish());
  BOOST_TEST(run_shell("qpdf --check '" + pdf + "'").exit_code == 0);
  BOOST_TEST(pages(pdf) == 3000);
  BOOST_TEST(has(page_text(pdf, 3000), "Page 3000. Page 3000 sur 3000"));

  pdf::Layout over(metadata());
  for (int i = 1; i <= 3000; ++i) over.page_break(), over.paragraph("x");
  BOOST_CHECK_THROW(over.page_break(), RenderLimitExceeded);
}

BOOST_AUTO_TEST_SUITE_END()
