// Internal: what a template says, once its slots are filled, whatever the
// format: headings, paragraphs, lists, key-value pairs, tables, boxes. The
// template evaluator (render.cc) emits these blocks to a BlockSink; the PDF
// layout is one sink (pdf_sink.cc), a workbook writer can be another. No
// type of a format's library appears here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clef/value.h"

namespace clef::doc {

enum class TextStyle : uint8_t {
  body,
  strong,  // bold
  small,
  muted,  // small and grey
};

enum class Align : uint8_t { left, center, right };

struct Column {
  std::string title;
  double weight = 1;  // share of the table's width, relative to the other columns
  Align align = Align::left;
};

// The colours a template may name (colour="…"): what they mean, not their values.
enum class Colour : uint8_t { green, orange, red, blue, grey };
// "green", "orange", "red", "blue"; anything else is grey.
Colour colour_named(std::string_view name);

// About the document as a whole; every page or sheet may show some of it.
struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  Date created;            // the decision's as-of date: no clock in any output
  std::string footer;      // the decision id and rule revision
  std::string page_label;  // "Page {n} sur {m}": {n} the page, {m} the count
};

class BlockSink {
 public:
  virtual ~BlockSink() = default;
  // First, once: what the document is.
  virtual void begin(const DocumentInfo& info) = 0;
  // Level 1..3; `keep_mm`: room kept below it for what follows.
  virtual void heading(std::string_view text, int level, double keep_mm) = 0;
  virtual void paragraph(std::string_view text, TextStyle style) = 0;
  virtual void bullets(const std::vector<std::string>& items, TextStyle style) = 0;
  virtual void key_values(const std::vector<std::pair<std::string, std::string>>& pairs) = 0;
  virtual void table(const std::vector<Column>& columns,
                     const std::vector<std::vector<std::string>>& rows) = 0;
  virtual void box(std::string_view title, const std::vector<std::string>& lines,
                   Colour colour) = 0;
  virtual void badge(std::string_view text, Colour colour) = 0;
  virtual void spacer(double mm) = 0;
  virtual void page_break() = 0;
  // Across every page: "PROJET — NON CONFORME".
  virtual void watermark(std::string_view text) = 0;
};

}  // namespace clef::doc
