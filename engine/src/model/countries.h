// ISO 3166-1 alpha-2 codes and the EU/EEA membership the rules need.
#pragma once

#include <string_view>

namespace clef {

bool is_country_code(std::string_view code);
// EU member states plus Iceland, Liechtenstein and Norway (EEA).
bool is_eu_eea(std::string_view code);

}  // namespace clef
