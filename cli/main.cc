// The `clef` command: argument parsing and output only; every decision is
// the engine's. Exit codes are documented in README.md.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
  clef::cli::Options o;
  CLI::App app{
      "clef — vérification de conformité des missions de volontariat de solidarité internationale"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand: clef check f.xml --lang en
  app.set_version_flag("--version", std::string("clef ") + CLEF_VERSION);
  app.add_option("--rules", o.rules_dir,
                 "Rule packs directory (default: $CLEF_RULES_DIR or the bundled rules/)");
  app.add_option("--registry", o.registry,
                 "Accredited-carrier registry (XML) replacing the bundled example");
  app.add_option("--lang", o.lang, "Language of the reports: fr (default) or en")
      ->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--templates", o.templates_dir,
                 "Document templates directory (default: $CLEF_TEMPLATES_DIR or the bundled "
                 "templates/)");

  auto* check = app.add_subcommand("check", "Check mission descriptions or partnership agreements");
  check->add_option("files", o.files, "Files to check (XML or JSON; - for standard input)")
      ->required();
  check->add_option("--format", o.format, "Output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_option("--as-of", o.as_of,
                    "Date whose rules apply (YYYY-MM-DD; default: the start date)");
  check->add_option("--phase", o.phase, "draft (default) or submission")
      ->check(CLI::IsMember({"draft", "submission"}));
  check->add_option("--color", o.color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_flag("--no-passes", o.no_passes, "Do not list the rules that pass");
  check->add_option("--input-format", o.input_format, "auto (default), xml or json")
      ->check(CLI::IsMember({"auto", "xml", "json"}));

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

  // The document commands share the check options and write one PDF.
  auto document_command = [&](const char* name, const char* help, const char* file_help) {
    auto* cmd = app.add_subcommand(name, help);
    cmd->add_option("file", o.files, file_help)->required()->expected(1);
    cmd->add_option("-o,--output", o.output, "PDF to write (- for standard output)")->required();
    cmd->add_option("--as-of", o.as_of,
                    "Date whose rules apply (YYYY-MM-DD; default: the start date)");
    cmd->add_option("--phase", o.phase, "draft (default) or submission")
        ->check(CLI::IsMember({"draft", "submission"}));
    cmd->add_option("--input-format", o.input_format, "auto (default), xml or json")
        ->check(CLI::IsMember({"auto", "xml", "json"}));
    return cmd;
  };
  auto* report = document_command("report", "Write the conformity report of a document (PDF)",
                                  "Mission, agreement or call (XML or JSON; - for standard input)");
  auto* tor = document_command("tor", "Write the terms of reference of a mission or a call (PDF)",
                               "Mission or call for tenders (XML or JSON)");
  tor->add_flag("--strict", o.strict,
                "Refuse (exit 1) instead of watermarking a mission with blocking findings");
  auto* contract =
      document_command("contract", "Write the contract of a mission for one volunteer (PDF)",
                       "Mission (XML or JSON)");
  contract->add_option("--volunteer", o.volunteer, "Volunteer file (XML or JSON)")->required();

  auto* templates = app.add_subcommand("templates", "Check the document templates");
  templates->require_subcommand(1);
  templates->fallthrough();
  templates->add_subcommand("check", "Load every template and report every error");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : clef::cli::kExitUsage;
  }
  if (o.color == "auto")
    o.color_on = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  else
    o.color_on = o.color == "always";

  if (*check) return clef::cli::run_check(o);
  if (*report) return clef::cli::run_report(o);
  if (*tor) return clef::cli::run_tor(o);
  if (*contract) return clef::cli::run_contract(o);
  if (*templates) return clef::cli::run_templates_check(o);
  if (*schema) return clef::cli::run_schema(o);
  if (rules->got_subcommand("list")) return clef::cli::run_rules_list(o);
  if (rules->got_subcommand("show")) return clef::cli::run_rules_show(o);
  return clef::cli::run_rules_test(o);
}
