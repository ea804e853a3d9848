// The text layer of the PDF layout (pdf/text.h), on its own: UTF-8 decoding
// and cleaning, widths from prefix sums, line breaking — its results against
// a plain reference, and its cost counted in characters measured, so that a
// return to quadratic measuring fails here without any timing.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "pdf/text.h"

using namespace clef;

namespace {

// The line breaking rules written the plain way, re-measuring as it goes
// (quadratic on a long word): what wrap must agree with.
std::vector<std::u32string> reference_wrap(std::u32string_view text, double width,
                                           double (*advance)(char32_t)) {
  constexpr double kSlack = 1e-6;
  auto measure = [&](std::u32string_view t) {
    double w = 0;
    for (char32_t c : t) w += advance(c);
    return w;
  };
  std::vector<std::u32string> lines;
  const double space = advance(U' ');
  size_t start = 0;
  while (true) {
    size_t end = text.find(U'\n', start);
    std::u32string_view para = text.substr(start, end == text.npos ? text.npos : end - start);
    std::u32string line;
    double line_width = 0;
    bool started = false;
    size_t i = 0;
    while (i < para.size()) {
      if (para[i] == U' ') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < para.size() && para[j] != U' ') ++j;
      std::u32string_view word = para.substr(i, j - i);
      i = j;
      double w = measure(word);
      if (started && line_width + space + w <= width + kSlack) {
        line += U' ';
        line += word;
        line_width += space + w;
        continue;
      }
      if (started) lines.push_back(std::move(line));
      while (w > width + kSlack && word.size() > 1) {
        size_t n = 1;
        while (n < word.size() && measure(word.substr(0, n + 1)) <= width + kSlack) ++n;
        lines.emplace_back(word.substr(0, n));
        word.remove_prefix(n);
        w = measure(word);
      }
      line.assign(word);
      line_width = w;
      started = true;
    }
    lines.push_back(std::move(line));
    if (end == text.npos) break;
    start = end + 1;
  }
  return lines;
}

// Widths in quarter units, exact in binary: sums never round.
double quarters(char32_t c) {
  return c == U' ' ? 1.0 : 0.25 * static_cast<double>(1 + c % 8);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_text_test)

BOOST_AUTO_TEST_CASE(widths_are_prefix_sums) {
  auto advance = [](char32_t c) {
    if (c == U'i') return 0.5;
    if (c == U'-') return -3.0;  // counts as 0
    if (c == U'?') return std::nan("");
    return 1.0;
  };
  const std::u32string text = U"mimi-?m";
  pdf::Widths w(text, advance);
  BOOST_TEST(w.size() == 7u);
  BOOST_TEST(w.of(0, 4) == 3.0);
  BOOST_TEST(w.of(1, 3) == 1.5);
  BOOST_TEST(w.of(4, 6) == 0.0);
  BOOST_TEST(w.of(0, 7) == 4.0);
  BOOST_TEST(w.fitting(0, 7, 2.5) == 3u);  // "mim"
  BOOST_TEST(w.fitting(0, 7, 2.4) == 2u);
  BOOST_TEST(w.fitting(1, 7, 0.4) == 0u);
  BOOST_TEST(w.fitting(3, 7, 0.5) == 3u);  // "i-?": the zero widths fit
  BOOST_TEST(w.fitting(0, 3, 100) == 3u);  // never past `to`
  BOOST_TEST(w.fitting(7, 7, 100) == 0u);
}

BOOST_AUTO_TEST_CASE(wrap_agrees_with_the_plain_rules) {
  std::mt19937 random(20261123);
  const std::u32string alphabet = U"abcdefgh    \n\u00A0\u202Féŵ";
  for (int round = 0; round < 400; ++round) {
    std::u32string text;
    size_t length = random() % 120;
    for (size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    if (round % 10 == 0) text += std::u32string(random() % 300, U'x');  // a long word
    double width = 0.25 * static_cast<double>(random() % 80);
    BOOST_TEST((pdf::wrap(text, width, quarters) == reference_wrap(text, width, quarters)),
               "round " << round << ", width " << width);
  }
}

BOOST_AUTO_TEST_CASE(wrapping_measures_each_character_once) {
  // A 200,000-character word on lines of 10 characters: each character's
  // advance is asked once (and the space's once more), however many lines
  // the word is cut into. The quadratic way asked 2 billion times.
  size_t asked = 0;
  auto counted = [&](char32_t) {
    ++asked;
    return 1.0;
  };
  const std::u32string word(200000, U'x');
  auto lines = pdf::wrap(word, 10, counted);
  BOOST_TEST(lines.size() == 20000u);
  BOOST_TEST((lines.back() == std::u32string(10, U'x')));
  BOOST_TEST(asked == word.size() + 1);

  asked = 0;
  std::u32string words;
  for (int i = 0; i < 50000; ++i) words += U"abc ";
  pdf::wrap(words, 30, counted);
  BOOST_TEST(asked == words.size() + 1);
}

BOOST_AUTO_TEST_CASE(clean_utf8_is_safe_for_pdf_strings) {
  using pdf::clean_utf8;
  BOOST_TEST(clean_utf8("Nguyễn Thị") == "Nguyễn Thị");
  BOOST_TEST(clean_utf8(std::string("a\0b", 3)) == "ab");                    // NUL dropped
  BOOST_TEST(clean_utf8("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD");            // an encoded surrogate
  BOOST_TEST(clean_utf8("\xF4\x90\x80\x80") == "\uFFFD\uFFFD\uFFFD\uFFFD");  // above U+10FFFF
  BOOST_TEST(clean_utf8("\xF8\x88\x80\x80\x80") == "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");  // 5 bytes
  BOOST_TEST(clean_utf8("un\ndeux\ttrois\r\x1B\x7F\xC2\x85") == "un deux trois");
  BOOST_TEST(clean_utf8("\xF0\xA0\x80\x80") == "\U00020000");      // above the BMP: kept
  BOOST_TEST(clean_utf8("\xF0\xA0\x80") == "\uFFFD\uFFFD\uFFFD");  // truncated at the end
  // Whatever the bytes, the result decodes to itself: valid UTF-8.
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::string bytes;
    for (size_t i = random() % 64; i > 0; --i) bytes += static_cast<char>(random() % 256);
    std::string clean = clean_utf8(bytes);
    BOOST_TEST(pdf::encode_utf8(pdf::decode_utf8(clean)) == clean);
    BOOST_TEST(clean.find('\0') == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(replace_all_is_one_pass) {
  using pdf::replace_all;
  BOOST_TEST(replace_all("Page {n} sur {m}", "{n}", "3") == "Page 3 sur {m}");
  BOOST_TEST(replace_all("aaa", "a", "aa") == "aaaaaa");  // what is put in is not searched again
  BOOST_TEST(replace_all("abc", "", "x") == "abc");
  BOOST_TEST(replace_all("", "a", "b") == "");
  std::string many(300000, ' ');
  BOOST_TEST(replace_all(many, " ", "\u00A0").size() == 600000u);
}

BOOST_AUTO_TEST_SUITE_END()
