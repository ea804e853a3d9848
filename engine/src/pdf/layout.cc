#include "layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numbers>
#include <optional>
#include <stdexcept>

#include "render_limits.h"
#include "text.h"

namespace clef::pdf {
namespace {

// Page geometry, in points (A4 portrait, 1 mm = 72 / 25.4 pt).
constexpr double kMm = 72.0 / 25.4;
constexpr double kLeft = 20 * kMm;
constexpr double kRight = Canvas::kPageWidth - 20 * kMm;
constexpr double kWidth = kRight - kLeft;
constexpr double kTop = Canvas::kPageHeight - 22 * kMm;  // content starts here
constexpr double kBottom = 20 * kMm;                     // and never goes below
constexpr double kHeaderBaseline = Canvas::kPageHeight - 13 * kMm;
constexpr double kHeaderRule = Canvas::kPageHeight - 15 * kMm;
constexpr double kFooterRule = 15 * kMm;
constexpr double kFooterBaseline = 10 * kMm;

constexpr double kLeading = 1.3;  // line height / font size

constexpr Rgb kInk{0.1, 0.1, 0.12};
constexpr Rgb kMuted{0.4, 0.4, 0.43};
constexpr Rgb kHeadingInk{0.1, 0.2, 0.36};
constexpr Rgb kRule{0.7, 0.7, 0.73};
constexpr Rgb kGrid{0.6, 0.6, 0.64};
constexpr Rgb kHeaderFill{0.88, 0.9, 0.93};
constexpr Rgb kZebraFill{0.96, 0.965, 0.975};
constexpr Rgb kWhite{1, 1, 1};
constexpr Rgb kWatermark{0.8, 0.1, 0.1};
constexpr double kWatermarkOpacity = 0.13;

struct TextSpec {
  FontId font = FontId::regular;
  double size = 10;
  Rgb colour = kInk;
  double line_height() const { return size * kLeading; }
};

TextSpec spec(Style style) {
  switch (style) {
    case Style::body:
      return {FontId::regular, 10, kInk};
    case Style::strong:
      return {FontId::bold, 10, kInk};
    case Style::small:
      return {FontId::regular, 8.5, kInk};
    case Style::muted:
      return {FontId::regular, 8.5, kMuted};
  }
  return {};
}

// `colour` seen through white: keep = 0.1 leaves a tenth of the colour.
Rgb tint(Rgb c, double keep) {
  return {1 - (1 - c.r) * keep, 1 - (1 - c.g) * keep, 1 - (1 - c.b) * keep};
}

// One cell of a row: its wrapped lines, drawn from x in a column of width w.
struct Cell {
  std::vector<std::u32string> lines;
  TextSpec spec;
  double x = 0, w = 0;
  Align align = Align::left;
};

// A text repeated on every page (the header's title, the footer), shortened
// with an ellipsis to fit a width: decoded and summed once per document, then
// each fit is a binary search, and a cut already made gives back its UTF-8
// without encoding it again.
class Fitter {
 public:
  template <class Advance>
  Fitter(std::u32string text, Advance&& advance)
      : text_(std::move(text)), widths_(text_, advance), ellipsis_(advance(U'…')) {}
  // The whole text when it fits `w`, else its longest prefix that fits with "…" after it.
  const std::string& fit(double w) {
    size_t n = widths_.of(0, text_.size()) <= w
                   ? text_.size()
                   : widths_.fitting(0, text_.size(), std::max(0.0, w - ellipsis_));
    if (n != cut_) {
      cut_ = n;
      utf8_ = encode_utf8(std::u32string_view(text_).substr(0, n));
      if (n < text_.size()) utf8_ += "…";
    }
    return utf8_;
  }

 private:
  std::u32string text_;
  Widths widths_;
  double ellipsis_;
  size_t cut_ = std::u32string::npos;
  std::string utf8_;
};

}  // namespace

struct Layout::Impl {
  Metadata meta;
  Canvas canvas;
  std::vector<std::vector<Op>> pages;
  double y = kTop;  // top of the free space on the last page
  double gap = 0;   // space owed before the next block; dropped at the top of a page
  std::u32string watermark;
  std::optional<std::string> bytes;  // once finished

