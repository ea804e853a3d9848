// The tables of decision_fields.h. A member's order is its place in the JSON
// output; members without a JSON name exist for templates only, members
// without a template name for the JSON only.
#include "decision_fields.h"

#include "clef/render.h"

namespace clef::fields {
namespace {

using detail::Type;
using SV = std::string_view;
using J = std::optional<ordered_json>;

constexpr SV kSeverities[] = {"bloquant", "majeur", "mineur", "info"};
constexpr SV kOutcomes[] = {"fail", "pass", "not_applicable", "unknown"};
constexpr SV kStatuses[] = {"conforme", "conforme_avec_reserves", "non_conforme", "incomplet"};
constexpr SV kVerdicts[] = {"eligible", "to_confirm", "near_miss", "not_eligible", "out_of_scope"};
constexpr SV kPhases[] = {"draft", "submission"};
constexpr SV kColours[] = {"green", "orange", "red", "blue", "grey"};
constexpr SV kConfidences[] = {"confirmed", "unconfirmed"};

// ---- JSON Schema fragments --------------------------------------------------

ordered_json string_schema() {
  return {{"type", "string"}};
}
ordered_json nullable_string_schema() {
  return {{"type", {"string", "null"}}};
}
ordered_json integer_schema() {
  return {{"type", "integer"}};
}
ordered_json number_schema() {
  return {{"type", "number"}};
}
ordered_json boolean_schema() {
  return {{"type", "boolean"}};
}
ordered_json strings_schema() {
  return {{"type", "array"}, {"items", {{"type", "string"}}}};
}
template <const SV* Values, size_t N>
ordered_json enum_schema() {
  ordered_json values = ordered_json::array();
  for (size_t i = 0; i < N; ++i) values.push_back(Values[i]);
  return {{"enum", values}};
}
ordered_json array_of(std::string_view def) {
  return {{"type", "array"}, {"items", {{"$ref", "#/$defs/" + std::string(def)}}}};
}

// ---- values -------------------------------------------------------------------

Value text(std::string_view s) {
  return Value(std::string(s));
}
Value number(double n) {
  return Value(n);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (auto& p : parts) out += (out.empty() ? "" : std::string(separator)) + p;
  return out;
}

std::vector<std::string> rule_ids(const Decision& d, const std::vector<uint32_t>& rules) {
  std::vector<std::string> out;
  for (uint32_t r : rules) out.push_back(d.ruleset->rules()[r].id);
  return out;
}

// A finding's explanation, computed once for all the members that show it.
const Explanation& explained(const View<Finding>& v, const Finding& f) {
  static thread_local std::optional<Explanation> uncached;
  std::optional<Explanation>& e = v.explanation ? *v.explanation : (uncached.reset(), uncached);
  if (!e) e = explain(v.decision, f, v.lang);
  return *e;
}

// Counts of findings, as templates show them.
struct Counts {
  int blocking = 0, failed = 0, unknown = 0, reserves = 0, not_applicable = 0;
  int open[4] = {0, 0, 0, 0};  // failing or unknown, by severity
};

Counts counts(const Decision& d) {
  Counts c;
  for (auto& f : d.findings) {
    const Severity s = d.rule(f).severity;
    const bool open = f.outcome == Outcome::fail || f.outcome == Outcome::unknown;
    c.not_applicable += f.outcome == Outcome::not_applicable;
    c.failed += f.outcome == Outcome::fail;
    c.unknown += f.outcome == Outcome::unknown;
    c.blocking += f.outcome == Outcome::fail && s == Severity::bloquant;
    c.reserves += open && (s == Severity::majeur || s == Severity::mineur);
    c.open[static_cast<size_t>(s)] += open;
  }
  return c;
}

std::string_view status_colour(Status s) {
  switch (s) {
    case Status::conforme:
      return "green";
    case Status::conforme_avec_reserves:
      return "orange";
    case Status::non_conforme:
      return "red";
    case Status::incomplet:
      return "grey";
  }
  return "grey";
}

using DV = View<Decision>;
using FV = View<Finding>;
using KV = View<KeySummary>;
using MV = View<MissingFact>;
using SVw = View<SchemeFit>;
using AV = View<Adjustment>;

const Rule& rule_of(const FV& v) {
  return v.decision.rule(v.item);
}

// ---- the decision ---------------------------------------------------------------

const Member<Decision> kDecision[] = {
    {"decision_id",
     "id",
     false,
     Type::text,
     {},
     false,
     [] {
       return ordered_json{{"type", "string"}, {"pattern", "^D-[0-9a-f]{20}$"}};
     },
     [](const DV& v) -> J { return v.decision.id; },
     [](const DV& v) { return text(v.decision.id); }},
    {"ruleset_revision",
     "revision",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const DV& v) -> J { return v.decision.revision; },
     [](const DV& v) { return text(v.decision.revision); }},
    {"as_of",
     "as_of",
     false,
     Type::date,
     {},
     false,
     [] {
       return ordered_json{{"type", "string"}, {"format", "date"}};
     },
     [](const DV& v) -> J { return v.decision.as_of.iso(); },
     [](const DV& v) { return Value(v.decision.as_of); }},
    {"as_of_defaulted",
     "",
     false,
     Type::boolean,
     {},
     false,
     boolean_schema,
     [](const DV& v) -> J { return v.decision.as_of_defaulted; },
     nullptr},
    {"phase", "phase", false, Type::text, kPhases, false, enum_schema<kPhases, 2>,
     [](const DV& v) -> J { return code(v.decision.phase); },
     [](const DV& v) { return text(code(v.decision.phase)); }},
    {"",
     "phase_label",
     false,
     Type::text,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) {
       const bool fr = v.lang == Lang::fr;
       return text(v.decision.phase == Phase::draft ? (fr ? "projet" : "draft")
                                                    : (fr ? "dépôt" : "submission"));
     }},
    {"kind",
     "kind",
     false,
     Type::text,
     {},
     false,
     [] {
       ordered_json kinds = ordered_json::array();
       for (auto k : all_kinds()) kinds.push_back(std::string(to_string(k)));
       return ordered_json{{"enum", kinds}};
     },
     [](const DV& v) -> J { return to_string(v.decision.kind); },
     [](const DV& v) { return text(to_string(v.decision.kind)); }},
    {"source",
     "",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const DV& v) -> J { return v.decision.facts->source; },
     nullptr},
    {"document_id",
     "",
     false,
     Type::text,
     {},
     false,
     nullable_string_schema,
     [](const DV& v) -> J {
       const Value& id = v.decision.facts->values[*find_field("id")];
       return id.known() ? ordered_json(*id.get<std::string>()) : ordered_json(nullptr);
     },
     nullptr},
    {"status", "status", false, Type::text, kStatuses, false, enum_schema<kStatuses, 4>,
     [](const DV& v) -> J { return code(v.decision.status); },
     [](const DV& v) { return text(code(v.decision.status)); }},
    {"status_label",
     "status_label",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const DV& v) -> J { return to_string(v.decision.status, v.lang); },
     [](const DV& v) { return text(to_string(v.decision.status, v.lang)); }},
    {"", "status_colour", false, Type::text, kColours, false, nullptr, nullptr,
     [](const DV& v) { return text(status_colour(v.decision.status)); }},
    {"counts",
     "",
     false,
     Type::text,
     {},
     false,
     [] {
       return ordered_json{{"type", "object"},
                           {"properties",
                            {{"fail", integer_schema()},
                             {"pass", integer_schema()},
                             {"unknown", integer_schema()},
                             {"not_applicable", integer_schema()}}}};
     },
     [](const DV& v) -> J {
       ordered_json c = {{"fail", 0}, {"pass", 0}, {"unknown", 0}, {"not_applicable", 0}};
       for (auto& f : v.decision.findings) {
         auto& n = c[std::string(code(f.outcome))];
         n = n.get<int>() + 1;
       }
       return c;
     },
     nullptr},
    {"",
     "blocking_count",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).blocking); }},
    {"",
     "failed_count",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).failed); }},
    {"",
     "unknown_count",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).unknown); }},
    {"",
     "reserve_count",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).reserves); }},
    {"",
     "open_bloquant",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).open[0]); }},
    {"",
     "open_majeur",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).open[1]); }},
    {"",
     "open_mineur",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).open[2]); }},
    {"",
     "open_info",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).open[3]); }},
    {"",
     "checked_count",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) {
       return number(static_cast<double>(v.decision.findings.size()) -
                     counts(v.decision).not_applicable);
     }},
    {"",
     "not_applicable_count",
     false,
     Type::number,
     {},
     false,
     nullptr,
     nullptr,
     [](const DV& v) { return number(counts(v.decision).not_applicable); }},
    {"findings",
     "",
     false,
     Type::text,
     {},
     false,
     [] { return array_of("finding"); },
     [](const DV& v) -> J {
       ordered_json a = ordered_json::array();
       for (auto& f : v.decision.findings) {
         std::optional<Explanation> explanation;
         a.push_back(object(finding_members(), FV{v.decision, f, v.lang, nullptr, &explanation}));
       }
       return a;
     },
     nullptr},
    {"keys",
     "",
     false,
     Type::text,
     {},
     false,
     [] { return array_of("key"); },
     [](const DV& v) -> J {
       ordered_json a = ordered_json::array();
       for (auto& k : v.decision.keys)
         a.push_back(object(key_members(), KV{v.decision, k, v.lang}));
       return a;
     },
     nullptr},
    {"missing_facts",
     "",
     false,
     Type::text,
     {},
     false,
     [] { return array_of("missing"); },
     [](const DV& v) -> J {
       ordered_json a = ordered_json::array();
       for (auto& m : v.decision.missing)
         a.push_back(object(missing_members(), MV{v.decision, m, v.lang}));
       return a;
     },
     nullptr},
    {"scheme_fit",
     "",
     false,
     Type::text,
     {},
     false,
     [] { return array_of("fit"); },
     [](const DV& v) -> J {
       ordered_json a = ordered_json::array();
       for (auto& s : v.decision.scheme_fit)
         a.push_back(object(fit_members(), SVw{v.decision, s, v.lang}));
       return a;
     },
     nullptr},
    {"registry_example",
     "registry_example",
     false,
     Type::boolean,
     {},
     false,
     boolean_schema,
     [](const DV& v) -> J { return v.decision.ruleset->registry_is_example(); },
     [](const DV& v) { return Value(v.decision.ruleset->registry_is_example()); }},
};

