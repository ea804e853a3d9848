// The engine as every front end uses it (the CLI, the batch of contracts,
// the HTTP server): load the rule packs and templates once, then serve
// requests. A request says what to read and how to judge it; a result holds
// the decision and, for a document, its bytes or why there are none. Nothing
// here prints, exits or throws; one loaded Engine serves any number of
// threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clef/decision.h"
#include "clef/documents.h"
#include "clef/problem.h"
#include "clef/reader.h"
#include "clef/ruleset.h"

namespace clef {

// Where an input comes from: bytes the front end already holds (an HTTP
// body, standard input read by the CLI) or a file the engine reads. Standard
// input is the front end's to read: the engine opens only the paths it is
// given, "-" included.
struct Source {
  std::string name;        // in messages: the file's path, "-", a form part's name
  std::string bytes;       // the input, when `path` is empty
  std::string path;        // a file to read
  bool truncated = false;  // `bytes` stopped at the size limit: the input is larger

  static Source file(std::string path) { return {path, {}, path, false}; }
  static Source text(std::string bytes, std::string name) {
    return {std::move(name), std::move(bytes), {}, false};
  }
};

// How a document is judged and in which language results speak; set from the
// option table (clef/options.h) by every front end.
struct Settings {
  Lang lang = Lang::fr;
  InputFormat syntax = InputFormat::automatic;
  std::optional<Date> as_of;  // default: the document's start date, else today
  Phase phase = Phase::draft;
  bool strict = false;  // terms of reference: refuse rather than mark a draft
  bool passes = true;   // list the rules that pass (text and JSON renderings)
};

struct CheckRequest {
  Source input;
  Settings settings;
};

struct CheckResult {
  std::optional<Decision> decision;
  std::vector<Problem> problems;  // why there is no decision (the input's)
  // The input is a volunteer file, which is read with its mission: a
  // problem when named on its own, a file to skip in a directory.
  bool volunteer_file = false;
};

enum class DocumentType : uint8_t { report, terms_of_reference, contract };
std::string_view code(DocumentType type);  // "report", "tor", "contract"

struct DocumentRequest {
  DocumentType type = DocumentType::report;
  Source input;                     // the mission, agreement or call
  std::optional<Source> volunteer;  // a contract's volunteer file
  Settings settings;
};

// A valid request whose document is not made, because of the decision.
struct Refusal {
  // "blocking_findings": strict terms of reference with a failing blocking
  // rule; "not_eligible": a contract for a mission or volunteer that is non
  // conforme or incomplet.
  std::string code;
  // Indices in decision->findings of the blocking rules that fail or lack
  // facts: what stops the document.
  std::vector<size_t> blocking;
};

struct DocumentResult {
  std::optional<Decision> decision;  // once the inputs were read
  std::string bytes;                 // the PDF, when it was made
  std::string template_id;           // the template it was made from
  std::optional<Refusal> refusal;
  std::vector<Problem> problems;  // why nothing was made: input, usage, rendering
  std::vector<Problem> warnings;  // made, with something to say (missing glyphs)

  bool made() const { return !bytes.empty(); }
};

struct EngineConfig {
  std::string rules_dir;
  std::optional<std::string> registry;  // default: rules_dir/registry/carriers.xml
  std::string templates_dir;            // empty: no documents (check only)
  std::string font_dir = "/usr/share/fonts/truetype/dejavu";
  RenderLimits limits;
};

class Engine {
 public:
  // Null, with every problem in `problems`, when the rule packs, the registry
  // or the templates are refused.
  static std::shared_ptr<const Engine> load(const EngineConfig& config,
                                            std::vector<Problem>& problems);

  CheckResult check(const CheckRequest& request) const;
  // Reads, checks and renders: check() then render().
  DocumentResult document(const DocumentRequest& request) const;
  // The document of type `type` for a decision already made (a batch makes
  // the contract, the terms of reference and the report of one decision):
  // the template its kind and scheme call for, or a problem (no terms of
  // reference for an agreement, no contract for the scheme) or a refusal.
  // `name` is the input's, for messages.
  DocumentResult render(const Decision& decision, DocumentType type, const Settings& settings,
                        const std::string& name = {}) const;

  const std::shared_ptr<const Ruleset>& ruleset() const { return ruleset_; }
  // Null when the engine was loaded without templates.
  const TemplateSet* templates() const { return templates_.get(); }

  Engine(std::shared_ptr<const Ruleset> ruleset, std::shared_ptr<const TemplateSet> templates,
         EngineConfig config)
      : ruleset_(std::move(ruleset)),
        templates_(std::move(templates)),
        config_(std::move(config)) {}

 private:
  std::shared_ptr<const Ruleset> ruleset_;
  std::shared_ptr<const TemplateSet> templates_;
  EngineConfig config_;
};

}  // namespace clef
