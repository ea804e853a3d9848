#include "text.h"

#include <algorithm>

namespace clef::pdf {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
// Widths are sums of doubles; a line that fits exactly must not wrap on rounding.
constexpr double kSlack = 1e-6;

// Decodes the UTF-8 sequence at s[i] and moves i past it; returns U+FFFD and consumes one byte when
// the sequence is invalid (truncated, overlong, a surrogate, above U+10FFFF).
char32_t next_code_point(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
  if (extra < 0 || b0 > 0xF4 || i + extra >= s.size()) {
    ++i;
    return kReplacement;
  }
  char32_t cp = b0 & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += extra + 1;
  return cp;
}

// Lines of text[begin, end), a paragraph without '\n'. Each word is measured
// once, from the prefix sums; a word cut across lines costs a binary search
// per line, never a new measure of what remains.
void wrap_paragraph(std::u32string_view text, size_t begin, size_t end, const Widths& widths,
                    double width, double space, std::vector<std::u32string>& lines) {
  std::u32string line;
  double line_width = 0;
  bool started = false;
  size_t i = begin;
  while (i < end) {
    if (breaks_line(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && !breaks_line(text[j])) ++j;
    double w = widths.of(i, j);
    if (started && line_width + space + w <= width + kSlack) {
      line += U' ';
      line.append(text.substr(i, j - i));
      line_width += space + w;
      i = j;
      continue;
    }
    if (started) lines.push_back(std::move(line));
    // The word starts a line; cut it while it is wider than the line.
    while (w > width + kSlack && j - i > 1) {
      size_t n = std::max<size_t>(1, widths.fitting(i, j, width + kSlack));
      lines.emplace_back(text.substr(i, n));
      i += n;
      w = widths.of(i, j);
    }
    line.assign(text.substr(i, j - i));
    line_width = w;
    started = true;
    i = j;
  }
  lines.push_back(std::move(line));
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = next_code_point(text, i);
    if (cp == U'\t') cp = U' ';
    if (cp == U'\r' || cp == 0xAD || (cp < 0x20 && cp != U'\n') || (cp >= 0x7F && cp < 0xA0))
      continue;
    out += cp;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::string clean_utf8(std::string_view text) {
  std::u32string cps = decode_utf8(text);
  std::replace(cps.begin(), cps.end(), U'\n', U' ');
  return encode_utf8(cps);
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  if (from.empty()) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t start = 0;
  for (size_t at = s.find(from); at != std::string_view::npos; at = s.find(from, start)) {
    out.append(s.substr(start, at - start));
    out.append(to);
    start = at + from.size();
  }
  out.append(s.substr(start));
  return out;
}

std::vector<std::u32string> wrap(std::u32string_view text, double width, const Widths& widths,
                                 double space) {
  std::vector<std::u32string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find(U'\n', start);
    if (end == std::u32string_view::npos) end = text.size();
    wrap_paragraph(text, start, end, widths, width, space, lines);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace clef::pdf
