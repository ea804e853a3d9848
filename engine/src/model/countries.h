// ISO 3166-1 alpha-2 codes and the EU/EEA membership the rules need.
#pragma once

#include <span>
#include <string_view>

namespace clef {

bool is_country_code(std::string_view code);
// Every code is_country_code accepts, sorted: the schemas enumerate them.
std::span<const std::string_view> country_codes();
// EU member states plus Iceland, Liechtenstein and Norway (EEA), and the
// French outermost regions that ISO codes separately (GF, GP, MF, MQ, RE, YT),
// which are part of the EU.
bool is_eu_eea(std::string_view code);
// Metropolitan France and the overseas departments, regions and
// collectivities: a mission there is not "abroad".
bool is_french_territory(std::string_view code);

}  // namespace clef
