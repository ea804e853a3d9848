// Internal: what a loaded ruleset holds besides the public Rule descriptions.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "clef/ruleset.h"
#include "expr.h"

namespace clef::detail {

struct Example {
  std::string name;
  Outcome expected = Outcome::pass;
  std::optional<std::string> scheme, programme;
  std::optional<Date> as_of;
  std::vector<std::pair<FieldId, Value>> facts;
  SourcePosition position;
};

struct CompiledRule {
  Expr when;  // empty: always applicable
  Expr condition;
  uint32_t scheme_mask = 0;     // bit i = scheme_names()[i]; 0 = any scheme
  uint32_t programme_mask = 0;  // bit i = programme_names()[i]; 0 = any programme
  int32_t base = -1;            // the rule this one is an exception to
  std::vector<uint32_t> exceptions;
  std::vector<uint16_t> params_used;
  std::vector<Example> examples;
};

struct Agrement {
  std::string kind;  // "vsi" or "service_civique"
  std::string number;
  Date from, to;
};

struct Carrier {
  std::string name;
  std::vector<Agrement> agrements;
};

struct Registry {
  bool example = false;
  Localized notice;
  std::vector<Carrier> carriers;
  std::unordered_map<std::string, size_t> by_key;  // folded name, alias or number
};

struct LexiconTerm {
  std::string text;    // as written in the lexicon
  std::string folded;  // without accents, lower case, without the trailing '*'
  bool prefix = false;
  std::string category;
};

struct RulesetData {
  std::string revision;
  std::vector<Rule> rules;
  std::vector<CompiledRule> compiled;
  std::unordered_map<std::string, size_t> rule_index;
  std::vector<Parameter> params;
  std::vector<ParamInfo> param_infos;
  std::unordered_map<std::string, size_t> param_index;
  Registry registry;
  std::vector<LexiconTerm> lexicon;
  // Lexicon term numbers by the first two bytes of their folded form: a word
  // start is compared only with the terms that can match it.
  std::vector<std::vector<uint16_t>> lexicon_by_prefix = std::vector<std::vector<uint16_t>>(65536);
  static size_t lexicon_key(unsigned char a, unsigned char b) { return a << 8 | b; }
  size_t max_nodes = 0;
  // Per scheme (index in scheme_names()), the bloquant and majeur rules
  // specific to it: what scheme fit evaluates.
  std::vector<std::vector<uint32_t>> fit_rules;  // the largest expression, to size scratch space once
};

// Loaders fill `data` and append errors; each is a file format of its own.
void load_pack(const std::string& file, const std::string& bytes, RulesetData& data,
               std::vector<LoadError>& errors, std::string& revision);
void load_registry(const std::string& file, const std::string& bytes, Registry& registry,
                   std::vector<LoadError>& errors);
void load_lexicon(const std::string& file, const std::string& bytes,
                  std::vector<LexiconTerm>& lexicon, std::vector<LoadError>& errors);
// Cross-pack checks once everything is loaded: exception targets, conflicts.
void link_exceptions(RulesetData& data, std::vector<LoadError>& errors);

// Parses a fact value written as text in a rule example.
std::optional<Value> parse_example_value(FieldId id, const std::vector<std::string>& texts,
                                         std::string& error);

// Where a rule stands for one document: the inputs of applicability.
struct RuleContext {
  DocumentKind kind = DocumentKind::mission;
  int scheme = -1;     // index in scheme_names(), -1 unknown
  int programme = -1;  // index in programme_names(), -1 unknown
  Phase phase = Phase::draft;
  Date as_of;
  const std::vector<Value>* facts = nullptr;
  const std::vector<const Value*>* params = nullptr;
};

// Applicability from the rule's static attributes (kind, scheme, programme,
// phase, effective period); `when` is evaluated by evaluate_rule.
bool applies(const Rule& rule, const CompiledRule& compiled, const RuleContext& context);
// Outcome of one applicable rule: its `when`, then its condition.
Outcome evaluate_rule(const CompiledRule& compiled, const RuleContext& context,
                      std::vector<Slot>& when_slots, std::vector<Slot>& slots);
// The parameter values in force at `as_of`, indexed like data.params.
std::vector<const Value*> params_at(const RulesetData& data, Date as_of);

}  // namespace clef::detail