  RenderLimits limits;
  size_t drawn = 0;  // bytes of text on the pages so far, repeated decorations included

  Impl(const Metadata& m, const std::string& font_dir, const RenderLimits& l)
      : meta(m), canvas(font_dir), limits(l) {
    new_page();
  }

  void check_open() const {
    if (bytes) throw std::logic_error("pdf::Layout: block added after finish()");
  }

  // ---- Measuring and drawing -------------------------------------------

  // Advance widths in points, for Widths and wrap.
  auto advance(const TextSpec& s) const {
    return
        [this, font = s.font, size = s.size](char32_t c) { return canvas.advance(font, c) * size; };
  }
  double width(const TextSpec& s, std::u32string_view t) const {
    return canvas.width(s.font, t, s.size);
  }
  std::vector<std::u32string> wrap_text(std::string_view text, const TextSpec& s, double w) const {
    return wrap(decode_utf8(text), w, advance(s));
  }

  // Text drawn counts against the budget as it is laid out, so that a
  // document too large fails before it fills the memory.
  void charge(size_t text_bytes) {
    drawn += text_bytes;
    if (drawn > limits.text_bytes) exceeded_text(limits.text_bytes, true);
  }

  // Draws one line whose line box starts at `top`, the glyphs centred in it.
  void put(const std::u32string& line, const TextSpec& s, double x, double top, double w = 0,
           Align align = Align::left) {
    if (line.empty()) return;
    double ascent = canvas.ascent(s.font) * s.size, descent = canvas.descent(s.font) * s.size;
    double baseline = top - (s.line_height() - ascent - descent) / 2 - ascent;
    if (align != Align::left) {
      double room = w - width(s, line);
      x += align == Align::right ? room : room / 2;
    }
    TextOp op;
    op.x = x;
    op.y = baseline;
    op.font = s.font;
    op.size = s.size;
    op.colour = s.colour;
    op.text = encode_utf8(line);
    charge(op.text.size());
    ops().push_back(std::move(op));
  }

  // ---- Page flow -----------------------------------------------------------

  std::vector<Op>& ops() { return pages.back(); }
  void new_page() {
    if (pages.size() >= static_cast<size_t>(std::max(limits.pages, 1)))
      exceeded_pages(limits.pages);
    pages.emplace_back();
    y = kTop;
    gap = 0;
  }
  bool fresh() const { return y >= kTop; }
  double room() const { return y - kBottom; }
  static constexpr double page_room() { return kTop - kBottom; }

  // Starts a block whose first `keep` points must stay together: pays the
  // owed gap, or opens a new page when they would not fit.
  void begin_block(double keep) {
    double owed = fresh() ? 0 : gap;
    if (!fresh() && y - owed - keep < kBottom) {
      new_page();
      owed = 0;
    }
    y -= owed;
    gap = 0;
  }
  void owe(double g) { gap = std::max(gap, g); }

  // A line of height h: on this page if it fits, else at the top of the next.
  double line_slot(double h) {
    if (!fresh() && y - h < kBottom) new_page();
    double top = y;
    y -= h;
    return top;
  }

  // Draws lines [from, to) of every cell, the first at `top`.
  void put_cells(const std::vector<Cell>& cells, size_t from, size_t to, double top, double pad_y) {
    for (const Cell& c : cells) {
      double line_top = top - pad_y;
      for (size_t i = from; i < to && i < c.lines.size(); ++i) {
        put(c.lines[i], c.spec, c.x, line_top, c.w, c.align);
        line_top -= c.spec.line_height();
      }
    }
  }

