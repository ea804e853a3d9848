// XML front end: pugixml parses in place; we refuse DOCTYPEs (so no entity
// can expand) and copy the element structure into the raw tree.
#include <pugixml.hpp>

#include "raw_tree.h"

namespace clef::detail {
namespace {

bool is_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\n'))
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

  // Iterative over the element tree, so a deep file cannot exhaust the stack.
  bool build(pugi::xml_node root) {
    struct Frame {
      pugi::xml_node element;
      int32_t index;
      int depth;
    };
    std::vector<Frame> stack;
    stack.push_back({root, add(root), 1});
    tree_.root = 0;
    while (!stack.empty()) {
      Frame frame = stack.back();
      stack.pop_back();
      if (frame.depth > kMaxDepth) return too_deep(frame.element);
      if (!fill(frame.element, frame.index)) return false;
      int32_t previous = -1;
      std::vector<Frame> children;
      for (pugi::xml_node child = frame.element.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        int32_t index = add(child);
        if (previous < 0) tree_.nodes[frame.index].first_child = index;
        else tree_.nodes[previous].next_sibling = index;
        previous = index;
        children.push_back({child, index, frame.depth + 1});
      }
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    }
    return true;
  }

  std::vector<InputError> errors;

 private:
  int32_t add(pugi::xml_node element) {
    RawNode node;
    node.from_xml = true;
    node.name = element.name();
    node.offset = static_cast<uint32_t>(element.offset_debug());
    tree_.nodes.push_back(node);
    return static_cast<int32_t>(tree_.nodes.size() - 1);
  }

  // Decides whether the element is a scalar (text) or a container (object),
  // and checks its attributes.
  bool fill(pugi::xml_node element, int32_t index) {
    RawNode& node = tree_.nodes[index];
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
      std::string_view attr = a.name();
      if (attr == "currency") {
        node.currency = a.value();
      } else if (attr.starts_with("xmlns") || attr.starts_with("xsi:")) {
        continue;  // schema hints are welcome and carry no data
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
    bool has_elements = false;
    std::string_view text;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element) has_elements = true;
      else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!text.empty() && !is_blank(child.value())) return mixed(node);
        if (!is_blank(child.value())) text = child.value();
      }
    }
    if (has_elements) {
      if (!text.empty()) return mixed(node);
      node.kind = RawNode::Kind::object;
    } else {
      node.kind = RawNode::Kind::text;
      node.text = trim(text);
    }
    return true;
  }

  bool mixed(const RawNode& node) {
    errors.push_back(make_error(
        "mixed_content", name_, lines_.position(node.offset), "",
        "<" + std::string(node.name) + "> mêle du texte et des éléments (attendu : l'un ou l'autre)",
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
  // Owned by the tree's lifetime: strings in the raw tree point into it.
  static thread_local pugi::xml_document doc;
  doc.reset();
  unsigned options = pugi::parse_default | pugi::parse_doctype;
  auto result = doc.load_buffer_inplace(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) {
    out.errors.push_back(make_error(
        "xml_syntax", name, lines.position(static_cast<uint32_t>(result.offset)), "",
        std::string("XML mal formé : ") + result.description(),
        std::string("malformed XML: ") + result.description()));
    return out;
  }
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) {
      out.errors.push_back(make_error(
          "doctype_forbidden", name, lines.position(static_cast<uint32_t>(n.offset_debug())), "",
          "DOCTYPE interdit (aucune entité ni DTD n'est admise)",
          "DOCTYPE not allowed (no entity or DTD is accepted)"));
      return out;
    }
  }
  pugi::xml_node root = doc.document_element();
  if (!root) {
    out.errors.push_back(make_error("xml_syntax", name, {1, 1}, "",
                                    "XML sans élément racine", "XML without a root element"));
    return out;
  }
  XmlBuilder builder(name, lines, tree);
  out.ok = builder.build(root);
  out.errors = std::move(builder.errors);
  return out;
}

}  // namespace clef::detail
