// The report a person reads in a terminal: verdict first, then what to fix,
// then what is missing, then scheme fit, then the proof of what passed.
#include <algorithm>

#include "../util/format.h"
#include "clef/render.h"

namespace clef {
namespace {

struct Style {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
};

constexpr std::string_view kRed = "1;31", kGreen = "32", kYellow = "33", kBold = "1", kDim = "2",
                           kCyan = "36";

std::string_view status_color(Status s) {
  switch (s) {
    case Status::conforme:
      return kGreen;
    case Status::conforme_avec_reserves:
      return kYellow;
    default:
      return kRed;
  }
}

std::string_view mark(Outcome o) {
  switch (o) {
    case Outcome::pass:
      return "✓";
    case Outcome::fail:
      return "✗";
    case Outcome::unknown:
      return "?";
    default:
      return "–";
  }
}

// Text that may come from the input (a title, a name, a quote in a finding),
// on one line and without control characters: a title holding
// "ESC[2J…conforme" must not clear the screen and print a false verdict.
std::string safe(std::string_view text) {
  return terminal_safe(text, true);
}

}  // namespace

std::string render_text(const Decision& d, const TextOptions& o) {
  const Lang lang = o.lang;
  const bool fr = lang == Lang::fr;
  Style st{o.color};
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };

  const Value& title = d.facts->values[*find_field("title")];
  line(st(kBold, safe(d.facts->source)) + " — " + std::string(fr ? "document " : "") +
       std::string(kind_label(d.kind, lang)) +
       (title.known()
            ? (fr ? " « " : " \u201C") + safe(*title.get<std::string>()) + (fr ? " »" : "\u201D")
            : ""));
  if (d.kind == DocumentKind::mission) {
    const Value& scheme = d.facts->values[*find_field("scheme")];
    if (scheme.known())
      line(std::string(fr ? "Dispositif : " : "Scheme: ") +
           std::string(scheme_label(*scheme.get<std::string>(), lang)));
  }
  line(std::string(fr ? "Verdict : " : "Verdict: ") +
       st(status_color(d.status), uppercase(to_string(d.status, lang), lang)));
  line(st(kDim,
          std::string(fr ? "Décision " : "Decision ") + d.id + (fr ? " · règles " : " · rules ") +
              d.revision + (fr ? " · au " : " · as of ") + format_date(d.as_of, lang) +
              (d.as_of_defaulted
                   ? (fr ? " (date du jour : aucune date de début)" : " (today: no start date)")
                   : "") +
              (fr ? " · phase " : " · phase ") + std::string(code(d.phase))));

  if (!d.keys.empty()) {
    std::string keys = fr ? "Clés qualité CLONG :" : "CLONG quality keys:";
    for (auto& k : d.keys) {
      std::string_view color = k.outcome == Outcome::pass      ? kGreen
                               : k.outcome == Outcome::fail    ? kRed
                               : k.outcome == Outcome::unknown ? kYellow
                                                               : kDim;
      keys += " " + st(color, std::to_string(k.key) + std::string(mark(k.outcome)));
    }
    line(keys);
  }

  // Problems first, most severe first.
  int problems = 0;
  for (Severity sev : {Severity::bloquant, Severity::majeur, Severity::mineur, Severity::info}) {
    for (Outcome wanted : {Outcome::fail, Outcome::unknown}) {
      for (auto& f : d.findings) {
        const Rule& r = d.rule(f);
        if (f.outcome != wanted || r.severity != sev) continue;
        if (problems++ == 0) line("\n" + st(kBold, fr ? "Constats" : "Findings"));
        Explanation x = explain(d, f, lang);
        std::string_view color =
            wanted == Outcome::fail ? (sev == Severity::bloquant ? kRed : kYellow) : kYellow;
        line(
            "  " +
            st(color, std::string(mark(wanted)) + " [" + std::string(to_string(sev, lang)) + "] ") +
            st(kBold, r.id) + " — " + safe(x.title) +
            (wanted == Outcome::unknown ? (fr ? " (inconnu)" : " (unknown)") : ""));
        line("      " + safe(x.message));
        if (!x.found.empty() || !x.expected.empty())
          line("      " + st(kDim, std::string(fr ? "Constaté : " : "Found: ")) + safe(x.found) +
               st(kDim, fr ? " · Attendu : " : " · Expected: ") + safe(x.expected));
        std::string source =
            r.reference.text + (r.reference.url.empty() ? "" : " <" + r.reference.url + ">");
        if (r.reference.confidence == Confidence::unconfirmed)
          source += fr ? " [source non confirmée]" : " [unconfirmed source]";
        line("      " + st(kDim, std::string(fr ? "Source : " : "Source: ")) + source);
        line("      " + st(kCyan, std::string(fr ? "À faire : " : "To do: ")) +
             safe(x.remediation));
      }
    }
  }
  if (problems == 0)
    line("\n" + std::string(fr ? "Aucun constat : toutes les règles applicables sont satisfaites."
                               : "No finding: every applicable rule is satisfied."));

