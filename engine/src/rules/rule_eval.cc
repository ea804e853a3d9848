// Applicability and evaluation of one rule, shared by checks and by the
// examples that `clef rules test` runs.
#include <algorithm>
#include <sstream>

#include "ruleset_data.h"

namespace clef::detail {

bool applies(const Rule& rule, const CompiledRule& compiled, const RuleContext& context) {
  if (rule.kind != context.kind) return false;
  if (rule.phase == Phase::submission && context.phase != Phase::submission) return false;
  if (rule.effective_from && context.as_of < *rule.effective_from) return false;
  if (rule.effective_to && context.as_of > *rule.effective_to) return false;
  if (compiled.scheme_mask &&
      (context.scheme < 0 || !(compiled.scheme_mask & (1u << context.scheme))))
    return false;
  if (compiled.programme_mask &&
      (context.programme < 0 || !(compiled.programme_mask & (1u << context.programme))))
    return false;
  return true;
}

Outcome evaluate_rule(const CompiledRule& compiled, const RuleContext& context,
                      std::vector<Slot>& when_slots, std::vector<Slot>& slots) {
  EvalContext eval{context.facts, context.params};
  if (!compiled.when.empty()) {
    const Slot& w = evaluate(compiled.when, eval, when_slots);
    if (!w.known) return Outcome::unknown;
    if (!w.b) return Outcome::not_applicable;
  }
  const Slot& c = evaluate(compiled.condition, eval, slots);
  if (!c.known) return Outcome::unknown;
  return c.b ? Outcome::pass : Outcome::fail;
}

std::vector<const Value*> params_at(const RulesetData& data, Date as_of) {
  std::vector<const Value*> out(data.params.size(), nullptr);
  for (size_t i = 0; i < data.params.size(); ++i) out[i] = data.params[i].at(as_of);
  return out;
}

std::optional<Value> parse_example_value(FieldId id, const std::vector<std::string>& texts,
                                         std::string& error) {
  const FieldSpec& spec = field(id);
  auto scalar = [&](FieldType type, std::string_view text,
                    std::span<const std::string_view> values) -> std::optional<Value> {
    switch (type) {
      case FieldType::boolean:
        if (text == "true") return Value(true);
        if (text == "false") return Value(false);
        error = "true ou false attendu";
        return std::nullopt;
      case FieldType::integer:
      case FieldType::decimal: {
        std::istringstream in{std::string(text)};
        in.imbue(std::locale::classic());
        double v;
        if (!(in >> v) || !in.eof()) {
          error = "nombre attendu";
          return std::nullopt;
        }
        return Value(v);
      }
      case FieldType::date: {
        auto d = Date::from_iso(text);
        if (!d) {
          error = "date AAAA-MM-JJ attendue";
          return std::nullopt;
        }
        return Value(*d);
      }
      case FieldType::money: {
        auto m = Money::parse_with_currency(text);
        if (!m) {
          error = "montant « 150 EUR » attendu";
          return std::nullopt;
        }
        return Value(std::move(*m));
      }
      case FieldType::enumeration:
        if (std::find(values.begin(), values.end(), text) == values.end()) {
          error = "valeur hors liste";
          return std::nullopt;
        }
        return Value(std::string(text));
      default:
        return Value(std::string(text));
    }
  };
  if (spec.type == FieldType::text_list) {
    TextList list;
    for (auto& t : texts)
      if (!t.empty()) list.push_back(t);
    return Value(std::move(list));
  }
  if (spec.type == FieldType::record_list) {
    // One <fact> per record: "role=host;signed=true".
    RecordList list;
    for (auto& t : texts) {
      if (t.empty()) continue;
      Record record(spec.sub_fields.size());
      std::string_view rest = t;
      while (!rest.empty()) {
        auto semi = rest.find(';');
        std::string_view pair = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) {
          error = "« nom=valeur » attendu dans « " + std::string(pair) + " »";
          return std::nullopt;
        }
        auto sub = find_sub_field(id, pair.substr(0, eq));
        if (!sub) {
          error = "champ « " + std::string(pair.substr(0, eq)) + " » inconnu";
          return std::nullopt;
        }
        auto v =
            scalar(spec.sub_fields[*sub].type, pair.substr(eq + 1), spec.sub_fields[*sub].values);
        if (!v) return std::nullopt;
        record[*sub] = std::move(*v);
      }
      list.push_back(std::move(record));
    }
    return Value(std::move(list));
  }
  if (texts.size() != 1) {
    error = "une seule valeur attendue";
    return std::nullopt;
  }
  return scalar(spec.type, texts[0], spec.values);
}

}  // namespace clef::detail
