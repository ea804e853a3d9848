// Loading templates/*.xml: every element, attribute, placeholder and
// condition is checked here, and every error of every file is reported with
// file:line:column in one pass (`clef templates check`).
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "../rules/xml_source.h"
#include "../util/files.h"
#include "../util/suggest.h"
#include "../util/unicode.h"
#include "names.h"

namespace clef {
namespace doc {
namespace {

using detail::XmlSource;
namespace fs = std::filesystem;

// Where an element may appear decides which children it accepts.
enum class Context : uint8_t { body, bullets, keyvalues, table, box };

struct ElementName {
  std::string_view name;
  Element element;
  Context allowed_in;
};
constexpr ElementName kElements[] = {
    {"heading", Element::heading, Context::body},
    {"paragraph", Element::paragraph, Context::body},
    {"bullets", Element::bullets, Context::body},
    {"keyvalues", Element::keyvalues, Context::body},
    {"table", Element::table, Context::body},
    {"box", Element::box, Context::body},
    {"badge", Element::badge, Context::body},
    {"spacer", Element::spacer, Context::body},
    {"page-break", Element::page_break, Context::body},
    {"watermark", Element::watermark, Context::body},
    {"item", Element::item, Context::bullets},
    {"empty", Element::empty, Context::bullets},
    {"kv", Element::kv, Context::keyvalues},
    {"row", Element::row, Context::table},
    {"empty", Element::empty, Context::table},
    {"line", Element::line, Context::box},
};

std::string_view context_name(Context c) {
  switch (c) {
    case Context::body:
      return "le corps du modèle";
    case Context::bullets:
      return "<bullets>";
    case Context::keyvalues:
      return "<keyvalues>";
    case Context::table:
      return "<table>";
    case Context::box:
      return "<box>";
  }
  return "";
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

class Loader {
 public:
  Loader(const XmlSource& src, Template& t) : src_(src), t_(t), names_(0) {}

  void run() {
    pugi::xml_node root = src_.root();
    if (std::string_view(root.name()) != "template") {
      src_.error(root,
                 "élément racine <template> attendu, trouvé <" + std::string(root.name()) + ">");
      return;
    }
    t_.id = src_.required(root, "id");
    t_.kinds = parse_kinds(root);
    names_ = TemplateNames(t_.kinds);
    for (auto& f : catalogue()) t_.slots.push_back(document_slot(f));
    TemplateNames::add_decision_slots(t_.slots);
    only_attributes(root, {"id", "kinds"});

    bool meta_seen = false;
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element) {
        not_text(child, root);
        continue;
      }
      if (std::string_view(child.name()) == "meta") {
        if (meta_seen) src_.error(child, "<meta> en double");
        meta_seen = true;
        read_meta(child);
        continue;
      }
      read_node(child, Context::body, t_.body);
    }
    if (!meta_seen) src_.error(root, "<meta> manquant (titre du PDF)");
  }

 private:
  static SlotFormat document_slot(const FieldSpec& f) {
    return {detail::type_of(f.type), f.unit, f.type,
            f.type == FieldType::enumeration ? f.path : std::string_view{}};
  }

  uint8_t parse_kinds(pugi::xml_node root) {
    std::string text = src_.required(root, "kinds");
    std::istringstream words(text);
    uint8_t kinds = 0;
    for (std::string w; words >> w;) {
      bool found = false;
      for (auto k : all_kinds())
        if (to_string(k) == w) kinds |= static_cast<uint8_t>(k), found = true;
      if (!found)
        src_.error_in_attribute(root, "kinds", text.find(w),
                                "type de document inconnu « " + w + " »");
    }
    if (kinds == 0 && !text.empty())
      src_.error(root, "kinds : au moins un type de document attendu");
    return kinds;
  }

