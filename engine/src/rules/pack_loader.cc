// Loading one rule pack: parameters, then rules with their conditions and
// examples. Every problem is reported with file:line:column, all in one pass.
#include <algorithm>
#include <sstream>

#include "ruleset_data.h"
#include "xml_source.h"

namespace clef::detail {
namespace {

std::optional<Unit> unit_of(std::string_view type) {
  if (type == "months") return Unit::months;
  if (type == "days") return Unit::days;
  if (type == "years") return Unit::years;
  if (type == "hours_per_week") return Unit::hours_per_week;
  if (type == "days_per_month") return Unit::days_per_month;
  if (type == "percent") return Unit::percent;
  if (type == "number" || type == "integer" || type == "money" || type == "text" || type == "bool")
    return Unit::none;
  return std::nullopt;
}

Type param_type(std::string_view type) {
  if (type == "money") return Type::money;
  if (type == "text") return Type::text;
  if (type == "bool") return Type::boolean;
  return Type::number;
}

std::optional<Value> parse_param_value(std::string_view type, std::string_view text) {
  if (type == "money") {
    auto m = Money::parse_with_currency(text);
    if (!m) return std::nullopt;
    return Value(std::move(*m));
  }
  if (type == "text") return Value(std::string(text));
  if (type == "bool") {
    if (text == "true") return Value(true);
    if (text == "false") return Value(false);
    return std::nullopt;
  }
  double v = 0;
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());
  if (!(in >> v) || !in.eof()) return std::nullopt;
  return Value(v);
}

std::vector<std::string> split_spaces(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ' ') {
      if (!current.empty()) out.push_back(std::move(current)), current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::optional<Outcome> outcome_of(std::string_view s) {
  if (s == "pass") return Outcome::pass;
  if (s == "fail") return Outcome::fail;
  if (s == "unknown") return Outcome::unknown;
  if (s == "not_applicable") return Outcome::not_applicable;
  return std::nullopt;
}

class PackLoader {
 public:
  PackLoader(const XmlSource& src, RulesetData& data) : src_(src), data_(data) {}

  void run(std::string& revision) {
    pugi::xml_node pack = src_.root();
    if (std::string_view(pack.name()) != "pack") {
      src_.error(pack, "élément racine <pack> attendu, trouvé <" + std::string(pack.name()) + ">");
      return;
    }
    pack_id_ = src_.required(pack, "id");
    revision = src_.required(pack, "revision");
    src_.localized(pack, "title", true);
    for (pugi::xml_node n = pack.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = n.name();
      if (name == "parameter")
        parameter(n);
      else if (name == "rule")
        rule(n);
      else if (name != "title" && name != "description")
        src_.error(n, "élément <" + std::string(name) +
                          "> inattendu dans <pack> (attendu : <parameter>, <rule>)");
    }
  }

 private:
  void parameter(pugi::xml_node n) {
    Parameter p;
    p.id = src_.required(n, "id");
    p.type = src_.required(n, "type");
    p.file = src_.file();
    p.position = src_.position(n);
    auto unit = unit_of(p.type);
    if (!unit) {
      src_.error(n, "type de paramètre « " + p.type +
                        " » inconnu (months, days, years, hours_per_week, "
                        "days_per_month, number, integer, money, percent, text, bool)");
      return;
    }
    p.unit = *unit;
    p.label = src_.localized(n, "label", true);
    p.reference = reference(n);
    for (pugi::xml_node v = n.child("value"); v; v = v.next_sibling("value")) {
      auto from = Date::from_iso(v.attribute("from").value());
      if (!from) {
        src_.error(v, "<value> : attribut from=\"AAAA-MM-JJ\" requis");
        continue;
      }
      std::optional<Date> to;
      if (v.attribute("to")) {
        to = Date::from_iso(v.attribute("to").value());
        if (!to) src_.error(v, "<value> : to=\"AAAA-MM-JJ\" invalide");
      }
      auto value = parse_param_value(p.type, XmlSource::collapse(v.child_value()));
      if (!value) {
        src_.error(v, "valeur « " + XmlSource::collapse(v.child_value()) +
                          "» invalide pour un paramètre de type " + p.type +
                          (p.type == "money" ? " (attendu : « 150 EUR »)" : ""));
        continue;
      }
      p.values.push_back({*from, to, std::move(*value)});
    }
    if (p.values.empty()) src_.error(n, "paramètre « " + p.id + " » sans <value>");
    std::sort(p.values.begin(), p.values.end(), [](auto& a, auto& b) { return a.from < b.from; });
    if (data_.param_index.count(p.id)) {
      src_.error(n, "paramètre « " + p.id + " » déjà défini");
      return;
    }
    data_.param_index[p.id] = data_.params.size();
    data_.param_infos.push_back({p.id, param_type(p.type), p.unit});
    data_.params.push_back(std::move(p));
  }

  Reference reference(pugi::xml_node parent) {
    Reference r;
    pugi::xml_node n = parent.child("reference");
    if (!n) {
      src_.error(parent, "<reference> requise : toute règle et tout paramètre citent leur source");
      return r;
    }
    r.text = XmlSource::collapse(n.child_value());
    r.url = n.attribute("url").value();
    std::string_view confidence = n.attribute("confidence").value();
    if (confidence == "unconfirmed")
      r.confidence = Confidence::unconfirmed;
    else if (confidence != "confirmed")
      src_.error(n, "confidence=\"confirmed\" ou \"unconfirmed\" requis sur <reference>");
    if (r.text.empty()) src_.error(n, "<reference> vide");
    return r;
  }

  void rule(pugi::xml_node n) {
    Rule r;
    CompiledRule c;
    r.id = src_.required(n, "id");
    r.pack = pack_id_;
    r.file = src_.file();
    r.position = src_.position(n);
    severity(n, r);
    std::string_view phase = n.attribute("phase").value();
    if (phase == "submission")
      r.phase = Phase::submission;
    else if (!phase.empty() && phase != "draft")
      src_.error(n, "phase=\"draft\" ou \"submission\" attendu");
    if (auto key = n.attribute("key")) {
      r.key = key.as_int();
      if (r.key < 1 || r.key > 8)
        src_.error(n, "key=\"1\" à \"8\" attendu (clés de qualité du CLONG)");
    }
    r.refines = n.attribute("refines").value();
    r.label = n.attribute("label").value();
    if (!r.refines.empty() && r.label.empty())
      src_.error(n, "une exception (refines=) porte un label=");
    applicability(n, r, c);
    if (auto e = n.child("effective")) {
      if (e.attribute("from")) {
        r.effective_from = Date::from_iso(e.attribute("from").value());
        if (!r.effective_from) src_.error(e, "<effective from=\"AAAA-MM-JJ\"> invalide");
      }
      if (e.attribute("to")) {
        r.effective_to = Date::from_iso(e.attribute("to").value());
        if (!r.effective_to) src_.error(e, "<effective to=\"AAAA-MM-JJ\"> invalide");
      }
    }
    r.reference = reference(n);
    r.title = src_.localized(n, "title", true);
    r.message = src_.localized(n, "message", true);
    r.remediation = src_.localized(n, "remediation", true);
    r.clause = src_.localized(n, "clause", false);
    if (auto w = n.child("when")) {
      r.when_text = XmlSource::collapse(w.child_value());
      c.when = compile_expr(w, r.kind, c);
    }
    pugi::xml_node cond = n.child("condition");
    if (!cond)
      src_.error(n, "<condition> requise");
    else {
      r.condition_text = XmlSource::collapse(cond.child_value());
      c.condition = compile_expr(cond, r.kind, c);
    }
    for (pugi::xml_node ex = n.child("example"); ex; ex = ex.next_sibling("example"))
      example(ex, r, c);
    for (pugi::xml_node child = n.first_child(); child; child = child.next_sibling()) {
      static constexpr std::string_view kKnown[] = {
          "applies",     "effective", "reference", "title",     "message",
          "remediation", "clause",    "when",      "condition", "example"};
      if (child.type() != pugi::node_element) continue;
      if (std::find(std::begin(kKnown), std::end(kKnown), child.name()) == std::end(kKnown))
        src_.error(child, "élément <" + std::string(child.name()) + "> inattendu dans <rule>");
    }
    if (data_.rule_index.count(r.id)) {
      src_.error(n, "règle « " + r.id + " » déjà définie");
      return;
    }
    data_.rule_index[r.id] = data_.rules.size();
    data_.rules.push_back(std::move(r));
    data_.compiled.push_back(std::move(c));
  }

  void severity(pugi::xml_node n, Rule& r) {
    std::string_view s = n.attribute("severity").value();
    if (s == "bloquant")
      r.severity = Severity::bloquant;
    else if (s == "majeur")
      r.severity = Severity::majeur;
    else if (s == "mineur")
      r.severity = Severity::mineur;
    else if (s == "info")
      r.severity = Severity::info;
    else
      src_.error(
          n, "severity=\"bloquant|majeur|mineur|info\" requis, trouvé « " + std::string(s) + " »");
  }

  void applicability(pugi::xml_node n, Rule& r, CompiledRule& c) {
    pugi::xml_node a = n.child("applies");
    if (!a) {
      src_.error(n, "<applies kind=\"" + kind_names("", "", "|", "|") + "\"> requis");
      return;
    }
    if (auto kind = document_kind(a.attribute("kind").value()))
      r.kind = *kind;
    else
      src_.error(a, "kind=" + kind_names("\"", "\"", ", ", " ou ") + " requis, trouvé « " +
                        std::string(a.attribute("kind").value()) + " »");
    r.schemes = split_spaces(a.attribute("scheme").value());
    r.programmes = split_spaces(a.attribute("programme").value());
    c.scheme_mask = mask(a, r.schemes, scheme_names(), "scheme");
    c.programme_mask = mask(a, r.programmes, programme_names(), "programme");
  }

  uint32_t mask(pugi::xml_node at, const std::vector<std::string>& names,
                std::span<const std::string_view> known, const char* what) {
    uint32_t m = 0;
    for (auto& name : names) {
      auto it = std::find(known.begin(), known.end(), name);
      if (it == known.end()) {
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        src_.error(at, std::string(what) + " « " + name + " » inconnu (valeurs : " + list + ")");
        continue;
      }
      m |= 1u << (it - known.begin());
    }
    return m;
  }

  // Compiles the raw element text, so that an error offset is a file position.
  Expr compile_expr(pugi::xml_node at, DocumentKind kind, CompiledRule& c) {
    std::string_view text = at.child_value();
    CompileError err;
    Expr e = compile(text, kind, data_.param_infos, err);
    if (e.empty()) {
      src_.error_in_text(
          at, err.offset,
          "condition invalide : " + err.message + " (dans « " + XmlSource::collapse(text) + " »)");
      return e;
    }
    data_.max_nodes = std::max(data_.max_nodes, e.nodes.size());
    for (auto& node : e.nodes)
      if (node.op == Op::param &&
          std::find(c.params_used.begin(), c.params_used.end(), node.index) == c.params_used.end())
        c.params_used.push_back(node.index);
    return e;
  }

  void example(pugi::xml_node ex, const Rule& r, CompiledRule& c) {
    Example e;
    e.position = src_.position(ex);
    e.name = ex.attribute("name").value();
    auto outcome = outcome_of(ex.attribute("outcome").value());
    if (!outcome) {
      src_.error(ex, "<example outcome=\"pass|fail|unknown|not_applicable\"> requis");
      return;
    }
    e.expected = *outcome;
    if (ex.attribute("scheme")) e.scheme = ex.attribute("scheme").value();
    if (ex.attribute("programme")) e.programme = ex.attribute("programme").value();
    if (ex.attribute("as-of")) {
      e.as_of = Date::from_iso(ex.attribute("as-of").value());
      if (!e.as_of) src_.error(ex, "as-of=\"AAAA-MM-JJ\" invalide");
    }
    // Facts of one path may repeat (list items); gather them first.
    std::vector<std::pair<std::string, std::vector<std::string>>> grouped;
    std::vector<pugi::xml_node> where;
    for (pugi::xml_node f = ex.child("fact"); f; f = f.next_sibling("fact")) {
      std::string path = f.attribute("path").value();
      std::string text = XmlSource::collapse(f.child_value());
      auto it =
          std::find_if(grouped.begin(), grouped.end(), [&](auto& g) { return g.first == path; });
      if (it == grouped.end())
        grouped.push_back({path, {text}}), where.push_back(f);
      else
        it->second.push_back(text);
    }
    for (size_t i = 0; i < grouped.size(); ++i) {
      auto id = find_field(grouped[i].first);
      if (!id || !field(*id).in(r.kind)) {
        src_.error(where[i], "fait inconnu « " + grouped[i].first + " » dans l'exemple");
        continue;
      }
      std::string problem;
      auto value = parse_example_value(*id, grouped[i].second, problem);
      if (!value) {
        src_.error(where[i],
                   "valeur d'exemple invalide pour « " + grouped[i].first + " » : " + problem);
        continue;
      }
      e.facts.emplace_back(*id, std::move(*value));
    }
    c.examples.push_back(std::move(e));
  }

  const XmlSource& src_;
  RulesetData& data_;
  std::string pack_id_;
};

}  // namespace

void load_pack(const std::string& file, const std::string& bytes, RulesetData& data,
               std::vector<LoadError>& errors, std::string& revision) {
  XmlSource src(file, bytes, errors);
  if (!src.ok()) return;
  PackLoader(src, data).run(revision);
}

}  // namespace clef::detail
