#include <charconv>
#include <cstdio>

#include "clef/value.h"

namespace clef {
namespace {

// Howard Hinnant's days_from_civil: proleptic Gregorian calendar.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

}  // namespace

unsigned Date::days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

std::optional<Date> Date::from_iso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  if (!all_digits(t.substr(0, 4)) || !all_digits(t.substr(5, 2)) || !all_digits(t.substr(8, 2)))
    return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  std::from_chars(t.data(), t.data() + 4, y);
  std::from_chars(t.data() + 5, t.data() + 7, m);
  std::from_chars(t.data() + 8, t.data() + 10, d);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
    return std::nullopt;
  return from_ymd(y, m, d);
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  return Date{days_from_civil(year, month, day)};
}

void Date::to_ymd(int& year, unsigned& month, unsigned& day) const {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(yoe) + era * 400 + (month <= 2);
}

std::string Date::iso() const {
  // By hand rather than snprintf: the canonical form writes a dozen per check.
  int y;
  unsigned m, d;
  to_ymd(y, m, d);
  if (y < 0 || y > 9999) return "0000-00-00";
  char buf[10] = {static_cast<char>('0' + y / 1000),
                  static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10),
                  static_cast<char>('0' + y % 10),
                  '-',
                  static_cast<char>('0' + m / 10),
                  static_cast<char>('0' + m % 10),
                  '-',
                  static_cast<char>('0' + d / 10),
                  static_cast<char>('0' + d % 10)};
  return std::string(buf, 10);
}

std::optional<Money> Money::parse(std::string_view amount, std::string_view currency) {
  if (currency.size() != 3) return std::nullopt;
  for (char c : currency)
    if (c < 'A' || c > 'Z') return std::nullopt;
  bool negative = false;
  if (!amount.empty() && amount[0] == '-') {
    negative = true;
    amount.remove_prefix(1);
  }
  auto dot = amount.find('.');
  std::string_view whole = amount.substr(0, dot);
  std::string_view frac =
      dot == std::string_view::npos ? std::string_view{} : amount.substr(dot + 1);
  if (!all_digits(whole) || whole.size() > 15) return std::nullopt;
  if (dot != std::string_view::npos && (frac.empty() || frac.size() > 2 || !all_digits(frac)))
    return std::nullopt;
  int64_t units = 0, cents = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), units);
  if (!frac.empty()) {
    std::from_chars(frac.data(), frac.data() + frac.size(), cents);
    if (frac.size() == 1) cents *= 10;
  }
  int64_t total = units * 100 + cents;
  return Money{negative ? -total : total, std::string(currency)};
}

std::optional<Money> Money::parse_with_currency(std::string_view text) {
  auto space = text.rfind(' ');
  if (space == std::string_view::npos) return std::nullopt;
  return parse(text.substr(0, space), text.substr(space + 1));
}

std::string Money::plain() const {
  uint64_t a = cents < 0 ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, a / 100);
  std::string out;
  out.reserve(24);
  if (cents < 0) out += '-';
  out.append(buf, r.ptr);
  out += '.';
  out += static_cast<char>('0' + a % 100 / 10);
  out += static_cast<char>('0' + a % 10);
  out += ' ';
  out += currency;
  return out;
}

}  // namespace clef