  void only_attributes(pugi::xml_node node, std::initializer_list<std::string_view> allowed) {
    for (pugi::xml_attribute a : node.attributes()) {
      std::string_view name = a.name();
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
      std::vector<std::string> candidates(allowed.begin(), allowed.end());
      std::string hint = closest(name, candidates);
      src_.error_in_attribute(node, a.name(), 0,
                              "attribut « " + std::string(name) + " » inconnu sur <" + node.name() +
                                  ">" +
                                  (hint.empty() ? "" : " ; vouliez-vous dire « " + hint + " » ?"));
    }
  }

  void not_text(pugi::xml_node node, pugi::xml_node parent) {
    if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) &&
        !blank(node.value()))
      src_.error(node, "texte inattendu directement dans <" + std::string(parent.name()) + ">");
  }

  void read_meta(pugi::xml_node meta) {
    only_attributes(meta, {});
    for (pugi::xml_node child : meta.children()) {
      if (child.type() != pugi::node_element) {
        not_text(child, meta);
        continue;
      }
      std::string_view n = child.name();
      Text* target = n == "title"      ? &t_.title
                     : n == "author"   ? &t_.author
                     : n == "subject"  ? &t_.subject
                     : n == "keywords" ? &t_.keywords
                                       : nullptr;
      if (!target) {
        src_.error(child, "<" + std::string(n) +
                              "> inconnu dans <meta> (title, author, subject, keywords)");
        continue;
      }
      only_attributes(child, {});
      *target = read_text(child);
    }
    if (t_.title.empty()) src_.error(meta, "<meta> : <title> manquant");
  }

  // ---- blocks

  void read_node(pugi::xml_node el, Context context, std::vector<Node>& out) {
    std::string_view name = el.name();
    if (name == "if") return read_if(el, context, out);
    if (name == "for") return read_for(el, context, out);

    const ElementName* spec = nullptr;
    for (auto& e : kElements)
      if (e.name == name && e.allowed_in == context) spec = &e;
    if (!spec) {
      std::vector<std::string> here{"if", "for"};
      for (auto& e : kElements)
        if (e.allowed_in == context) here.emplace_back(e.name);
      std::string hint = closest(name, here);
      std::string list;
      for (auto& h : here) list += (list.empty() ? "" : ", ") + h;
      src_.error(el, "<" + std::string(name) + "> inattendu dans " +
                         std::string(context_name(context)) + " (permis : " + list + ")" +
                         (hint.empty() ? "" : " ; vouliez-vous dire <" + hint + "> ?"));
      return;
    }
    Node node;
    node.element = spec->element;
    node.position = src_.position(el);
    node.when = condition(el, "when");

    switch (spec->element) {
      case Element::heading: {
        only_attributes(el, {"when", "level", "keep"});
        node.level = el.attribute("level").as_int(1);
        if (node.level < 1 || node.level > 3)
          src_.error_in_attribute(el, "level", 0, "level : 1, 2 ou 3 attendu");
        node.mm = el.attribute("keep").as_double(0);
        if (node.mm < 0 || node.mm > 250)
          src_.error_in_attribute(
              el, "keep", 0, "keep : la hauteur en mm à garder avec le titre (0 à 250) attendue");
        node.text = read_text(el);
        break;
      }
      case Element::paragraph:
      case Element::item:
      case Element::line:
      case Element::cell:
      case Element::watermark:
      case Element::empty: {
        bool styled = spec->element == Element::paragraph || spec->element == Element::empty;
        if (styled)
          only_attributes(el, {"when", "style"});
        else
          only_attributes(el, {"when"});
        if (styled) node.style = style(el);
        node.text = read_text(el);
        break;
      }
      case Element::badge:
        only_attributes(el, {"when", "colour"});
        node.colour = colour(el);
        node.text = read_text(el);
        break;
      case Element::spacer:
        only_attributes(el, {"when", "mm"});
        node.mm = el.attribute("mm").as_double(4);
        if (node.mm <= 0 || node.mm > 100)
          src_.error_in_attribute(el, "mm", 0, "mm : un nombre entre 0 et 100 attendu");
        no_content(el);
        break;
      case Element::page_break:
        only_attributes(el, {"when"});
        no_content(el);
        break;
      case Element::bullets:
        only_attributes(el, {"when", "style"});
        node.style = style(el);
        read_children(el, Context::bullets, node.children);
        break;
      case Element::keyvalues:
        only_attributes(el, {"when"});
        read_children(el, Context::keyvalues, node.children);
        break;
      case Element::kv:
        only_attributes(el, {"when"});
        read_kv(el, node);
        break;
      case Element::table:
        only_attributes(el, {"when"});
        read_table(el, node);
        break;
      case Element::row:
        only_attributes(el, {"when"});
        read_row(el, node);
        break;
      case Element::box:
        only_attributes(el, {"when", "colour"});
        node.colour = colour(el);
        read_box(el, node);
        break;
      case Element::if_:
      case Element::for_:
        break;
    }
    out.push_back(std::move(node));
  }