  if (!d.missing.empty()) {
    line("\n" + st(kBold, fr ? "Informations manquantes" : "Missing information"));
    for (auto& m : d.missing) {
      std::string rules;
      for (size_t i = 0; i < m.rules.size() && i < 4; ++i)
        rules += (i ? ", " : "") + d.ruleset->rules()[m.rules[i]].id;
      if (m.rules.size() > 4) rules += ", …";
      line("  - " + std::string(label(m.field, lang)) + " (" + std::string(field(m.field).path) +
           ")" + st(kDim, std::string(fr ? " — requis par " : " — needed by ") + rules));
    }
  }

  if (!d.scheme_fit.empty()) {
    line("\n" + st(kBold, fr ? "Adéquation aux dispositifs" : "Scheme fit"));
    for (auto& s : d.scheme_fit) {
      if (s.verdict == SchemeFit::Verdict::out_of_scope && !s.current) continue;
      std::string text = "  " + std::string(scheme_label(s.scheme, lang)) +
                         (s.current ? (fr ? " (dispositif choisi)" : " (chosen)") : "") + " : " +
                         std::string(to_string(s.verdict, lang));
      if (lang == Lang::en) text.replace(text.find(" : "), 3, ": ");
      std::string details;
      for (auto& a : s.adjustments) {
        details += (details.empty() ? " — " : " ; ") + std::string(label(a.fact, lang)) + " " +
                   format_number(a.found, a.unit, lang) + (a.decrease ? " > " : " < ") +
                   format_number(a.limit, a.unit, lang) + (fr ? " ; " : "; ") + describe(a, lang);
      }
      if (s.verdict == SchemeFit::Verdict::not_eligible) {
        // Name what no adjustment can fix (an age, a status, an approval).
        int shown = 0;
        for (uint32_t r : s.failing) {
          bool adjustable = std::any_of(s.adjustments.begin(), s.adjustments.end(),
                                        [&](auto& a) { return a.rule == r; });
          if (adjustable) continue;
          if (shown++ == 3) {
            details += ", …";
            break;
          }
          details += (details.empty() ? " — " : " ; ") + d.ruleset->rules()[r].title.get(lang);
        }
      }
      std::string_view color = s.verdict == SchemeFit::Verdict::eligible ? kGreen
                               : s.verdict == SchemeFit::Verdict::not_eligible ||
                                       s.verdict == SchemeFit::Verdict::out_of_scope
                                   ? kDim
                                   : kYellow;
      line(st(color, text) + details);
    }
  }

  if (o.list_passes) {
    int passed = 0;
    for (auto& f : d.findings) passed += f.outcome == Outcome::pass;
    line("\n" + st(kBold, fr ? "Règles satisfaites (" + std::to_string(passed) + ")"
                             : "Rules satisfied (" + std::to_string(passed) + ")"));
    for (auto& f : d.findings)
      if (f.outcome == Outcome::pass)
        line("  " + st(kGreen, "✓ ") + d.rule(f).id + st(kDim, " — " + d.rule(f).title.get(lang)));
  }
  // Only a mission's rules consult the carrier registry.
  if (d.kind == DocumentKind::mission && d.ruleset->registry_is_example())
    line("\n" + st(kDim, d.ruleset->registry_notice(lang)));
  return out;
}

}  // namespace clef
