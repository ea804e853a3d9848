// Internal: reading an evaluated expression back. Which sub-conditions
// decided the outcome, and what a failing limit would need to pass.
#pragma once

#include <vector>

#include "expr.h"

namespace clef::detail {

enum class Want : uint8_t { false_, true_, unknown };

// The leaves (comparisons, tests, functions) that made `expr` come out as
// `want`, following and/or/not: for a false `a and b`, the false operands.
struct Leaf {
  uint16_t node;
  bool negated;  // under an odd number of "not": the leaf should have been false
  // The first leaf of another alternative of a failing "or": what was
  // expected reads "A ou B", not "A ; B".
  bool alternative = false;
};
void deciding_leaves(const Expr& expr, const std::vector<Slot>& slots, Want want,
                     std::vector<Leaf>& out);

struct Limit {
  FieldId fact = 0;
  double found = 0;
  double limit = 0;
  bool decrease = true;  // the fact must go down to pass
};
// For a failing numeric comparison between an adjustable fact and a limit.
std::optional<Limit> limit_of(const Expr& expr, const std::vector<Slot>& slots, uint16_t leaf);

// Facts (or list fields) that are unknown in the evaluated expression.
void unknown_facts(const Expr& expr, const std::vector<Slot>& slots, std::vector<FieldId>& out);

}  // namespace clef::detail
