// The binder checks a raw tree against the field catalogue and builds the
// typed document: one content model whatever the syntax. It reports every
// problem it finds (up to a cap) rather than stopping at the first.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "../model/countries.h"
#include "../util/suggest.h"
#include "../util/unicode.h"
#include "raw_tree.h"

namespace clef::detail {
namespace {

constexpr size_t kMaxErrors = 50;
using Kind = RawNode::Kind;

// The catalogue as a tree, once per document kind: binding walks it beside
// the raw tree and looks children up among a handful of names, without
// building path strings.
struct SchemaNode {
  std::string_view name;
  int32_t field = -1;  // a leaf: the field it reads
  std::vector<uint16_t> children;
};

struct Schema {
  std::vector<SchemaNode> nodes;  // nodes[0] is the root

  int32_t child(const SchemaNode& parent, std::string_view name) const {
    for (uint16_t c : parent.children)
      if (nodes[c].name == name) return c;
    return -1;
  }
};

const Schema& schema(DocumentKind kind) {
  static const auto schemas = [] {
    std::array<Schema, kAllKinds.size()> all;
    for (auto k : all_kinds()) {
      Schema& sc = all[kind_index(k)];
      sc.nodes.emplace_back();
      auto spec = catalogue();
      for (size_t id = 0; id < spec.size(); ++id) {
        if (spec[id].derived || !spec[id].in(k)) continue;
        std::string_view path = spec[id].path;
        size_t node = 0, start = 0;
        while (true) {
          size_t dot = path.find('.', start);
          std::string_view part =
              path.substr(start, dot == std::string_view::npos ? dot : dot - start);
          int32_t c = sc.child(sc.nodes[node], part);
          if (c < 0) {
            c = static_cast<int32_t>(sc.nodes.size());
            sc.nodes.push_back(SchemaNode{part, -1, {}});
            sc.nodes[node].children.push_back(static_cast<uint16_t>(c));
          }
          node = static_cast<size_t>(c);
          if (dot == std::string_view::npos) break;
          start = dot + 1;
        }
        sc.nodes[node].field = static_cast<int32_t>(id);
      }
    }
    return all;
  }();
  return schemas[kind_index(kind)];
}

// A volunteer file holds the mission's volunteer.* input fields, one level up.
constexpr std::string_view kVolunteer = "volunteer";

std::string_view type_fr(FieldType t) {
  switch (t) {
    case FieldType::text:
      return "un texte";
    case FieldType::boolean:
      return "un booléen (true ou false)";
    case FieldType::integer:
      return "un nombre entier (entre -2^53 et 2^53)";
    case FieldType::decimal:
      return "un nombre";
    case FieldType::date:
      return "une date AAAA-MM-JJ";
    case FieldType::money:
      return "un montant avec sa devise";
    case FieldType::country:
      return "un code pays ISO 3166 (ex. FR)";
    case FieldType::enumeration:
      return "une valeur de la liste";
    case FieldType::text_list:
      return "une liste de textes";
    case FieldType::record_list:
      return "une liste d'objets";
  }
  return "";
}

std::string_view type_en(FieldType t) {
  switch (t) {
    case FieldType::text:
      return "a text";
    case FieldType::boolean:
      return "a boolean (true or false)";
    case FieldType::integer:
      return "a whole number (between -2^53 and 2^53)";
    case FieldType::decimal:
      return "a number";
    case FieldType::date:
      return "a YYYY-MM-DD date";
    case FieldType::money:
      return "an amount with its currency";
    case FieldType::country:
      return "an ISO 3166 country code (e.g. FR)";
    case FieldType::enumeration:
      return "a value from the list";
    case FieldType::text_list:
      return "a list of texts";
    case FieldType::record_list:
      return "a list of objects";
  }
  return "";
}

// A name from the input, as a message shows it: a hostile key may be
// megabytes long.
std::string shown(std::string_view name) {
  std::string_view cut = utf8_prefix(name, 60);
  return cut.size() < name.size() ? std::string(cut) + "…" : std::string(name);
}

std::string describe(const RawNode& n) {
  switch (n.kind) {
    case Kind::object:
      return "{…}";
    case Kind::array:
      return "[…]";
    case Kind::null:
      return "null";
    case Kind::text:
      if (n.from_xml) return "« " + std::string(utf8_prefix(n.text, 60)) + " »";
      return "\"" + std::string(utf8_prefix(n.text, 60)) + "\"";
    default:
      return std::string(utf8_prefix(n.text, 60));
  }
}

class Binder {
 public:
  // `volunteer`: the input is a volunteer file, bound against the mission's
  // volunteer group rather than a whole document.
  Binder(const RawTree& tree, std::string_view name, const LineTable& lines, bool volunteer)
      : tree_(tree), name_(name), lines_(lines), volunteer_(volunteer) {}

