// "Did you mean …?": the closest of a few candidate names to a misspelt one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clef {

// Levenshtein distance on bytes (names are ASCII identifiers); any distance
// above `limit` is returned as limit + 1, cheaply when the lengths alone say so.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit = SIZE_MAX);

// The candidate nearest to `name`, if at most `max_distance` edits away;
// empty otherwise. Ties keep the first candidate.
std::string closest(std::string_view name, const std::vector<std::string>& candidates,
                    size_t max_distance = 2);

}  // namespace clef
