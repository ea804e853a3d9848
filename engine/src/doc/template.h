// Internal: a document template once loaded and checked. Every name is
// resolved to a slot and every condition compiled at load, so rendering only
// fills slots, evaluates and draws (docs/templates.md).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "../rules/expr.h"
#include "blocks.h"
#include "clef/documents.h"

namespace clef::doc {

using detail::Expr;
using detail::kNone;

// What a slot holds, beyond its type: how a placeholder shows it.
struct SlotFormat {
  detail::Type type = detail::Type::text;
  Unit unit = Unit::none;
  FieldType field_type = FieldType::text;  // country and enumeration get labels
  std::string_view field_path;             // enumerations: whose values ("logistics.visa")
};

// A run of literal text or one placeholder.
struct Piece {
  std::string literal;
  uint16_t slot = kNone;  // kNone: literal
};

// Text in both languages; language-neutral text has the same pieces twice.
struct Text {
  std::array<std::vector<Piece>, 2> lang;  // [Lang::fr], [Lang::en]
  bool empty() const { return lang[0].empty() && lang[1].empty(); }
};

enum class Element : uint8_t {
  heading,
  paragraph,
  bullets,
  item,
  keyvalues,
  kv,
  table,
  row,
  cell,
  box,
  line,
  badge,
  spacer,
  page_break,
  watermark,
  empty,  // what a bullets or table shows when it has no item or row
  if_,
  for_,
};

// What a <for> walks over.
enum class Source : uint8_t {
  findings,
  keys,
  scheme_fit,
  missing_facts,
  text_list,    // a document text list: the item is the text
  record_list,  // a document record list: the item's sub-fields
};

struct Node {
  Element element = Element::paragraph;
  SourcePosition position;
  Expr when;    // when= on any element, test= on <if>; empty: always
  Text text;    // heading, paragraph, item, cell, line, badge, watermark, empty; kv label
  Text value;   // kv value; box title
  Text colour;  // badge, box: a colour name, possibly from a placeholder
  int level = 1;
  TextStyle style = TextStyle::body;
  double mm = 0;                    // spacer
  std::vector<Column> columns;      // table: titles are per language below
  std::vector<Text> column_titles;  // table
  std::vector<Node> children;       // containers, <if> (then), <for>
  std::vector<Node> otherwise;      // <if>'s <else>
  // <for>
  Source source = Source::findings;
  FieldId list_field = 0;  // text_list, record_list
  uint16_t first_slot = kNone;
  Expr where;
  bool needs_explanation = false;  // the body shows a finding's message, found, …
};

// The names of a <for>'s items and of decision.* are the members of
// render/decision_fields.h that have a template name; their slots follow in
// that order (from a loop's first_slot; after the catalogue's for decision.*).

struct Template {
  std::string id;
  std::string file;
  uint8_t kinds = 0;  // DocumentKind bits
  Text title, author, subject, keywords;
  std::vector<Node> body;
  std::vector<SlotFormat> slots;  // every slot: catalogue fields, decision fields, loop items
};

// Wording shared by every template (templates/labels.xml): the titles of the
// eight CLONG keys and labels of enumeration values.
struct Labels {
  std::array<std::array<std::string, 2>, 9> keys;                                    // [key][lang]
  std::map<std::pair<std::string, std::string>, std::array<std::string, 2>> values;  // (path, code)
  const std::string* value(std::string_view path, std::string_view code, Lang lang) const;
};

}  // namespace clef::doc

namespace clef {
struct TemplateSet::Impl {
  std::vector<doc::Template> templates;
  doc::Labels labels;
  const doc::Template* find(std::string_view id) const {
    for (auto& t : templates)
      if (t.id == id) return &t;
    return nullptr;
  }
};
}  // namespace clef
