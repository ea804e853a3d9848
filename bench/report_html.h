// The conformity report as one HTML page, for the benchmark only: the input
// LibreOffice converts to PDF in bench/report_vs_libreoffice.sh, so that its
// time per document can be set against clef::render_pdf's. It says what the
// PDF report says (verdict, who/what/when, the eight CLONG keys, scheme fit,
// findings by severity, missing facts, every rule with its outcome), built
// from the Decision with the public API only. Not a product feature.
#pragma once

#include <string>

#include "clef/decision.h"

namespace clef_bench {

// UTF-8 HTML with A4 page CSS (@page) and DejaVu Sans as the only font.
std::string report_html(const clef::Decision& decision, clef::Lang lang);

}  // namespace clef_bench
