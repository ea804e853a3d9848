// Internal: derived facts — what the rules need that no one types in:
// durations, age at start, lexicon hits, registry look-ups, sums.
#pragma once

#include <span>

#include "../rules/ruleset_data.h"
#include "clef/model.h"

namespace clef::detail {

// Fills the derived slots of `document.values`.
void derive_facts(Document& document, const RulesetData& data);

// The input fields a derived fact is computed from: when a derived fact is
// unknown, these are what the user should provide.
std::span<const FieldId> inputs_of(FieldId derived);

// Whole calendar months from `start` to the day after `end`, plus the rest in
// thirtieths: 2024-01-15..2026-01-14 is 24 months.
double months_between(Date start, Date end_inclusive);
int full_years(Date birth, Date at);

}  // namespace clef::detail
