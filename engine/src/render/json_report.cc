// The machine-readable decision: the contract of `clef check --format json`
// and of the HTTP endpoint (docs/schemas/decision.schema.json).
#include <nlohmann/json.hpp>

#include "clef/render.h"

namespace clef {
namespace {

using nlohmann::ordered_json;

ordered_json reference(const Reference& r) {
  ordered_json j;
  j["text"] = r.text;
  j["url"] = r.url.empty() ? ordered_json(nullptr) : ordered_json(r.url);
  j["confidence"] = r.confidence == Confidence::confirmed ? "confirmed" : "unconfirmed";
  return j;
}

ordered_json finding(const Decision& d, const Finding& f, Lang lang) {
  const Rule& rule = d.rule(f);
  ordered_json j;
  j["rule_id"] = rule.id;
  j["pack"] = rule.pack;
  j["severity"] = code(rule.severity);
  j["key"] = rule.key ? ordered_json(rule.key) : ordered_json(nullptr);
  j["outcome"] = code(f.outcome);
  if (f.outcome == Outcome::not_applicable) {
    j["title"] = rule.title.get(lang);
    if (f.replaced_by != kNoRule) j["replaced_by"] = d.ruleset->rules()[f.replaced_by].id;
  } else {
    Explanation x = explain(d, f, lang);
    j["title"] = x.title;
    j["message"] = x.message;
    j["found"] = x.found;
    j["expected"] = x.expected;
    j["remediation"] = x.remediation;
    if (!x.terms.empty()) j["terms"] = x.terms;
  }
  j["reference"] = reference(rule.reference);
  if (!rule.refines.empty()) j["exception_of"] = {{"rule_id", rule.refines}, {"label", rule.label}};
  if (!f.missing.empty()) {
    ordered_json missing = ordered_json::array();
    for (FieldId m : f.missing) missing.push_back(field(m).path);
    j["missing"] = missing;
  }
  return j;
}

}  // namespace

std::string render_json(const Decision& d, Lang lang) {
  ordered_json j;
  j["decision_id"] = d.id;
  j["ruleset_revision"] = d.revision;
  j["as_of"] = d.as_of.iso();
  j["as_of_defaulted"] = d.as_of_defaulted;
  j["phase"] = code(d.phase);
  j["kind"] = to_string(d.kind);
  j["source"] = d.facts->source;
  const Value& id = d.facts->values[*find_field("id")];
  j["document_id"] = id.known() ? ordered_json(*id.get<std::string>()) : ordered_json(nullptr);
  j["status"] = code(d.status);
  j["status_label"] = to_string(d.status, lang);
  ordered_json counts = {{"fail", 0}, {"pass", 0}, {"unknown", 0}, {"not_applicable", 0}};
  ordered_json findings = ordered_json::array();
  for (auto& f : d.findings) {
    counts[std::string(code(f.outcome))] = counts[std::string(code(f.outcome))].get<int>() + 1;
    findings.push_back(finding(d, f, lang));
  }
  j["counts"] = counts;
  j["findings"] = findings;
  ordered_json keys = ordered_json::array();
  for (auto& k : d.keys)
    keys.push_back({{"key", k.key},
                    {"outcome", code(k.outcome)},
                    {"passed", k.passed},
                    {"failed", k.failed},
                    {"unknown", k.unknown}});
  j["keys"] = keys;
  ordered_json missing = ordered_json::array();
  for (auto& m : d.missing) {
    ordered_json rules = ordered_json::array();
    for (auto r : m.rules) rules.push_back(d.ruleset->rules()[r].id);
    missing.push_back(
        {{"path", field(m.field).path}, {"label", label(m.field, lang)}, {"rules", rules}});
  }
  j["missing_facts"] = missing;
  ordered_json fits = ordered_json::array();
  for (auto& s : d.scheme_fit) {
    ordered_json fit;
    fit["scheme"] = s.scheme;
    fit["label"] = scheme_label(s.scheme, lang);
    fit["current"] = s.current;
    fit["verdict"] = code(s.verdict);
    ordered_json failing = ordered_json::array(), unknown = ordered_json::array(),
                 adjustments = ordered_json::array();
    for (auto r : s.failing) failing.push_back(d.ruleset->rules()[r].id);
    for (auto r : s.unknown) unknown.push_back(d.ruleset->rules()[r].id);
    for (auto& a : s.adjustments)
      adjustments.push_back({{"rule_id", d.ruleset->rules()[a.rule].id},
                             {"fact", field(a.fact).path},
                             {"found", a.found},
                             {"limit", a.limit},
                             {"change", a.decrease ? -a.amount : a.amount},
                             {"text", describe(a, lang)}});
    fit["failing"] = failing;
    fit["unknown"] = unknown;
    fit["adjustments"] = adjustments;
    fits.push_back(fit);
  }
  j["scheme_fit"] = fits;
  j["registry_example"] = d.ruleset->registry_is_example();
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string render_errors_json(const std::string& file, const std::vector<InputError>& errors,
                               Lang lang) {
  ordered_json j;
  j["source"] = file;
  j["status"] = "input_error";
  ordered_json list = ordered_json::array();
  for (auto& e : errors) {
    ordered_json x;
    x["code"] = e.code;
    x["line"] = e.position.line ? ordered_json(e.position.line) : ordered_json(nullptr);
    x["column"] = e.position.column ? ordered_json(e.position.column) : ordered_json(nullptr);
    x["pointer"] = e.pointer.empty() ? ordered_json(nullptr) : ordered_json(e.pointer);
    x["message"] = e.message(lang);
    list.push_back(x);
  }
  j["errors"] = list;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace clef