  // Places a row of cells whose lines all have height lh. The row moves whole
  // to the next page when it does not fit; only a row taller than a page is
  // split between lines. `under(top, height)` paints what lies under each
  // piece (cell frames); `repeat()` runs at the top of each page the row
  // opens (a table's header), which takes `repeat_height`.
  void place_row(const std::vector<Cell>& cells, double lh, double pad_y,
                 const std::function<void(double, double)>& under,
                 const std::function<void()>& repeat, double repeat_height) {
    size_t n = 1;
    for (const Cell& c : cells) n = std::max(n, c.lines.size());
    auto next_page = [&] {
      new_page();
      if (repeat) repeat();
    };
    double whole = n * lh + 2 * pad_y;
    if (whole > room() && whole <= page_room() - repeat_height) next_page();
    size_t from = 0;
    while (from < n) {
      auto fits = static_cast<size_t>(std::max(0.0, std::floor((room() - 2 * pad_y) / lh + 1e-9)));
      if (fits == 0) {
        next_page();
        fits = static_cast<size_t>(std::max(1.0, std::floor((room() - 2 * pad_y) / lh + 1e-9)));
      }
      size_t to = std::min(n, from + fits);
      double h = (to - from) * lh + 2 * pad_y;
      if (under) under(y, h);
      put_cells(cells, from, to, y, pad_y);
      y -= h;
      from = to;
      if (from < n) next_page();
    }
  }

  // ---- Page decorations, painted once the page count is known --------------

  // What every page repeats, prepared once per document.
  struct Decorations {
    Fitter title, footer;
    std::string watermark;  // UTF-8, empty for none
    double watermark_size = 0, watermark_width = 0;
  };
  static constexpr TextSpec kSmall{FontId::regular, 8, kMuted};

  Decorations decorations() {
    Decorations d{Fitter(decode_utf8(meta.title), advance(kSmall)),
                  Fitter(decode_utf8(meta.footer), advance(kSmall)),
                  {},
                  0,
                  0};
    if (!watermark.empty()) {
      // Along the page's diagonal, centred, as large as fits (at most 80 pt).
      double diagonal = std::hypot(Canvas::kPageWidth, Canvas::kPageHeight);
      double em = canvas.width(FontId::bold, watermark, 1);
      d.watermark = encode_utf8(watermark);
      d.watermark_size = std::min(80.0, 0.75 * diagonal / em);
      d.watermark_width = em * d.watermark_size;
    }
    return d;
  }

  void decorate(size_t index, Decorations& d) {
    std::vector<Op>& page = pages[index];
    auto text_at = [&](const std::string& t, double x, double baseline) {
      if (t.empty()) return;
      charge(t.size());
      TextOp op;
      op.x = x;
      op.y = baseline;
      op.size = kSmall.size;
      op.colour = kSmall.colour;
      op.text = t;
      page.push_back(std::move(op));
    };
    text_at(d.title.fit(kWidth), kLeft, kHeaderBaseline);
    page.push_back(LineOp{kLeft, kHeaderRule, kRight, kHeaderRule, kRule, 0.5});
    page.push_back(LineOp{kLeft, kFooterRule, kRight, kFooterRule, kRule, 0.5});

    std::string label = replace_all(meta.page_label, "{n}", std::to_string(index + 1));
    label = replace_all(label, "{m}", std::to_string(pages.size()));
    std::u32string right = decode_utf8(label);
    double right_width = width(kSmall, right);
    text_at(encode_utf8(right), kRight - right_width, kFooterBaseline);
    double left_room = std::max(0.0, kWidth - right_width - 6 * kMm);
    text_at(d.footer.fit(left_room), kLeft, kFooterBaseline);

    if (!d.watermark.empty()) {
      charge(d.watermark.size());
      double angle = std::atan2(Canvas::kPageHeight, Canvas::kPageWidth);
      double size = d.watermark_size, w = d.watermark_width;
      double half_cap = 0.36 * size;  // half of DejaVu's cap height
      TextOp op;
      op.x = Canvas::kPageWidth / 2 - w / 2 * std::cos(angle) + half_cap * std::sin(angle);
      op.y = Canvas::kPageHeight / 2 - w / 2 * std::sin(angle) - half_cap * std::cos(angle);
      op.font = FontId::bold;
      op.size = size;
      op.colour = kWatermark;
      op.text = d.watermark;
      op.angle = angle * 180 / std::numbers::pi;
      op.opacity = kWatermarkOpacity;
      page.push_back(std::move(op));
    }
  }

