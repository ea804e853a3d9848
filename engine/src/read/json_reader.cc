// JSON front end: RapidJSON's SAX reader, iterative (so deep input cannot
// overflow the stack), numbers kept as written (so money stays exact), and
// the stream offset at each event for line and column. nlohmann-json stays
// the library for writing JSON; reading is the hot path of every check and
// RapidJSON's reader is several times faster (bench/README.md).
#include <rapidjson/error/error.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>

#include "../util/unicode.h"
#include "raw_tree.h"

namespace clef::detail {
namespace {

class Builder {
 public:
  Builder(RawTree& tree, const rapidjson::MemoryStream& stream) : tree_(tree), stream_(stream) {}

  bool too_deep = false;
  // Set when the handler stopped the parse itself, with where and why.
  bool bad_char = false;
  uint32_t duplicate_at = 0;
  bool duplicate = false;
  std::string duplicate_pointer, duplicate_name;

  bool Null() { return scalar(RawNode::Kind::null, "null"); }
  bool Bool(bool v) { return scalar(RawNode::Kind::boolean, v ? "true" : "false"); }
  // Only RawNumber is called with kParseNumbersAsStringsFlag; the others
  // complete the handler concept.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return scalar(RawNode::Kind::number, keep(s, n));
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (!text_ok(s, n)) return false;
    return scalar(RawNode::Kind::text, keep(s, n));
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (!text_ok(s, n)) return false;
    pending_key_ = keep(s, n);
    pending_key_end_ = static_cast<uint32_t>(stream_.Tell());
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
    key_end_.push_back(pending_key_end_);
    node.offset = offset();
    tree_.nodes.push_back(node);
    auto index = static_cast<int32_t>(tree_.nodes.size() - 1);
    if (stack_.empty()) {
      tree_.root = index;
    } else {
      Open& parent = stack_.back();
      if (parent.last_child < 0)
        tree_.nodes[parent.index].first_child = index;
      else
        tree_.nodes[parent.last_child].next_sibling = index;
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
    if (tree_.nodes[stack_.back().index].kind == RawNode::Kind::object && !unique_keys())
      return false;
    stack_.pop_back();
    return true;
  }

  // The raw bytes were checked before parsing, so a character that text may
  // not hold can only come from a \u escape: a control (\u0000), a lone
  // surrogate half (RapidJSON refuses a lone high half, not a lone low one),
  // or U+FFFE / U+FFFF. Looks for their UTF-8 forms.
  bool text_ok(const char* s, size_t n) {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    for (size_t i = 0; i < n; ++i) {
      unsigned char c = p[i];
      bool bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                 (c == 0xED && i + 1 < n && p[i + 1] >= 0xA0) ||
                 (c == 0xEF && i + 2 < n && p[i + 1] == 0xBF && p[i + 2] >= 0xBE);
      if (bad) {
        bad_char = true;
        return false;
      }
    }
    return true;
  }

  // Every key of the object being closed appears once: a duplicate is
  // refused at any level (the binder could not tell which one was meant).
  // Sorting keeps a hostile object of many keys from costing n².
  bool unique_keys() {
    std::vector<std::pair<std::string_view, int32_t>> keys;
    for (int32_t c = tree_.nodes[stack_.back().index].first_child; c >= 0;
         c = tree_.nodes[c].next_sibling)
      keys.emplace_back(tree_.nodes[c].name, c);
    if (keys.size() < 2) return true;
    std::sort(keys.begin(), keys.end());
    int32_t second = -1;
    for (size_t i = 1; i < keys.size(); ++i)
      if (keys[i].first == keys[i - 1].first && (second < 0 || keys[i].second < second))
        second = keys[i].second;
    if (second < 0) return true;
    duplicate = true;
    duplicate_at = key_end_[static_cast<size_t>(second)];
    duplicate_name = tree_.nodes[second].name;
    duplicate_pointer = pointer_to(second);
    return false;
  }

  // The JSON Pointer of node `index`, a child of the innermost open node.
  std::string pointer_to(int32_t index) const {
    std::string out;
    for (size_t level = 0; level < stack_.size(); ++level) {
      int32_t node = level + 1 < stack_.size() ? stack_[level + 1].index : index;
      const RawNode& parent = tree_.nodes[stack_[level].index];
      if (parent.kind == RawNode::Kind::array) {
        int position = 0;
        for (int32_t c = parent.first_child; c >= 0 && c != node; c = tree_.nodes[c].next_sibling)
          ++position;
        out += "/" + std::to_string(position);
      } else {
        out += "/" + escape_pointer(tree_.nodes[node].name);
      }
    }
    return out;
  }

  static std::string escape_pointer(std::string_view name) {
    std::string out;
    for (char c : name) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }

