#include "bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <memory>

namespace clef::pdf {
namespace {

constexpr char32_t kLeftToRightMark = 0x200E, kRightToLeftMark = 0x200F;

bool strong_right_to_left(char32_t c) {
  UCharDirection d = u_charDirection(static_cast<UChar32>(c));
  return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

bool is_mark(UChar32 c) {
  return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

}  // namespace

bool needs_reordering(std::u32string_view line) {
  for (char32_t c : line) {
    if (c < 0x0590) continue;
    switch (u_charDirection(static_cast<UChar32>(c))) {
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC:
      case U_RIGHT_TO_LEFT_EMBEDDING:
      case U_RIGHT_TO_LEFT_OVERRIDE:
      case U_RIGHT_TO_LEFT_ISOLATE:
      case U_FIRST_STRONG_ISOLATE:
        return true;
      default:
        break;
    }
  }
  return false;
}

VisualLine visual_order(std::u32string_view line) {
  VisualLine out;
  auto as_is = [&] {
    out.glyphs.assign(line);
    out.text.assign(line);
    return out;
  };
  if (!needs_reordering(line)) return as_is();

  std::u16string logical;
  logical.reserve(line.size() + 16);
  for (char32_t c : line) {
    if (c < 0x10000) {
      logical += static_cast<char16_t>(c);
    } else {
      logical += static_cast<char16_t>(U16_LEAD(c));
      logical += static_cast<char16_t>(U16_TRAIL(c));
    }
  }
  if (logical.size() > static_cast<size_t>(INT32_MAX)) return as_is();
  const auto length = static_cast<int32_t>(logical.size());
  const UChar* p = reinterpret_cast<const UChar*>(logical.data());

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_openSized(length, 0, &status),
                                                      &ubidi_close);
  if (U_FAILURE(status)) return as_is();
  ubidi_setPara(bidi.get(), p, length, UBIDI_LTR, nullptr, &status);
  const int32_t runs = ubidi_countRuns(bidi.get(), &status);
  if (U_FAILURE(status)) return as_is();

  out.glyphs.reserve(line.size() + 2);
  out.text.reserve(line.size() + 2);
  auto put = [&](UChar32 c, UChar32 glyph) {
    if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) return;
    out.glyphs += static_cast<char32_t>(glyph);
    out.text += static_cast<char32_t>(c);
  };
  for (int32_t r = 0; r < runs; ++r) {
    int32_t start = 0, count = 0;
    const UBiDiDirection direction = ubidi_getVisualRun(bidi.get(), r, &start, &count);
    const int32_t end = start + count;
    if (direction == UBIDI_LTR) {
      for (int32_t i = start; i < end;) {
        UChar32 c;
        U16_NEXT(p, i, end, c);
        put(c, c);
      }
      continue;
    }
    // Right to left: clusters from the last, each a base character followed
    // by its combining marks, which are drawn after it.
    const size_t first = out.text.size();
    for (int32_t cluster_end = end; cluster_end > start;) {
      int32_t cluster = cluster_end;
      UChar32 c;
      do {
        U16_PREV(p, start, cluster, c);
      } while (cluster > start && is_mark(c));
      for (int32_t i = cluster; i < cluster_end;) {
        U16_NEXT(p, i, cluster_end, c);
        put(c, u_charMirror(c));
      }
      cluster_end = cluster;
    }
    // A run that starts (on the left) with a bracket or other neutral would
    // lose it to the left-to-right text before it: a right-to-left mark
    // opens it. Once per run, so a line of many runs stays linear.
    if (first < out.text.size() && !strong_right_to_left(out.text[first])) {
      out.glyphs.insert(first, 1, kRightToLeftMark);
      out.text.insert(first, 1, kRightToLeftMark);
    }
    if (r + 1 < runs) {
      int32_t next = 0, next_count = 0;
      ubidi_getVisualRun(bidi.get(), r + 1, &next, &next_count);
      if (ubidi_getLevelAt(bidi.get(), next) == 0) {
        out.glyphs += kLeftToRightMark;
        out.text += kLeftToRightMark;
      }
    }
  }
  return out;
}

}  // namespace clef::pdf
