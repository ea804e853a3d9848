// One check: derive facts, evaluate every rule of the document's kind, then
// summarise (status, CLONG keys, missing facts, scheme fit).
#include <algorithm>
#include <array>
#include <chrono>

#include "../facts/derive.h"
#include "../rules/trace.h"
#include "../util/sha256.h"
#include "clef/decision.h"

namespace clef {

using detail::CompiledRule;
using detail::RuleContext;
using detail::RulesetData;
using detail::Slot;

std::string_view code(Status s) {
  static constexpr std::string_view c[] = {"conforme", "conforme_avec_reserves", "non_conforme",
                                           "incomplet"};
  return c[static_cast<int>(s)];
}

std::string_view to_string(Status s, Lang lang) {
  static constexpr std::string_view fr[] = {"conforme", "conforme avec réserves", "non conforme",
                                            "incomplet"};
  static constexpr std::string_view en[] = {"conforming", "conforming with reservations",
                                            "not conforming", "incomplete"};
  return (lang == Lang::fr ? fr : en)[static_cast<int>(s)];
}

std::string_view code(SchemeFit::Verdict v) {
  static constexpr std::string_view c[] = {"eligible", "to_confirm", "near_miss", "not_eligible",
                                           "out_of_scope"};
  return c[static_cast<int>(v)];
}

std::string_view to_string(SchemeFit::Verdict v, Lang lang) {
  static constexpr std::string_view fr[] = {"éligible", "à confirmer", "presque éligible",
                                            "non éligible", "hors champ"};
  static constexpr std::string_view en[] = {"eligible", "to be confirmed", "near miss",
                                            "not eligible", "out of scope"};
  return (lang == Lang::fr ? fr : en)[static_cast<int>(v)];
}

namespace {

int index_of(std::span<const std::string_view> names, const Value& v) {
  const auto* s = v.get<std::string>();
  if (!s) return -1;
  auto it = std::find(names.begin(), names.end(), *s);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

Date today() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return Date{static_cast<int32_t>(days)};
}

// Scratch space reused across checks on a thread: evaluation allocates nothing.
struct Scratch {
  std::vector<Slot> when, condition;
  std::vector<detail::Leaf> leaves;
};
Scratch& scratch() {
  static thread_local Scratch s;
  return s;
}

// The base fields behind the unknown facts of an evaluated rule.
void collect_missing(const CompiledRule& rule, const Document& doc, const Scratch& s,
                     std::vector<FieldId>& out) {
  std::vector<FieldId> facts;
  detail::unknown_facts(rule.when, s.when, facts);
  if (!rule.when.empty() && s.when.size() && s.when[rule.when.root].known)
    detail::unknown_facts(rule.condition, s.condition, facts);
  else if (rule.when.empty())
    detail::unknown_facts(rule.condition, s.condition, facts);
  for (FieldId f : facts) {
    if (!field(f).derived) {
      if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
      continue;
    }
    for (FieldId input : detail::inputs_of(f))
      if (!doc.values[input].known() && std::find(out.begin(), out.end(), input) == out.end())
        out.push_back(input);
  }
}

// Evaluates rule i in context, handling exceptions: a base rule with an
// applicable exception is replaced by it.
Finding evaluate(const RulesetData& data, uint32_t i, const RuleContext& context, Scratch& s,
                 const Document& doc) {
  Finding f;
  f.rule = i;
  const Rule& rule = data.rules[i];
  const CompiledRule& compiled = data.compiled[i];
  if (!detail::applies(rule, compiled, context)) {
    f.outcome = Outcome::not_applicable;
    return f;
  }
  for (uint32_t e : compiled.exceptions) {
    if (detail::applies(data.rules[e], data.compiled[e], context)) {
      f.outcome = Outcome::not_applicable;
      f.replaced_by = e;
      return f;
    }
  }
  f.outcome = detail::evaluate_rule(compiled, context, s.when, s.condition);
  if (f.outcome == Outcome::unknown) collect_missing(compiled, doc, s, f.missing);
  return f;
}

Status status_of(const Decision& d, const RulesetData& data) {
  bool blocking_fail = false, blocking_unknown = false, reservation = false;
  for (auto& f : d.findings) {
    Severity sev = data.rules[f.rule].severity;
    if (sev == Severity::info) continue;
    if (f.outcome == Outcome::fail) {
      if (sev == Severity::bloquant)
        blocking_fail = true;
      else
        reservation = true;
    } else if (f.outcome == Outcome::unknown) {
      if (sev == Severity::bloquant)
        blocking_unknown = true;
      else
        reservation = true;
    }
  }
  if (blocking_fail) return Status::non_conforme;
  if (blocking_unknown) return Status::incomplet;
  return reservation ? Status::conforme_avec_reserves : Status::conforme;
}

void summarise_keys(Decision& d, const RulesetData& data) {
  std::array<KeySummary, 9> keys{};
  for (auto& f : d.findings) {
    int key = data.rules[f.rule].key;
    if (key < 1 || key > 8) continue;
    if (f.outcome == Outcome::pass)
      ++keys[key].passed;
    else if (f.outcome == Outcome::fail)
      ++keys[key].failed;
    else if (f.outcome == Outcome::unknown)
      ++keys[key].unknown;
  }
  d.keys.reserve(8);
  for (int key = 1; key <= 8; ++key) {
    KeySummary k = keys[key];
    k.key = key;
    k.outcome = k.failed    ? Outcome::fail
                : k.unknown ? Outcome::unknown
                : k.passed  ? Outcome::pass
                            : Outcome::not_applicable;
    d.keys.push_back(k);
  }
}

void gather_missing(Decision& d) {
  for (auto& f : d.findings) {
    for (FieldId m : f.missing) {
      auto it =
          std::find_if(d.missing.begin(), d.missing.end(), [&](auto& x) { return x.field == m; });
      if (it == d.missing.end())
        d.missing.push_back({m, {f.rule}});
      else
        it->rules.push_back(f.rule);
    }
  }
}

// Which schemes the mission fits: every scheme-specific rule evaluated as if
// the mission were under that scheme.
void fit_schemes(Decision& d, const RulesetData& data, RuleContext context, int current,
                 Scratch& s) {
  auto schemes = scheme_names();
  for (size_t sc = 0; sc < schemes.size(); ++sc) {
    SchemeFit fit;
    fit.scheme = std::string(schemes[sc]);
    fit.current = static_cast<int>(sc) == current;
    if (schemes[sc] == "vie" || schemes[sc] == "via") {
      fit.verdict = SchemeFit::Verdict::out_of_scope;
      d.scheme_fit.push_back(std::move(fit));
      continue;
    }
    context.scheme = static_cast<int>(sc);
    bool all_adjustable = true;
    for (uint32_t i : data.fit_rules[sc]) {
      const CompiledRule& c = data.compiled[i];
      Finding f = evaluate(data, i, context, s, *d.facts);
      if (f.outcome == Outcome::unknown) fit.unknown.push_back(i);
      if (f.outcome != Outcome::fail) continue;
      fit.failing.push_back(i);
      s.leaves.clear();
      detail::deciding_leaves(c.condition, s.condition, detail::Want::false_, s.leaves);
      bool adjusted = false;
      for (auto leaf : s.leaves) {
        if (auto limit = detail::limit_of(c.condition, s.condition, leaf.node)) {
          fit.adjustments.push_back({i, limit->fact, std::abs(limit->found - limit->limit),
                                     limit->found, limit->limit, field(limit->fact).unit,
                                     limit->decrease});
          adjusted = true;
        }
      }
      all_adjustable = all_adjustable && adjusted;
    }
    if (fit.failing.empty()) {
      fit.verdict =
          fit.unknown.empty() ? SchemeFit::Verdict::eligible : SchemeFit::Verdict::to_confirm;
    } else if (all_adjustable && fit.failing.size() <= 2) {
      fit.verdict = SchemeFit::Verdict::near_miss;
    } else {
      fit.verdict = SchemeFit::Verdict::not_eligible;
    }
    d.scheme_fit.push_back(std::move(fit));
  }
}

}  // namespace

Decision check(std::shared_ptr<const Ruleset> ruleset, Document document,
               const CheckOptions& options) {
  const RulesetData& data = ruleset->data();
  Decision d;
  d.kind = document.kind;
  d.phase = options.phase;
  d.revision = ruleset->revision();
  detail::derive_facts(document, data);

  const FieldId start_id = *find_field("start_date");
  if (options.as_of)
    d.as_of = *options.as_of;
  else if (auto* start = document.values[start_id].get<Date>())
    d.as_of = *start;
  else
    d.as_of = today(), d.as_of_defaulted = true;

  // The same content, rules and date always give the same id.
  Sha256 hash;
  hash.update(canonical_form(document));
  hash.update("\n");
  hash.update(d.revision);
  hash.update("\n");
  hash.update(d.as_of.iso());
  hash.update(code(d.phase));
  d.id = "D-" + hash.hex().substr(0, 20);

  d.parameters = detail::params_at(data, d.as_of);
  const auto& params = d.parameters;
  RuleContext context;
  context.kind = document.kind;
  context.phase = options.phase;
  context.as_of = d.as_of;
  context.params = &params;
  context.scheme = index_of(scheme_names(), document.values[*find_field("scheme")]);
  context.programme = index_of(programme_names(), document.values[*find_field("programme")]);
  auto facts = std::make_shared<const Document>(std::move(document));
  context.facts = &facts->values;
  d.facts = facts;

  Scratch& s = scratch();
  d.findings.reserve(data.rules.size());
  for (uint32_t i = 0; i < data.rules.size(); ++i) {
    if (data.rules[i].kind != d.kind) continue;
    d.findings.push_back(evaluate(data, i, context, s, *facts));
  }
  d.ruleset = std::move(ruleset);
  d.status = status_of(d, data);
  gather_missing(d);
  if (d.kind == DocumentKind::mission) {
    summarise_keys(d, data);
    if (options.scheme_fit) fit_schemes(d, data, context, context.scheme, s);
  }
  return d;
}

}  // namespace clef