  void read_children(pugi::xml_node el, Context context, std::vector<Node>& out) {
    for (pugi::xml_node child : el.children()) {
      if (child.type() != pugi::node_element) {
        not_text(child, el);
        continue;
      }
      read_node(child, context, out);
    }
  }

  void no_content(pugi::xml_node el) {
    if (el.first_child()) src_.error(el, "<" + std::string(el.name()) + "/> ne contient rien");
  }

  void read_kv(pugi::xml_node el, Node& node) {
    pugi::xml_node label = el.child("label"), value = el.child("value");
    if (!label || !value) src_.error(el, "<kv> attend <label> puis <value>");
    for (pugi::xml_node child : el.children()) {
      std::string_view n = child.name();
      if (child.type() != pugi::node_element)
        not_text(child, el);
      else if (n != "label" && n != "value")
        src_.error(child, "<" + std::string(n) + "> inattendu dans <kv> (permis : label, value)");
    }
    if (label) node.text = read_text(label);
    if (value) node.value = read_text(value);
  }

  void read_table(pugi::xml_node el, Node& node) {
    bool rows_started = false;
    for (pugi::xml_node child : el.children()) {
      if (child.type() != pugi::node_element) {
        not_text(child, el);
        continue;
      }
      if (std::string_view(child.name()) == "column") {
        if (rows_started)
          src_.error(child, "<column> après les lignes : les colonnes viennent en premier");
        only_attributes(child, {"weight", "align"});
        Column column;
        column.weight = child.attribute("weight").as_double(1);
        if (column.weight <= 0)
          src_.error_in_attribute(child, "weight", 0, "weight : un nombre positif attendu");
        std::string_view align = child.attribute("align").value();
        if (align == "right")
          column.align = Align::right;
        else if (align == "center")
          column.align = Align::center;
        else if (!align.empty() && align != "left")
          src_.error_in_attribute(child, "align", 0, "align : left, center ou right attendu");
        node.columns.push_back(column);
        node.column_titles.push_back(read_text(child));
        continue;
      }
      rows_started = true;
      columns_.push_back(node.columns.size());
      read_node(child, Context::table, node.children);
      columns_.pop_back();
    }
    if (node.columns.empty()) src_.error(el, "<table> sans <column>");
  }

  void read_row(pugi::xml_node el, Node& node) {
    size_t cells = 0;
    for (pugi::xml_node child : el.children()) {
      if (child.type() != pugi::node_element) {
        not_text(child, el);
        continue;
      }
      if (std::string_view(child.name()) != "cell") {
        src_.error(child,
                   "<" + std::string(child.name()) + "> inattendu dans <row> (permis : cell)");
        continue;
      }
      ++cells;
      Node cell;
      cell.element = Element::cell;
      cell.position = src_.position(child);
      only_attributes(child, {});
      cell.text = read_text(child);
      node.children.push_back(std::move(cell));
    }
    if (!columns_.empty() && cells != columns_.back())
      src_.error(el, "<row> a " + std::to_string(cells) + " cellule(s), la table a " +
                         std::to_string(columns_.back()) + " colonne(s)");
  }

