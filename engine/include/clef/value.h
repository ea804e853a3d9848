// Typed values: what a field of a document, a derived fact or a rule parameter holds.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clef {

// A calendar date stored as days since 1970-01-01, so that comparing and
// subtracting dates are integer operations.
struct Date {
  int32_t days = 0;

  // Strict ISO 8601 calendar date (YYYY-MM-DD); rejects 2025-02-30.
  static std::optional<Date> from_iso(std::string_view text);
  static Date from_ymd(int year, unsigned month, unsigned day);
  static unsigned days_in_month(int year, unsigned month);
  void to_ymd(int& year, unsigned& month, unsigned& day) const;
  std::string iso() const;

  auto operator<=>(const Date&) const = default;
};

// An amount in minor units (cents) with its ISO 4217 currency: money never
// goes through a double, so sums of contributions are exact.
struct Money {
  int64_t cents = 0;
  std::string currency;

  // "1234.5" / "1234.50" / "-3" with at most two decimals.
  static std::optional<Money> parse(std::string_view amount, std::string_view currency);
  // "150 EUR" as written in rule packs.
  static std::optional<Money> parse_with_currency(std::string_view text);
  std::string plain() const;  // "1234.50 EUR", locale-free

  bool operator==(const Money&) const = default;
};

// What a number measures. It drives rendering ("12 mois") and the wording of
// adjustments in scheme fit ("raccourcir de 2 mois").
enum class Unit : uint8_t { none, days, months, years, hours_per_week, days_per_month, percent };

struct Value;
using Record = std::vector<Value>;  // indexed by the record's sub-field number
using TextList = std::vector<std::string>;
using RecordList = std::vector<Record>;

// A fact's value, or "unknown" (monostate) when the document does not say.
struct Value {
  std::variant<std::monostate, bool, double, std::string, Date, Money, TextList, RecordList> data;

  Value() = default;
  explicit Value(bool b) : data(b) {}
  explicit Value(double n) : data(n) {}
  explicit Value(std::string s) : data(std::move(s)) {}
  explicit Value(Date d) : data(d) {}
  explicit Value(Money m) : data(std::move(m)) {}
  explicit Value(TextList l) : data(std::move(l)) {}
  explicit Value(RecordList l) : data(std::move(l)) {}

  bool known() const { return data.index() != 0; }
  template <class T>
  const T* get() const {
    return std::get_if<T>(&data);
  }
};

}  // namespace clef
