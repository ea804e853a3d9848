// Locale-aware rendering of values for people: "12 mois", "1 600,00 €",
// "30 novembre 2024". ICU formats money and dates; numbers use the locale's
// decimal separator. Never depends on the process locale.
#pragma once

#include <string>

#include "clef/reader.h"
#include "clef/value.h"

namespace clef {

std::string format_number(double n, Unit unit, Lang lang);
std::string format_money(int64_t cents, const std::string& currency, Lang lang);
// "30 novembre 2024", "1er mars 2025" / "30 November 2024".
std::string format_date(Date d, Lang lang);
// "Viêt Nam" / "Vietnam" for "VN": ICU's display name of an ISO 3166 code.
std::string format_country(const std::string& code, Lang lang);
std::string format_value(const Value& v, Unit unit, Lang lang);

}  // namespace clef
