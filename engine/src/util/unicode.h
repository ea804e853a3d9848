// Unicode services built on ICU: NFC normalisation on read, and the
// accent- and case-insensitive folding used to match lexicons and names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clef {

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