  void read_box(pugi::xml_node el, Node& node) {
    bool title = false;
    for (pugi::xml_node child : el.children()) {
      if (child.type() != pugi::node_element) {
        not_text(child, el);
        continue;
      }
      if (std::string_view(child.name()) == "title") {
        if (title) src_.error(child, "<title> en double dans <box>");
        title = true;
        only_attributes(child, {});
        node.value = read_text(child);
        continue;
      }
      read_node(child, Context::box, node.children);
    }
    if (!title) src_.error(el, "<box> sans <title>");
  }

  void read_if(pugi::xml_node el, Context context, std::vector<Node>& out) {
    only_attributes(el, {"test"});
    Node node;
    node.element = Element::if_;
    node.position = src_.position(el);
    if (!el.attribute("test"))
      src_.error(el, "<if> sans attribut test");
    else
      node.when = condition(el, "test");
    bool in_else = false;
    for (pugi::xml_node child : el.children()) {
      if (child.type() != pugi::node_element) {
        not_text(child, el);
        continue;
      }
      if (std::string_view(child.name()) == "else") {
        if (in_else) src_.error(child, "<else> en double");
        if (child.next_sibling() && child.next_sibling().type() == pugi::node_element)
          src_.error(child, "<else> doit être le dernier élément de <if>");
        in_else = true;
        only_attributes(child, {});
        read_children(child, context, node.otherwise);
        continue;
      }
      read_node(child, context, node.children);
    }
    out.push_back(std::move(node));
  }

  void read_for(pugi::xml_node el, Context context, std::vector<Node>& out) {
    only_attributes(el, {"each", "in", "where"});
    Node node;
    node.element = Element::for_;
    node.position = src_.position(el);
    std::string var = src_.required(el, "each");
    std::string in = src_.required(el, "in");
    if (var.empty() || in.empty()) return;
    bool ok_name = std::all_of(var.begin(), var.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!ok_name || var == "document" || var == "decision")
      src_.error_in_attribute(
          el, "each", 0, "each : un nom en minuscules attendu, autre que document et decision");
    if (names_.has_var(var))
      src_.error_in_attribute(
          el, "each", 0, "each : « " + var + " » est déjà la variable d'une boucle englobante");

    if (in == "decision.findings")
      node.source = Source::findings;
    else if (in == "decision.keys")
      node.source = Source::keys;
    else if (in == "decision.scheme_fit")
      node.source = Source::scheme_fit;
    else if (in == "decision.missing_facts")
      node.source = Source::missing_facts;
    else if (auto id = in.starts_with("document.") ? find_field(std::string_view(in).substr(9))
                                                   : std::nullopt;
             id && (field(*id).kinds & t_.kinds) &&
             (field(*id).type == FieldType::text_list ||
              field(*id).type == FieldType::record_list)) {
      node.source =
          field(*id).type == FieldType::text_list ? Source::text_list : Source::record_list;
      node.list_field = *id;
    } else {
      std::vector<std::string> lists{"decision.findings", "decision.keys", "decision.scheme_fit",
                                     "decision.missing_facts"};
      for (auto& f : catalogue())
        if ((f.kinds & t_.kinds) &&
            (f.type == FieldType::text_list || f.type == FieldType::record_list))
          lists.push_back("document." + std::string(f.path));
      std::string hint = closest(in, lists, 4);
      src_.error_in_attribute(
          el, "in", 0,
          "in : « " + in +
              " » n'est pas une liste (decision.findings, decision.keys, "
              "decision.scheme_fit, decision.missing_facts ou une liste du document)" +
              (hint.empty() ? "" : " ; vouliez-vous dire « " + hint + " » ?"));
      return;
    }
    node.first_slot = static_cast<uint16_t>(t_.slots.size());
    bool needs_explanation = false;
    names_.push(var, node.source, node.list_field, t_.slots, &needs_explanation);
    node.where = condition(el, "where");
    read_children(el, context, node.children);
    names_.pop();
    node.needs_explanation = needs_explanation;
    out.push_back(std::move(node));
  }

  // ---- attributes

