// Internal: a pugixml document with positions, shared by the rule-pack,
// registry and lexicon loaders so that every error says file:line:column.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "../read/raw_tree.h"
#include "../util/unicode.h"
#include "clef/ruleset.h"

namespace clef::detail {

class XmlSource {
 public:
  // Rule packs and templates are trusted, but read as carefully as inputs:
  // UTF-8 text only, no character reference to a forbidden character, no
  // DOCTYPE (so no entity), one root element.
  XmlSource(const std::string& file, const std::string& bytes, std::vector<LoadError>& errors)
      : file_(file), bytes_(bytes), lines_(bytes_), errors_(errors) {
    if (TextFault fault = find_text_fault(bytes_)) {
      error_at(static_cast<uint32_t>(fault.offset),
               fault.encoding ? "UTF-8 invalide (attendu : texte UTF-8)"
                              : "caractère interdit : " + char_fault(fault.code_point, true));
      return;
    }
    if (CharReference bad = find_bad_char_reference(bytes_); bad.offset != std::string::npos) {
      error_at(static_cast<uint32_t>(bad.offset),
               "référence de caractère « " + std::string(bad.written) +
                   " » interdite : " + char_fault(bad.code_point, true));
      return;
    }
    auto result = doc_.load_buffer(bytes_.data(), bytes_.size(),
                                   pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) {
      error_at(static_cast<uint32_t>(result.offset),
               std::string("XML mal formé : ") + result.description());
      return;
    }
    for (pugi::xml_node n = doc_.first_child(); n; n = n.next_sibling()) {
      if (n.type() == pugi::node_doctype) {
        error_at(static_cast<uint32_t>(n.offset_debug()),
                 "DOCTYPE interdit (aucune entité ni DTD n'est admise)");
        return;
      }
    }
    ok_ = true;
  }

  bool ok() const { return ok_; }
  pugi::xml_node root() const { return doc_.document_element(); }
  const std::string& file() const { return file_; }

  // pugixml places an element at its name; we point at its '<'.
  SourcePosition position(pugi::xml_node node) const {
    auto offset = static_cast<uint32_t>(node.offset_debug());
    if (node.type() == pugi::node_element && offset > 0 && bytes_[offset - 1] == '<') --offset;
    return lines_.position(offset);
  }
  void error_in_text(pugi::xml_node element, size_t offset_in_text, std::string message) const {
    pugi::xml_node text = element.first_child();
    if (!text || (text.type() != pugi::node_pcdata && text.type() != pugi::node_cdata))
      return error(element, std::move(message));
    errors_.push_back({file_,
                       lines_.position(static_cast<uint32_t>(text.offset_debug() + offset_in_text)),
                       std::move(message)});
  }
  // pugixml keeps no position for attributes: find the value after its name,
  // before the next '<' (which an attribute value cannot contain).
  uint32_t attribute_offset(pugi::xml_node node, const char* name) const {
    size_t from = node.offset_debug();
    size_t end = std::min(bytes_.find('<', from), bytes_.size());
    std::string_view tag(bytes_.data() + from, end - from);
    for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
      size_t after = at + std::char_traits<char>::length(name);
      bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\n' || tag[at - 1] == '\t' ||
                               tag[at - 1] == '\r');
      while (after < tag.size() && tag[after] == ' ') ++after;
      if (!starts || after >= tag.size() || tag[after] != '=') continue;
      ++after;
      while (after < tag.size() && tag[after] == ' ') ++after;
      if (after < tag.size() && (tag[after] == '"' || tag[after] == '\'')) ++after;
      return static_cast<uint32_t>(from + after);
    }
    return static_cast<uint32_t>(from);
  }
  void error_in_attribute(pugi::xml_node node, const char* name, size_t offset_in_value,
                          std::string message) const {
    error_at(static_cast<uint32_t>(attribute_offset(node, name) + offset_in_value),
             std::move(message));
  }
  void error(pugi::xml_node node, std::string message) const {
    errors_.push_back({file_, position(node), std::move(message)});
  }
  void error_at(uint32_t offset, std::string message) const {
    errors_.push_back({file_, lines_.position(offset), std::move(message)});
  }

  // A required attribute; reports its absence.
  std::string required(pugi::xml_node node, const char* name) const {
    pugi::xml_attribute a = node.attribute(name);
    if (!a)
      error(node, "attribut « " + std::string(name) + " » manquant sur <" + node.name() + ">");
    return a.value();
  }

  // Both languages of a localised element (<title lang="fr">…</title>).
  Localized localized(pugi::xml_node parent, const char* element, bool required_both) const {
    Localized out;
    for (pugi::xml_node n = parent.child(element); n; n = n.next_sibling(element)) {
      std::string lang = n.attribute("lang").value();
      std::string text = collapse(n.child_value());
      if (lang == "fr")
        out.fr = text;
      else if (lang == "en")
        out.en = text;
      else
        error(n, "<" + std::string(element) + "> : attribut lang=\"fr\" ou lang=\"en\" attendu");
    }
    if (required_both && (out.fr.empty() || out.en.empty()))
      error(parent, "<" + std::string(element) + "> requis en français et en anglais sur <" +
                        parent.name() + " id=\"" + parent.attribute("id").value() + "\">");
    return out;
  }

  // XML text with its line breaks and indentation folded to single spaces.
  static std::string collapse(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ', space = false;
      out += c;
    }
    return out;
  }

 private:
  std::string file_;
  const std::string& bytes_;
  LineTable lines_;
  std::vector<LoadError>& errors_;
  pugi::xml_document doc_;
  bool ok_ = false;
};

}  // namespace clef::detail
