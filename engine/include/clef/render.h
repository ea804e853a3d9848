// Renderers of a decision for people (text) and machines (JSON). The JSON
// shape is published in docs/schemas/decision.schema.json.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clef/decision.h"

namespace clef {

struct TextOptions {
  Lang lang = Lang::fr;
  bool color = false;       // ANSI colours, for terminals
  bool list_passes = true;  // passes are proof of what was checked
};

std::string render_text(const Decision& decision, const TextOptions& options);
std::string render_json(const Decision& decision, Lang lang);
// Input errors of one file, as JSON ({"file":…, "errors":[…]}).
std::string render_errors_json(const std::string& file, const std::vector<InputError>& errors,
                               Lang lang);

// `text` made safe to print on a terminal: C0 and C1 controls, DEL and the
// bidirectional formatting characters (which can reorder what follows) are
// written as escapes ("\x1B", "\u202E"), bytes that are not UTF-8 as
// "\xFF". With `one_line`, line breaks and tabs become spaces, so that text
// read from a file cannot start a line of its own; otherwise '\n' is kept.
std::string terminal_safe(std::string_view text, bool one_line);

// "conforme avec réserves" -> "CONFORME AVEC RÉSERVES", with the language's
// casing rules (ICU): the status as a badge or a banner shows it.
std::string uppercase(std::string_view text, Lang lang);

// "Service Civique" / "congé de solidarité internationale"
std::string_view scheme_label(std::string_view scheme, Lang lang);
// The kind of document in words: "mission", "convention" / "agreement",
// "appel d'offres" / "call for tenders".
std::string_view kind_label(DocumentKind kind, Lang lang);

}  // namespace clef
