// The PDF side of the layout, behind a pimpl: the fonts (font.h) and their
// widths, the content streams written from drawing operations, and PoDoFo's
// object writer, giving a deterministic PDF. Layout decides where things go;
// Canvas only draws them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clef::pdf {

// A PDF that cannot be produced: a font missing or unreadable, PoDoFo failing.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Rgb {
  double r = 0, g = 0, b = 0;  // each in [0, 1]
  bool operator==(const Rgb&) const = default;
};

enum class FontId : uint8_t { regular, bold };

// Points, origin at the bottom left of the page (PDF user space).
struct TextOp {
  double x = 0, y = 0;  // start of the baseline
  FontId font = FontId::regular;
  double size = 10;
  Rgb colour;
  std::string text;    // UTF-8, logical order (right-to-left runs are reordered when drawn)
  double angle = 0;    // degrees, counter-clockwise around (x, y)
  double opacity = 1;  // below 1 through an ExtGState (the watermark)
};

struct RectOp {
  double x = 0, y = 0, w = 0, h = 0;  // (x, y) is the bottom left corner
  std::optional<Rgb> fill;
  std::optional<Rgb> stroke;
  double line_width = 0.5;
  double radius = 0;
};

struct LineOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Rgb colour;
  double line_width = 0.5;
};

using Op = std::variant<TextOp, RectOp, LineOp>;

// Any bytes: write() cleans them (text.h, clean_utf8) before PoDoFo sees them.
struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::string date;  // PDF date string, "D:20261123000000Z"
};

class Canvas {
 public:
  // Uses DejaVuSans.ttf and DejaVuSans-Bold.ttf from `font_dir` (read once
  // per thread), embedded as subsetted CID fonts with Identity-H encoding.
  // Throws Error when they cannot be read.
  explicit Canvas(const std::string& font_dir);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  double width(FontId font, std::u32string_view text, double size) const;
  double advance(FontId font, char32_t c) const;  // of one character, in ems
  double ascent(FontId font) const;               // above the baseline, per point of size
  double descent(FontId font) const;  // below the baseline (positive), per point of size

  // Paints the A4 pages in order and returns the PDF bytes. Same pages and
  // info, same bytes. Call once. Throws Error.
  std::string write(const std::vector<std::vector<Op>>& pages, const DocumentInfo& info);
  // Once written: the characters drawn with no glyph in their font (drawn as
  // .notdef), each once, in the order they were first drawn.
  const std::vector<char32_t>& missing_glyphs() const;

  static constexpr double kPageWidth = 595;  // A4 as PoDoFo rounds it, points
  static constexpr double kPageHeight = 842;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clef::pdf