  std::string pdf_date() const {
    int year;
    unsigned month, day;
    meta.created.to_ymd(year, month, day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "D:%04d%02u%02u000000Z", year, month, day);
    return buf;
  }
};

Layout::Layout(const Metadata& metadata, const std::string& font_dir, const RenderLimits& limits)
    : impl_(std::make_unique<Impl>(metadata, font_dir, limits)) {}

Layout::~Layout() = default;

void Layout::heading(std::string_view text, int level, double keep_mm) {
  impl_->check_open();
  Impl& m = *impl_;
  level = std::clamp(level, 1, 3);
  static constexpr double kSize[] = {16, 13, 11};
  static constexpr double kBefore[] = {14, 10, 8};
  static constexpr double kAfter[] = {6, 4, 3};
  TextSpec s{FontId::bold, kSize[level - 1], kHeadingInk};
  auto lines = m.wrap_text(text, s, kWidth);
  m.owe(kBefore[level - 1]);
  // Kept with what follows: room for the heading and three lines of body text
  // (or what the caller asks for).
  double follows = std::max(3 * spec(Style::body).line_height(), keep_mm * kMm);
  m.begin_block(lines.size() * s.line_height() + follows);
  for (const auto& line : lines) m.put(line, s, kLeft, m.line_slot(s.line_height()));
  if (level == 1) {
    m.y -= 2;
    m.ops().push_back(LineOp{kLeft, m.y, kRight, m.y, kHeadingInk, 0.8});
  }
  m.owe(kAfter[level - 1]);
}

void Layout::paragraph(std::string_view text, Style style) {
  impl_->check_open();
  Impl& m = *impl_;
  TextSpec s = spec(style);
  auto lines = m.wrap_text(text, s, kWidth);
  double lh = s.line_height();
  m.begin_block(std::min<size_t>(lines.size(), 2) * lh);  // no lone first line
  for (const auto& line : lines) m.put(line, s, kLeft, m.line_slot(lh));
  m.owe(0.5 * s.size);
}

void Layout::bullets(const std::vector<std::string>& items, Style style) {
  impl_->check_open();
  Impl& m = *impl_;
  TextSpec s = spec(style);
  double lh = s.line_height();
  const double indent = 5 * kMm;
  for (size_t i = 0; i < items.size(); ++i) {
    auto lines = m.wrap_text(items[i], s, kWidth - indent);
    if (i > 0) m.owe(0.2 * s.size);
    m.begin_block(std::min<size_t>(lines.size(), 2) * lh);
    for (size_t k = 0; k < lines.size(); ++k) {
      double top = m.line_slot(lh);
      if (k == 0) m.put(U"•", s, kLeft + 1.5 * kMm, top);
      m.put(lines[k], s, kLeft + indent, top);
    }
  }
  m.owe(0.5 * s.size);
}

void Layout::key_values(const std::vector<std::pair<std::string, std::string>>& pairs) {
  impl_->check_open();
  Impl& m = *impl_;
  const TextSpec label = spec(Style::strong), value = spec(Style::body);
  const double label_width = 0.3 * kWidth, gutter = 4 * kMm;
  const double lh = value.line_height(), pad = 1.5;
  for (size_t i = 0; i < pairs.size(); ++i) {
    std::vector<Cell> cells(2);
    cells[0] = {m.wrap_text(pairs[i].first, label, label_width), label, kLeft, label_width};
    cells[1] = {m.wrap_text(pairs[i].second, value, kWidth - label_width - gutter), value,
                kLeft + label_width + gutter, kWidth - label_width - gutter};
    if (i == 0) m.begin_block(lh + 2 * pad);
    m.place_row(cells, lh, pad, nullptr, nullptr, 0);
  }
  m.owe(5);
}

void Layout::table(const std::vector<Column>& columns,
                   const std::vector<std::vector<std::string>>& rows) {
  impl_->check_open();
  Impl& m = *impl_;
  if (columns.empty()) return;
  const TextSpec head{FontId::bold, 9, kInk}, body{FontId::regular, 9, kInk};
  const double lh = body.line_height(), pad_x = 4, pad_y = 3;

  // Negative, infinite or NaN weights count as 0; all zero means equal columns.
  auto weight = [](const Column& c) {
    return std::isfinite(c.weight) && c.weight > 0 ? c.weight : 0;
  };
  double total = 0;
  for (const Column& c : columns) total += weight(c);
  std::vector<double> xs, ws;
  double x = kLeft;
  for (const Column& c : columns) {
    double w = total > 0 ? kWidth * weight(c) / total : kWidth / columns.size();
    xs.push_back(x);
    ws.push_back(w);
    x += w;
  }
  auto make_cells = [&](auto text_of, const TextSpec& s) {
    std::vector<Cell> cells(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      double inner = std::max(ws[c] - 2 * pad_x, 1.0);
      cells[c] = {m.wrap_text(text_of(c), s, inner), s, xs[c] + pad_x, inner, columns[c].align};
    }
    return cells;
  };
  auto frames = [&](std::optional<Rgb> fill) {
    return [&m, &xs, &ws, fill](double top, double h) {
      for (size_t c = 0; c < xs.size(); ++c)
        m.ops().push_back(RectOp{xs[c], top - h, ws[c], h, fill, kGrid, 0.5, 0});
    };
  };

  const std::vector<Cell> header =
      make_cells([&](size_t c) -> const std::string& { return columns[c].title; }, head);
  size_t header_lines = 1;
  for (const Cell& c : header) header_lines = std::max(header_lines, c.lines.size());
  const double header_height = header_lines * lh + 2 * pad_y;
  auto header_frames = frames(kHeaderFill);
  std::function<void()> repeat_header = [&] {
    header_frames(m.y, header_height);
    m.put_cells(header, 0, header_lines, m.y, pad_y);
    m.y -= header_height;
  };

  static const std::string kEmpty;
  auto row_cells = [&](size_t r) {
    return make_cells(
        [&](size_t c) -> const std::string& { return c < rows[r].size() ? rows[r][c] : kEmpty; },
        body);
  };
  // The header never ends a page alone: it starts with the first row (or its
  // first line, when the row is taller than a page).
  std::vector<Cell> cells = rows.empty() ? std::vector<Cell>{} : row_cells(0);
  size_t first_lines = 1;
  for (const Cell& c : cells) first_lines = std::max(first_lines, c.lines.size());
  double first_row = first_lines * lh + 2 * pad_y;
  auto plain = frames(std::nullopt), zebra = frames(kZebraFill);
  // A header taller than half a page (titles of thousands of characters) is
  // placed once, split across pages like a row: repeated, it would fill
  // every page the table reaches and leave no room for the rows.
  const bool repeats = header_height <= Impl::page_room() / 2;
  if (repeats) {
    if (first_row > Impl::page_room() - header_height) first_row = lh + 2 * pad_y;
    m.begin_block(header_height + first_row);
    repeat_header();
  } else {
    m.begin_block(lh + 2 * pad_y);
    m.place_row(header, lh, pad_y, header_frames, nullptr, 0);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r > 0) cells = row_cells(r);
    m.place_row(cells, lh, pad_y, r % 2 ? zebra : plain, repeats ? repeat_header : nullptr,
                repeats ? header_height : 0);
  }
  m.owe(8);
}

