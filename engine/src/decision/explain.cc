// Turning a finding into words: the rule's message with {found} and
// {expected} filled from the sub-conditions that decided it.
#include <algorithm>
#include <cmath>

#include "../rules/ruleset_data.h"
#include "../rules/trace.h"
#include "../util/format.h"
#include "clef/decision.h"

namespace clef {

using detail::Node;
using detail::Op;
using detail::Slot;
using detail::Type;

std::string_view label(FieldId id, Lang lang) {
  return lang == Lang::fr ? field(id).label_fr : field(id).label_en;
}

std::string format_fact(const Decision& decision, FieldId id, Lang lang) {
  return format_value(decision.facts->values[id], field(id).unit, lang);
}

std::string describe(const Adjustment& a, Lang lang) {
  bool duration = a.unit == Unit::months || a.unit == Unit::days;
  std::string verb;
  if (lang == Lang::fr)
    verb = a.decrease ? (duration ? "raccourcir de " : "réduire de ")
                      : (duration ? "allonger de " : "augmenter de ");
  else
    verb = a.decrease ? (duration ? "shorten by " : "reduce by ")
                      : (duration ? "lengthen by " : "increase by ");
  return verb + format_number(a.amount, a.unit, lang);
}

namespace {

bool fr(Lang lang) {
  return lang == Lang::fr;
}

std::string render_slot(const Node& n, const Slot& s, Lang lang) {
  if (!s.known) return fr(lang) ? "inconnu" : "unknown";
  switch (n.type) {
    case Type::boolean:
      return fr(lang) ? (s.b ? "oui" : "non") : (s.b ? "yes" : "no");
    case Type::number:
      return format_number(s.n, n.unit, lang);
    case Type::text:
      return *s.text;
    case Type::date:
      return format_date(s.date, lang);
    case Type::money:
      return format_money(s.cents, *s.text, lang);
    case Type::text_list:
      return s.list ? format_value(Value(*s.list), Unit::none, lang) : "";
    case Type::record_list:
      return std::to_string(s.records ? s.records->size() : 0) +
             (fr(lang) ? " élément(s)" : " item(s)");
  }
  return "";
}

std::string_view symbol(Op op, bool negated) {
  if (negated) {
    switch (op) {
      case Op::eq:
        op = Op::ne;
        break;
      case Op::ne:
        op = Op::eq;
        break;
      case Op::lt:
        op = Op::ge;
        break;
      case Op::le:
        op = Op::gt;
        break;
      case Op::gt:
        op = Op::le;
        break;
      case Op::ge:
        op = Op::lt;
        break;
      default:
        break;
    }
  }
  switch (op) {
    case Op::eq:
      return "=";
    case Op::ne:
      return "≠";
    case Op::lt:
      return "<";
    case Op::le:
      return "≤";
    case Op::gt:
      return ">";
    default:
      return "≥";
  }
}

Op mirror(Op op) {
  switch (op) {
    case Op::lt:
      return Op::gt;
    case Op::le:
      return Op::ge;
    case Op::gt:
      return Op::lt;
    case Op::ge:
      return Op::le;
    default:
      return op;
  }
}

struct Words {
  std::string found, expected;
};

Words leaf_words(const detail::Expr& e, const std::vector<Slot>& slots, detail::Leaf leaf,
                 Lang lang) {
  const Node& n = e.nodes[leaf.node];
  const Slot& s = slots[leaf.node];
  bool want_true = !leaf.negated;
  auto side = [&](uint16_t i) { return render_slot(e.nodes[i], slots[i], lang); };
  switch (n.op) {
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge: {
      // Put the fact on the left: "15 <= duration" reads as "duration ≥ 15".
      bool literal_left = e.nodes[n.a].op == Op::literal || e.nodes[n.a].op == Op::param;
      uint16_t subject = literal_left ? n.b : n.a, other = literal_left ? n.a : n.b;
      Op op = literal_left ? mirror(n.op) : n.op;
      return {side(subject), std::string(symbol(op, leaf.negated)) + " " + side(other)};
    }
    case Op::in: {
      std::string options;
      const Node& list = e.nodes[n.b];
      if (list.op == Op::list) {
        for (uint16_t item : list.items) options += (options.empty() ? "" : ", ") + side(item);
      } else {
        options = side(n.b);
      }
      return {side(n.a), std::string(want_true ? (fr(lang) ? "parmi " : "one of ")
                                               : (fr(lang) ? "hors de " : "none of ")) +
                             options};
    }
    case Op::known: {
      const Slot& x = slots[n.a];
      std::string found = x.known ? side(n.a) : (fr(lang) ? "non renseigné" : "not provided");
      return {found, want_true ? (fr(lang) ? "renseigné" : "provided")
                               : (fr(lang) ? "non renseigné" : "not provided")};
    }
    case Op::empty: {
      const Slot& x = slots[n.a];
      size_t size = !x.known ? 0 : (x.list ? x.list->size() : x.records->size());
      std::string found =
          !x.known    ? (fr(lang) ? "non renseigné" : "not provided")
          : size == 0 ? (fr(lang) ? "aucun élément" : "no item")
                      : (x.list ? format_value(Value(*x.list), Unit::none, lang)
                                : std::to_string(size) + (fr(lang) ? " élément(s)" : " item(s)"));
      return {found, want_true ? (fr(lang) ? "aucun élément" : "no item")
                               : (fr(lang) ? "au moins un élément" : "at least one item")};
    }
    case Op::any:
    case Op::all:
    case Op::count_if: {
      uint32_t total = s.true_items + s.false_items + s.unknown_items;
      std::string found = std::to_string(s.true_items) + (fr(lang) ? " sur " : " of ") +
                          std::to_string(total) +
                          (fr(lang) ? " élément(s) satisfont « " : " item(s) satisfy '") +
                          e.nodes[n.b].text + (fr(lang) ? " »" : "'");
      std::string expected;
      bool all = (n.op == Op::all) == want_true;
      if (n.op == Op::count_if)
        expected = e.nodes[n.b].text;
      else if (all)
        expected = fr(lang) ? "tous les éléments" : "every item";
      else
        expected = want_true ? (fr(lang) ? "au moins un élément" : "at least one item")
                             : (fr(lang) ? "aucun élément" : "no item");
      return {found, expected};
    }
    case Op::contains:
      return {side(n.a),
              std::string(want_true ? (fr(lang) ? "contient " : "contains ")
                                    : (fr(lang) ? "ne contient pas " : "does not contain ")) +
                  side(n.b)};
    default: {
      // A boolean fact or parameter on its own.
      std::string name =
          n.op == Op::fact ? std::string(label(n.fact, lang)) + (fr(lang) ? " : " : ": ") : "";
      return {name + render_slot(n, s, lang),
              name + (want_true ? (fr(lang) ? "oui" : "yes") : (fr(lang) ? "non" : "no"))};
    }
  }
}

void join(std::string& into, const std::string& part, std::string_view separator = " ; ") {
  if (part.empty() || into.find(part) != std::string::npos) return;
  if (!into.empty()) into += separator;
  into += part;
}

std::string fill(std::string_view text, const Explanation& x, const Decision& d, Lang lang) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string_view name = text.substr(open + 1, close - open - 1);
    if (name == "found")
      out += x.found;
    else if (name == "expected")
      out += x.expected;
    else if (name == "terms")
      out += format_value(Value(TextList(x.terms)), Unit::none, lang);
    else if (name.starts_with("$")) {
      const Parameter* p = d.ruleset->find_parameter(name.substr(1));
      const Value* v = p ? p->at(d.as_of) : nullptr;
      out += v ? format_value(*v, p->unit, lang) : std::string(name);
    } else if (auto id = find_field(name)) {
      out += format_fact(d, *id, lang);
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace

Explanation explain(const Decision& d, const Finding& finding, Lang lang) {
  const auto& data = d.ruleset->data();
  const Rule& rule = data.rules[finding.rule];
  const detail::CompiledRule& compiled = data.compiled[finding.rule];
  Explanation x;
  x.title = rule.title.get(lang);
  x.remediation = rule.remediation.get(lang);

  // Evaluate again, in the decision's context, to read every sub-condition.
  const auto& params = d.parameters;
  detail::RuleContext context;
  context.kind = d.kind;
  context.phase = d.phase;
  context.as_of = d.as_of;
  context.facts = &d.facts->values;
  context.params = &params;
  std::vector<Slot> when_slots, slots;
  detail::evaluate_rule(compiled, context, when_slots, slots);

  for (const auto* e : {&compiled.when, &compiled.condition})
    for (auto& n : e->nodes)
      if (n.op == Op::fact && field(n.fact).path.starts_with("text."))
        if (auto* terms = d.facts->values[n.fact].get<TextList>())
          for (auto& t : *terms)
            if (std::find(x.terms.begin(), x.terms.end(), t) == x.terms.end()) x.terms.push_back(t);

  const bool condition_ran =
      compiled.when.empty() || (when_slots.size() && when_slots[compiled.when.root].known &&
                                when_slots[compiled.when.root].b);
  const detail::Expr& e = condition_ran ? compiled.condition : compiled.when;
  const auto& s = condition_ran ? slots : when_slots;
  if (!s.empty()) {
    detail::Want want = !s[e.root].known ? detail::Want::unknown
                        : s[e.root].b    ? detail::Want::true_
                                         : detail::Want::false_;
    std::vector<detail::Leaf> leaves;
    detail::deciding_leaves(e, s, want, leaves);
    for (auto leaf : leaves) {
      Words w = leaf_words(e, s, leaf, lang);
      join(x.found, w.found);
      join(x.expected, w.expected, !leaf.alternative ? " ; " : fr(lang) ? " ou " : " or ");
    }
  }
  if (finding.outcome == Outcome::unknown) {
    // The rule's message describes a failure; an unknown is a missing fact.
    std::string labels;
    for (FieldId m : finding.missing)
      labels += (labels.empty() ? "" : ", ") + std::string(label(m, lang)) + " (" +
                std::string(field(m).path) + ")";
    if (labels.empty())
      labels = fr(lang) ? "une valeur de référence en vigueur à cette date"
                        : "a reference value in force at that date";
    x.message = fr(lang) ? "Vérification impossible : information manquante — " + labels + "."
                         : "Cannot be checked: missing information — " + labels + ".";
    x.remediation = (fr(lang) ? "Renseigner : " : "Provide: ") + labels + ".";
    return x;
  }
  x.message = fill(rule.message.get(lang), x, d, lang);
  x.remediation = fill(x.remediation, x, d, lang);
  return x;
}

}  // namespace clef
