#include "derive.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "../model/countries.h"
#include "../util/unicode.h"

namespace clef::detail {
namespace {

FieldId id(std::string_view path) {
  return *find_field(path);
}

// Field ids resolved once; the catalogue is static.
struct Ids {
  FieldId start = id("start_date"), end = id("end_date");
  FieldId duration_days = id("mission.duration_days"),
          duration_months = id("mission.duration_months");
  FieldId abroad = id("mission.abroad"), in_eu = id("mission.place_in_eu_eea");
  FieldId place_country = id("place.country");
  FieldId vulnerable_terms = id("text.vulnerable_terms"), child_terms = id("text.child_terms"),
          orphanage_terms = id("text.orphanage_terms");
  FieldId birth = id("volunteer.birth_date"), age = id("volunteer.age_at_start");
  FieldId nationality = id("volunteer.nationality"), residence = id("volunteer.residence_country");
  FieldId place_is_home = id("volunteer.place_is_home"),
          eu_national = id("volunteer.eu_eea_national");
  FieldId carrier_name = id("carrier.name"), carrier_number = id("carrier.agrement_number");
  FieldId registered_name = id("carrier.registered_name");
  FieldId registered = id("carrier.registered"), vsi_valid = id("carrier.vsi_agrement_valid"),
          sc_valid = id("carrier.sc_agrement_valid");
  FieldId budget_lines = id("budget.lines"), lines_total = id("budget.lines_total");
  FieldId agreement_months = id("agreement.duration_months");
  FieldId contributions = id("contributions"),
          contributions_total = id("agreement.contributions_total");
  FieldId parties = id("parties"), party_roles = id("agreement.party_roles");
  std::array<FieldId, 10> free_text = {
      id("title"),      id("need.description"), id("supervision"),
      id("objectives"), id("activities"),       id("expected_results"),
      id("publics"),    id("profile"),          id("process.description"),
      id("host.name")};
};

const Ids& ids() {
  static const Ids instance;
  return instance;
}

template <class T>
const T* get(const Document& d, FieldId f) {
  return d.values[f].get<T>();
}

// Letters, digits and any byte of a multi-byte UTF-8 sequence.
constexpr auto kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  return t;
}();
bool is_word_byte(char c) {
  return kWordBytes[static_cast<unsigned char>(c)];
}

// Finds lexicon terms at word starts in the folded text and quotes the words
// as the author wrote them.
struct TermHits {
  TextList all, children, orphanage;
};

void match_lexicon(std::string_view original, const RulesetData& data, TermHits& hits,
                   std::vector<std::string>& seen_folded) {
  // Most texts match nothing: fold without an offset map first, and fold
  // again with one only to quote a match in the author's spelling.
  thread_local std::string folded;
  thread_local std::vector<uint32_t> map;
  fold_into(folded, original);
  bool mapped = false;
  for (size_t i = 0; i + 1 < folded.size(); ++i) {
    if (i > 0 && is_word_byte(folded[i - 1])) continue;  // not a word start
    if (!is_word_byte(folded[i])) continue;
    const auto& candidates =
        data.lexicon_by_prefix[RulesetData::lexicon_key(folded[i], folded[i + 1])];
    for (uint16_t t : candidates) {
      const LexiconTerm& term = data.lexicon[t];
      if (term.folded.size() > 2 && (i + 2 >= folded.size() || folded[i + 2] != term.folded[2]))
        continue;
      if (folded.compare(i, term.folded.size(), term.folded) != 0) continue;
      size_t end = i + term.folded.size();
      if (!term.prefix && end < folded.size() && is_word_byte(folded[end])) continue;
      if (!mapped) fold_for_matching(original, &map), mapped = true;
      // Quote from the original: from the match start to the end of its last word.
      size_t from = map[i];
      size_t to = end < map.size() ? map[end] : original.size();
      while (to < original.size() && is_word_byte(original[to])) ++to;
      std::string word(original.substr(from, to - from));
      std::string key = fold_for_matching(word);
      if (std::find(seen_folded.begin(), seen_folded.end(), key) != seen_folded.end()) continue;
      seen_folded.push_back(key);
      hits.all.push_back(word);
      if (term.category == "enfance" || term.category == "orphelinat")
        hits.children.push_back(word);
      if (term.category == "orphelinat") hits.orphanage.push_back(word);
    }
  }
}

// The registry entry the mission names. When both a name and an agrément
// number are given they must designate the same carrier: someone else's
// number does not make a carrier accredited.
const Carrier* find_carrier(const Document& d, const Registry& registry) {
  const Ids& f = ids();
  auto lookup = [&](FieldId key) -> std::optional<const Carrier*> {
    const auto* s = get<std::string>(d, key);
    if (!s) return std::nullopt;
    auto it = registry.by_key.find(fold_for_matching(*s));
    return it == registry.by_key.end() ? nullptr : &registry.carriers[it->second];
  };
  auto by_number = lookup(f.carrier_number);
  auto by_name = lookup(f.carrier_name);
  if (by_number && by_name) return *by_number == *by_name ? *by_number : nullptr;
  if (by_number) return *by_number;
  return by_name ? *by_name : nullptr;
}

// Whether agréments of one kind cover [start, end] without a gap, successive
// renewals included (VSI-EX-0001 to 2025-12-31 then VSI-EX-0011 from 2026-01-01).
bool covered(const Carrier& carrier, std::string_view kind, Date start, Date end) {
  std::vector<const Agrement*> spans;
  for (auto& a : carrier.agrements)
    if (a.kind == kind) spans.push_back(&a);
  std::sort(spans.begin(), spans.end(), [](auto* a, auto* b) { return a->from < b->from; });
  Date cursor = start;
  for (const Agrement* a : spans) {
    if (a->from > cursor) break;
    if (a->to >= cursor) cursor = Date{a->to.days + 1};
    if (cursor > end) return true;
  }
  return false;
}

void derive_carrier(Document& d, const Registry& registry) {
  const Ids& f = ids();
  if (!d.values[f.carrier_name].known() && !d.values[f.carrier_number].known()) return;
  const Carrier* carrier = find_carrier(d, registry);
  d.values[f.registered] = Value(carrier != nullptr);
  if (carrier) d.values[f.registered_name] = Value(carrier->name);
  const Date* start = get<Date>(d, f.start);
  const Date* end = get<Date>(d, f.end);
  if (!start || !end) return;
  d.values[f.vsi_valid] = Value(carrier != nullptr && covered(*carrier, "vsi", *start, *end));
  d.values[f.sc_valid] =
      Value(carrier != nullptr && covered(*carrier, "service_civique", *start, *end));
}

void derive_volunteer(Document& d) {
  const Ids& f = ids();
  const Date* start = get<Date>(d, f.start);
  const Date* birth = get<Date>(d, f.birth);
  if (start && birth) d.values[f.age] = Value(static_cast<double>(full_years(*birth, *start)));
  const auto* place = get<std::string>(d, f.place_country);
  const auto* nationality = get<std::string>(d, f.nationality);
  const auto* residence = get<std::string>(d, f.residence);
  if (nationality) d.values[f.eu_national] = Value(is_eu_eea(*nationality));
  if (place) {
    bool home = (nationality && *nationality == *place) || (residence && *residence == *place);
    if (home || (nationality && residence)) d.values[f.place_is_home] = Value(home);
  }
}

// The sum of a money column. An empty list sums to zero in the currency of the
// budget it is compared with, so "no contributions" fails against a budget
// rather than being unknown; an absent list stays unknown.
std::optional<Money> sum_money(const Document& d, FieldId list, std::string_view sub_name) {
  static const FieldId budget = id("budget.total");
  const auto* records = get<RecordList>(d, list);
  if (!records) return std::nullopt;
  if (records->empty()) {
    const Money* total = get<Money>(d, budget);
    if (!total) return std::nullopt;
    return Money{0, total->currency};
  }
  uint16_t sub = *find_sub_field(list, sub_name);
  Money total;
  for (auto& r : *records) {
    const Money* m = r[sub].get<Money>();
    if (!m) return std::nullopt;
    if (total.currency.empty()) total.currency = m->currency;
    if (m->currency != total.currency) return std::nullopt;
    total.cents += m->cents;
  }
  return total;
}

}  // namespace