  ReadResult run() {
    ReadResult result;
    const RawNode& root = tree_.nodes[tree_.root];
    Document doc;
    doc.source = std::string(name_);
    bool root_ok = volunteer_ ? volunteer_root(root) : root_kind(root, doc.kind);
    if (!root_ok) {
      result.errors = std::move(errors_);
      result.volunteer_file = volunteer_file_;
      return result;
    }
    doc.values.resize(catalogue().size());
    doc_ = &doc;
    schema_ = &schema(doc.kind);
    seen_fields_.assign(catalogue().size(), 0);
    seen_groups_.assign(schema_->nodes.size(), 0);
    if (root.from_xml) path_.push_back({root.name, -1});
    if (volunteer_) {
      prefix_ = kVolunteer;
      bind_group(root, schema_->nodes[schema_->child(schema_->nodes[0], kVolunteer)], true);
    } else {
      bind_group(root, schema_->nodes[0], true);
      check_dates();
    }
    if (!errors_.empty()) {
      result.errors = std::move(errors_);
      return result;
    }
    result.document = std::move(doc);
    return result;
  }

 private:
  // The error path as segments; turned into a JSON Pointer only for errors.
  struct Segment {
    std::string_view name;
    int index;  // list position, or -1 for a named member
  };

  std::string pointer() const {
    std::string out;
    for (auto& s : path_)
      out += "/" + (s.index >= 0 ? std::to_string(s.index) : std::string(s.name));
    return out;
  }

  // The dotted catalogue path of the current position, for messages.
  std::string dotted() const {
    std::string out(prefix_);
    for (size_t i = tree_.nodes[tree_.root].from_xml ? 1 : 0; i < path_.size(); ++i) {
      if (path_[i].index >= 0) continue;
      if (!out.empty()) out += '.';
      out += shown(path_[i].name);
    }
    return out;
  }

  // The root names the kind: the XML root element or the JSON "kind" member.
  // `xml_*` and `json_*` say which names are expected; `accept` tells whether
  // a name is one of them. A volunteer file read as a document, or a document
  // read as a volunteer file, gets a hint.
  template <class Accept>
  bool root_name(const RawNode& root, const std::string& xml_fr, const std::string& xml_en,
                 const std::string& json_fr, const std::string& json_en, Accept&& accept) {
    auto hint = [&](std::string_view found, bool fr) -> std::string {
      if (!volunteer_ && found == kVolunteer) volunteer_file_ = true;
      if (volunteer_)
        return fr ? " ; un fichier de volontaire ne contient que les champs du volontaire"
                  : "; a volunteer file holds only the volunteer's fields";
      if (found == kVolunteer)
        return fr ? " ; un fichier de volontaire se lit avec sa mission"
                  : "; a volunteer file is read together with its mission";
      return "";
    };
    if (root.from_xml) {
      if (accept(root.name)) return true;
      error("unknown_root", root,
            "élément racine <" + shown(root.name) + "> inattendu (attendu : " + xml_fr + ")" +
                hint(root.name, true),
            "unexpected root element <" + shown(root.name) + "> (expected " + xml_en + ")" +
                hint(root.name, false));
      return false;
    }
    if (root.kind != Kind::object) {
      error("wrong_type", root, "le document doit être un objet JSON, trouvé " + describe(root),
            "the document must be a JSON object, found " + describe(root));
      return false;
    }
    for (int32_t c = root.first_child; c >= 0; c = tree_.nodes[c].next_sibling) {
      const RawNode& child = tree_.nodes[c];
      if (child.name != "kind") continue;
      if (child.kind == Kind::text && accept(child.text)) return true;
      std::string_view found = child.kind == Kind::text ? child.text : std::string_view();
      path_.push_back({"kind", -1});
      error("wrong_value", child,
            "« kind » vaut " + describe(child) + " (attendu : " + json_fr + ")" + hint(found, true),
            "'kind' is " + describe(child) + " (expected " + json_en + ")" + hint(found, false));
      return false;
    }
    error("missing_kind", root, "champ « kind » absent (attendu : " + json_fr + ")",
          "field 'kind' missing (expected " + json_en + ")");
    return false;
  }

