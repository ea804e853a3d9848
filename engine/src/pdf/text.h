// Text for the PDF layout: UTF-8 to code points and back, and greedy line
// breaking against measured widths. No PoDoFo here: the width of a run comes
// from a callback, so the rules are testable on their own.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace clef::pdf {

// UTF-8 to code points, ready to lay out: invalid sequences and code points
// outside the BMP become U+FFFD (PoDoFo's Identity encoding maps one UTF-16
// unit to one glyph), a tab becomes a space, other control characters and the
// soft hyphen are dropped; '\n' is kept as a forced line break.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// Lines break at U+0020 only. U+00A0 and U+202F (as in "45 000,00 €") and the
// figure space U+2007 are part of the word around them and never break.
inline bool breaks_line(char32_t c) {
  return c == U' ';
}

// Width of a run of code points, in points, for the font and size in use.
using Measure = std::function<double(std::u32string_view)>;

// Splits `text` into lines no wider than `width`: greedy, breaking at spaces
// (a run of spaces is one break and disappears at the end of a line), with
// '\n' forcing a break. A word wider than the line is cut between characters,
// at least one character per line. Empty text gives one empty line.
std::vector<std::u32string> wrap(std::u32string_view text, double width, const Measure& measure);

}  // namespace clef::pdf
