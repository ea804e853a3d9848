// What every subcommand needs: the language, the rule packs and templates
// (loaded once, every load error printed), check options, safe output.
#pragma once

#include <memory>
#include <string>

#include "clef/decision.h"
#include "clef/documents.h"
#include "clef/reader.h"
#include "commands.h"

namespace clef::cli {

Lang lang_of(const Options& o);
// "fr" text or "en" text, by the option --lang.
inline const char* tr(const Options& o, const char* fr, const char* en) {
  return lang_of(o) == Lang::fr ? fr : en;
}
InputFormat input_format(const Options& o);

// Null (errors printed on stderr) when the packs or registry are refused.
std::shared_ptr<const Ruleset> load(const Options& o);
// Null (errors printed) when any template is refused.
std::shared_ptr<const TemplateSet> load_templates(const Options& o);
// Fills --as-of and --phase; false (message printed) on a bad date.
bool check_options(const Options& o, CheckOptions& options);

// Prints "clef : message" on stderr in the language of --lang, made safe for
// a terminal (file names and quoted input may hold control characters).
void print_error(const Options& o, const std::string& fr, const std::string& en);
// Prints one line on stderr, made safe for a terminal.
void print_line(const std::string& text);

// Whether -o can take the document made from `inputs`; 0, or the exit code
// after the message is printed (kExitUsage for a wrong target).
int check_output(const Options& o, const std::vector<std::string>& inputs);
// Writes `bytes` to -o ("-" = standard output), whole or not at all
// (output_file.h); 0, or the exit code after the message is printed.
int write_output(const Options& o, const std::string& bytes,
                 const std::vector<std::string>& inputs);

}  // namespace clef::cli