// ---- findings ---------------------------------------------------------------------

const Member<Finding> kFinding[] = {
    {"rule_id",
     "rule_id",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const FV& v) -> J { return rule_of(v).id; },
     [](const FV& v) { return text(rule_of(v).id); }},
    {"pack",
     "pack",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const FV& v) -> J { return rule_of(v).pack; },
     [](const FV& v) { return text(rule_of(v).pack); }},
    {"severity", "severity", false, Type::text, kSeverities, false, enum_schema<kSeverities, 4>,
     [](const FV& v) -> J { return code(rule_of(v).severity); },
     [](const FV& v) { return text(code(rule_of(v).severity)); }},
    {"",
     "severity_label",
     false,
     Type::text,
     {},
     false,
     nullptr,
     nullptr,
     [](const FV& v) { return text(to_string(rule_of(v).severity, v.lang)); }},
    {"key",
     "key",
     false,
     Type::number,
     {},
     false,
     [] {
       return ordered_json{{"type", {"integer", "null"}}, {"minimum", 1}, {"maximum", 8}};
     },
     [](const FV& v) -> J {
       return rule_of(v).key ? ordered_json(rule_of(v).key) : ordered_json(nullptr);
     },
     [](const FV& v) { return number(rule_of(v).key); }},
    {"outcome", "outcome", false, Type::text, kOutcomes, false, enum_schema<kOutcomes, 4>,
     [](const FV& v) -> J { return code(v.item.outcome); },
     [](const FV& v) { return text(code(v.item.outcome)); }},
    {"",
     "outcome_label",
     false,
     Type::text,
     {},
     false,
     nullptr,
     nullptr,
     [](const FV& v) { return text(to_string(v.item.outcome, v.lang)); }},
    {"title",
     "title",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const FV& v) -> J {
       if (v.item.outcome == Outcome::not_applicable) return rule_of(v).title.get(v.lang);
       return explained(v, v.item).title;
     },
     [](const FV& v) { return text(rule_of(v).title.get(v.lang)); }},
    // What the explanation says, for the findings that apply.
    {"message",
     "message",
     true,
     Type::text,
     {},
     true,
     string_schema,
     [](const FV& v) -> J {
       if (v.item.outcome == Outcome::not_applicable) return std::nullopt;
       return explained(v, v.item).message;
     },
     [](const FV& v) { return text(explained(v, v.item).message); }},
    {"found",
     "found",
     true,
     Type::text,
     {},
     true,
     string_schema,
     [](const FV& v) -> J {
       if (v.item.outcome == Outcome::not_applicable) return std::nullopt;
       return explained(v, v.item).found;
     },
     [](const FV& v) { return text(explained(v, v.item).found); }},
    {"expected",
     "expected",
     true,
     Type::text,
     {},
     true,
     string_schema,
     [](const FV& v) -> J {
       if (v.item.outcome == Outcome::not_applicable) return std::nullopt;
       return explained(v, v.item).expected;
     },
     [](const FV& v) { return text(explained(v, v.item).expected); }},
    {"remediation",
     "remediation",
     true,
     Type::text,
     {},
     true,
     string_schema,
     [](const FV& v) -> J {
       if (v.item.outcome == Outcome::not_applicable) return std::nullopt;
       return explained(v, v.item).remediation;
     },
     [](const FV& v) { return text(explained(v, v.item).remediation); }},
    {"terms",
     "",
     true,
     Type::text,
     {},
     true,
     strings_schema,
     [](const FV& v) -> J {
       if (v.item.outcome == Outcome::not_applicable) return std::nullopt;
       const Explanation& x = explained(v, v.item);
       if (x.terms.empty()) return std::nullopt;
       return ordered_json(x.terms);
     },
     nullptr},
    {"replaced_by",
     "",
     true,
     Type::text,
     {},
     false,
     string_schema,
     [](const FV& v) -> J {
       if (v.item.outcome != Outcome::not_applicable || v.item.replaced_by == kNoRule)
         return std::nullopt;
       return v.decision.ruleset->rules()[v.item.replaced_by].id;
     },
     nullptr},
    {"reference",
     "reference",
     false,
     Type::text,
     {},
     false,
     [] {
       return ordered_json{{"$ref", "#/$defs/reference"}};
     },
     [](const FV& v) -> J {
       const Reference& r = rule_of(v).reference;
       ordered_json j;
       j["text"] = r.text;
       j["url"] = r.url.empty() ? ordered_json(nullptr) : ordered_json(r.url);
       j["confidence"] = r.confidence == Confidence::confirmed ? "confirmed" : "unconfirmed";
       return j;
     },
     [](const FV& v) {
       const Reference& r = rule_of(v).reference;
       const bool fr = v.lang == Lang::fr;
       if (r.confidence != Confidence::unconfirmed) return text(r.text);
       return text(r.text + (fr ? " [source non confirmée]" : " [unconfirmed source]"));
     }},
    {"",
     "reference_url",
     false,
     Type::text,
     {},
     false,
     nullptr,
     nullptr,
     [](const FV& v) { return text(rule_of(v).reference.url); }},
    {"", "confidence", false, Type::text, kConfidences, false, nullptr, nullptr,
     [](const FV& v) {
       return text(rule_of(v).reference.confidence == Confidence::unconfirmed ? "unconfirmed"
                                                                              : "confirmed");
     }},
    {"exception_of",
     "",
     true,
     Type::text,
     {},
     false,
     [] {
       return ordered_json{
           {"type", "object"},
           {"properties", {{"rule_id", string_schema()}, {"label", string_schema()}}}};
     },
     [](const FV& v) -> J {
       if (rule_of(v).refines.empty()) return std::nullopt;
       return ordered_json{{"rule_id", rule_of(v).refines}, {"label", rule_of(v).label}};
     },
     nullptr},
    // JSON: the facts' paths; templates: their labels, in words.
    {"missing",
     "missing",
     true,
     Type::text,
     {},
     false,
     strings_schema,
     [](const FV& v) -> J {
       if (v.item.missing.empty()) return std::nullopt;
       ordered_json a = ordered_json::array();
       for (FieldId m : v.item.missing) a.push_back(field(m).path);
       return a;
     },
     [](const FV& v) {
       std::vector<std::string> labels;
       for (FieldId id : v.item.missing) labels.emplace_back(label(id, v.lang));
       return text(join(labels, ", "));
     }},
};