  TextStyle style(pugi::xml_node el) {
    std::string_view s = el.attribute("style").value();
    if (s.empty() || s == "body") return TextStyle::body;
    if (s == "strong") return TextStyle::strong;
    if (s == "small") return TextStyle::small;
    if (s == "muted") return TextStyle::muted;
    src_.error_in_attribute(el, "style", 0, "style : body, strong, small ou muted attendu");
    return TextStyle::body;
  }

  Text colour(pugi::xml_node el) {
    pugi::xml_attribute a = el.attribute("colour");
    if (!a) {
      src_.error(el, "attribut « colour » manquant sur <" + std::string(el.name()) + ">");
      return {};
    }
    std::string_view v = a.value();
    static constexpr std::string_view kNames[] = {"green", "orange", "red", "blue", "grey"};
    bool placeholder = v.starts_with("{");
    if (!placeholder && std::find(std::begin(kNames), std::end(kNames), v) == std::end(kNames))
      src_.error_in_attribute(
          el, "colour", 0,
          "colour : green, orange, red, blue, grey ou {decision.status_colour} attendu");
    Text t;
    parse_pieces(v, src_.attribute_offset(el, "colour"), t.lang[0]);
    t.lang[1] = t.lang[0];
    return t;
  }

  Expr condition(pugi::xml_node el, const char* attribute) {
    pugi::xml_attribute a = el.attribute(attribute);
    if (!a) return {};
    detail::CompileError err;
    static const std::vector<detail::ParamInfo> kNoParams;
    Expr e = detail::compile(a.value(), names_, kNoParams, err);
    if (e.empty()) {
      std::string hint;
      if (err.message.starts_with("nom inconnu")) {
        size_t start = err.offset, end = start;
        std::string_view v = a.value();
        while (end < v.size() &&
               (std::isalnum(static_cast<unsigned char>(v[end])) || v[end] == '_' || v[end] == '.'))
          ++end;
        hint = closest(v.substr(start, end - start), names_.visible());
      }
      src_.error_in_attribute(el, attribute, err.offset,
                              std::string(attribute) + " : " + err.message +
                                  (hint.empty() ? "" : " ; vouliez-vous dire « " + hint + " » ?"));
    }
    return e;
  }

  // ---- text