  struct Open {
    int32_t index;
    int32_t last_child;
  };
  RawTree& tree_;
  const rapidjson::MemoryStream& stream_;
  std::string_view pending_key_;
  uint32_t pending_key_end_ = 0;
  std::vector<uint32_t> key_end_;  // by node: just past its key, for messages
  std::vector<Open> stack_;
};

// RapidJSON's error codes, said in both languages.
std::pair<const char*, const char*> describe(rapidjson::ParseErrorCode code) {
  using namespace rapidjson;
  switch (code) {
    case kParseErrorDocumentEmpty:
      return {"document vide", "empty document"};
    case kParseErrorDocumentRootNotSingular:
      return {"contenu après la fin du document", "content after the end of the document"};
    case kParseErrorValueInvalid:
      return {"valeur invalide", "invalid value"};
    case kParseErrorObjectMissName:
      return {"nom de champ attendu", "expected a field name"};
    case kParseErrorObjectMissColon:
      return {"« : » attendu après le nom du champ", "expected ':' after the field name"};
    case kParseErrorObjectMissCommaOrCurlyBracket:
      return {"« , » ou « } » attendu", "expected ',' or '}'"};
    case kParseErrorArrayMissCommaOrSquareBracket:
      return {"« , » ou « ] » attendu", "expected ',' or ']'"};
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return {"échappement \\u invalide", "invalid \\u escape"};
    case kParseErrorStringUnicodeSurrogateInvalid:
      return {"paire de substitution invalide", "invalid surrogate pair"};
    case kParseErrorStringEscapeInvalid:
      return {"échappement invalide", "invalid escape"};
    case kParseErrorStringMissQuotationMark:
      return {"guillemet fermant manquant", "missing closing quotation mark"};
    case kParseErrorStringInvalidEncoding:
      return {"encodage invalide", "invalid encoding"};
    case kParseErrorNumberTooBig:
      return {"nombre trop grand", "number too big"};
    case kParseErrorNumberMissFraction:
      return {"chiffres attendus après le point", "expected digits after the point"};
    case kParseErrorNumberMissExponent:
      return {"exposant attendu", "expected an exponent"};
    default:
      return {"erreur de syntaxe", "syntax error"};
  }
}

// The escape inside the string literal that ends just before `end` that
// stands for a character text may not hold, and that character. The
// literal's opening quote is the first '"' before it that no backslash
// escapes; the escapes are then read forward.
struct Escape {
  size_t offset = 0;
  std::string_view written;
  char32_t code_point = 0;
};

// The opening quote of the string literal whose closing quote is at `close`.
size_t literal_start(std::string_view text, size_t close) {
  size_t open = close;
  while (open > 0) {
    --open;
    if (text[open] != '"') continue;
    size_t backslashes = 0;
    while (open >= backslashes + 1 && text[open - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) break;
  }
  return open;
}

Escape find_bad_escape(std::string_view text, size_t end) {
  size_t close = end > 0 ? end - 1 : 0;
  size_t open = literal_start(text, close);
  auto hex4 = [&](size_t at) -> int32_t {
    if (at + 6 > close || text[at] != '\\' || text[at + 1] != 'u') return -1;
    int32_t v = 0;
    for (size_t k = at + 2; k < at + 6; ++k) {
      char c = text[k];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  for (size_t i = open + 1; i < close; ++i) {
    if (text[i] != '\\') continue;
    int32_t v = hex4(i);
    if (v < 0) {
      ++i;  // a one-character escape such as \" or \n
      continue;
    }
    if (v >= 0xD800 && v <= 0xDBFF) {
      int32_t low = hex4(i + 6);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 11;
        continue;
      }
    }
    if (!is_text_char(static_cast<char32_t>(v)))
      return {i, text.substr(i, 6), static_cast<char32_t>(v)};
    i += 5;
  }
  return {open, text.substr(open, 1), 0xFFFF};  // not reached on a literal the handler refused
}

}  // namespace

ParseOutcome parse_json(std::string_view text, std::string_view name, const LineTable& lines,
                        RawTree& tree) {
  ParseOutcome out;
  rapidjson::MemoryStream stream(text.data(), text.size());
  Builder builder(tree, stream);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag |
                              rapidjson::kParseValidateEncodingFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
  // RapidJSON's stream reads a NUL as the end of the text: whatever follows
  // the value must be looked at here.
  if (result && stream.Tell() < text.size()) {
    result.Set(rapidjson::kParseErrorDocumentRootNotSingular, stream.Tell());
  }
  if (result) {
    out.ok = true;
    return out;
  }
  auto offset = static_cast<uint32_t>(result.Offset());
  if (builder.too_deep) {
    out.errors.push_back(
        make_error("too_deep", name, lines.position(offset), "",
                   "imbrication trop profonde (au plus " + std::to_string(kMaxDepth) + " niveaux)",
                   "nesting too deep (at most " + std::to_string(kMaxDepth) + " levels)"));
    return out;
  }
  if (builder.bad_char) {
    Escape e = find_bad_escape(text, stream.Tell());
    out.errors.push_back(char_error(name, lines, e.offset, e.written, e.code_point));
    return out;
  }
  if (builder.duplicate) {
    std::string quoted = std::string(utf8_prefix(builder.duplicate_name, 60));
    size_t key = literal_start(text, builder.duplicate_at > 0 ? builder.duplicate_at - 1 : 0);
    out.errors.push_back(make_error("duplicate_field", name,
                                    lines.position(static_cast<uint32_t>(key)),
                                    builder.duplicate_pointer, "champ « " + quoted + " » en double",
                                    "duplicate field '" + quoted + "'"));
    return out;
  }
  auto [fr, en] = describe(result.Code());
  // Show what stands at the error, so that "expected ',' or '}'" points at something.
  std::string_view at = utf8_prefix(text.substr(std::min<size_t>(offset, text.size())), 12);
  if (auto nl = at.find('\n'); nl != std::string_view::npos) at = at.substr(0, nl);
  std::string found_fr =
      offset < text.size() ? " (trouvé : « " + std::string(at) + " »)" : " (fin du texte)";
  std::string found_en =
      offset < text.size() ? " (found: '" + std::string(at) + "')" : " (end of text)";
  out.errors.push_back(make_error("json_syntax", name, lines.position(offset), "",
                                  std::string("JSON mal formé : ") + fr + found_fr,
                                  std::string("malformed JSON: ") + en + found_en));
  return out;
}

}  // namespace clef::detail