// ---- CLONG keys ---------------------------------------------------------------------

const Member<KeySummary> kKey[] = {
    {"key",
     "number",
     false,
     Type::number,
     {},
     false,
     integer_schema,
     [](const KV& v) -> J { return v.item.key; },
     [](const KV& v) { return number(v.item.key); }},
    {"",
     "title",
     false,
     Type::text,
     {},
     false,
     nullptr,
     nullptr,
     [](const KV& v) {
       if (!v.key_titles) return Value();
       return text((*v.key_titles)[static_cast<size_t>(v.item.key)][v.lang == Lang::fr ? 0 : 1]);
     }},
    {"outcome", "outcome", false, Type::text, kOutcomes, false, enum_schema<kOutcomes, 4>,
     [](const KV& v) -> J { return code(v.item.outcome); },
     [](const KV& v) { return text(code(v.item.outcome)); }},
    {"",
     "outcome_label",
     false,
     Type::text,
     {},
     false,
     nullptr,
     nullptr,
     [](const KV& v) { return text(to_string(v.item.outcome, v.lang)); }},
    {"passed",
     "passed",
     false,
     Type::number,
     {},
     false,
     integer_schema,
     [](const KV& v) -> J { return v.item.passed; },
     [](const KV& v) { return number(v.item.passed); }},
    {"failed",
     "failed",
     false,
     Type::number,
     {},
     false,
     integer_schema,
     [](const KV& v) -> J { return v.item.failed; },
     [](const KV& v) { return number(v.item.failed); }},
    {"unknown",
     "unknown",
     false,
     Type::number,
     {},
     false,
     integer_schema,
     [](const KV& v) -> J { return v.item.unknown; },
     [](const KV& v) { return number(v.item.unknown); }},
};

