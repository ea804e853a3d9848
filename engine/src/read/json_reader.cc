// JSON front end: nlohmann's SAX parser (iterative, so deep input cannot
// overflow the stack) feeding the raw tree. A counting iterator tells us
// where each value ends, for line and column.
#include <charconv>
#include <iterator>
#include <nlohmann/json.hpp>

#include "raw_tree.h"

namespace clef::detail {
namespace {

// An input iterator that publishes how far the parser has read.
struct TrackingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const char** cursor = nullptr;

  reference operator*() const { return *p; }
  TrackingIterator& operator++() {
    ++p;
    *cursor = p;
    return *this;
  }
  TrackingIterator operator++(int) {
    auto copy = *this;
    ++*this;
    return copy;
  }
  bool operator==(const TrackingIterator& o) const { return p == o.p; }
  bool operator!=(const TrackingIterator& o) const { return p != o.p; }
};

class Builder : public nlohmann::json_sax<nlohmann::json> {
 public:
  Builder(std::string_view text, std::string_view name, const LineTable& lines, RawTree& tree)
      : text_(text), name_(name), lines_(lines), tree_(tree), cursor_(text.data()) {}

  const char** cursor() { return &cursor_; }
  std::vector<InputError> errors;

  bool null() override { return scalar(RawNode::Kind::null, "null"); }
  bool boolean(bool v) override { return scalar(RawNode::Kind::boolean, v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return integer(v); }
  bool number_unsigned(number_unsigned_t v) override { return integer(v); }
  bool number_float(number_float_t, const string_t& raw) override {
    return scalar(RawNode::Kind::number, keep(raw));
  }
  bool string(string_t& s) override { return scalar(RawNode::Kind::text, keep(s)); }
  bool binary(binary_t&) override { return scalar(RawNode::Kind::null, "binary"); }

  bool start_object(std::size_t) override { return open(RawNode::Kind::object); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(RawNode::Kind::array); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    pending_key_ = keep(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    // nlohmann's message repeats the position; keep its description only.
    std::string what = ex.what();
    if (auto colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    uint32_t offset = position > 0 ? static_cast<uint32_t>(position - 1) : 0;
    errors.push_back(make_error("json_syntax", name_, lines_.position(offset), "",
                                "JSON mal formé : " + what + " (lu : « " + last_token + " »)",
                                "malformed JSON: " + what + " (read: '" + last_token + "')"));
    return false;
  }

 private:
  std::string_view keep(const std::string& s) { return tree_.storage.emplace_back(s); }

  // nlohmann gives no raw spelling for integers; write it back out.
  template <class Int>
  bool integer(Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return scalar(RawNode::Kind::number, keep(std::string(buf, r.ptr)));
  }

  int32_t append(RawNode::Kind kind) {
    RawNode node;
    node.kind = kind;
    node.name = pending_key_;
    pending_key_ = {};
    node.offset = static_cast<uint32_t>(cursor_ - text_.data());
    if (node.offset > 0) --node.offset;
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
    int32_t index = append(kind);
    tree_.nodes[index].text = text;
    return true;
  }

  bool open(RawNode::Kind kind) {
    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
      errors.push_back(make_error(
          "too_deep", name_, lines_.position(static_cast<uint32_t>(cursor_ - text_.data())), "",
          "imbrication trop profonde (au plus " + std::to_string(kMaxDepth) + " niveaux)",
          "nesting too deep (at most " + std::to_string(kMaxDepth) + " levels)"));
      return false;
    }
    int32_t index = append(kind);
    stack_.push_back({index, -1});
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
  std::string_view text_;
  std::string_view name_;
  const LineTable& lines_;
  RawTree& tree_;
  const char* cursor_;
  std::string_view pending_key_;
  std::vector<Open> stack_;
};

}  // namespace

ParseOutcome parse_json(std::string_view text, std::string_view name, const LineTable& lines,
                        RawTree& tree) {
  ParseOutcome out;
  Builder builder(text, name, lines, tree);
  TrackingIterator first{text.data(), builder.cursor()};
  TrackingIterator last{text.data() + text.size(), builder.cursor()};
  bool ok = nlohmann::json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json,
                                      /*strict=*/true);
  out.ok = ok && builder.errors.empty() && tree.root >= 0;
  out.errors = std::move(builder.errors);
  if (!out.ok && out.errors.empty()) {
    out.errors.push_back(make_error("json_syntax", name, {1, 1}, "", "JSON vide", "empty JSON"));
  }
  return out;
}

}  // namespace clef::detail
