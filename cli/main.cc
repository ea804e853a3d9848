// The `clef` command: arguments in, engine requests, results printed and
// mapped to exit codes (README.md). The request options come from the
// engine's one table (clef/options.h), as they will for the HTTP API and the
// batch table.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "clef/options.h"
#include "commands.h"
#include "common.h"

namespace {

using clef::cli::Options;

// Adds the table's options that apply to `requests` to `cmd`; their text
// lands in o.given under the option's name.
void add_request_options(CLI::App& cmd, uint8_t requests, Options& o) {
  for (const clef::RequestOption& opt : clef::request_options()) {
    // --lang is the whole program's (rules and schema commands speak too).
    if (!(opt.requests & requests) || opt.name == "lang") continue;
    std::string& text = o.given[std::string(opt.name)];
    if (opt.value_name.empty()) {
      cmd.add_flag_callback(
          std::string(opt.flag), [&text] { text = "true"; }, std::string(opt.help_en));
      continue;
    }
    auto* option = cmd.add_option(std::string(opt.flag), text, std::string(opt.help_en))
                       ->type_name(std::string(opt.value_name));
    if (!opt.choices.empty())
      option->check(
          CLI::IsMember(std::vector<std::string>(opt.choices.begin(), opt.choices.end())));
  }
}

// Applies the options given to o.settings; false (message printed) when one
// is not valid.
bool apply_request_options(Options& o) {
  // The language first: the others' messages speak it.
  std::vector<std::pair<std::string, std::string>> given(o.given.begin(), o.given.end());
  std::stable_partition(given.begin(), given.end(), [](auto& g) { return g.first == "lang"; });
  for (auto& [name, text] : given) {
    if (text.empty()) continue;
    if (auto problem = clef::find_request_option(name)->apply(o.settings, text)) {
      clef::cli::print_error(o, problem->message_fr, problem->message_en);
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace clef::cli;
  Options o;
  CLI::App app{
      "clef — vérification de conformité des missions de volontariat de solidarité internationale"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand: clef check f.xml --lang en
  app.set_version_flag("--version", std::string("clef ") + CLEF_VERSION);
  app.add_option("--rules", o.rules_dir,
                 "Rule packs directory (default: $CLEF_RULES_DIR or the bundled rules/)");
  app.add_option("--registry", o.registry,
                 "Accredited-carrier registry (XML) replacing the bundled example");
  const clef::RequestOption& lang = *clef::find_request_option("lang");
  app.add_option(std::string(lang.flag), o.given["lang"], std::string(lang.help_en))
      ->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--templates", o.templates_dir,
                 "Document templates directory (default: $CLEF_TEMPLATES_DIR or the bundled "
                 "templates/)");

  auto* check = app.add_subcommand("check", "Check mission descriptions or partnership agreements");
  check
      ->add_option("files", o.files,
                   "Files or directories to check (XML or JSON; - for standard input)")
      ->required();
  check->add_option("--format", o.format, "Output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_option("--color", o.color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_flag("--no-passes", o.no_passes, "Do not list the rules that pass (--passes false)");
  add_request_options(*check, clef::kCheckRequest, o);

  auto* rules = app.add_subcommand("rules", "Inspect and test the rule packs");
  rules->require_subcommand(1);
  rules->fallthrough();
  rules->add_subcommand("list", "List every rule");
  auto* show = rules->add_subcommand("show", "Show one rule in full");
  show->add_option("id", o.rule_id, "Rule id")->required();
  rules->add_subcommand("test", "Run every rule's examples");

  auto* schema = app.add_subcommand("schema", "Print a published schema");
  schema->add_option("which", o.schema, "xsd, json (input) or decision (output)")
      ->required()
      ->check(CLI::IsMember({"xsd", "json", "decision"}));

  // The document commands share the request options and write one PDF.
  auto document_command = [&](const char* name, const char* help, const char* file_help,
                              uint8_t requests) {
    auto* cmd = app.add_subcommand(name, help);
    cmd->add_option("file", o.files, file_help)->required()->expected(1);
    cmd->add_option("-o,--output", o.output, "PDF to write (- for standard output)")->required();
    add_request_options(*cmd, requests, o);
    return cmd;
  };
  auto* report = document_command("report", "Write the conformity report of a document (PDF)",
                                  "Mission, agreement or call (XML or JSON; - for standard input)",
                                  clef::kReportRequest);
  auto* tor = document_command("tor", "Write the terms of reference of a mission or a call (PDF)",
                               "Mission or call for tenders (XML or JSON)", clef::kTorRequest);
  auto* contract =
      document_command("contract", "Write the contract of a mission for one volunteer (PDF)",
                       "Mission (XML or JSON)", clef::kContractRequest);
  contract->add_option("--volunteer", o.volunteer, "Volunteer file (XML or JSON)")->required();

  auto* templates = app.add_subcommand("templates", "Check the document templates");
  templates->require_subcommand(1);
  templates->fallthrough();
  templates->add_subcommand("check", "Load every template and report every error");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (o.no_passes) o.given["passes"] = "false";
  if (!apply_request_options(o)) return kExitUsage;
  if (o.color == "auto")
    o.color_on = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  else
    o.color_on = o.color == "always";

  if (*check) return run_check(o);
  if (*report) return run_document(o, clef::DocumentType::report);
  if (*tor) return run_document(o, clef::DocumentType::terms_of_reference);
  if (*contract) return run_document(o, clef::DocumentType::contract);
  if (*templates) return run_templates_check(o);
  if (*schema) return run_schema(o);
  if (rules->got_subcommand("list")) return run_rules_list(o);
  if (rules->got_subcommand("show")) return run_rules_show(o);
  return run_rules_test(o);
}