void Layout::box(std::string_view title, const std::vector<std::string>& lines, Rgb colour) {
  impl_->check_open();
  Impl& m = *impl_;
  const double pad = 8, inner = kWidth - 2 * pad;
  const TextSpec head{FontId::bold, 10.5, colour}, body = spec(Style::body);

  struct Item {
    std::u32string text;
    TextSpec spec;
    double gap_before = 0;
  };
  std::vector<Item> items;
  if (!title.empty())
    for (auto& l : m.wrap_text(title, head, inner)) items.push_back({std::move(l), head, 0});
  for (const std::string& para : lines) {
    double before = items.empty() ? 0 : 3;
    for (auto& l : m.wrap_text(para, body, inner)) {
      items.push_back({std::move(l), body, before});
      before = 0;
    }
  }
  auto height = [&](size_t from, size_t to) {
    double h = 2 * pad;
    for (size_t i = from; i < to; ++i)
      h += items[i].spec.line_height() + (i > from ? items[i].gap_before : 0);
    return h;
  };
  if (items.empty()) return;
  const RectOp frame{kLeft, 0, kWidth, 0, tint(colour, 0.08), colour, 0.8, 2};

  m.begin_block(height(0, std::min<size_t>(items.size(), 2)));
  const double whole = height(0, items.size());
  if (whole > m.room() && whole <= Impl::page_room()) m.new_page();
  size_t from = 0;
  do {
    // As many items as fit on this page, at least one; the height grows
    // item by item (a box of many lines costs no more than its lines).
    size_t to = from + 1;
    double h = height(from, to);
    while (to < items.size()) {
      double more = h + items[to].spec.line_height() + items[to].gap_before;
      if (more > m.room()) break;
      h = more;
      ++to;
    }
    RectOp piece = frame;
    piece.y = m.y - h;
    piece.h = h;
    m.ops().push_back(piece);
    double top = m.y - pad;
    for (size_t i = from; i < to; ++i) {
      if (i > from) top -= items[i].gap_before;
      m.put(items[i].text, items[i].spec, kLeft + pad, top);
      top -= items[i].spec.line_height();
    }
    m.y -= h;
    from = to;
    if (from < items.size()) m.new_page();
  } while (from < items.size());
  m.owe(8);
}

