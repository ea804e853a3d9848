// The binder checks a raw tree against the field catalogue and builds the
// typed document: one content model whatever the syntax. It reports every
// problem it finds (up to a cap) rather than stopping at the first.
#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_set>

#include "../model/countries.h"
#include "../util/unicode.h"
#include "raw_tree.h"

namespace clef::detail {
namespace {

constexpr size_t kMaxErrors = 50;
using Kind = RawNode::Kind;

// Dotted prefixes that name a group of fields ("host", "volunteer"), per kind.
bool is_group(DocumentKind kind, std::string_view path) {
  static const auto groups = [] {
    std::array<std::unordered_set<std::string>, 3> g;
    for (const auto& f : catalogue()) {
      if (f.derived) continue;
      std::string_view p = f.path;
      for (size_t dot = p.find('.'); dot != std::string_view::npos; dot = p.find('.', dot + 1)) {
        for (auto k : {DocumentKind::mission, DocumentKind::agreement})
          if (f.in(k)) g[static_cast<int>(k)].emplace(p.substr(0, dot));
      }
    }
    return g;
  }();
  return groups[static_cast<int>(kind)].count(std::string(path)) != 0;
}

std::string_view type_fr(FieldType t) {
  switch (t) {
    case FieldType::text: return "un texte";
    case FieldType::boolean: return "un booléen (true ou false)";
    case FieldType::integer: return "un nombre entier";
    case FieldType::decimal: return "un nombre";
    case FieldType::date: return "une date AAAA-MM-JJ";
    case FieldType::money: return "un montant avec sa devise";
    case FieldType::country: return "un code pays ISO 3166 (ex. FR)";
    case FieldType::enumeration: return "une valeur de la liste";
    case FieldType::text_list: return "une liste de textes";
    case FieldType::record_list: return "une liste d'objets";
  }
  return "";
}

std::string_view type_en(FieldType t) {
  switch (t) {
    case FieldType::text: return "a text";
    case FieldType::boolean: return "a boolean (true or false)";
    case FieldType::integer: return "a whole number";
    case FieldType::decimal: return "a number";
    case FieldType::date: return "a YYYY-MM-DD date";
    case FieldType::money: return "an amount with its currency";
    case FieldType::country: return "an ISO 3166 country code (e.g. FR)";
    case FieldType::enumeration: return "a value from the list";
    case FieldType::text_list: return "a list of texts";
    case FieldType::record_list: return "a list of objects";
  }
  return "";
}

std::string describe(const RawNode& n) {
  switch (n.kind) {
    case Kind::object: return "{…}";
    case Kind::array: return "[…]";
    case Kind::null: return "null";
    case Kind::text:
      if (n.from_xml) return "« " + std::string(n.text.substr(0, 60)) + " »";
      return "\"" + std::string(n.text.substr(0, 60)) + "\"";
    default: return std::string(n.text.substr(0, 60));
  }
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

class Binder {
 public:
  Binder(const RawTree& tree, std::string_view name, const LineTable& lines)
      : tree_(tree), name_(name), lines_(lines) {}

  ReadResult run() {
    ReadResult result;
    const RawNode& root = tree_.nodes[tree_.root];
    Document doc;
    doc.source = std::string(name_);
    if (!root_kind(root, doc.kind)) {
      result.errors = std::move(errors_);
      return result;
    }
    doc.values.resize(catalogue().size());
    doc.positions.resize(catalogue().size());
    doc_ = &doc;
    pointer_ = root.from_xml ? "/" + std::string(root.name) : "";
    bind_group(root, "");
    check_dates();
    if (!errors_.empty()) {
      result.errors = std::move(errors_);
      return result;
    }
    result.document = std::move(doc);
    return result;
  }

 private:
  bool root_kind(const RawNode& root, DocumentKind& kind) {
    if (root.from_xml) {
      if (root.name == "mission") return kind = DocumentKind::mission, true;
      if (root.name == "agreement") return kind = DocumentKind::agreement, true;
      error("unknown_root", root, "",
            "élément racine <" + std::string(root.name) + "> inattendu (attendu : <mission> ou <agreement>)",
            "unexpected root element <" + std::string(root.name) + "> (expected <mission> or <agreement>)");
      return false;
    }
    if (root.kind != Kind::object) {
      error("wrong_type", root, "", "le document doit être un objet JSON, trouvé " + describe(root),
            "the document must be a JSON object, found " + describe(root));
      return false;
    }
    for (int32_t c = root.first_child; c >= 0; c = tree_.nodes[c].next_sibling) {
      const RawNode& child = tree_.nodes[c];
      if (child.name != "kind") continue;
      if (child.kind == Kind::text && child.text == "mission") return kind = DocumentKind::mission, true;
      if (child.kind == Kind::text && child.text == "agreement") return kind = DocumentKind::agreement, true;
      error("wrong_value", child, "/kind",
            "« kind » vaut " + describe(child) + " (attendu : \"mission\" ou \"agreement\")",
            "'kind' is " + describe(child) + " (expected \"mission\" or \"agreement\")");
      return false;
    }
    error("missing_kind", root, "", "champ « kind » absent (attendu : \"mission\" ou \"agreement\")",
          "field 'kind' missing (expected \"mission\" or \"agreement\")");
    return false;
  }

  void bind_group(const RawNode& node, const std::string& prefix) {
    std::unordered_set<std::string_view> seen;
    for (int32_t c = node.first_child; c >= 0; c = tree_.nodes[c].next_sibling) {
      if (errors_.size() >= kMaxErrors) return;
      const RawNode& child = tree_.nodes[c];
      if (prefix.empty() && !child.from_xml && (child.name == "kind" || child.name == "$schema"))
        continue;
      std::string path = prefix.empty() ? std::string(child.name) : prefix + "." + std::string(child.name);
      std::string saved = pointer_;
      pointer_ += "/" + std::string(child.name);
      if (!seen.insert(child.name).second) {
        error("duplicate_field", child, pointer_, "champ « " + path + " » en double",
              "duplicate field '" + path + "'");
      } else if (auto id = find_field(path); id && !field(*id).derived && field(*id).in(doc_->kind)) {
        bind_field(child, *id);
      } else if (is_group(doc_->kind, path)) {
        if (child.kind != Kind::object) {
          error("wrong_type", child, pointer_,
                "« " + path + " » doit regrouper des champs, trouvé " + describe(child),
                "'" + path + "' must group fields, found " + describe(child));
        } else {
          bind_group(child, path);
        }
      } else {
        unknown_field(child, prefix, path);
      }
      pointer_ = std::move(saved);
    }
  }

  void unknown_field(const RawNode& node, const std::string& prefix, const std::string& path) {
    std::string best;
    size_t best_distance = 3;
    for (const auto& f : catalogue()) {
      if (f.derived || !f.in(doc_->kind)) continue;
      std::string_view p = f.path;
      if (!prefix.empty()) {
        if (!p.starts_with(prefix + ".")) continue;
        p.remove_prefix(prefix.size() + 1);
      }
      p = p.substr(0, p.find('.'));
      size_t d = edit_distance(node.name, p);
      if (d < best_distance) best_distance = d, best = std::string(p);
    }
    std::string hint_fr = best.empty() ? "" : " ; vouliez-vous dire « " + best + " » ?";
    std::string hint_en = best.empty() ? "" : "; did you mean '" + best + "'?";
    error("unknown_field", node, pointer_,
          "champ inconnu « " + path + " » pour un document " +
              std::string(doc_->kind == DocumentKind::mission ? "mission" : "agreement") + hint_fr,
          "unknown field '" + path + "' for a " + std::string(to_string(doc_->kind)) + " document" +
              hint_en);
  }

  void bind_field(const RawNode& node, FieldId id) {
    const FieldSpec& spec = field(id);
    doc_->positions[id] = lines_.position(node.offset);
    if (node.kind == Kind::null) return;  // explicit null = unknown
    switch (spec.type) {
      case FieldType::text_list: doc_->values[id] = text_list(node, spec); return;
      case FieldType::record_list: doc_->values[id] = record_list(node, spec); return;
      default: doc_->values[id] = scalar(node, spec.type, spec.values, spec.path); return;
    }
  }

  // Children of a list node: XML item elements or JSON array members.
  template <class F>
  void each_item(const RawNode& list, std::string_view item, std::string_view path, F&& f) {
    bool ok = list.from_xml ? (list.kind == Kind::object || (list.kind == Kind::text && list.text.empty()))
                            : list.kind == Kind::array;
    if (!ok) {
      error("wrong_type", list, pointer_,
            "« " + std::string(path) + " » doit être une liste, trouvé " + describe(list),
            "'" + std::string(path) + "' must be a list, found " + describe(list));
      return;
    }
    size_t i = 0;
    for (int32_t c = list.first_child; c >= 0; c = tree_.nodes[c].next_sibling, ++i) {
      const RawNode& child = tree_.nodes[c];
      std::string saved = pointer_;
      pointer_ += "/" + std::to_string(i);
      if (list.from_xml && child.name != item) {
        error("unknown_field", child, pointer_,
              "élément <" + std::string(child.name) + "> inattendu dans « " + std::string(path) +
                  " » (attendu : <" + std::string(item) + ">)",
              "unexpected element <" + std::string(child.name) + "> in '" + std::string(path) +
                  "' (expected <" + std::string(item) + ">)");
      } else {
        f(child);
      }
      pointer_ = std::move(saved);
    }
  }

  Value text_list(const RawNode& node, const FieldSpec& spec) {
    TextList out;
    each_item(node, spec.item, spec.path, [&](const RawNode& item) {
      Value v = scalar(item, FieldType::text, {}, spec.path);
      if (auto* s = std::get_if<std::string>(&v.data)) out.push_back(std::move(*s));
    });
    return Value(std::move(out));
  }

  Value record_list(const RawNode& node, const FieldSpec& spec) {
    RecordList out;
    each_item(node, spec.item, spec.path, [&](const RawNode& item) {
      if (item.kind != Kind::object) {
        error("wrong_type", item, pointer_,
              "un élément de « " + std::string(spec.path) + " » doit être un objet, trouvé " + describe(item),
              "an item of '" + std::string(spec.path) + "' must be an object, found " + describe(item));
        return;
      }
      Record record(spec.sub_fields.size());
      std::unordered_set<std::string_view> seen;
      for (int32_t c = item.first_child; c >= 0; c = tree_.nodes[c].next_sibling) {
        const RawNode& sub = tree_.nodes[c];
        std::string saved = pointer_;
        pointer_ += "/" + std::string(sub.name);
        std::string path = std::string(spec.path) + "." + std::string(sub.name);
        auto index = find_sub_field(static_cast<FieldId>(&spec - catalogue().data()), sub.name);
        if (!index) {
          std::string allowed;
          for (auto& s : spec.sub_fields) allowed += (allowed.empty() ? "" : ", ") + std::string(s.name);
          error("unknown_field", sub, pointer_,
                "champ inconnu « " + std::string(sub.name) + " » dans « " + std::string(spec.path) +
                    " » (attendu : " + allowed + ")",
                "unknown field '" + std::string(sub.name) + "' in '" + std::string(spec.path) +
                    "' (expected: " + allowed + ")");
        } else if (!seen.insert(sub.name).second) {
          error("duplicate_field", sub, pointer_, "champ « " + path + " » en double",
                "duplicate field '" + path + "'");
        } else if (sub.kind != Kind::null) {
          const SubFieldSpec& s = spec.sub_fields[*index];
          record[*index] = scalar(sub, s.type, s.values, path);
        }
        pointer_ = std::move(saved);
      }
      out.push_back(std::move(record));
    });
    return Value(std::move(out));
  }

  Value scalar(const RawNode& node, FieldType type, std::span<const std::string_view> values,
               std::string_view path) {
    auto wrong = [&]() {
      std::string extra_fr, extra_en;
      if (type == FieldType::enumeration) {
        std::string list;
        for (auto v : values) list += (list.empty() ? "" : ", ") + std::string(v);
        extra_fr = " parmi : " + list;
        extra_en = " among: " + list;
      }
      error(type == FieldType::date ? "invalid_date" : "wrong_type", node, pointer_,
            "« " + std::string(path) + " » : attendu " + std::string(type_fr(type)) + extra_fr +
                ", trouvé " + describe(node),
            "'" + std::string(path) + "': expected " + std::string(type_en(type)) + extra_en +
                ", found " + describe(node));
      return Value();
    };
    const bool xml = node.from_xml;
    switch (type) {
      case FieldType::text: {
        if (node.kind != Kind::text) return wrong();
        if (node.text.empty()) return Value();  // an empty element says nothing
        return Value(to_nfc(node.text));
      }
      case FieldType::boolean: {
        bool ok = xml ? node.kind == Kind::text : node.kind == Kind::boolean;
        if (!ok) return wrong();
        if (node.text == "true" || (xml && node.text == "1")) return Value(true);
        if (node.text == "false" || (xml && node.text == "0")) return Value(false);
        if (xml && node.text.empty()) return Value();
        return wrong();
      }
      case FieldType::integer:
      case FieldType::decimal: {
        bool ok = xml ? node.kind == Kind::text : node.kind == Kind::number;
        if (!ok) return wrong();
        if (xml && node.text.empty()) return Value();
        double v = 0;
        auto [p, ec] = std::from_chars(node.text.data(), node.text.data() + node.text.size(), v);
        if (ec != std::errc() || p != node.text.data() + node.text.size()) return wrong();
        if (type == FieldType::integer && v != static_cast<double>(static_cast<int64_t>(v)))
          return wrong();
        return Value(v);
      }
      case FieldType::date: {
        if (node.kind != Kind::text) return wrong();
        if (xml && node.text.empty()) return Value();
        auto d = Date::from_iso(node.text);
        if (!d) return wrong();
        return Value(*d);
      }
      case FieldType::country: {
        if (node.kind != Kind::text) return wrong();
        if (xml && node.text.empty()) return Value();
        if (!is_country_code(node.text)) return wrong();
        return Value(std::string(node.text));
      }
      case FieldType::enumeration: {
        if (node.kind != Kind::text) return wrong();
        if (xml && node.text.empty()) return Value();
        for (auto v : values)
          if (v == node.text) return Value(std::string(v));
        return wrong();
      }
      case FieldType::money: return money(node, path);
      default: return wrong();
    }
  }

  Value money(const RawNode& node, std::string_view path) {
    std::string_view amount, currency;
    bool shape_ok = false;
    if (node.from_xml) {
      if (node.kind == Kind::text && node.text.empty() && node.currency.empty()) return Value();
      shape_ok = node.kind == Kind::text;
      amount = node.text;
      currency = node.currency;
    } else if (node.kind == Kind::object) {
      shape_ok = true;
      for (int32_t c = node.first_child; c >= 0; c = tree_.nodes[c].next_sibling) {
        const RawNode& part = tree_.nodes[c];
        if (part.name == "amount" && (part.kind == Kind::number || part.kind == Kind::text))
          amount = part.text;
        else if (part.name == "currency" && part.kind == Kind::text)
          currency = part.text;
        else
          shape_ok = false;
      }
    }
    std::optional<Money> m;
    if (shape_ok) m = Money::parse(amount, currency);
    if (!m) {
      error("wrong_type", node, pointer_,
            "« " + std::string(path) + " » : attendu un montant à deux décimales au plus avec une devise ISO 4217 " +
                (node.from_xml ? "(<… currency=\"EUR\">150.00</…>)" : "({\"amount\": 150.00, \"currency\": \"EUR\"})") +
                ", trouvé " + describe(node),
            "'" + std::string(path) + "': expected an amount with at most two decimals and an ISO 4217 currency " +
                (node.from_xml ? "(<… currency=\"EUR\">150.00</…>)" : "({\"amount\": 150.00, \"currency\": \"EUR\"})") +
                ", found " + describe(node));
      return Value();
    }
    return Value(std::move(*m));
  }

  void check_dates() {
    auto start = find_field("start_date"), end = find_field("end_date");
    const Date* s = doc_->values[*start].get<Date>();
    const Date* e = doc_->values[*end].get<Date>();
    if (s && e && *e < *s) {
      errors_.push_back(make_error(
          "date_order", name_, doc_->positions[*end], pointer_for("end_date"),
          "date de fin " + e->iso() + " antérieure à la date de début " + s->iso(),
          "end date " + e->iso() + " is before the start date " + s->iso()));
    }
  }

  std::string pointer_for(std::string_view path) const {
    const RawNode& root = tree_.nodes[tree_.root];
    return (root.from_xml ? "/" + std::string(root.name) : std::string()) + "/" + std::string(path);
  }

  void error(std::string code, const RawNode& node, std::string pointer, std::string fr, std::string en) {
    if (errors_.size() >= kMaxErrors) return;
    errors_.push_back(make_error(std::move(code), name_, lines_.position(node.offset),
                                 std::move(pointer), std::move(fr), std::move(en)));
  }

  const RawTree& tree_;
  std::string_view name_;
  const LineTable& lines_;
  Document* doc_ = nullptr;
  std::string pointer_;
  std::vector<InputError> errors_;
};

}  // namespace

ReadResult bind(const RawTree& tree, std::string_view name, const LineTable& lines) {
  return Binder(tree, name, lines).run();
}

}  // namespace clef::detail
