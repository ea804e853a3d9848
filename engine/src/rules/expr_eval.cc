// Three-valued evaluation (true, false, unknown) of compiled conditions.
// Every node's slot is filled, including both sides of and/or, so that the
// explanation can show every sub-condition and not only the first false one.
#include <cmath>

#include "expr.h"

namespace clef::detail {
namespace {

class Evaluator {
 public:
  Evaluator(const Expr& expr, const EvalContext& context, std::vector<Slot>& slots)
      : expr_(expr), context_(context), slots_(slots) {}

  const Slot& run() {
    if (slots_.size() < expr_.nodes.size()) slots_.resize(expr_.nodes.size());
    eval(expr_.root);
    return slots_[expr_.root];
  }

 private:
  static void load(Slot& s, const Value& v) {
    struct Visitor {
      Slot& s;
      void operator()(std::monostate) const {}
      void operator()(bool b) const { s.known = true, s.b = b; }
      void operator()(double n) const { s.known = true, s.n = n; }
      void operator()(const std::string& t) const { s.known = true, s.text = &t; }
      void operator()(const Date& d) const { s.known = true, s.date = d; }
      void operator()(const Money& m) const {
        s.known = true, s.cents = m.cents, s.text = &m.currency;
      }
      void operator()(const TextList& l) const { s.known = true, s.list = &l; }
      void operator()(const RecordList& l) const { s.known = true, s.records = &l; }
    };
    std::visit(Visitor{s}, v.data);
  }

  static Slot boolean(bool known, bool b) {
    Slot s;
    s.known = known;
    s.b = b;
    return s;
  }

  // Returns <0, 0, >0, or 2 when the operands cannot be compared (money in
  // different currencies): the comparison is then unknown.
  static int order(Type t, const Slot& x, const Slot& y) {
    switch (t) {
      case Type::number:
        return x.n < y.n ? -1 : (x.n > y.n ? 1 : 0);
      case Type::date:
        return x.date < y.date ? -1 : (x.date > y.date ? 1 : 0);
      case Type::money:
        if (*x.text != *y.text) return 2;
        return x.cents < y.cents ? -1 : (x.cents > y.cents ? 1 : 0);
      case Type::text:
        return *x.text < *y.text ? -1 : (*x.text > *y.text ? 1 : 0);
      case Type::boolean:
        return x.b == y.b ? 0 : (x.b ? 1 : -1);
      default:
        return 2;
    }
  }

  void eval(uint16_t i) {
    const Node& n = expr_.nodes[i];
    Slot& out = slots_[i];
    out = Slot{};  // inside any/all a node is evaluated once per record
    switch (n.op) {
      case Op::literal:
        load(out, n.literal);
        return;
      case Op::fact:
        load(out, (*context_.facts)[n.fact]);
        return;
      case Op::param: {
        const Value* v = (*context_.params)[n.index];
        if (v) load(out, *v);
        return;
      }
      case Op::record_field:
        if (record_) load(out, (*record_)[n.index]);
        return;
      case Op::list: {
        // Literal lists hold literals only; expose them as a text list view.
        out.known = true;
        for (uint16_t item : n.items) eval(item);
        return;
      }
      case Op::and_:
      case Op::or_: {
        eval(n.a);
        eval(n.b);
        const Slot& x = slots_[n.a];
        const Slot& y = slots_[n.b];
        bool decisive = n.op == Op::or_;  // the value that settles the result
        if ((x.known && x.b == decisive) || (y.known && y.b == decisive))
          out = boolean(true, decisive);
        else if (x.known && y.known)
          out = boolean(true, !decisive);
        else
          out = boolean(false, false);
        return;
      }
      case Op::not_: {
        eval(n.a);
        const Slot& x = slots_[n.a];
        out = boolean(x.known, !x.b);
        return;
      }
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: {
        eval(n.a);
        eval(n.b);
        const Slot& x = slots_[n.a];
        const Slot& y = slots_[n.b];
        if (!x.known || !y.known) return;
        int c = order(expr_.nodes[n.a].type, x, y);
        if (c == 2) {
          if (n.op == Op::eq || n.op == Op::ne) out = boolean(true, n.op == Op::ne);
          return;
        }
        bool r = false;
        switch (n.op) {
          case Op::eq:
            r = c == 0;
            break;
          case Op::ne:
            r = c != 0;
            break;
          case Op::lt:
            r = c < 0;
            break;
          case Op::le:
            r = c <= 0;
            break;
          case Op::gt:
            r = c > 0;
            break;
          default:
            r = c >= 0;
            break;
        }
        out = boolean(true, r);
        return;
      }
      case Op::in: {
        eval(n.a);
        eval(n.b);
        const Slot& x = slots_[n.a];
        const Node& right = expr_.nodes[n.b];
        if (!x.known) return;
        if (right.op == Op::list) {
          bool found = false;
          for (uint16_t item : right.items) found = found || *slots_[item].text == *x.text;
          out = boolean(true, found);
          return;
        }
        const Slot& y = slots_[n.b];
        if (!y.known) return;
        bool found = false;
        for (auto& s : *y.list) found = found || s == *x.text;
        out = boolean(true, found);
        return;
      }
      case Op::add:
      case Op::sub:
      case Op::mul:
      case Op::div:
        arithmetic(n, out);
        return;
      case Op::known: {
        eval(n.a);
        out = boolean(true, slots_[n.a].known);
        return;
      }
      case Op::count:
      case Op::empty: {
        eval(n.a);
        const Slot& x = slots_[n.a];
        if (!x.known) return;
        size_t size = x.list ? x.list->size() : x.records->size();
        if (n.op == Op::count)
          out.known = true, out.n = static_cast<double>(size);
        else
          out = boolean(true, size == 0);
        return;
      }
      case Op::contains: {
        eval(n.a);
        eval(n.b);
        const Slot& x = slots_[n.a];
        const Slot& y = slots_[n.b];
        if (!x.known || !y.known) return;
        bool found = false;
        for (auto& s : *x.list) found = found || s == *y.text;
        out = boolean(true, found);
        return;
      }
      case Op::sum:
      case Op::any:
      case Op::all:
      case Op::count_if:
        over_records(n, out);
        return;
    }
  }

