// Byte-level concerns shared by both readers: UTF-8 validity and positions.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "../util/unicode.h"
#include "raw_tree.h"

namespace clef::detail {

TextFault find_text_fault(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  auto fault = [&](bool encoding, char32_t cp) { return TextFault{i, cp, encoding}; };
  while (i < n) {
    // Most of a mission is printable ASCII: skip it eight bytes at a time
    // while no byte has its high bit set or lies below 0x20.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      constexpr uint64_t kHigh = 0x8080808080808080ull, kSpace = 0x2020202020202020ull;
      if ((word | ((word - kSpace) & ~word)) & kHigh) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return fault(false, c);
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF)
      len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
      len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
      len = 4, cp = c & 0x07;
    else
      return fault(true, c);
    if (i + len > n) return fault(true, c);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return fault(true, c);
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlongs, surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return fault(true, c);
    if (!is_text_char(cp)) return fault(false, cp);  // U+FFFE, U+FFFF
    i += len;
  }
  return {};
}

CharReference find_bad_char_reference(std::string_view text) {
  auto skip_past = [&](size_t from, std::string_view end) {
    size_t at = text.find(end, from);
    return at == std::string_view::npos ? text.size() : at + end.size();
  };
  size_t i = 0;
  while ((i = text.find_first_of("<&", i)) != std::string_view::npos) {
    std::string_view rest = text.substr(i);
    if (rest.starts_with("<!--")) {
      i = skip_past(i + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      i = skip_past(i + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      i = skip_past(i + 2, "?>");
    } else if (rest.starts_with("&#")) {
      const bool hex = rest.size() > 2 && rest[2] == 'x';
      size_t k = hex ? 3 : 2;
      uint32_t value = 0;
      size_t digits = 0;
      for (; k < rest.size(); ++k, ++digits) {
        char c = rest[k];
        int d = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (d < 0) break;
        // Saturate: anything past U+10FFFF is refused the same way.
        value = std::min<uint32_t>(value * (hex ? 16 : 10) + static_cast<uint32_t>(d), 0x110000);
      }
      if (digits > 0 && k < rest.size() && rest[k] == ';' && !is_text_char(value))
        return {i, rest.substr(0, std::min<size_t>(k + 1, 24)), value};
      i += 2;
    } else {
      ++i;
    }
  }
  return {};
}

LineTable::LineTable(std::string_view text) : text_(text) {}

SourcePosition LineTable::position(uint32_t offset) const {
  // Built on the first error only: a valid input never pays for it.
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  uint32_t column = 1;
  for (uint32_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<uint32_t>(line), column};
}

InputError make_error(std::string code, std::string_view file, SourcePosition pos,
                      std::string pointer, std::string fr, std::string en) {
  return InputError{std::move(code),    std::string(file), pos,
                    std::move(pointer), std::move(fr),     std::move(en)};
}

InputError char_error(std::string_view file, const LineTable& lines, size_t offset,
                      std::string_view written, char32_t code_point) {
  std::string how_fr, how_en;
  if (!written.empty()) {
    how_fr = " écrit « " + std::string(written) + " »";
    how_en = " written '" + std::string(written) + "'";
  }
  return make_error("invalid_char", file, lines.position(static_cast<uint32_t>(offset)), "",
                    "caractère interdit" + how_fr + " : " + char_fault(code_point, true) +
                        " (attendu : un caractère de texte)",
                    "character not allowed" + how_en + ": " + char_fault(code_point, false) +
                        " (expected a text character)");
}

}  // namespace clef::detail
