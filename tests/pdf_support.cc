#include "pdf_support.h"

#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <regex>

namespace clef::test {
namespace fs = std::filesystem;

Scratch::Scratch() {
  static int counter = 0;
  dir = fs::temp_directory_path() /
        ("clef-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
}

Scratch::~Scratch() {
  fs::remove_all(dir);
}

std::string text_of(const std::string& pdf, const std::string& options) {
  Run r = run_shell("pdftotext -enc UTF-8 " + options + " '" + pdf + "' -");
  BOOST_REQUIRE_EQUAL(r.exit_code, 0);
  return r.out;
}

std::string page_text(const std::string& pdf, int page, const std::string& options) {
  return text_of(pdf, options + " -f " + std::to_string(page) + " -l " + std::to_string(page));
}

// pdftotext shows no-break spaces as plain ones; so do we when comparing.
std::string spaces(std::string s) {
  for (const std::string nb : {"\u202F", "\u00A0"})
    for (size_t at; (at = s.find(nb)) != std::string::npos;) s.replace(at, nb.size(), " ");
  return s;
}

// Every run of white space as one space: a phrase is found whether the layout
// wrapped it or put a key-value pair on two lines.
std::string flat(const std::string& s) {
  std::string out;
  for (char c : spaces(s)) {
    bool white = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (white) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string without_bidi_marks(std::string s) {
  for (const std::string mark :
       {"\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E"})
    s = std::regex_replace(s, std::regex(mark), "");
  return s;
}

bool has(const std::string& text, const std::string& words) {
  return flat(text).find(flat(words)) != std::string::npos;
}

// Without any white space: the watermark is drawn diagonally, so pdftotext
// -raw gives its letters one per line, in order.
std::string squeezed(const std::string& s) {
  std::string out;
  for (char c : spaces(s))
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out += c;
  return out;
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The words appear, each after the previous one.
void in_order(const std::string& text, const std::vector<std::string>& words) {
  std::string f = flat(text);
  size_t from = 0;
  for (auto& w : words) {
    size_t at = f.find(flat(w), from);
    BOOST_TEST(at != std::string::npos, "'" << w << "' missing or out of order");
    if (at != std::string::npos) from = at + 1;
  }
}

void valid_pdf(const std::string& pdf) {
  Run q = run_shell("qpdf --check '" + pdf + "'");
  BOOST_TEST(q.exit_code == 0, q.out + q.err);
  Run fonts = run_shell("pdffonts '" + pdf + "'");
  std::regex subset(
      R"([A-Z]{6}\+DejaVuSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)");
  BOOST_TEST(std::regex_search(fonts.out, subset), fonts.out);
  BOOST_TEST(fonts.out.find(" no ") == std::string::npos, fonts.out);
}

std::string pdfinfo(const std::string& pdf) {
  return run_shell("pdfinfo '" + pdf + "'").out;
}

int pages(const std::string& pdf) {
  std::smatch m;
  std::string info = pdfinfo(pdf);
  return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
}

// The footer of every page: "Décision D-… · règles …" and "Page N sur M"
// (English: "Decision D-… · rules …", "Page N of M"). Returns the decision id.
std::string footer_on_every_page(const std::string& pdf, bool english) {
  std::string text = text_of(pdf);
  std::smatch m;
  std::regex footer(english ? R"(Decision (D-[0-9a-f]{20}) · rules (\S+))"
                            : R"(Décision (D-[0-9a-f]{20}) · règles (\S+))");
  BOOST_REQUIRE_MESSAGE(std::regex_search(text, m, footer), text);
  std::string id = m[1].str(), revision = m[2].str();
  int n = pages(pdf);
  BOOST_TEST(n >= 1);
  for (int page = 1; page <= n; ++page) {
    std::string one = page_text(pdf, page);
    std::string expected = (english ? "Decision " : "Décision ") + id +
                           (english ? " · rules " : " · règles ") + revision;
    BOOST_TEST(has(one, expected), "page " << page);
    BOOST_TEST(
        has(one, "Page " + std::to_string(page) + (english ? " of " : " sur ") + std::to_string(n)),
        "page " << page);
  }
  return id;
}

// How many times the watermark is drawn on one page.
size_t watermarks(const std::string& pdf, int page, const std::string& words) {
  return count(squeezed(page_text(pdf, page, "-raw")), squeezed(words));
}

// A copy of a sample with one string replaced, written under the scratch dir.
std::string variant(const Scratch& s, const std::string& sample, const std::string& from,
                    const std::string& to, const std::string& name) {
  std::string text = read_text(source_path(sample));
  size_t at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, sample << " has no '" << from << "'");
  text.replace(at, from.size(), to);
  std::string path = s / (name.empty() ? fs::path(sample).filename().string() : name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace clef::test
