#include "trace.h"

#include <algorithm>
#include <optional>

namespace clef::detail {
namespace {

Want of(const Slot& s) {
  return !s.known ? Want::unknown : (s.b ? Want::true_ : Want::false_);
}

void walk(const Expr& expr, const std::vector<Slot>& slots, uint16_t i, Want want, bool negated,
          std::vector<Leaf>& out) {
  const Node& n = expr.nodes[i];
  switch (n.op) {
    case Op::not_: {
      Want inner =
          want == Want::unknown ? want : (want == Want::true_ ? Want::false_ : Want::true_);
      walk(expr, slots, n.a, inner, !negated, out);
      return;
    }
    case Op::and_:
    case Op::or_: {
      // The value that settles the operator on its own (false for and).
      Want settling = n.op == Op::and_ ? Want::false_ : Want::true_;
      // A false "or" (a true "and" under "not") failed on every alternative.
      bool alternatives = want != Want::unknown && want != settling && (n.op == Op::or_) != negated;
      for (uint16_t child : {n.a, n.b}) {
        Want got = of(slots[child]);
        size_t first = out.size();
        if (want == settling ? got == want : (want == Want::unknown ? got == Want::unknown : true))
          walk(expr, slots, child, got, negated, out);
        if (alternatives && child == n.b && first > 0 && out.size() > first)
          out[first].alternative = true;
      }
      return;
    }
    default:
      out.push_back({i, negated});
      return;
  }
}

}  // namespace

void deciding_leaves(const Expr& expr, const std::vector<Slot>& slots, Want want,
                     std::vector<Leaf>& out) {
  if (!expr.empty()) walk(expr, slots, expr.root, want, false, out);
}

std::optional<Limit> limit_of(const Expr& expr, const std::vector<Slot>& slots, uint16_t leaf) {
  const Node& n = expr.nodes[leaf];
  if (n.op != Op::lt && n.op != Op::le && n.op != Op::gt && n.op != Op::ge) return std::nullopt;
  if (!slots[leaf].known || slots[leaf].b) return std::nullopt;
  const Node& a = expr.nodes[n.a];
  const Node& b = expr.nodes[n.b];
  if (a.type != Type::number) return std::nullopt;
  bool fact_left = a.op == Op::fact && field(a.fact).adjustable;
  bool fact_right = b.op == Op::fact && field(b.fact).adjustable;
  if (fact_left == fact_right) return std::nullopt;
  Limit l;
  const Slot& fact = slots[fact_left ? n.a : n.b];
  const Slot& limit = slots[fact_left ? n.b : n.a];
  l.fact = fact_left ? a.fact : b.fact;
  l.found = fact.n;
  l.limit = limit.n;
  bool upper = n.op == Op::lt || n.op == Op::le;  // "fact < limit" when the fact is left
  l.decrease = fact_left ? upper : !upper;
  return l;
}

void unknown_facts(const Expr& expr, const std::vector<Slot>& slots, std::vector<FieldId>& out) {
  for (size_t i = 0; i < expr.nodes.size() && i < slots.size(); ++i) {
    const Node& n = expr.nodes[i];
    if ((n.op == Op::fact || n.op == Op::record_field) && !slots[i].known &&
        std::find(out.begin(), out.end(), n.fact) == out.end())
      out.push_back(n.fact);
  }
}

}  // namespace clef::detail
