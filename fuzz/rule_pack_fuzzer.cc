// Loads arbitrary bytes as a rule pack (parameters, rules, conditions,
// examples) into a fresh ruleset, then links exceptions: every problem must
// come back as a LoadError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/ruleset_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  clef::detail::RulesetData ruleset;
  std::vector<clef::LoadError> errors;
  std::string revision;
  clef::detail::load_pack("fuzz.xml", bytes, ruleset, errors, revision);
  clef::detail::link_exceptions(ruleset, errors);
  for (const auto& e : errors) (void)e.format();
  return 0;
}