  bool root_kind(const RawNode& root, DocumentKind& kind) {
    return root_name(root, kind_names("<", ">", ", ", " ou "), kind_names("<", ">", ", ", " or "),
                     kind_names("\"", "\"", ", ", " ou "), kind_names("\"", "\"", ", ", " or "),
                     [&](std::string_view name) {
                       auto k = document_kind(name);
                       if (k) kind = *k;
                       return k.has_value();
                     });
  }

  bool volunteer_root(const RawNode& root) {
    const std::string xml = "<volunteer>", json = "\"volunteer\"";
    return root_name(root, xml, xml, json, json,
                     [](std::string_view name) { return name == kVolunteer; });
  }

  void bind_group(const RawNode& node, const SchemaNode& group, bool top) {
    for (int32_t c = node.first_child; c >= 0; c = tree_.nodes[c].next_sibling) {
      if (errors_.size() >= kMaxErrors) return;
      const RawNode& child = tree_.nodes[c];
      if (top && !child.from_xml && (child.name == "kind" || child.name == "$schema")) continue;
      path_.push_back({child.name, -1});
      int32_t index = schema_->child(group, child.name);
      if (index < 0) {
        unknown_field(child);
      } else if (const SchemaNode& target = schema_->nodes[index]; target.field >= 0) {
        auto id = static_cast<FieldId>(target.field);
        if (seen_fields_[id]++)
          duplicate(child);
        else
          bind_field(child, id);
      } else if (seen_groups_[index]++) {
        duplicate(child);
      } else if (child.from_xml && child.kind == Kind::text && child.text.empty()) {
        // <host/> is an empty group, as "host": {} is in JSON.
        if (!child.currency.empty()) stray_currency(child);
      } else if (child.kind != Kind::object) {
        error("wrong_type", child,
              "« " + dotted() + " » doit regrouper des champs, trouvé " + describe(child),
              "'" + dotted() + "' must group fields, found " + describe(child));
      } else if (!child.currency.empty()) {
        stray_currency(child);
      } else {
        bind_group(child, target, false);
      }
      path_.pop_back();
    }
  }

  // The currency attribute belongs on amounts only.
  void stray_currency(const RawNode& node) {
    error("unknown_attribute", node,
          "attribut « currency » inattendu sur <" + shown(node.name) +
              "> (il ne se met que sur un montant)",
          "unexpected attribute 'currency' on <" + shown(node.name) +
              "> (it belongs on an amount only)");
  }

  void duplicate(const RawNode& node) {
    error("duplicate_field", node, "champ « " + dotted() + " » en double",
          "duplicate field '" + dotted() + "'");
  }

  void unknown_field(const RawNode& node) {
    // A mission field at the top of a volunteer file: say where it belongs.
    if (volunteer_ && path_.size() == (tree_.nodes[tree_.root].from_xml ? 2u : 1u) &&
        node.name != kVolunteer && schema_->child(schema_->nodes[0], node.name) >= 0) {
      error("unknown_field", node,
            "« " + shown(node.name) +
                " » est un champ de la mission, pas du volontaire : il n'a pas sa place dans un "
                "fichier de volontaire",
            "'" + shown(node.name) +
                "' is a field of the mission, not of the volunteer: it does not belong in a "
                "volunteer file");
      return;
    }
    std::string path = dotted();
    std::string prefix = path.substr(0, path.rfind('.') == std::string::npos ? 0 : path.rfind('.'));
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
      size_t d = edit_distance(node.name, p, best_distance);
      if (d < best_distance) best_distance = d, best = std::string(p);
    }
    std::string hint_fr = best.empty() ? "" : " ; vouliez-vous dire « " + best + " » ?";
    std::string hint_en = best.empty() ? "" : "; did you mean '" + best + "'?";
    std::string what_fr = volunteer_ ? std::string("un fichier de volontaire")
                                     : "un document " + std::string(to_string(doc_->kind));
    std::string what_en = volunteer_ ? std::string("a volunteer file")
                                     : "a " + std::string(to_string(doc_->kind)) + " document";
    error("unknown_field", node, "champ inconnu « " + path + " » pour " + what_fr + hint_fr,
          "unknown field '" + path + "' for " + what_en + hint_en);
  }

  void bind_field(const RawNode& node, FieldId id) {
    const FieldSpec& spec = field(id);
    if (node.from_xml && !node.currency.empty() && spec.type != FieldType::money)
      return stray_currency(node);
    if (id == end_date_id()) end_date_node_ = &node;
    if (node.kind == Kind::null) return;  // explicit null = unknown
    switch (spec.type) {
      case FieldType::text_list:
        doc_->values[id] = text_list(node, spec);
        return;
      case FieldType::record_list:
        doc_->values[id] = record_list(node, spec, id);
        return;
      default:
        doc_->values[id] = scalar(node, spec.type, spec.values);
        return;
    }
  }

