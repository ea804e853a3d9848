// The page layout under clef's PDF documents (conformity report, terms of
// reference, contracts): A4 portrait pages with a header line (the document
// title) and a footer ("Décision D-… · règles …" left, "Page N sur M" right),
// filled top to bottom by blocks that wrap and split across pages.
//
// Text is UTF-8, assumed NFC, drawn with DejaVu Sans embedded as a subsetted
// CID font (Identity-H), so Vietnamese names keep every accent and copy out of
// the PDF as they went in. Lines break at ASCII spaces only: "45 000,00 €"
// written with U+202F / U+00A0 (as format_money writes it) stays on one line.
// Same calls, same bytes: no clock, no random, no file name in the output.
// Hebrew and Arabic are drawn right to left within their lines (the Canvas
// reorders each line, which the layout wraps in logical order).
//
// Any bytes are safe: invalid UTF-8 draws U+FFFD, control characters are
// dropped (text.h). A document that outgrows its RenderLimits (pages, text
// drawn) throws RenderLimitExceeded while it is laid out.
//
// Internal to the engine. PoDoFo stays behind the pimpl.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clef/documents.h"  // RenderLimits, RenderLimitExceeded
#include "clef/value.h"
#include "pdf/canvas.h"  // Rgb, Error; no PoDoFo

namespace clef::pdf {

struct Metadata {
  std::string title;  // /Title, and the header line of every page
  std::string author;
  std::string subject;
  std::string keywords;
  Date created;        // /CreationDate and /ModDate, at 00:00:00Z
  std::string footer;  // left of every footer
  // Right of every footer; {n} is the page number, {m} the page count.
  std::string page_label = "Page {n} sur {m}";
};

enum class Style : uint8_t {
  body,    // 10 pt
  strong,  // 10 pt bold
  small,   // 8.5 pt
  muted,   // 8.5 pt grey
};

enum class Align : uint8_t { left, center, right };

struct Column {
  std::string title;
  double weight = 1;  // share of the table's width, relative to the other columns
  Align align = Align::left;
};

namespace colour {
inline constexpr Rgb green{0.13, 0.55, 0.25};
inline constexpr Rgb orange{0.85, 0.45, 0.05};
inline constexpr Rgb red{0.75, 0.12, 0.12};
inline constexpr Rgb blue{0.15, 0.35, 0.65};
inline constexpr Rgb grey{0.45, 0.45, 0.45};
}  // namespace colour

class Layout {
 public:
  // Throws Error when the fonts cannot be loaded from `font_dir`. Every
  // block and finish() throw RenderLimitExceeded past `limits`.
  explicit Layout(const Metadata& metadata,
                  const std::string& font_dir = "/usr/share/fonts/truetype/dejavu",
                  const RenderLimits& limits = {});
  ~Layout();
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

  // Blocks, placed one below the other; each starts a new page when it does
  // not fit. Calling one after finish() throws std::logic_error.
  // Level 1..3, kept with what follows: with three lines of body text, or with
  // `keep_mm` millimetres when more must stay together (a signature block).
  void heading(std::string_view text, int level = 1, double keep_mm = 0);
  void paragraph(std::string_view text, Style style = Style::body);  // '\n' breaks the line
  void bullets(const std::vector<std::string>& items, Style style = Style::body);
  // Label column (bold, 30 % of the width) and value column, both wrapped.
  void key_values(const std::vector<std::pair<std::string, std::string>>& pairs);
  // A grid; rows wrap their cells; the header row repeats on every page the table reaches.
  void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows);
  // A framed, lightly filled box: a bold title in `colour`, then one paragraph per line.
  void box(std::string_view title, const std::vector<std::string>& lines, Rgb colour);
  // A rounded label, white bold text on `colour` ("CONFORME", "NON CONFORME").
  void status_badge(std::string_view text, Rgb colour);
  void spacer(double mm);
  // Starts a new page, unless the current one is still empty.
  void page_break();
  // Diagonal, translucent text across every page ("PROJET — NON CONFORME").
  void watermark(std::string_view text);

  // Pages used so far (at least 1).
  int page_count() const;
  // Once finished: the characters drawn that the fonts have no glyph for
  // (drawn as .notdef, an empty box; they still copy out as written), each
  // once, in the order they were first drawn.
  const std::vector<char32_t>& missing_glyphs() const;

  // Paints header, footer and watermark on every page and returns the PDF.
  // A second call returns the same bytes. Throws Error.
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clef::pdf
