// What goes wrong, in one shape, whatever failed: an input, a rule pack, the
// registry, a template, the rendering of a document, the writing of a file.
// The engine reports problems as values and never throws across its public
// API; each front end maps a problem's kind to what it speaks (the CLI to an
// exit code, the HTTP server to a status) through one table of its own.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "clef/model.h"

namespace clef {

enum class Lang { fr, en };

// What a problem is about; every code belongs to exactly one kind.
enum class ProblemKind : uint8_t {
  input,      // a document or volunteer file that cannot be read or is invalid
  usage,      // a request that cannot be served as asked (an option, a document the kind lacks)
  rules,      // the rule packs, the registry or the lexicons were refused at load
  templates,  // the document templates were refused at load
  rendering,  // a document went past a rendering limit
  output,     // a document could not be written where asked
};
std::string_view code(ProblemKind kind);  // "input", "usage", …

struct Problem {
  std::string code;         // stable snake_case, listed by problem_codes()
  std::string file;         // the file concerned, when there is one
  SourcePosition position;  // line and column in it, 0 when none
  std::string pointer;      // JSON Pointer (the element path for XML) to the value
  std::string message_fr, message_en;

  const std::string& message(Lang lang) const { return lang == Lang::fr ? message_fr : message_en; }
  ProblemKind kind() const;
  // "file:line:column: message (at /pointer)"
  std::string format(Lang lang) const;
};

struct ProblemCode {
  std::string_view code;
  ProblemKind kind;
  std::string_view summary_en;  // one line, for documentation and the API description
};
// Every code a problem may carry, in the order the README lists them.
std::span<const ProblemCode> problem_codes();

}  // namespace clef
