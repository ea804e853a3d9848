// XML front end: pugixml parses in place; we refuse DOCTYPEs (so no entity
// can expand) and copy the element structure into the raw tree.
#include <pugixml.hpp>

#include <algorithm>

#include "../util/unicode.h"

#include "raw_tree.h"

namespace clef::detail {
namespace {

bool is_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

class XmlBuilder {
 public:
  XmlBuilder(std::string_view name, const LineTable& lines, RawTree& tree)
      : name_(name), lines_(lines), tree_(tree) {}

  // Recursive, but never deeper than kMaxDepth: a deeper file is refused at
  // that depth, so the stack stays small whatever the input.
  bool build(pugi::xml_node root) {
    tree_.nodes.reserve(256);
    tree_.root = add(root);
    return build(root, tree_.root, 1);
  }

  std::vector<InputError> errors;

 private:
  // One pass over the children: link the elements, gather the text, then
  // decide whether the element is a container or a scalar.
  bool build(pugi::xml_node element, int32_t index, int depth) {
    if (depth > kMaxDepth) return too_deep(element);
    if (!attributes(element, index)) return false;
    int32_t previous = -1;
    // A text element may come in pieces: a comment or a processing
    // instruction in the middle of it splits it, and is not part of it.
    std::string_view text;
    std::string* joined = nullptr;
    bool has_elements = false, has_text = false;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
      pugi::xml_node_type type = child.type();
      if (type == pugi::node_element) {
        has_elements = true;
        int32_t child_index = add(child);
        if (previous < 0)
          tree_.nodes[index].first_child = child_index;
        else
          tree_.nodes[previous].next_sibling = child_index;
        previous = child_index;
        if (!build(child, child_index, depth + 1)) return false;
      } else if (type == pugi::node_pcdata || type == pugi::node_cdata) {
        std::string_view value = child.value();
        has_text = has_text || !is_blank(value);
        if (text.data() == nullptr) {
          text = value;
        } else {
          if (!joined) joined = &tree_.storage.emplace_back(text);
          joined->append(value);
          text = *joined;
        }
      }
    }
    RawNode& node = tree_.nodes[index];
    if (has_elements) {
      if (has_text) return mixed(node);
      node.kind = RawNode::Kind::object;
    } else {
      node.kind = RawNode::Kind::text;
      node.text = trim(text);
    }
    return true;
  }

  int32_t add(pugi::xml_node element) {
    RawNode node;
    node.from_xml = true;
    node.name = element.name();
    node.offset = static_cast<uint32_t>(element.offset_debug());
    tree_.nodes.push_back(node);
    return static_cast<int32_t>(tree_.nodes.size() - 1);
  }

  // Only a currency on an amount is data; schema hints are tolerated.
  bool attributes(pugi::xml_node element, int32_t index) {
    RawNode& node = tree_.nodes[index];
    bool currency_seen = false;
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
      std::string_view attr = a.name();
      if (attr == "currency") {
        if (currency_seen) {
          errors.push_back(
              make_error("duplicate_field", name_, lines_.position(node.offset), "",
                         "attribut « currency » en double sur <" + std::string(node.name) + ">",
                         "duplicate attribute 'currency' on <" + std::string(node.name) + ">"));
          return false;
        }
        currency_seen = true;
        node.currency = a.value();
      } else if (attr.starts_with("xmlns") || attr.starts_with("xsi:")) {
        continue;
      } else {
        errors.push_back(make_error(
            "unknown_attribute", name_, lines_.position(node.offset), "",
            "attribut inattendu « " + std::string(attr) + " » sur <" + std::string(node.name) +
                "> (seul « currency » est admis, sur un montant)",
            "unexpected attribute '" + std::string(attr) + "' on <" + std::string(node.name) +
                "> (only 'currency' is allowed, on an amount)"));
        return false;
      }
    }
    return true;
  }

  bool mixed(const RawNode& node) {
    errors.push_back(make_error(
        "mixed_content", name_, lines_.position(node.offset), "",
        "<" + std::string(node.name) +
            "> mêle du texte et des éléments (attendu : l'un ou l'autre)",
        "<" + std::string(node.name) + "> mixes text and elements (expected one or the other)"));
    return false;
  }

  bool too_deep(pugi::xml_node element) {
    errors.push_back(make_error(
        "too_deep", name_, lines_.position(static_cast<uint32_t>(element.offset_debug())), "",
        "imbrication trop profonde (au plus " + std::to_string(kMaxDepth) + " niveaux)",
        "nesting too deep (at most " + std::to_string(kMaxDepth) + " levels)"));
    return false;
  }

  std::string_view name_;
  const LineTable& lines_;
  RawTree& tree_;
};

}  // namespace

ParseOutcome parse_xml(std::string& text, std::string_view name, const LineTable& lines,
                       RawTree& tree) {
  ParseOutcome out;
  if (CharReference bad = find_bad_char_reference(text); bad.offset != std::string_view::npos) {
    out.errors.push_back(char_error(name, lines, bad.offset, bad.written, bad.code_point));
    return out;
  }
  // Owned by the tree's lifetime: strings in the raw tree point into it.
  static thread_local pugi::xml_document doc;
  doc.reset();
  // parse_fragment keeps text outside the root element, so that it can be
  // refused rather than silently dropped.
  unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_fragment;
  auto result = doc.load_buffer_inplace(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) {
    out.errors.push_back(make_error("xml_syntax", name,
                                    lines.position(static_cast<uint32_t>(result.offset)), "",
                                    std::string("XML mal formé : ") + result.description(),
                                    std::string("malformed XML: ") + result.description()));
    return out;
  }
  pugi::xml_node root;
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    auto at = lines.position(static_cast<uint32_t>(n.offset_debug()));
    if (n.type() == pugi::node_doctype) {
      out.errors.push_back(make_error("doctype_forbidden", name, at, "",
                                      "DOCTYPE interdit (aucune entité ni DTD n'est admise)",
                                      "DOCTYPE not allowed (no entity or DTD is accepted)"));
      return out;
    }
    if (n.type() == pugi::node_element && !root) {
      root = n;
      continue;
    }
    if (n.type() == pugi::node_element || n.type() == pugi::node_pcdata ||
        n.type() == pugi::node_cdata) {
      bool before = !root;
      out.errors.push_back(
          make_error("xml_syntax", name, at, "",
                     std::string("XML mal formé : contenu ") + (before ? "avant" : "après") +
                         " l'élément racine (attendu : un seul élément racine et rien d'autre)",
                     std::string("malformed XML: content ") + (before ? "before" : "after") +
                         " the root element (expected a single element and nothing else)"));
      return out;
    }
  }
  if (!root) {
    out.errors.push_back(make_error("xml_syntax", name, {1, 1}, "", "XML sans élément racine",
                                    "XML without a root element"));
    return out;
  }
  XmlBuilder builder(name, lines, tree);
  out.ok = builder.build(root);
  out.errors = std::move(builder.errors);
  return out;
}

}  // namespace clef::detail