// ---- missing facts --------------------------------------------------------------------

const Member<MissingFact> kMissing[] = {
    {"path",
     "path",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const MV& v) -> J { return field(v.item.field).path; },
     [](const MV& v) { return text(field(v.item.field).path); }},
    {"label",
     "label",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const MV& v) -> J { return label(v.item.field, v.lang); },
     [](const MV& v) { return text(label(v.item.field, v.lang)); }},
    {"rules",
     "rules",
     false,
     Type::text,
     {},
     false,
     strings_schema,
     [](const MV& v) -> J { return ordered_json(rule_ids(v.decision, v.item.rules)); },
     [](const MV& v) { return text(join(rule_ids(v.decision, v.item.rules), ", ")); }},
};

// ---- scheme fit -------------------------------------------------------------------------

const Member<SchemeFit> kFit[] = {
    {"scheme",
     "scheme",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const SVw& v) -> J { return v.item.scheme; },
     [](const SVw& v) { return text(v.item.scheme); }},
    {"label",
     "scheme_label",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const SVw& v) -> J { return scheme_label(v.item.scheme, v.lang); },
     [](const SVw& v) { return text(scheme_label(v.item.scheme, v.lang)); }},
    {"current",
     "current",
     false,
     Type::boolean,
     {},
     false,
     boolean_schema,
     [](const SVw& v) -> J { return v.item.current; },
     [](const SVw& v) { return Value(v.item.current); }},
    {"verdict", "verdict", false, Type::text, kVerdicts, false, enum_schema<kVerdicts, 5>,
     [](const SVw& v) -> J { return code(v.item.verdict); },
     [](const SVw& v) { return text(code(v.item.verdict)); }},
    {"",
     "verdict_label",
     false,
     Type::text,
     {},
     false,
     nullptr,
     nullptr,
     [](const SVw& v) { return text(to_string(v.item.verdict, v.lang)); }},
    {"failing",
     "failing",
     false,
     Type::text,
     {},
     false,
     strings_schema,
     [](const SVw& v) -> J { return ordered_json(rule_ids(v.decision, v.item.failing)); },
     [](const SVw& v) { return text(join(rule_ids(v.decision, v.item.failing), ", ")); }},
    {"unknown",
     "unknown",
     false,
     Type::text,
     {},
     false,
     strings_schema,
     [](const SVw& v) -> J { return ordered_json(rule_ids(v.decision, v.item.unknown)); },
     [](const SVw& v) { return text(join(rule_ids(v.decision, v.item.unknown), ", ")); }},
    // JSON: each change as an object; templates: the changes in words.
    {"adjustments",
     "adjustments",
     false,
     Type::text,
     {},
     false,
     [] { return array_of("adjustment"); },
     [](const SVw& v) -> J {
       ordered_json a = ordered_json::array();
       for (auto& adj : v.item.adjustments)
         a.push_back(object(adjustment_members(), AV{v.decision, adj, v.lang}));
       return a;
     },
     [](const SVw& v) {
       std::vector<std::string> parts;
       for (auto& a : v.item.adjustments)
         parts.push_back(describe(a, v.lang) + " (" + std::string(label(a.fact, v.lang)) + ")");
       return text(join(parts, " ; "));
     }},
};

