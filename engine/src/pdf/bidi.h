// Right-to-left text in clef's left-to-right documents: Hebrew and Arabic
// names and words amid French or English. A PDF draws glyphs left to right
// in the order given, so each line goes from logical order (as typed, as
// wrapped) to visual order (as seen) just before it is drawn.
#pragma once

#include <string>
#include <string_view>

namespace clef::pdf {

// Whether `line` holds a character that the bidirectional algorithm may
// move: a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko…) or a
// right-to-left embedding, override or isolate control. Cheap: characters
// below U+0590 are never looked up.
bool needs_reordering(std::u32string_view line);

// A line as drawn, left to right: at position i, the glyph of glyphs[i] is
// drawn for the character text[i]. They differ only for a character
// mirrored in right-to-left text ("(" drawn with the glyph of ")"), so that
// the text copied out of the PDF says what was written.
struct VisualLine {
  std::u32string glyphs, text;
};

// `line` (logical order, one line: no '\n') in visual order: the Unicode
// Bidirectional Algorithm (ICU's ubidi) with a left-to-right paragraph
// level, since the documents are French or English. Right-to-left runs are
// reversed, brackets and other mirrored characters inside them mirrored,
// combining marks kept after their base; the bidi controls of the input
// (LRM, RLM, embeddings, isolates) are dropped. Arabic letters keep their
// nominal forms: no contextual shaping.
//
// Text extraction reads a line in visual order and reverses what it takes
// for right-to-left runs: poppler runs each from a right-to-left letter to
// the next left-to-right letter or digit, taking in the spaces and
// punctuation that follow it, and leaving to the left-to-right text a
// bracket that starts it. So a left-to-right mark (U+200E, an empty glyph)
// ends every right-to-left run that left-to-right text follows, and a
// right-to-left mark (U+200F) starts a run whose first character drawn is
// not a right-to-left letter: "דוד כהן (Israël)" and "דוד (לוי) et" copy out
// as written. (Digits inside a right-to-left run still come out of poppler
// out of order; its reordering is that simple.)
VisualLine visual_order(std::u32string_view line);

}  // namespace clef::pdf