  static FieldId end_date_id() {
    static const FieldId id = *find_field("end_date");
    return id;
  }

  // Children of a list node: XML item elements or JSON array members.
  template <class F>
  void each_item(const RawNode& list, std::string_view item, F&& f) {
    bool ok = list.from_xml
                  ? (list.kind == Kind::object || (list.kind == Kind::text && list.text.empty()))
                  : list.kind == Kind::array;
    if (!ok) {
      error("wrong_type", list,
            "« " + dotted() + " » doit être une liste, trouvé " + describe(list),
            "'" + dotted() + "' must be a list, found " + describe(list));
      return;
    }
    int i = 0;
    for (int32_t c = list.first_child; c >= 0; c = tree_.nodes[c].next_sibling, ++i) {
      const RawNode& child = tree_.nodes[c];
      path_.push_back({child.name, i});
      if (list.from_xml && child.name != item) {
        error("unknown_field", child,
              "élément <" + shown(child.name) + "> inattendu dans « " + dotted() +
                  " » (attendu : <" + std::string(item) + ">)",
              "unexpected element <" + shown(child.name) + "> in '" + dotted() + "' (expected <" +
                  std::string(item) + ">)");
      } else {
        f(child);
      }
      path_.pop_back();
    }
  }

  Value text_list(const RawNode& node, const FieldSpec& spec) {
    TextList out;
    each_item(node, spec.item, [&](const RawNode& item) {
      Value v = scalar(item, FieldType::text, {});
      if (auto* s = std::get_if<std::string>(&v.data)) out.push_back(std::move(*s));
    });
    return Value(std::move(out));
  }

  Value record_list(const RawNode& node, const FieldSpec& spec, FieldId id) {
    RecordList out;
    each_item(node, spec.item, [&](const RawNode& item) {
      if (item.from_xml && !item.currency.empty()) return stray_currency(item);
      // <line/> is an empty record, as {} is in JSON.
      const bool empty_element = item.from_xml && item.kind == Kind::text && item.text.empty();
      if (item.kind != Kind::object && !empty_element) {
        error("wrong_type", item,
              "un élément de « " + dotted() + " » doit être un objet, trouvé " + describe(item),
              "an item of '" + dotted() + "' must be an object, found " + describe(item));
        return;
      }
      Record record(spec.sub_fields.size());
      uint32_t seen = 0;
      for (int32_t c = item.first_child; c >= 0; c = tree_.nodes[c].next_sibling) {
        const RawNode& sub = tree_.nodes[c];
        path_.push_back({sub.name, -1});
        auto index = find_sub_field(id, sub.name);
        if (!index) {
          std::string allowed;
          for (auto& s : spec.sub_fields)
            allowed += (allowed.empty() ? "" : ", ") + std::string(s.name);
          error("unknown_field", sub,
                "champ inconnu « " + shown(sub.name) + " » dans « " + std::string(spec.path) +
                    " » (attendu : " + allowed + ")",
                "unknown field '" + shown(sub.name) + "' in '" + std::string(spec.path) +
                    "' (expected: " + allowed + ")");
        } else if (seen & (1u << *index)) {
          duplicate(sub);
        } else if (seen |= 1u << *index; sub.kind != Kind::null) {
          const SubFieldSpec& s = spec.sub_fields[*index];
          record[*index] = scalar(sub, s.type, s.values);
        }
        path_.pop_back();
      }
      out.push_back(std::move(record));
    });
    return Value(std::move(out));
  }

