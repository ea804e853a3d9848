// Internal: the syntax-neutral tree both readers build and the binder checks
// against the catalogue. Strings are views into the parser's buffer or into
// `storage`, so building the tree copies little.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "clef/reader.h"

namespace clef::detail {

struct RawNode {
  enum class Kind : uint8_t { object, array, text, number, boolean, null };
  Kind kind = Kind::null;
  bool from_xml = false;
  std::string_view name;      // element name or object key
  std::string_view text;      // scalar value as written
  std::string_view currency;  // XML money: the currency attribute
  uint32_t offset = 0;        // byte offset in the input, for line and column
  int32_t first_child = -1;
  int32_t next_sibling = -1;
};

// Maps byte offsets to line and column (columns count code points).
class LineTable {
 public:
  explicit LineTable(std::string_view text);
  SourcePosition position(uint32_t offset) const;

 private:
  std::string_view text_;
  mutable std::vector<uint32_t> line_starts_;
};

struct RawTree {
  std::vector<RawNode> nodes;
  std::deque<std::string> storage;  // decoded JSON strings
  int32_t root = -1;
};

struct ParseOutcome {
  bool ok = false;
  std::vector<InputError> errors;
};

// The first thing in raw input bytes that is not text: a byte that does not
// start a valid UTF-8 sequence (`encoding`, `code_point` is that byte), or a
// character that text may not hold (see is_text_char), such as a raw NUL or
// ESC. `offset` is npos when there is none.
struct TextFault {
  size_t offset = std::string_view::npos;
  char32_t code_point = 0;
  bool encoding = false;
  explicit operator bool() const { return offset != std::string_view::npos; }
};
TextFault find_text_fault(std::string_view text);

// A character reference (&#…; or &#x…;) that stands for something text may
// not hold: pugixml would write it into the tree as it is (a NUL cuts the
// string short, a surrogate becomes bytes that are not UTF-8). Comments,
// CDATA sections and processing instructions hold no references and are
// skipped. A malformed reference is left to pugixml, which keeps it as text.
struct CharReference {
  size_t offset = std::string_view::npos;
  std::string_view written;  // "&#x1B;", at most 24 bytes
  char32_t code_point = 0;
};
CharReference find_bad_char_reference(std::string_view xml);

// The error for a character that text may not hold, at `offset`, written as
// `written` in the input ("&#x1B;", "\u001b"; empty when raw).
InputError char_error(std::string_view file, const LineTable& lines, size_t offset,
                      std::string_view written, char32_t code_point);

// Each reader fills `tree` from `text`, which must outlive it.
ParseOutcome parse_xml(std::string& text, std::string_view name, const LineTable& lines,
                       RawTree& tree);
ParseOutcome parse_json(std::string_view text, std::string_view name, const LineTable& lines,
                        RawTree& tree);
// Checks the tree against the catalogue and builds the typed document.
ReadResult bind(const RawTree& tree, std::string_view name, const LineTable& lines);
// The same for a volunteer file: a mission document whose only known values
// are the volunteer.* input fields the file gives.
ReadResult bind_volunteer(const RawTree& tree, std::string_view name, const LineTable& lines);

// Helpers shared by the readers to write bilingual errors.
InputError make_error(std::string code, std::string_view file, SourcePosition pos,
                      std::string pointer, std::string fr, std::string en);

}  // namespace clef::detail