double months_between(Date start, Date end_inclusive) {
  Date stop{end_inclusive.days + 1};
  int sy, ey;
  unsigned sm, sd, em, ed;
  start.to_ymd(sy, sm, sd);
  stop.to_ymd(ey, em, ed);
  int months = (ey - sy) * 12 + static_cast<int>(em) - static_cast<int>(sm);
  auto add_months = [&](int n) {
    int total = static_cast<int>(sm) - 1 + n;
    int y = sy + total / 12;
    unsigned m = static_cast<unsigned>(total % 12) + 1;
    // Clamp the day to the target month's length (31 Jan + 1 month = 28/29 Feb).
    return Date::from_ymd(y, m, std::min(sd, Date::days_in_month(y, m)));
  };
  if (months > 0 && add_months(months) > stop) --months;
  if (months < 0) months = 0;
  int rest = stop.days - add_months(months).days;
  return months + rest / 30.0;
}

int full_years(Date birth, Date at) {
  int by, ay;
  unsigned bm, bd, am, ad;
  birth.to_ymd(by, bm, bd);
  at.to_ymd(ay, am, ad);
  int years = ay - by;
  if (am < bm || (am == bm && ad < bd)) --years;
  return years;
}

void derive_facts(Document& d, const RulesetData& data) {
  const Ids& f = ids();
  const Date* start = get<Date>(d, f.start);
  const Date* end = get<Date>(d, f.end);
  // A call for tenders has no derived fact: its rules read its fields.
  if (d.kind == DocumentKind::call) return;
  if (d.kind == DocumentKind::agreement) {
    if (start && end) d.values[f.agreement_months] = Value(months_between(*start, *end));
    if (auto total = sum_money(d, f.contributions, "amount"))
      d.values[f.contributions_total] = Value(*total);
    if (auto* parties = get<RecordList>(d, f.parties)) {
      TextList roles;
      uint16_t role = *find_sub_field(f.parties, "role");
      for (auto& p : *parties)
        if (auto* r = p[role].get<std::string>()) roles.push_back(*r);
      d.values[f.party_roles] = Value(std::move(roles));
    }
    return;
  }
  if (start && end) {
    d.values[f.duration_days] = Value(static_cast<double>(end->days - start->days + 1));
    d.values[f.duration_months] = Value(months_between(*start, *end));
  }
  if (auto* place = get<std::string>(d, f.place_country)) {
    d.values[f.abroad] = Value(!is_french_territory(*place));
    d.values[f.in_eu] = Value(is_eu_eea(*place));
  }
  // Lexicon over the free text: known as soon as there is any text at all.
  TermHits hits;
  std::vector<std::string> seen;
  bool any_text = false;
  for (FieldId t : f.free_text) {
    if (auto* s = get<std::string>(d, t)) any_text = true, match_lexicon(*s, data, hits, seen);
    if (auto* l = get<TextList>(d, t))
      for (auto& s : *l) any_text = true, match_lexicon(s, data, hits, seen);
  }
  if (any_text) {
    d.values[f.vulnerable_terms] = Value(std::move(hits.all));
    d.values[f.child_terms] = Value(std::move(hits.children));
    d.values[f.orphanage_terms] = Value(std::move(hits.orphanage));
  }
  derive_volunteer(d);
  derive_carrier(d, data.registry);
  if (auto total = sum_money(d, f.budget_lines, "amount")) d.values[f.lines_total] = Value(*total);
}

