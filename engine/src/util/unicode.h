// Unicode services built on ICU: NFC normalisation on read, and the
// accent- and case-insensitive folding used to match lexicons and names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clef {

// The characters text may hold, whatever syntax it came in: XML 1.0's Char
// production (tab, line feed, carriage return, then U+0020 and up, without
// the surrogates, U+FFFE and U+FFFF). JSON applies the same rule, so that a
// document says the same thing in both syntaxes.
constexpr bool is_text_char(char32_t c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  if (c < 0xD800) return true;
  if (c < 0xE000) return false;
  if (c < 0x10000) return c != 0xFFFE && c != 0xFFFF;
  return c <= 0x10FFFF;
}

// Why `c` is not a text character, in words ("caractère de contrôle U+001B",
// "U+DC00, moitié isolée d'une paire de substitution"); empty if it is one.
std::string char_fault(char32_t c, bool french);

// "U+00E9", "U+1F600".
std::string code_point_name(char32_t c);

// The longest prefix of `text` of at most `max_bytes` bytes that does not cut
// a UTF-8 sequence in two.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

// Whether NFC leaves this code point unchanged in any context (the fast path of to_nfc).
bool nfc_stable(uint32_t code_point);

// Returns `text` in NFC. ASCII text is returned as is without calling ICU.
std::string to_nfc(std::string_view text);

// Folds for matching: NFD, combining marks removed, case folded, ligatures
// œ/æ spelled out, apostrophes and dashes unified. "Œuvre Élèves" -> "oeuvre eleves".
// The fold of Latin text keeps byte offsets roughly aligned with words, which
// is all the matcher needs.
// With `map`, map[i] is the byte offset in `text` that folded byte i comes from.
std::string fold_for_matching(std::string_view text, std::vector<uint32_t>* map = nullptr);
// The same into `out` (replaced), reusing its storage.
void fold_into(std::string& out, std::string_view text, std::vector<uint32_t>* map = nullptr);

}  // namespace clef
