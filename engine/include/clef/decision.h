// The decision: what a check concluded about one document, and why. Every
// renderer (text, JSON, PDF, XLSX) reads this and nothing else.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clef/model.h"
#include "clef/ruleset.h"

namespace clef {

enum class Status : uint8_t { conforme, conforme_avec_reserves, non_conforme, incomplet };
std::string_view code(Status s);  // "conforme", "conforme_avec_reserves", …
std::string_view to_string(Status s, Lang lang);

inline constexpr uint32_t kNoRule = 0xFFFFFFFF;

struct Finding {
  uint32_t rule = 0;  // index in Ruleset::rules()
  Outcome outcome = Outcome::pass;
  uint32_t replaced_by = kNoRule;  // not applicable because this exception applies
  std::vector<FieldId> missing;    // for unknown outcomes: the facts to provide
};

struct KeySummary {
  int key = 0;  // 1–8
  Outcome outcome = Outcome::not_applicable;
  int passed = 0, failed = 0, unknown = 0;
};

// A change that would make a failing limit pass: "raccourcir de 2 mois".
struct Adjustment {
  uint32_t rule = 0;
  FieldId fact = 0;
  double amount = 0;
  double found = 0, limit = 0;
  Unit unit = Unit::none;
  bool decrease = true;
};

struct SchemeFit {
  enum class Verdict : uint8_t { eligible, to_confirm, near_miss, not_eligible, out_of_scope };
  std::string scheme;
  bool current = false;  // the scheme the document names
  Verdict verdict = Verdict::not_eligible;
  std::vector<uint32_t> failing;  // rules that fail for this scheme
  std::vector<uint32_t> unknown;  // blocking rules that need facts
  std::vector<Adjustment> adjustments;
};
std::string_view code(SchemeFit::Verdict v);
std::string_view to_string(SchemeFit::Verdict v, Lang lang);

struct MissingFact {
  FieldId field = 0;
  std::vector<uint32_t> rules;  // rules that need it
};

struct Decision {
  std::string id;        // "D-" + 20 hex digits of SHA-256(canonical input, revision, as-of)
  std::string revision;  // ruleset revision
  Date as_of;
  bool as_of_defaulted = false;  // no --as-of and no start date: today was used
  Phase phase = Phase::draft;
  DocumentKind kind = DocumentKind::mission;
  Status status = Status::conforme;
  std::vector<Finding> findings;  // every rule of this kind, in ruleset order
  std::vector<KeySummary> keys;   // the eight CLONG keys (missions)
  std::vector<SchemeFit> scheme_fit;
  std::vector<MissingFact> missing;

  std::shared_ptr<const Ruleset> ruleset;
  // The parameter values in force at as_of, by parameter number (null when
  // none is): computed once by check, reused by every explanation.
  std::vector<const Value*> parameters;
  std::shared_ptr<const Document> facts;  // the document with derived facts filled in

  const Rule& rule(const Finding& f) const { return ruleset->rules()[f.rule]; }
};

struct CheckOptions {
  std::optional<Date> as_of;  // default: the document's start date
  Phase phase = Phase::draft;
  bool scheme_fit = true;
};

// Reads nothing, writes nothing: facts in, decision out.
Decision check(std::shared_ptr<const Ruleset> ruleset, Document document,
               const CheckOptions& options = {});

// The words of one finding, in one language: message with found and expected
// values filled in, from a re-evaluation that records every sub-condition.
struct Explanation {
  std::string title;
  std::string message;
  std::string found;
  std::string expected;
  std::string remediation;
  std::vector<std::string> terms;  // lexicon words that triggered the rule
};
Explanation explain(const Decision& decision, const Finding& finding, Lang lang);
// "raccourcir de 2 mois" / "shorten by 2 months"
std::string describe(const Adjustment& adjustment, Lang lang);
std::string format_fact(const Decision& decision, FieldId id, Lang lang);
std::string_view label(FieldId id, Lang lang);

}  // namespace clef
