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

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t find_invalid_utf8(std::string_view text);

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