  // An element's text: <t lang="fr">…</t><t lang="en">…</t>, or one
  // language-neutral text (placeholders, names). <br/> breaks the line.
  Text read_text(pugi::xml_node el) {
    Text text;
    bool localised = static_cast<bool>(el.child("t"));
    if (!localised) {
      read_runs(el, text.lang[0]);
      text.lang[1] = text.lang[0];
      return text;
    }
    bool seen[2] = {false, false};
    for (pugi::xml_node child : el.children()) {
      if (child.type() != pugi::node_element) {
        if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
            !blank(child.value()))
          src_.error(child, "texte hors de <t> dans <" + std::string(el.name()) +
                                "> : tout le texte va dans les <t lang>");
        continue;
      }
      if (std::string_view(child.name()) != "t") {
        src_.error(child, "<" + std::string(child.name()) + "> inattendu à côté de <t>");
        continue;
      }
      only_attributes(child, {"lang"});
      std::string_view lang = child.attribute("lang").value();
      int i = lang == "fr" ? 0 : lang == "en" ? 1 : -1;
      if (i < 0) {
        src_.error(child, "<t> : attribut lang=\"fr\" ou lang=\"en\" attendu");
        continue;
      }
      if (seen[i]) src_.error(child, "<t lang=\"" + std::string(lang) + "\"> en double");
      seen[i] = true;
      read_runs(child, text.lang[static_cast<size_t>(i)]);
    }
    if (!seen[0] || !seen[1])
      src_.error(el, "<" + std::string(el.name()) +
                         "> : texte attendu en français et en anglais (<t lang=\"" +
                         (seen[0] ? "en" : "fr") + "\"> manquant)");
    return text;
  }

  void read_runs(pugi::xml_node el, std::vector<Piece>& out) {
    for (pugi::xml_node child : el.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        parse_pieces(child.value(), static_cast<uint32_t>(child.offset_debug()), out);
      } else if (child.type() == pugi::node_element) {
        if (std::string_view(child.name()) == "br" && !child.first_child())
          out.push_back({"\n", kNone});
        else
          src_.error(child, "<" + std::string(child.name()) +
                                "> inattendu dans un texte (seul <br/> y est permis)");
      }
    }
    tidy(out);
  }

  // Splits "Mission {document.title} du …" into literal runs and placeholders,
  // folding XML indentation into single spaces. {{ and }} are literal braces.
  void parse_pieces(std::string_view raw, uint32_t offset, std::vector<Piece>& out) {
    std::string literal;
    auto flush = [&] {
      if (!literal.empty()) out.push_back({to_nfc(literal), kNone});
      literal.clear();
    };
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (is_space(c)) {
        if (literal.empty() || literal.back() != ' ') literal += ' ';
        continue;
      }
      if (c == '}') {
        if (i + 1 < raw.size() && raw[i + 1] == '}')
          ++i;
        else
          src_.error_at(offset + static_cast<uint32_t>(i),
                        "« } » seul : écrire }} pour une accolade");
        literal += '}';
        continue;
      }
      if (c != '{') {
        literal += c;
        continue;
      }
      if (i + 1 < raw.size() && raw[i + 1] == '{') {
        literal += '{', ++i;
        continue;
      }
      size_t close = raw.find('}', i);
      if (close == std::string_view::npos) {
        src_.error_at(offset + static_cast<uint32_t>(i), "« { » sans « } » fermante");
        return;
      }
      std::string name(raw.substr(i + 1, close - i - 1));
      flush();
      out.push_back({{}, placeholder(name, offset + static_cast<uint32_t>(i + 1))});
      i = close;
    }
    flush();
  }

  uint16_t placeholder(const std::string& name, uint32_t offset) {
    auto info = names_.find(name);
    if (!info) {
      std::string hint = closest(name, names_.visible());
      src_.error_at(offset, "{" + name + "} : " + names_.unknown(name) +
                                (hint.empty() ? "" : " ; vouliez-vous dire « " + hint + " » ?"));
      return kNone;
    }
    if (info->type == detail::Type::record_list) {
      src_.error_at(offset, "{" + name +
                                "} est une liste d'objets : la parcourir avec <for each=… in=\"" +
                                name + "\">");
      return kNone;
    }
    return info->slot;
  }

  // Drops the spaces XML indentation leaves at the ends and around line breaks.
  static void tidy(std::vector<Piece>& pieces) {
    for (size_t i = 0; i < pieces.size(); ++i) {
      Piece& p = pieces[i];
      if (p.slot != kNone || p.literal == "\n") continue;
      bool at_start = i == 0 || pieces[i - 1].literal == "\n";
      bool at_end = i + 1 == pieces.size() || pieces[i + 1].literal == "\n";
      if (at_start && p.literal.starts_with(' ')) p.literal.erase(0, 1);
      if (at_end && p.literal.ends_with(' ')) p.literal.pop_back();
    }
    std::erase_if(pieces, [](const Piece& p) { return p.slot == kNone && p.literal.empty(); });
  }

  const XmlSource& src_;
  Template& t_;
  TemplateNames names_;
  std::vector<size_t> columns_;  // column count of the tables being read
};


