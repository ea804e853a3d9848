#include "unicode.h"

#include "clef/render.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace clef {

std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string char_fault(char32_t c, bool fr) {
  if (is_text_char(c)) return {};
  const std::string name = code_point_name(c);
  if (c < 0x20)
    return fr ? "caractère de contrôle " + name + " (interdit dans un texte)"
              : "control character " + name + " (not allowed in text)";
  if (c >= 0xD800 && c < 0xE000)
    return fr ? name + ", moitié isolée d'une paire de substitution UTF-16 (pas un caractère)"
              : name + ", a lone half of a UTF-16 surrogate pair (not a character)";
  if (c == 0xFFFE || c == 0xFFFF)
    return fr ? name + ", non-caractère Unicode" : name + ", a Unicode noncharacter";
  return fr ? name + ", au-delà du dernier caractère Unicode (U+10FFFF)"
            : name + ", beyond the last Unicode character (U+10FFFF)";
}

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Back up over continuation bytes to the start of the cut sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

namespace {

// Decodes one well-formed UTF-8 sequence at s[i]; returns its length, or 0
// when the bytes there are not one (then `cp` is the byte).
size_t decode_one(std::string_view s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = b(i);
  cp = b0;
  if (b0 < 0x80) return 1;
  size_t len = b0 >= 0xC2 && b0 <= 0xDF   ? 2
               : b0 >= 0xE0 && b0 <= 0xEF ? 3
               : b0 >= 0xF0 && b0 <= 0xF4 ? 4
                                          : 0;
  if (len == 0 || i + len > s.size()) return 0;
  char32_t v = b0 & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return 0;
  cp = v;
  return len;
}

bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string terminal_safe(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  char buf[16];
  for (size_t i = 0; i < text.size();) {
    char32_t c;
    size_t len = decode_one(text, i, c);
    if (len == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      out += buf;
      ++i;
      continue;
    }
    if (c == '\n' || c == '\t' || c == 0x2028 || c == 0x2029) {
      out += one_line || c != '\n' ? ' ' : '\n';
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      out += buf;
    } else if ((c >= 0x80 && c < 0xA0) || is_bidi_control(c)) {
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Code points below U+0300 are all NFC_QC=Yes (the first that is not is
// U+0300 COMBINING GRAVE ACCENT), and so are U+2002–U+206F (only U+2000 and
// U+2001 in General Punctuation have canonical decompositions) and the euro
// sign: French text with ’ « » – … € is already NFC without asking ICU.
// value_test checks this claim against ICU code point by code point.
bool nfc_stable(uint32_t cp) {
  return cp < 0x300 || (cp >= 0x2002 && cp <= 0x206F) || cp == 0x20AC;
}

namespace {

bool only_nfc_stable(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !nfc_stable(static_cast<uint32_t>(c))) return false;
  }
  return true;
}

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC unavailable");
    return n;
  }();
  return *instance;
}

// The fold of one code point, computed with ICU: decompose, drop the marks,
// fold the case. Cached for the Latin blocks, where almost all our text lives.
std::string fold_code_point(UChar32 c) {
  switch (c) {
    case 0x0152:
    case 0x0153:
      return "oe";  // Œ œ
    case 0x00C6:
    case 0x00E6:
      return "ae";  // Æ æ
    case 0x2019:
    case 0x2018:
    case 0x02BC:
      return "'";
    case 0x2010:
    case 0x2011:
    case 0x2013:
    case 0x2014:
      return "-";
    case 0x00A0:
    case 0x202F:
      return " ";
    default:
      break;
  }
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_FAILURE(status) || !nfd->getDecomposition(c, decomposed))
    decomposed = icu::UnicodeString(c);
  std::string out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
    icu::UnicodeString folded(d);
    folded.foldCase();
    std::string utf8;
    folded.toUTF8String(utf8);
    out += utf8;
  }
  return out;
}

// General Punctuation (’ – — … « » live here or in Latin-1), folded once.
const std::array<std::string, 0x70>& punctuation_table() {
  static const auto table = [] {
    std::array<std::string, 0x70> t;
    for (UChar32 c = 0; c < 0x70; ++c) t[c] = fold_code_point(0x2000 + c);
    return t;
  }();
  return table;
}

const std::array<std::string, 0x250>& latin_table() {
  static const auto table = [] {
    std::array<std::string, 0x250> t;
    for (UChar32 c = 0; c < 0x250; ++c) t[c] = fold_code_point(c);
    return t;
  }();
  return table;
}

}  // namespace

std::string to_nfc(std::string_view text) {
  if (only_nfc_stable(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc().normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

std::string fold_for_matching(std::string_view text, std::vector<uint32_t>* map) {
  std::string out;
  fold_into(out, text, map);
  return out;
}

void fold_into(std::string& out, std::string_view text, std::vector<uint32_t>* map) {
  const auto& table = latin_table();
  // Written by index into a buffer sized for the common case; a fold longer
  // than its source (rare) grows the buffer first.
  if (out.size() < text.size() + 16) out.resize(text.size() + 16);
  size_t w = 0;
  auto reserve = [&](size_t more) {
    if (w + more > out.size()) out.resize((w + more) * 2);
  };
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  if (map) map->clear();
  while (i < n) {
    const auto from = static_cast<uint32_t>(i);
    if (!map && s[i] < 0x80) {
      int32_t run = i;
      while (run < n && s[run] < 0x80) ++run;
      reserve(static_cast<size_t>(run - i));
      char* dst = out.data() + w;  // one pointer for the run, so the loop vectorises
      for (int32_t k = i; k < run; ++k) {
        auto c = s[k];
        dst[k - i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      w += static_cast<size_t>(run - i);
      i = run;
      continue;
    }
    if (s[i] < 0x80) {
      reserve(1);
      char c = static_cast<char>(s[i++]);
      out[w++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    } else {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) continue;  // input is validated on read; be safe anyway
      std::string slow;
      const std::string& folded = c < 0x250                     ? table[c]
                                  : (c >= 0x2000 && c < 0x2070) ? punctuation_table()[c - 0x2000]
                                                                : (slow = fold_code_point(c));
      reserve(folded.size());
      std::memcpy(out.data() + w, folded.data(), folded.size());
      w += folded.size();
    }
    if (map) map->resize(w, from);
  }
  out.resize(w);
}

}  // namespace clef
