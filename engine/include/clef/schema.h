// The published schemas, generated from the field catalogue so that they
// cannot drift from what the reader accepts (docs/schemas/ holds copies that
// a test compares with these).
#pragma once

#include <string>

namespace clef {

std::string input_xsd();             // XML Schema: every kind of document, and volunteer files
std::string input_json_schema();     // JSON Schema (2020-12) for the JSON input
std::string decision_json_schema();  // JSON Schema of `clef check --format json`

}  // namespace clef
