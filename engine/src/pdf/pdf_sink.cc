#include "pdf_sink.h"

#include <stdexcept>

namespace clef::pdf {
namespace {

Style style_of(doc::TextStyle s) {
  switch (s) {
    case doc::TextStyle::body:
      return Style::body;
    case doc::TextStyle::strong:
      return Style::strong;
    case doc::TextStyle::small:
      return Style::small;
    case doc::TextStyle::muted:
      return Style::muted;
  }
  return Style::body;
}

Rgb rgb_of(doc::Colour c) {
  switch (c) {
    case doc::Colour::green:
      return colour::green;
    case doc::Colour::orange:
      return colour::orange;
    case doc::Colour::red:
      return colour::red;
    case doc::Colour::blue:
      return colour::blue;
    case doc::Colour::grey:
      return colour::grey;
  }
  return colour::grey;
}

Align align_of(doc::Align a) {
  switch (a) {
    case doc::Align::left:
      return Align::left;
    case doc::Align::center:
      return Align::center;
    case doc::Align::right:
      return Align::right;
  }
  return Align::left;
}

}  // namespace

void PdfSink::begin(const doc::DocumentInfo& info) {
  Metadata m;
  m.title = info.title;
  m.author = info.author;
  m.subject = info.subject;
  m.keywords = info.keywords;
  m.created = info.created;
  m.footer = info.footer;
  m.page_label = info.page_label;
  layout_ = std::make_unique<Layout>(m, font_dir_, limits_);
}

Layout& PdfSink::layout() {
  if (!layout_) throw std::logic_error("PdfSink: a block before begin()");
  return *layout_;
}

void PdfSink::heading(std::string_view text, int level, double keep_mm) {
  layout().heading(text, level, keep_mm);
}
void PdfSink::paragraph(std::string_view text, doc::TextStyle style) {
  layout().paragraph(text, style_of(style));
}
void PdfSink::bullets(const std::vector<std::string>& items, doc::TextStyle style) {
  layout().bullets(items, style_of(style));
}
void PdfSink::key_values(const std::vector<std::pair<std::string, std::string>>& pairs) {
  layout().key_values(pairs);
}
void PdfSink::table(const std::vector<doc::Column>& columns,
                    const std::vector<std::vector<std::string>>& rows) {
  std::vector<Column> out;
  out.reserve(columns.size());
  for (const doc::Column& c : columns) out.push_back({c.title, c.weight, align_of(c.align)});
  layout().table(out, rows);
}
void PdfSink::box(std::string_view title, const std::vector<std::string>& lines,
                  doc::Colour colour) {
  layout().box(title, lines, rgb_of(colour));
}
void PdfSink::badge(std::string_view text, doc::Colour colour) {
  layout().status_badge(text, rgb_of(colour));
}
void PdfSink::spacer(double mm) {
  layout().spacer(mm);
}
void PdfSink::page_break() {
  layout().page_break();
}
void PdfSink::watermark(std::string_view text) {
  layout().watermark(text);
}

}  // namespace clef::pdf
