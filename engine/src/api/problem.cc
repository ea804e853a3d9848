// The problem codes, each with its kind: the one list the README, the exit
// codes and the HTTP statuses are derived from.
#include "clef/problem.h"

#include <algorithm>

#include "../util/unicode.h"

namespace clef {
namespace {

using K = ProblemKind;

constexpr ProblemCode kCodes[] = {
    // Inputs: documents and volunteer files.
    {"io", K::input, "the file cannot be read (missing, no permission, a directory)"},
    {"too_large", K::input, "the file is over 8 MiB"},
    {"invalid_utf8", K::input, "a byte that does not start a valid UTF-8 sequence"},
    {"invalid_char", K::input,
     "a character text may not hold (a control character, a lone surrogate, U+FFFE, U+FFFF), "
     "however it is written"},
    {"xml_syntax", K::input, "malformed XML, or content outside the root element"},
    {"json_syntax", K::input, "malformed JSON, or content after the top-level value"},
    {"doctype_forbidden", K::input, "a DOCTYPE (no DTD or entity is accepted)"},
    {"too_deep", K::input, "nesting deeper than 32 levels"},
    {"mixed_content", K::input, "an XML element holding both text and elements"},
    {"unknown_attribute", K::input, "an XML attribute other than currency on an amount"},
    {"unknown_root", K::input, "a root element or kind that is not a document of clef"},
    {"missing_kind", K::input, "a JSON document without \"kind\""},
    {"wrong_value", K::input, "a value that is not one of those expected"},
    {"unknown_field", K::input, "a field the content model does not have"},
    {"duplicate_field", K::input, "a field or key given twice"},
    {"wrong_type", K::input, "a value of the wrong type"},
    {"invalid_date", K::input, "a date that does not exist or is outside 1900–2200"},
    {"date_order", K::input, "an end date before the start date"},
    // Requests.
    {"invalid_option", K::usage, "an option value that cannot be used (a date, a language…)"},
    {"not_a_mission", K::usage, "a contract asked for a document that is not a mission"},
    {"no_terms_of_reference", K::usage, "terms of reference asked for an agreement"},
    {"no_contract_template", K::usage, "a contract asked for a scheme that has none"},
    {"missing_volunteer", K::usage, "a contract asked without a volunteer file"},
    {"unknown_rule", K::usage, "a rule id that no pack defines"},
    {"output_empty", K::usage, "an empty output file name"},
    {"output_is_directory", K::usage, "the output names a directory"},
    {"output_is_link", K::usage, "the output names a symbolic link to a file"},
    {"output_not_regular", K::usage, "the output names a block device or a socket"},
    {"output_is_input", K::usage, "the output names one of the input files"},
    // Rule packs, registry and lexicons.
    {"rules_unreadable", K::rules, "a rules file or directory cannot be read, or is over 2 MiB"},
    {"rules_syntax", K::rules, "a rules file is not well-formed XML in UTF-8, or has a DOCTYPE"},
    {"rule_pack_invalid", K::rules, "a rule pack breaks the pack format (docs/rules.md)"},
    {"registry_invalid", K::rules, "the carrier registry breaks its format"},
    {"lexicon_invalid", K::rules, "a lexicon breaks its format"},
    // Document templates.
    {"templates_unreadable", K::templates,
     "a template file or directory cannot be read, or is over 2 MiB"},
    {"templates_syntax", K::templates,
     "a template file is not well-formed XML in UTF-8, or has a DOCTYPE"},
    {"template_invalid", K::templates, "a template breaks the template format (docs/templates.md)"},
    // Rendering.
    {"render_limit", K::rendering, "a document went past a rendering limit (pages, text, steps)"},
    {"render_failed", K::rendering, "the PDF could not be produced (a font missing or unreadable)"},
    {"missing_glyphs", K::rendering,
     "a warning: characters the embedded font lacks, drawn as an empty box"},
    // Writing.
    {"disk_full", K::output, "the disk is full"},
    {"quota_exceeded", K::output, "the disk quota is exceeded"},
    {"missing_directory", K::output, "the output's directory does not exist"},
    {"permission_denied", K::output, "no permission to write in the output's directory"},
    {"read_only", K::output, "the file system is read-only"},
    {"output_io", K::output, "another error while writing"},
};

}  // namespace

std::string_view code(ProblemKind kind) {
  static constexpr std::string_view names[] = {"input",     "usage",     "rules",
                                               "templates", "rendering", "output"};
  return names[static_cast<size_t>(kind)];
}

std::span<const ProblemCode> problem_codes() {
  return kCodes;
}

ProblemKind Problem::kind() const {
  for (const ProblemCode& c : kCodes)
    if (c.code == code) return c.kind;
  return ProblemKind::usage;  // not reached: tests check every code the engine emits is listed
}

std::string Problem::format(Lang lang) const {
  std::string out = file;
  if (position.line) {
    out += ':' + std::to_string(position.line) + ':' + std::to_string(position.column);
  }
  if (!out.empty()) out += ": ";
  out += message(lang);
  if (!pointer.empty()) {
    // People read a pointer, not megabytes of one (the JSON output keeps it whole).
    std::string_view shown = utf8_prefix(pointer, 120);
    out += (lang == Lang::fr ? " (à " : " (at ") + std::string(shown) +
           (shown.size() < pointer.size() ? "…)" : ")");
  }
  return out;
}

}  // namespace clef
