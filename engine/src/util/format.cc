#include "format.h"

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <mutex>

namespace clef {
namespace {

const icu::Locale& locale(Lang lang) {
  static const icu::Locale fr("fr", "FR"), en("en", "GB");
  return lang == Lang::fr ? fr : en;
}

std::string unit_word(Unit unit, double n, Lang lang) {
  bool plural = std::fabs(n) >= 2;
  bool fr = lang == Lang::fr;
  switch (unit) {
    case Unit::days:
      return fr ? (plural ? "jours" : "jour") : (std::fabs(n) == 1 ? "day" : "days");
    case Unit::months:
      return fr ? "mois" : (std::fabs(n) == 1 ? "month" : "months");
    case Unit::years:
      return fr ? (plural ? "ans" : "an") : (std::fabs(n) == 1 ? "year" : "years");
    case Unit::hours_per_week:
      return fr ? "h/semaine" : "h/week";
    case Unit::days_per_month:
      return fr ? (plural ? "jours/mois" : "jour/mois") : "days/month";
    case Unit::percent:
      return "%";
    case Unit::none:
      return "";
  }
  return "";
}

}  // namespace

std::string format_number(double n, Unit unit, Lang lang) {
  // At most one decimal, trailing zero dropped: 12, 12,5, 0,3.
  double rounded = std::round(n * 10) / 10;
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed,
                         rounded == std::floor(rounded) ? 0 : 1);
  std::string out(buf, r.ptr);
  if (lang == Lang::fr)
    for (auto& c : out)
      if (c == '.') c = ',';
  std::string word = unit_word(unit, rounded, lang);
  if (!word.empty()) out += (unit == Unit::percent && lang == Lang::en ? "" : "\u00A0") + word;
  return out;
}

std::string format_money(int64_t cents, const std::string& currency, Lang lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::CurrencyUnit unit(icu::UnicodeString::fromUTF8(currency).getTerminatedBuffer(), status);
  if (U_FAILURE(status)) return std::to_string(cents / 100) + " " + currency;
  auto formatter = icu::number::NumberFormatter::withLocale(locale(lang)).unit(unit);
  icu::number::FormattedNumber formatted =
      formatter.formatDouble(static_cast<double>(cents) / 100.0, status);
  std::string out;
  formatted.toString(status).toUTF8String(out);
  return U_SUCCESS(status) ? out : std::to_string(cents / 100) + " " + currency;
}

std::string format_date(Date d, Lang lang) {
  // ICU's formatters are not cheap to build; one per language, used under a lock.
  static std::mutex mutex;
  static std::unique_ptr<icu::SimpleDateFormat> formats[2];
  std::lock_guard lock(mutex);
  auto& f = formats[static_cast<int>(lang)];
  if (!f) {
    UErrorCode status = U_ZERO_ERROR;
    f = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString("d MMMM y"), locale(lang),
                                                status);
    f->setTimeZone(*icu::TimeZone::getGMT());
  }
  icu::UnicodeString text;
  f->format(static_cast<UDate>(d.days) * 86400000.0, text);
  std::string out;
  text.toUTF8String(out);
  // French writes the first day of a month as an ordinal: "1er mars 2025".
  if (lang == Lang::fr && out.starts_with("1 ")) out.insert(1, "er");
  return out;
}

std::string format_country(const std::string& code, Lang lang) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(locale(lang), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? code : out;
}

std::string format_value(const Value& v, Unit unit, Lang lang) {
  struct Visitor {
    Unit unit;
    Lang lang;
    std::string operator()(std::monostate) const {
      return lang == Lang::fr ? "inconnu" : "unknown";
    }
    std::string operator()(bool b) const {
      return lang == Lang::fr ? (b ? "oui" : "non") : (b ? "yes" : "no");
    }
    std::string operator()(double n) const { return format_number(n, unit, lang); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const Date& d) const { return format_date(d, lang); }
    std::string operator()(const Money& m) const { return format_money(m.cents, m.currency, lang); }
    std::string operator()(const TextList& l) const {
      if (l.empty()) return lang == Lang::fr ? "aucun" : "none";
      std::string out;
      for (auto& s : l) out += (out.empty() ? "« " : ", « ") + s + " »";
      if (lang == Lang::en) {
        out.clear();
        for (auto& s : l) out += (out.empty() ? "\u201C" : ", \u201C") + s + "\u201D";
      }
      return out;
    }
    std::string operator()(const RecordList& l) const {
      return std::to_string(l.size()) + (lang == Lang::fr ? " élément(s)" : " item(s)");
    }
  };
  return std::visit(Visitor{unit, lang}, v.data);
}

}  // namespace clef