  Value scalar(const RawNode& node, FieldType type, std::span<const std::string_view> values) {
    auto wrong = [&]() {
      std::string extra_fr, extra_en;
      if (type == FieldType::enumeration) {
        std::string list;
        for (auto v : values) list += (list.empty() ? "" : ", ") + std::string(v);
        extra_fr = " parmi : " + list;
        extra_en = " among: " + list;
      }
      std::string path = dotted();
      error(type == FieldType::date ? "invalid_date" : "wrong_type", node,
            "« " + path + " » : attendu " + std::string(type_fr(type)) + extra_fr + ", trouvé " +
                describe(node),
            "'" + path + "': expected " + std::string(type_en(type)) + extra_en + ", found " +
                describe(node));
      return Value();
    };
    const bool xml = node.from_xml;
    if (xml && type != FieldType::money && !node.currency.empty()) {
      stray_currency(node);
      return Value();
    }
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
        // from_chars accepts "nan" and "inf"; no fact is either (a NaN would
        // compare equal to any limit). Integers stay where doubles are exact.
        if (!std::isfinite(v)) return wrong();
        if (type == FieldType::integer && (std::fabs(v) > 9007199254740992.0 || v != std::floor(v)))
          return wrong();
        // Past 2^53 a double rounds: 9007199254740993 would pass as …992.
        // A whole number written with digits only is checked exactly.
        if (type == FieldType::integer && std::fabs(v) == 9007199254740992.0) {
          int64_t exact = 0;
          auto [q, e] =
              std::from_chars(node.text.data(), node.text.data() + node.text.size(), exact);
          if (q == node.text.data() + node.text.size() &&
              (e != std::errc() || exact > (int64_t{1} << 53) || exact < -(int64_t{1} << 53)))
            return wrong();
        }
        return Value(v);
      }
      case FieldType::date: {
        if (node.kind != Kind::text) return wrong();
        if (xml && node.text.empty()) return Value();
        auto d = Date::from_iso(node.text);
        if (d) return Value(*d);
        // A real calendar date outside the years clef handles (9999-12-31)
        // is refused as such, not as if it were no date at all.
        std::string_view t = node.text;
        bool shaped = t.size() == 10;
        for (size_t i = 0; shaped && i < t.size(); ++i)
          shaped = (i == 4 || i == 7) ? t[i] == '-' : (t[i] >= '0' && t[i] <= '9');
        int y = 0;
        unsigned m = 0, day = 0;
        if (shaped) {
          std::from_chars(t.data(), t.data() + 4, y);
          std::from_chars(t.data() + 5, t.data() + 7, m);
          std::from_chars(t.data() + 8, t.data() + 10, day);
        }
        if (!shaped || m < 1 || m > 12 || day < 1 || day > Date::days_in_month(y, m))
          return wrong();
        error("invalid_date", node,
              "« " + dotted() +
                  " » : date hors de la plage admise (1900-01-01 à 2200-12-31), trouvé " +
                  describe(node),
              "'" + dotted() +
                  "': date outside the accepted range (1900-01-01 to 2200-12-31), found " +
                  describe(node));
        return Value();
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
      case FieldType::money:
        return money(node);
      default:
        return wrong();
    }
  }

  Value money(const RawNode& node) {
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
      std::string example = node.from_xml ? "(<… currency=\"EUR\">150.00</…>)"
                                          : "({\"amount\": 150.00, \"currency\": \"EUR\"})";
      error("wrong_type", node,
            "« " + dotted() +
                " » : attendu un montant à deux décimales au plus avec une devise ISO 4217 " +
                example + ", trouvé " + describe(node),
            "'" + dotted() +
                "': expected an amount with at most two decimals and an ISO 4217 currency " +
                example + ", found " + describe(node));
      return Value();
    }
    return Value(std::move(*m));
  }

  void check_dates() {
    static const FieldId start = *find_field("start_date");
    const Date* s = doc_->values[start].get<Date>();
    const Date* e = doc_->values[end_date_id()].get<Date>();
    if (s && e && *e < *s) {
      path_.resize(tree_.nodes[tree_.root].from_xml ? 1 : 0);
      path_.push_back({"end_date", -1});
      error("date_order", *end_date_node_,
            "date de fin " + e->iso() + " antérieure à la date de début " + s->iso(),
            "end date " + e->iso() + " is before the start date " + s->iso());
    }
  }

  void error(std::string code, const RawNode& node, std::string fr, std::string en) {
    if (errors_.size() >= kMaxErrors) return;
    errors_.push_back(make_error(std::move(code), name_, lines_.position(node.offset), pointer(),
                                 std::move(fr), std::move(en)));
  }

  const RawTree& tree_;
  std::string_view name_;
  const LineTable& lines_;
  const bool volunteer_;
  bool volunteer_file_ = false;  // a document was expected, a volunteer file was found
  std::string_view prefix_;      // prepended to dotted paths (a volunteer file's fields)
  Document* doc_ = nullptr;
  const Schema* schema_ = nullptr;
  const RawNode* end_date_node_ = nullptr;
  std::vector<Segment> path_;
  std::vector<uint8_t> seen_fields_, seen_groups_;
  std::vector<InputError> errors_;
};

}  // namespace

ReadResult bind(const RawTree& tree, std::string_view name, const LineTable& lines) {
  return Binder(tree, name, lines, false).run();
}

ReadResult bind_volunteer(const RawTree& tree, std::string_view name, const LineTable& lines) {
  return Binder(tree, name, lines, true).run();
}

}  // namespace clef::detail
