// What every subcommand needs: the engine loaded from the right places,
// inputs as the engine takes them (standard input read here), and printing
// that a terminal cannot be fooled by.
#pragma once

#include <memory>
#include <string>

#include "clef/engine.h"
#include "commands.h"

namespace clef::cli {

// "fr" text or "en" text, by --lang.
inline const char* tr(const Options& o, const char* fr, const char* en) {
  return o.settings.lang == Lang::fr ? fr : en;
}

// The engine, with templates when `documents`; null (every problem printed)
// when the rule packs, the registry or the templates are refused.
std::shared_ptr<const Engine> load_engine(const Options& o, bool documents);

// A file to read, or standard input ("-"), which the CLI reads itself.
Source source(const std::string& path);

// Prints "clef : message" on stderr, made safe for a terminal (file names
// and quoted input may hold control characters).
void print_error(const Options& o, const std::string& fr, const std::string& en);
// Prints a problem (file:line:column: message) and returns its exit code.
int print_problem(const Options& o, const Problem& p);
// Prints one line on stderr, made safe for a terminal.
void print_line(const std::string& text);

// Whether -o can take the document made from `inputs`; 0, or the exit code
// after the message is printed.
int check_output(const Options& o, const std::vector<std::string>& inputs);
// Writes `bytes` to -o ("-" = standard output), whole or not at all
// (clef/output.h); 0, or the exit code after the message is printed.
int write_output(const Options& o, const std::string& bytes,
                 const std::vector<std::string>& inputs);

}  // namespace clef::cli