  void arithmetic(const Node& n, Slot& out) {
    eval(n.a);
    eval(n.b);
    const Slot& x = slots_[n.a];
    const Slot& y = slots_[n.b];
    if (!x.known || !y.known) return;
    if (n.type == Type::number) {
      double r = n.op == Op::add   ? x.n + y.n
                 : n.op == Op::sub ? x.n - y.n
                 : n.op == Op::mul ? x.n * y.n
                                   : (y.n == 0 ? 0 : x.n / y.n);
      if (n.op == Op::div && y.n == 0) return;  // unknown rather than infinite
      out.known = true, out.n = r;
      return;
    }
    // Money. An amount past the range of int64 cents is unknown, not wrapped.
    if (n.op == Op::add || n.op == Op::sub) {
      if (*x.text != *y.text) return;
      int64_t r;
      bool overflow = n.op == Op::add ? __builtin_add_overflow(x.cents, y.cents, &r)
                                      : __builtin_sub_overflow(x.cents, y.cents, &r);
      if (overflow) return;
      out.known = true, out.text = x.text, out.cents = r;
      return;
    }
    if (n.op == Op::div && y.n == 0) return;
    double r =
        n.op == Op::mul ? static_cast<double>(x.cents) * y.n : static_cast<double>(x.cents) / y.n;
    if (!std::isfinite(r) || std::fabs(r) >= 9.2e18) return;
    out.known = true, out.text = x.text,
    out.cents = static_cast<int64_t>(r >= 0 ? r + 0.5 : r - 0.5);
  }

  void over_records(const Node& n, Slot& out) {
    eval(n.a);
    const Slot& list = slots_[n.a];
    if (!list.known) {
      eval_inner(n.b, nullptr);
      return;
    }
    const Node& inner = expr_.nodes[n.b];
    bool all_known = true;
    double number = 0;
    int64_t cents = 0;
    const std::string* currency = nullptr;
    bool mixed_currency = false;
    for (const Record& r : *list.records) {
      eval_inner(n.b, &r);
      const Slot& s = slots_[n.b];
      if (!s.known) {
        ++out.unknown_items;
        all_known = false;
        continue;
      }
      if (n.op == Op::sum) {
        if (inner.type == Type::number)
          number += s.n;
        else {
          if (currency && *currency != *s.text) mixed_currency = true;
          currency = s.text;
          if (__builtin_add_overflow(cents, s.cents, &cents)) mixed_currency = true;  // unknown
        }
      } else {
        s.b ? ++out.true_items : ++out.false_items;
      }
    }
    switch (n.op) {
      case Op::sum:
        if (!all_known || mixed_currency) return;
        out.known = true;
        if (inner.type == Type::number)
          out.n = number;
        else if (currency)
          out.cents = cents, out.text = currency;
        else
          out.known = false;  // an empty list has no currency to sum in
        return;
      case Op::any:
        out.known = out.true_items > 0 || all_known;
        out.b = out.true_items > 0;
        return;
      case Op::all:
        out.known = out.false_items > 0 || all_known;
        out.b = out.false_items == 0 && all_known;
        return;
      default:  // count_if
        out.known = all_known;
        out.n = out.true_items;
        return;
    }
  }

  void eval_inner(uint16_t i, const Record* record) {
    const Record* saved = record_;
    record_ = record;
    if (record) eval(i);
    record_ = saved;
  }

  const Expr& expr_;
  const EvalContext& context_;
  std::vector<Slot>& slots_;
  const Record* record_ = nullptr;
};

}  // namespace

const Slot& evaluate(const Expr& expr, const EvalContext& context, std::vector<Slot>& slots) {
  return Evaluator(expr, context, slots).run();
}

}  // namespace clef::detail
