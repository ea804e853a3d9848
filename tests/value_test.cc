#include <boost/test/unit_test.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "clef/value.h"
#include "facts/derive.h"
#include "util/format.h"
#include "util/unicode.h"

using namespace clef;

BOOST_AUTO_TEST_SUITE(value_test)

BOOST_AUTO_TEST_CASE(iso_dates_are_strict) {
  BOOST_TEST(Date::from_iso("2024-02-29").has_value());
  BOOST_TEST(!Date::from_iso("2025-02-29").has_value());
  BOOST_TEST(!Date::from_iso("2025-02-30").has_value());
  BOOST_TEST(!Date::from_iso("2025-13-01").has_value());
  BOOST_TEST(!Date::from_iso("2025-1-01").has_value());
  BOOST_TEST(!Date::from_iso("2025-01-01T00:00").has_value());
  BOOST_TEST(Date::from_iso("1970-01-01")->days == 0);
  BOOST_TEST(Date::from_iso("2026-11-23")->iso() == "2026-11-23");
}

BOOST_AUTO_TEST_CASE(money_is_exact) {
  BOOST_TEST(Money::parse("1600.5", "EUR")->cents == 160050);
  BOOST_TEST(Money::parse("-3", "EUR")->cents == -300);
  BOOST_TEST(!Money::parse("1.234", "EUR").has_value());
  BOOST_TEST(!Money::parse("12", "eur").has_value());
  BOOST_TEST(!Money::parse("1e3", "EUR").has_value());
  BOOST_TEST(Money::parse_with_currency("150 EUR")->plain() == "150.00 EUR");
}

BOOST_AUTO_TEST_CASE(calendar_months) {
  auto d = [](const char* s) { return *Date::from_iso(s); };
  BOOST_TEST(detail::months_between(d("2024-01-15"), d("2026-01-14")) == 24.0);
  BOOST_TEST(detail::months_between(d("2025-09-01"), d("2026-08-31")) == 12.0);
  // From 31 January, one month ends on the last day of February (clamped).
  BOOST_TEST(detail::months_between(d("2025-01-31"), d("2025-02-27")) == 1.0);
  BOOST_TEST(detail::months_between(d("2025-01-15"), d("2025-02-13")) == 30 / 30.0);
  BOOST_TEST(detail::months_between(d("2025-01-15"), d("2025-02-12")) == 29 / 30.0);
  BOOST_TEST(detail::months_between(d("2025-01-01"), d("2025-01-21")) == 21 / 30.0);
  BOOST_TEST(detail::full_years(d("2000-03-01"), d("2026-02-28")) == 25);
  BOOST_TEST(detail::full_years(d("2000-03-01"), d("2026-03-01")) == 26);
}

BOOST_AUTO_TEST_CASE(nfc_and_folding) {
  // "é" written as e + combining acute becomes the single code point.
  BOOST_TEST(to_nfc("Ele\xCC\x81onore") == "El\xC3\xA9onore");
  BOOST_TEST(fold_for_matching("ŒUVRE Élèves Orphelinat") == "oeuvre eleves orphelinat");
  BOOST_TEST(fold_for_matching("Nguyễn Thị Hương") == "nguyen thi huong");
}

BOOST_AUTO_TEST_CASE(nfc_fast_path_agrees_with_icu) {
  // to_nfc skips ICU for these code points: each must be NFC on its own and
  // must never compose with what precedes it.
  for (uint32_t cp = 1; cp < 0x2100; ++cp) {
    if (!nfc_stable(cp)) continue;
    std::string s;
    icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(s);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    BOOST_TEST(nfc->hasBoundaryBefore(static_cast<UChar32>(cp)), "U+" << std::hex << cp);
    BOOST_TEST(nfc->isNormalized(icu::UnicodeString::fromUTF8(s), status), "U+" << std::hex << cp);
  }
  BOOST_TEST(!nfc_stable(0x2000));
  BOOST_TEST(!nfc_stable(0x0301));
}

BOOST_AUTO_TEST_CASE(french_and_english_formatting) {
  BOOST_TEST(format_number(12, Unit::months, Lang::fr) == "12\u00A0mois");
  BOOST_TEST(format_number(1, Unit::years, Lang::fr) == "1\u00A0an");
  BOOST_TEST(format_number(2.5, Unit::days, Lang::fr) == "2,5\u00A0jours");
  BOOST_TEST(format_number(1, Unit::months, Lang::en) == "1\u00A0month");
  // French amounts: narrow no-break space between thousands, no-break space before €.
  BOOST_TEST(format_money(4500000, "EUR", Lang::fr) == "45\u202F000,00\u00A0€");
  BOOST_TEST(format_money(4500000, "EUR", Lang::en) == "€45,000.00");
  BOOST_TEST(format_date(*Date::from_iso("2024-11-30"), Lang::fr) == "30 novembre 2024");
  BOOST_TEST(format_date(*Date::from_iso("2025-03-01"), Lang::fr) == "1er mars 2025");
  BOOST_TEST(format_date(*Date::from_iso("2025-03-01"), Lang::en) == "1 March 2025");
  BOOST_TEST(format_date(*Date::from_iso("2025-03-11"), Lang::fr) == "11 mars 2025");
  BOOST_TEST(format_date(*Date::from_iso("2024-11-30"), Lang::en) == "30 November 2024");
}

BOOST_AUTO_TEST_SUITE_END()