void load_labels(const XmlSource& src, Labels& labels) {
  pugi::xml_node root = src.root();
  if (std::string_view(root.name()) != "labels") {
    src.error(root, "élément racine <labels> attendu");
    return;
  }
  auto both = [&](pugi::xml_node el, std::array<std::string, 2>& out) {
    for (pugi::xml_node t : el.children("t")) {
      std::string_view lang = t.attribute("lang").value();
      std::string text = XmlSource::collapse(t.child_value());
      if (lang == "fr")
        out[0] = text;
      else if (lang == "en")
        out[1] = text;
      else
        src.error(t, "<t> : attribut lang=\"fr\" ou lang=\"en\" attendu");
    }
    if (out[0].empty() || out[1].empty())
      src.error(el, "libellé attendu en français et en anglais");
  };
  for (pugi::xml_node el : root.children()) {
    if (el.type() != pugi::node_element) continue;
    std::string_view n = el.name();
    if (n == "key") {
      int number = el.attribute("number").as_int(0);
      if (number < 1 || number > 8) {
        src.error(el, "<key> : number entre 1 et 8 attendu");
        continue;
      }
      both(el, labels.keys[static_cast<size_t>(number)]);
    } else if (n == "value") {
      std::string path = el.attribute("field").value(), code = el.attribute("code").value();
      auto id = find_field(path);
      if (!id || field(*id).type != FieldType::enumeration) {
        src.error(el, "<value> : « " + path + " » n'est pas un champ énuméré du catalogue");
        continue;
      }
      auto values = field(*id).values;
      if (std::find(values.begin(), values.end(), code) == values.end()) {
        src.error(el, "<value> : « " + code + " » n'est pas une valeur de « " + path + " »");
        continue;
      }
      both(el, labels.values[{path, code}]);
    } else {
      src.error(el, "<" + std::string(n) + "> inattendu dans <labels> (key, value)");
    }
  }
  for (size_t k = 1; k <= 8; ++k)
    if (labels.keys[k][0].empty())
      src.error(root, "titre de la clé " + std::to_string(k) + " manquant");
}

}  // namespace

const std::string* Labels::value(std::string_view path, std::string_view code, Lang lang) const {
  auto it = values.find({std::string(path), std::string(code)});
  if (it == values.end()) return nullptr;
  return &it->second[lang == Lang::fr ? 0 : 1];
}

}  // namespace doc

// The templates every command relies on: a set without one is refused.
constexpr std::string_view kRequired[] = {"report",
                                          "tor-mission",
                                          "tor-call",
                                          "contract-vsi",
                                          "contract-service-civique",
                                          "agreement-conge-solidarite"};

std::shared_ptr<const TemplateSet> TemplateSet::load(const std::string& dir,
                                                     std::vector<TemplateError>& errors) {
  namespace fs = std::filesystem;
  auto impl = std::make_unique<Impl>();
  size_t before = errors.size();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors.push_back({dir, {}, "répertoire de modèles introuvable"});
    return nullptr;
  }
  std::vector<fs::path> files = list_xml_files(dir, errors);

  fs::path labels_file = fs::path(dir) / "labels.xml";
  if (std::find(files.begin(), files.end(), labels_file) == files.end()) {
    errors.push_back({labels_file.string(), {}, "fichier de libellés manquant"});
  } else {
    std::string bytes;
    if (read_data_file(labels_file, bytes, errors)) {
      detail::XmlSource src(labels_file.string(), bytes, errors);
      if (src.ok()) doc::load_labels(src, impl->labels);
    }
  }
  for (auto& path : files) {
    if (path == labels_file) continue;
    std::string bytes;
    if (!read_data_file(path, bytes, errors)) continue;
    detail::XmlSource src(path.string(), bytes, errors);
    if (!src.ok()) continue;
    doc::Template t;
    t.file = path.string();
    doc::Loader(src, t).run();
    if (impl->find(t.id))
      src.error(src.root(), "modèle « " + t.id + " » déjà défini dans " + impl->find(t.id)->file);
    impl->templates.push_back(std::move(t));
  }
  for (auto id : kRequired)
    if (!impl->find(id))
      errors.push_back({dir, {}, "modèle « " + std::string(id) + " » manquant (requis par clef)"});
  if (errors.size() != before) return nullptr;
  return std::make_shared<const TemplateSet>(std::move(impl));
}

TemplateSet::TemplateSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TemplateSet::~TemplateSet() = default;

bool TemplateSet::has(std::string_view id) const {
  return impl_->find(id) != nullptr;
}

}  // namespace clef
