// Rule packs, the carrier registry and the lexicons, loaded from rules/ and
// compiled once. A Ruleset is immutable after loading and shared by checks.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "clef/model.h"
#include "clef/reader.h"

namespace clef {

enum class Severity : uint8_t { bloquant, majeur, mineur, info };
enum class Outcome : uint8_t { fail, pass, not_applicable, unknown };
enum class Phase : uint8_t { draft, submission };
enum class Confidence : uint8_t { confirmed, unconfirmed };

std::string_view to_string(Severity s, Lang lang);
std::string_view to_string(Outcome o, Lang lang);
std::string_view code(Severity s);  // "bloquant", … (stable, used in JSON)
std::string_view code(Outcome o);   // "fail", "pass", "not_applicable", "unknown"
std::string_view code(Phase p);

struct Localized {
  std::string fr, en;
  const std::string& get(Lang lang) const { return lang == Lang::fr || en.empty() ? fr : en; }
};

struct Reference {
  std::string text;
  std::string url;
  Confidence confidence = Confidence::confirmed;
};

struct Parameter {
  struct Dated {
    Date from;
    std::optional<Date> to;
    Value value;
  };
  std::string id;
  std::string type;  // months, days, money, …
  Unit unit = Unit::none;
  Localized label;
  Reference reference;
  std::vector<Dated> values;
  std::string file;
  SourcePosition position;

  const Value* at(Date as_of) const;
};

struct Rule {
  std::string id;
  std::string pack;
  Severity severity = Severity::bloquant;
  Phase phase = Phase::draft;
  int key = 0;  // CLONG quality key 1–8, 0 when none
  DocumentKind kind = DocumentKind::mission;
  std::vector<std::string> schemes;     // empty: any scheme
  std::vector<std::string> programmes;  // empty: any programme
  std::optional<Date> effective_from, effective_to;
  Reference reference;
  Localized title, message, remediation, clause;
  std::string refines;  // id of the rule this one is an exception to
  std::string label;    // the exception's label
  std::string when_text, condition_text;
  std::string file;
  SourcePosition position;
};

struct LoadError {
  std::string file;
  SourcePosition position;
  std::string message;
  std::string format() const;  // "file:line:column: message"
};

class Ruleset;
struct LoadResult {
  std::shared_ptr<const Ruleset> ruleset;  // null when errors is not empty
  std::vector<LoadError> errors;
};

struct ExampleResult {
  const Rule* rule = nullptr;
  std::string name;
  Outcome expected = Outcome::pass;
  Outcome got = Outcome::pass;
  bool ok = false;
  std::string problem;  // set when the rule itself is faulty (e.g. no failing example)
};

namespace detail {
struct RulesetData;
}

class Ruleset {
 public:
  // Loads rules_dir/packs/*.xml, rules_dir/lexicons/*.xml and the registry
  // (rules_dir/registry/carriers.xml unless `registry` names another file).
  static LoadResult load(const std::filesystem::path& rules_dir,
                         const std::optional<std::filesystem::path>& registry = std::nullopt);
  ~Ruleset();

  // Pack revisions and a hash of every file loaded: "2026.11+1a2b3c4d5e6f".
  const std::string& revision() const;
  std::span<const Rule> rules() const;
  const Rule* find(std::string_view id) const;
  std::span<const Parameter> parameters() const;
  const Parameter* find_parameter(std::string_view id) const;
  bool registry_is_example() const;
  const std::string& registry_notice(Lang lang) const;

  // Runs every rule's embedded examples (`clef rules test`).
  std::vector<ExampleResult> run_examples() const;

  const detail::RulesetData& data() const { return *data_; }

 private:
  explicit Ruleset(std::unique_ptr<detail::RulesetData> data);
  std::unique_ptr<detail::RulesetData> data_;
};

}  // namespace clef
