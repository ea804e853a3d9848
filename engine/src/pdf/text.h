// Text for the PDF layout: UTF-8 to code points and back, widths of runs
// from prefix sums, and greedy line breaking. No PoDoFo here: the advance
// width of a character comes from a callback, so the rules are testable on
// their own.
//
// Every function here costs O(n log n) at most in the length of its text:
// documents carry names and titles of any length (a hostile 1 MB title must
// cost a second, not an hour).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clef::pdf {

// UTF-8 to code points, ready to lay out: invalid sequences (truncated,
// overlong, a surrogate, above U+10FFFF) become U+FFFD, a tab becomes a
// space, other control characters (C0, DEL, C1) and the soft hyphen are
// dropped; '\n' is kept as a forced line break. Characters above U+FFFF are
// kept: the fonts give each character its own code, whatever its plane.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// `text` as valid UTF-8 for a PDF text string (the document information
// dictionary): what decode_utf8 keeps, with line breaks as spaces. Never
// holds NUL, a control character, a surrogate or an invalid sequence.
std::string clean_utf8(std::string_view text);

// `s` with every `from` replaced by `to`, in one pass (linear, whatever the
// number of matches). An empty `from` leaves `s` as it is.
std::string replace_all(std::string_view s, std::string_view from, std::string_view to);

// Lines break at U+0020 only. U+00A0 and U+202F (as in "45 000,00 €") and the
// figure space U+2007 are part of the word around them and never break.
inline bool breaks_line(char32_t c) {
  return c == U' ';
}

// The widths of the runs of a text, from prefix sums of its characters'
// advance widths: any run in O(1), the longest run that fits a width in
// O(log n). Widths are additive (the fonts are drawn without kerning).
class Widths {
 public:
  // `advance(c)`: the advance width of c, in points; negative or NaN counts as 0.
  template <class Advance>
  Widths(std::u32string_view text, Advance&& advance) {
    sum_.reserve(text.size() + 1);
    sum_.push_back(0);
    for (char32_t c : text) {
      double w = advance(c);
      sum_.push_back(sum_.back() + (std::isfinite(w) && w > 0 ? w : 0));
    }
  }
  size_t size() const { return sum_.size() - 1; }
  // Width of characters [from, to).
  double of(size_t from, size_t to) const { return sum_[to] - sum_[from]; }
  // The most characters from `from`, up to `to`, whose width is at most `width`.
  size_t fitting(size_t from, size_t to, double width) const {
    auto first = sum_.begin() + static_cast<std::ptrdiff_t>(from) + 1;
    auto last = sum_.begin() + static_cast<std::ptrdiff_t>(to) + 1;
    return static_cast<size_t>(std::upper_bound(first, last, sum_[from] + width) - first);
  }

 private:
  std::vector<double> sum_;  // sum_[i]: width of the first i characters
};

// Splits `text` into lines no wider than `width`: greedy, breaking at spaces
// (a run of spaces is one break and disappears at the end of a line), with
// '\n' forcing a break. A word wider than the line is cut between characters,
// at least one character per line. Empty text gives one empty line.
// `widths` are those of `text`; `space` is the width of U+0020.
std::vector<std::u32string> wrap(std::u32string_view text, double width, const Widths& widths,
                                 double space);

template <class Advance>
std::vector<std::u32string> wrap(std::u32string_view text, double width, Advance&& advance) {
  return wrap(text, width, Widths(text, advance), advance(U' '));
}

}  // namespace clef::pdf
