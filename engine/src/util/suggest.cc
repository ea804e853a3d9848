#include "suggest.h"

#include <algorithm>

namespace clef {

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  // Each extra character costs one edit: names of very different lengths are
  // far apart without filling a table of |a| x |b| (a hostile name may be
  // megabytes long).
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
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

std::string closest(std::string_view name, const std::vector<std::string>& candidates,
                    size_t max_distance) {
  std::string best;
  size_t best_distance = max_distance + 1;
  for (auto& c : candidates) {
    size_t d = edit_distance(name, c, max_distance);
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

}  // namespace clef
