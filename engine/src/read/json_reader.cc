// JSON front end: RapidJSON's SAX reader, iterative (so deep input cannot
// overflow the stack), numbers kept as written (so money stays exact), and
// the stream offset at each event for line and column. nlohmann-json stays
// the library for writing JSON; reading is the hot path of every check and
// RapidJSON's reader is several times faster (bench/README.md).
#include <rapidjson/error/error.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "raw_tree.h"

namespace clef::detail {
namespace {

class Builder {
 public:
  Builder(RawTree& tree, const rapidjson::MemoryStream& stream) : tree_(tree), stream_(stream) {}

  bool too_deep = false;

  bool Null() { return scalar(RawNode::Kind::null, "null"); }
  bool Bool(bool v) { return scalar(RawNode::Kind::boolean, v ? "true" : "false"); }
  // Only RawNumber is called with kParseNumbersAsStringsFlag; the others
  // complete the handler concept.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return scalar(RawNode::Kind::number, keep(s, n)); }
  bool String(const char* s, rapidjson::SizeType n, bool) { return scalar(RawNode::Kind::text, keep(s, n)); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    pending_key_ = keep(s, n);
    return true;
  }
  bool StartObject() { return open(RawNode::Kind::object); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(RawNode::Kind::array); }
  bool EndArray(rapidjson::SizeType) { return close(); }

 private:
  std::string_view keep(const char* s, size_t n) { return tree_.storage.emplace_back(s, n); }

  // The stream is just past the token: good enough to name its line.
  uint32_t offset() const {
    size_t t = stream_.Tell();
    return static_cast<uint32_t>(t > 0 ? t - 1 : 0);
  }

  int32_t append(RawNode::Kind kind) {
    RawNode node;
    node.kind = kind;
    node.name = pending_key_;
    pending_key_ = {};
    node.offset = offset();
    tree_.nodes.push_back(node);
    auto index = static_cast<int32_t>(tree_.nodes.size() - 1);
    if (stack_.empty()) {
      tree_.root = index;
    } else {
      Open& parent = stack_.back();
      if (parent.last_child < 0) tree_.nodes[parent.index].first_child = index;
      else tree_.nodes[parent.last_child].next_sibling = index;
      parent.last_child = index;
    }
    return index;
  }

  bool scalar(RawNode::Kind kind, std::string_view text) {
    tree_.nodes[append(kind)].text = text;
    return true;
  }

  bool open(RawNode::Kind kind) {
    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
      too_deep = true;
      return false;
    }
    stack_.push_back({append(kind), -1});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  struct Open {
    int32_t index;
    int32_t last_child;
  };
  RawTree& tree_;
  const rapidjson::MemoryStream& stream_;
  std::string_view pending_key_;
  std::vector<Open> stack_;
};

// RapidJSON's error codes, said in both languages.
std::pair<const char*, const char*> describe(rapidjson::ParseErrorCode code) {
  using namespace rapidjson;
  switch (code) {
    case kParseErrorDocumentEmpty: return {"document vide", "empty document"};
    case kParseErrorDocumentRootNotSingular:
      return {"contenu après la fin du document", "content after the end of the document"};
    case kParseErrorValueInvalid: return {"valeur invalide", "invalid value"};
    case kParseErrorObjectMissName: return {"nom de champ attendu", "expected a field name"};
    case kParseErrorObjectMissColon: return {"« : » attendu après le nom du champ", "expected ':' after the field name"};
    case kParseErrorObjectMissCommaOrCurlyBracket: return {"« , » ou « } » attendu", "expected ',' or '}'"};
    case kParseErrorArrayMissCommaOrSquareBracket: return {"« , » ou « ] » attendu", "expected ',' or ']'"};
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return {"échappement \\u invalide", "invalid \\u escape"};
    case kParseErrorStringUnicodeSurrogateInvalid:
      return {"paire de substitution invalide", "invalid surrogate pair"};
    case kParseErrorStringEscapeInvalid: return {"échappement invalide", "invalid escape"};
    case kParseErrorStringMissQuotationMark: return {"guillemet fermant manquant", "missing closing quotation mark"};
    case kParseErrorStringInvalidEncoding: return {"encodage invalide", "invalid encoding"};
    case kParseErrorNumberTooBig: return {"nombre trop grand", "number too big"};
    case kParseErrorNumberMissFraction: return {"chiffres attendus après le point", "expected digits after the point"};
    case kParseErrorNumberMissExponent: return {"exposant attendu", "expected an exponent"};
    default: return {"erreur de syntaxe", "syntax error"};
  }
}

}  // namespace

ParseOutcome parse_json(std::string_view text, std::string_view name, const LineTable& lines, RawTree& tree) {
  ParseOutcome out;
  rapidjson::MemoryStream stream(text.data(), text.size());
  Builder builder(tree, stream);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag |
                              rapidjson::kParseValidateEncodingFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
  if (result) {
    out.ok = true;
    return out;
  }
  auto offset = static_cast<uint32_t>(result.Offset());
  if (builder.too_deep) {
    out.errors.push_back(make_error("too_deep", name, lines.position(offset), "",
                                    "imbrication trop profonde (au plus " + std::to_string(kMaxDepth) + " niveaux)",
                                    "nesting too deep (at most " + std::to_string(kMaxDepth) + " levels)"));
    return out;
  }
  auto [fr, en] = describe(result.Code());
  // Show what stands at the error, so that "expected ',' or '}'" points at something.
  std::string_view at = text.substr(offset, 12);
  if (auto nl = at.find('\n'); nl != std::string_view::npos) at = at.substr(0, nl);
  std::string found_fr = offset < text.size() ? " (trouvé : « " + std::string(at) + " »)" : " (fin du texte)";
  std::string found_en = offset < text.size() ? " (found: '" + std::string(at) + "')" : " (end of text)";
  out.errors.push_back(make_error("json_syntax", name, lines.position(offset), "",
                                  std::string("JSON mal formé : ") + fr + found_fr,
                                  std::string("malformed JSON: ") + en + found_en));
  return out;
}

}  // namespace clef::detail
