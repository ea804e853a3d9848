// The canonical form of a document: one line per known field, in catalogue
// order, values in a locale-free spelling. Same content in XML or JSON gives
// the same bytes, which is what makes decision ids syntax-independent.
#include <charconv>

#include "clef/model.h"

namespace clef {
namespace {

void append_number(std::string& out, double n) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, r.ptr);
}

// Length-prefixed so that no text can forge a field boundary.
void append_text(std::string& out, const std::string& s) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, s.size());
  out.append(buf, r.ptr);
  out += ':';
  out += s;
}

void append_value(std::string& out, const Value& v) {
  struct Visitor {
    std::string& out;
    void operator()(std::monostate) const { out += '?'; }
    void operator()(bool b) const { out += b ? "true" : "false"; }
    void operator()(double n) const { append_number(out, n); }
    void operator()(const std::string& s) const { append_text(out, s); }
    void operator()(const Date& d) const { out += d.iso(); }
    void operator()(const Money& m) const { out += m.plain(); }
    void operator()(const TextList& l) const {
      out += '[';
      for (auto& s : l) append_text(out, s), out += ',';
      out += ']';
    }
    void operator()(const RecordList& l) const {
      out += '[';
      for (auto& r : l) {
        out += '{';
        for (auto& field : r) append_value(out, field), out += ';';
        out += '}';
      }
      out += ']';
    }
  };
  std::visit(Visitor{out}, v.data);
}

}  // namespace

std::string canonical_form(const Document& document) {
  std::string out;
  out.reserve(8192);
  out += to_string(document.kind);
  out += '\n';
  auto fields = catalogue();
  for (size_t i = 0; i < document.values.size(); ++i) {
    if (fields[i].derived || !document.values[i].known()) continue;
    out += fields[i].path;
    out += '=';
    append_value(out, document.values[i]);
    out += '\n';
  }
  return out;
}

}  // namespace clef
