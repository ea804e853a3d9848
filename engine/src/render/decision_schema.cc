// The JSON Schema of what `clef check --format json` prints (decisions and
// input errors) and what the HTTP endpoint will return. Kept next to
// json_report.cc, which writes exactly these fields; a test validates real
// output against it.
#include <nlohmann/json.hpp>

#include "clef/model.h"
#include "clef/schema.h"

namespace clef {

std::string decision_json_schema() {
  using nlohmann::ordered_json;
  auto str = ordered_json{{"type", "string"}};
  auto nullable_str = ordered_json{{"type", {"string", "null"}}};
  auto ids = ordered_json{{"type", "array"}, {"items", str}};
  auto outcome = ordered_json{{"enum", {"fail", "pass", "not_applicable", "unknown"}}};
  ordered_json kinds = ordered_json::array();
  for (auto k : all_kinds()) kinds.push_back(std::string(to_string(k)));

  ordered_json reference = {{"type", "object"},
                            {"additionalProperties", false},
                            {"required", {"text", "url", "confidence"}},
                            {"properties",
                             {{"text", str},
                              {"url", nullable_str},
                              {"confidence", {{"enum", {"confirmed", "unconfirmed"}}}}}}};
  ordered_json finding = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"rule_id", "pack", "severity", "key", "outcome", "title", "reference"}},
      {"properties",
       {{"rule_id", str},
        {"pack", str},
        {"severity", {{"enum", {"bloquant", "majeur", "mineur", "info"}}}},
        {"key", {{"type", {"integer", "null"}}, {"minimum", 1}, {"maximum", 8}}},
        {"outcome", outcome},
        {"title", str},
        {"message", str},
        {"found", str},
        {"expected", str},
        {"remediation", str},
        {"terms", ids},
        {"replaced_by", str},
        {"reference", {{"$ref", "#/$defs/reference"}}},
        {"exception_of", {{"type", "object"}, {"properties", {{"rule_id", str}, {"label", str}}}}},
        {"missing", ids}}}};
  ordered_json key = {{"type", "object"},
                      {"additionalProperties", false},
                      {"required", {"key", "outcome", "passed", "failed", "unknown"}},
                      {"properties",
                       {{"key", {{"type", "integer"}}},
                        {"outcome", outcome},
                        {"passed", {{"type", "integer"}}},
                        {"failed", {{"type", "integer"}}},
                        {"unknown", {{"type", "integer"}}}}}};
  ordered_json missing = {{"type", "object"},
                          {"additionalProperties", false},
                          {"required", {"path", "label", "rules"}},
                          {"properties", {{"path", str}, {"label", str}, {"rules", ids}}}};
  ordered_json adjustment = {{"type", "object"},
                             {"additionalProperties", false},
                             {"required", {"rule_id", "fact", "found", "limit", "change", "text"}},
                             {"properties",
                              {{"rule_id", str},
                               {"fact", str},
                               {"found", {{"type", "number"}}},
                               {"limit", {{"type", "number"}}},
                               {"change", {{"type", "number"}}},
                               {"text", str}}}};
  ordered_json fit = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"scheme", "label", "current", "verdict", "failing", "unknown", "adjustments"}},
      {"properties",
       {{"scheme", str},
        {"label", str},
        {"current", {{"type", "boolean"}}},
        {"verdict",
         {{"enum", {"eligible", "to_confirm", "near_miss", "not_eligible", "out_of_scope"}}}},
        {"failing", ids},
        {"unknown", ids},
        {"adjustments", {{"type", "array"}, {"items", {{"$ref", "#/$defs/adjustment"}}}}}}}};

  ordered_json decision;
  decision["type"] = "object";
  decision["additionalProperties"] = false;
  decision["required"] = {
      "decision_id", "ruleset_revision", "as_of",      "as_of_defaulted", "phase",  "kind",
      "source",      "document_id",      "status",     "status_label",    "counts", "findings",
      "keys",        "missing_facts",    "scheme_fit", "registry_example"};
  decision["properties"] = {
      {"decision_id", {{"type", "string"}, {"pattern", "^D-[0-9a-f]{20}$"}}},
      {"ruleset_revision", str},
      {"as_of", {{"type", "string"}, {"format", "date"}}},
      {"as_of_defaulted", {{"type", "boolean"}}},
      {"phase", {{"enum", {"draft", "submission"}}}},
      {"kind", {{"enum", kinds}}},
      {"source", str},
      {"document_id", nullable_str},
      {"status", {{"enum", {"conforme", "conforme_avec_reserves", "non_conforme", "incomplet"}}}},
      {"status_label", str},
      {"counts",
       {{"type", "object"},
        {"properties",
         {{"fail", {{"type", "integer"}}},
          {"pass", {{"type", "integer"}}},
          {"unknown", {{"type", "integer"}}},
          {"not_applicable", {{"type", "integer"}}}}}}},
      {"findings", {{"type", "array"}, {"items", {{"$ref", "#/$defs/finding"}}}}},
      {"keys", {{"type", "array"}, {"items", {{"$ref", "#/$defs/key"}}}}},
      {"missing_facts", {{"type", "array"}, {"items", {{"$ref", "#/$defs/missing"}}}}},
      {"scheme_fit", {{"type", "array"}, {"items", {{"$ref", "#/$defs/fit"}}}}},
      {"registry_example", {{"type", "boolean"}}}};

  // render_errors_json: a file that could not be read, with every problem
  // found (README, "Input error codes"; new codes may come, so a pattern).
  auto position = ordered_json{{"type", {"integer", "null"}}, {"minimum", 1}};
  ordered_json input_error = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"source", "status", "errors"}},
      {"properties",
       {{"source", str},
        {"status", {{"const", "input_error"}}},
        {"errors",
         {{"type", "array"},
          {"minItems", 1},
          {"items",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"code", "line", "column", "pointer", "message"}},
            {"properties",
             {{"code", {{"type", "string"}, {"pattern", "^[a-z][a-z0-9_]*$"}}},
              {"line", position},
              {"column", position},
              {"pointer", nullable_str},
              {"message", str}}}}}}}}}};

  // One file gives one result; several give an array of them, in order.
  // "status" tells a decision from an input error.
  ordered_json result = {
      {"oneOf", {{{"$ref", "#/$defs/decision"}}, {{"$ref", "#/$defs/input_error"}}}}};

  ordered_json j;
  j["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  j["$id"] = "https://clef.example/schemas/decision.schema.json";
  j["title"] = "clef decision";
  j["description"] =
      "What `clef check --format json` prints: for one file, a decision or an input error; for "
      "several, an array of them in the order of the files.";
  j["$comment"] = "Generated by `clef schema decision`.";
  j["oneOf"] = {{{"$ref", "#/$defs/result"}},
                {{"type", "array"}, {"minItems", 2}, {"items", {{"$ref", "#/$defs/result"}}}}};
  j["$defs"] = {{"result", result},       {"decision", decision}, {"input_error", input_error},
                {"reference", reference}, {"finding", finding},   {"key", key},
                {"missing", missing},     {"fit", fit},           {"adjustment", adjustment}};
  return j.dump(2) + "\n";
}

}  // namespace clef
