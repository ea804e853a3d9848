// Reading PDFs back in tests: scratch directories, pdftotext with no-break
// spaces folded, qpdf and pdffonts checks, the footer of every page.
#pragma once

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "clef/documents.h"
#include "support.h"

namespace clef::test {

// A scratch directory per test case, removed at the end.
struct Scratch {
  std::filesystem::path dir;
  Scratch();
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

std::string text_of(const std::string& pdf, const std::string& options = "");
std::string page_text(const std::string& pdf, int page, const std::string& options = "");
// pdftotext shows no-break spaces as plain ones; so do we when comparing.
std::string spaces(std::string s);
// Every run of white space as one space: a phrase is found whether the layout
// wrapped it or put a key-value pair on two lines.
std::string flat(const std::string& s);
bool has(const std::string& text, const std::string& words);
// Without the invisible bidi marks (LRM, RLM, U+202A–U+202E): pdftotext puts
// each right-to-left run it reverses back between RLE and PDF, and the
// layout ends such runs with an LRM. What is left reads in logical order.
std::string without_bidi_marks(std::string s);
// Without any white space: the watermark is drawn diagonally, so pdftotext
// -raw gives its letters one per line, in order.
std::string squeezed(const std::string& s);
size_t count(const std::string& text, const std::string& needle);
// The words appear, each after the previous one.
void in_order(const std::string& text, const std::vector<std::string>& words);
// qpdf --check passes; every font is embedded, subsetted DejaVu with Identity-H.
void valid_pdf(const std::string& pdf);
std::string pdfinfo(const std::string& pdf);
int pages(const std::string& pdf);
// The footer of every page: "Décision D-… · règles …" and "Page N sur M"
// (English: "Decision D-… · rules …", "Page N of M"). Returns the decision id.
std::string footer_on_every_page(const std::string& pdf, bool english = false);
// How many times the watermark is drawn on one page.
size_t watermarks(const std::string& pdf, int page, const std::string& words);
// A copy of a sample with one string replaced, written under the scratch dir.
std::string variant(const Scratch& s, const std::string& sample, const std::string& from,
                    const std::string& to, const std::string& name = "");

// The messages ("fr | en") of the RenderLimitExceeded that `f` throws, or a
// test failure.
template <class F>
std::string limit_message(F&& f) {
  try {
    f();
  } catch (const RenderLimitExceeded& e) {
    BOOST_TEST(e.code == "render_limit");
    BOOST_TEST(std::string(e.what()) == e.message_fr);
    return e.message_fr + " | " + e.message_en;
  }
  BOOST_FAIL("no RenderLimitExceeded");
  return "";
}

}  // namespace clef::test