// ---- adjustments (JSON only) ----------------------------------------------------------------

const Member<Adjustment> kAdjustment[] = {
    {"rule_id",
     "",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const AV& v) -> J { return v.decision.ruleset->rules()[v.item.rule].id; },
     nullptr},
    {"fact",
     "",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const AV& v) -> J { return field(v.item.fact).path; },
     nullptr},
    {"found",
     "",
     false,
     Type::number,
     {},
     false,
     number_schema,
     [](const AV& v) -> J { return v.item.found; },
     nullptr},
    {"limit",
     "",
     false,
     Type::number,
     {},
     false,
     number_schema,
     [](const AV& v) -> J { return v.item.limit; },
     nullptr},
    {"change",
     "",
     false,
     Type::number,
     {},
     false,
     number_schema,
     [](const AV& v) -> J { return v.item.decrease ? -v.item.amount : v.item.amount; },
     nullptr},
    {"text",
     "",
     false,
     Type::text,
     {},
     false,
     string_schema,
     [](const AV& v) -> J { return describe(v.item, v.lang); },
     nullptr},
};

}  // namespace

std::span<const Member<Decision>> decision_members() {
  return kDecision;
}
std::span<const Member<Finding>> finding_members() {
  return kFinding;
}
std::span<const Member<KeySummary>> key_members() {
  return kKey;
}
std::span<const Member<MissingFact>> missing_members() {
  return kMissing;
}
std::span<const Member<SchemeFit>> fit_members() {
  return kFit;
}
std::span<const Member<Adjustment>> adjustment_members() {
  return kAdjustment;
}

}  // namespace clef::fields
