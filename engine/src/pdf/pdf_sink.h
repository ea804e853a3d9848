// Internal: the PDF layout as a sink of template blocks (doc/blocks.h). The
// template evaluator knows nothing of pages; this is where its words meet
// them.
#pragma once

#include <memory>
#include <string>
#include <vector>
#include "../doc/blocks.h"

#include "layout.h"

namespace clef::pdf {

class PdfSink final : public doc::BlockSink {
 public:
  // The layout is made at begin(), with the fonts of `font_dir`.
  PdfSink(std::string font_dir, const RenderLimits& limits)
      : font_dir_(std::move(font_dir)), limits_(limits) {}

  // The PDF, once every block is in; the characters the fonts lack.
  std::string finish() { return layout().finish(); }
  std::vector<char32_t> missing_glyphs() const { return layout_->missing_glyphs(); }

  void begin(const doc::DocumentInfo& info) override;
  void heading(std::string_view text, int level, double keep_mm) override;
  void paragraph(std::string_view text, doc::TextStyle style) override;
  void bullets(const std::vector<std::string>& items, doc::TextStyle style) override;
  void key_values(const std::vector<std::pair<std::string, std::string>>& pairs) override;
  void table(const std::vector<doc::Column>& columns,
             const std::vector<std::vector<std::string>>& rows) override;
  void box(std::string_view title, const std::vector<std::string>& lines,
           doc::Colour colour) override;
  void badge(std::string_view text, doc::Colour colour) override;
  void spacer(double mm) override;
  void page_break() override;
  void watermark(std::string_view text) override;

 private:
  Layout& layout();
  std::string font_dir_;
  RenderLimits limits_;
  std::unique_ptr<Layout> layout_;
};

}  // namespace clef::pdf