std::span<const FieldId> inputs_of(FieldId derived) {
  static const auto table = [] {
    std::unordered_map<FieldId, std::vector<FieldId>> t;
    auto set = [&](std::string_view d, std::initializer_list<std::string_view> inputs) {
      auto& v = t[id(d)];
      for (auto i : inputs) v.push_back(id(i));
    };
    set("mission.duration_days", {"start_date", "end_date"});
    set("mission.duration_months", {"start_date", "end_date"});
    set("agreement.duration_months", {"start_date", "end_date"});
    set("mission.abroad", {"place.country"});
    set("mission.place_in_eu_eea", {"place.country"});
    // Unknown only when the document has no free text at all.
    for (auto terms : {"text.vulnerable_terms", "text.child_terms", "text.orphanage_terms"})
      set(terms, {"title", "need.description", "objectives", "activities", "publics", "profile"});
    set("volunteer.age_at_start", {"volunteer.birth_date", "start_date"});
    set("volunteer.place_is_home",
        {"volunteer.nationality", "volunteer.residence_country", "place.country"});
    set("volunteer.eu_eea_national", {"volunteer.nationality"});
    set("carrier.registered", {"carrier.name", "carrier.agrement_number"});
    set("carrier.registered_name", {"carrier.name", "carrier.agrement_number"});
    set("carrier.vsi_agrement_valid",
        {"carrier.name", "carrier.agrement_number", "start_date", "end_date"});
    set("carrier.sc_agrement_valid",
        {"carrier.name", "carrier.agrement_number", "start_date", "end_date"});
    set("budget.lines_total", {"budget.lines"});
    set("agreement.contributions_total", {"contributions"});
    set("agreement.party_roles", {"parties"});
    return t;
  }();
  auto it = table.find(derived);
  if (it == table.end()) return {};
  return it->second;
}

}  // namespace clef::detail
