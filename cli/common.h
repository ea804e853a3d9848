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

// Writes `bytes` to `path` ("-" = standard output) through a temporary file
// renamed into place, so a failure never leaves a partial document. False
// (message printed) when it cannot.
bool write_output(const Options& o, const std::string& path, const std::string& bytes);

}  // namespace clef::cli