void Layout::status_badge(std::string_view text, Rgb colour) {
  impl_->check_open();
  Impl& m = *impl_;
  const TextSpec s{FontId::bold, 9, kWhite};
  const double pad_x = 6, pad_y = 2.5;
  const std::u32string line =
      decode_utf8(Fitter(decode_utf8(text), m.advance(s)).fit(kWidth - 2 * pad_x));
  double h = s.line_height() + 2 * pad_y, w = m.width(s, line) + 2 * pad_x;
  m.begin_block(h);
  m.ops().push_back(RectOp{kLeft, m.y - h, w, h, colour, std::nullopt, 0, 3});
  m.put(line, s, kLeft + pad_x, m.y - pad_y);
  m.y -= h;
  m.owe(6);
}

void Layout::spacer(double mm) {
  impl_->check_open();
  if (mm > 0) impl_->gap += mm * kMm;
}

void Layout::page_break() {
  impl_->check_open();
  if (!impl_->fresh()) impl_->new_page();
}

void Layout::watermark(std::string_view text) {
  impl_->check_open();
  impl_->watermark = decode_utf8(text);
}

int Layout::page_count() const {
  return static_cast<int>(impl_->pages.size());
}

const std::vector<char32_t>& Layout::missing_glyphs() const {
  return impl_->canvas.missing_glyphs();
}

std::string Layout::finish() {
  Impl& m = *impl_;
  if (m.bytes) return *m.bytes;
  Impl::Decorations decorations = m.decorations();
  for (size_t i = 0; i < m.pages.size(); ++i) m.decorate(i, decorations);
  DocumentInfo info{m.meta.title, m.meta.author, m.meta.subject, m.meta.keywords, m.pdf_date()};
  m.bytes = m.canvas.write(m.pages, info);
  return *m.bytes;
}

}  // namespace clef::pdf
