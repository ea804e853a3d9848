// The conformity report as HTML, the peer's input in the report benchmark
// (report_html.h). It follows templates/report.xml section by section (page 1:
// verdict, who/what/when, keys, scheme fit; then the findings by severity and
// the missing facts; then the appendix of every rule) and the PDF layout's
// measures, so that both sides typeset the same text on about as many pages.
#include "report_html.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "clef/model.h"
#include "clef/render.h"
#include "clef/ruleset.h"

namespace clef_bench {
namespace {

using clef::Lang;

void escape(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

std::string_view tr(Lang lang, std::string_view fr, std::string_view en) {
  return lang == Lang::fr ? fr : en;
}

// The titles of the eight CLONG keys, as templates/labels.xml words them.
std::string_view key_title(int key, Lang lang) {
  static constexpr std::string_view kFr[] = {
      "Structure à but non lucratif, pour l'intérêt général",
      "Besoin défini par la structure locale ; mission encadrée, avec objectifs, activités et "
      "résultats",
      "Inscription dans un processus plus long, co-construit avec le partenaire",
      "Compétences des volontaires, spécifiques auprès de publics vulnérables",
      "Formation et suivi : préparation, suivi pendant la mission, accompagnement au retour",
      "Questions administratives et logistiques réglées avant le départ",
      "Intégration dans l'équipe locale, avec une personne référente",
      "Promotion de l'expérience au retour et lien maintenu"};
  static constexpr std::string_view kEn[] = {
      "Non-profit structure, for the general interest",
      "Need defined by the local structure; supervised mission with objectives, activities and "
      "results",
      "Part of a longer process, co-built with the partner",
      "Volunteers' competencies, specific ones with vulnerable people",
      "Training and follow-up: preparation, follow-up during the mission, support on return",
      "Administrative and logistics matters settled before departure",
      "Integration in the local team, with a referent person",
      "Promoting the experience once back and keeping in touch"};
  if (key < 1 || key > 8) return "";
  return lang == Lang::fr ? kFr[key - 1] : kEn[key - 1];
}

// The colour of a status or an outcome: the one `colours` gives it, `other`
// when it gives none.
template <class E>
std::string_view colour(E value, std::initializer_list<std::pair<E, std::string_view>> colours,
                        std::string_view other) {
  for (const auto& [e, c] : colours)
    if (e == value) return c;
  return other;
}

constexpr std::string_view kGreen = "#1b7f3b", kRed = "#c62828";

// "15 janvier 2024" / "15 January 2024" (the PDF formats it with ICU).
std::string long_date(clef::Date d, Lang lang) {
  static constexpr std::string_view kFr[] = {"janvier",   "février", "mars",     "avril",
                                             "mai",       "juin",    "juillet",  "août",
                                             "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::string_view kEn[] = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};
  int y = 0;
  unsigned m = 1, day = 1;
  d.to_ymd(y, m, day);
  return std::to_string(day) + " " + std::string(lang == Lang::fr ? kFr[m - 1] : kEn[m - 1]) + " " +
         std::to_string(y);
}

class Html {
 public:
  explicit Html(Lang lang) : lang_(lang) { out_.reserve(48 * 1024); }
  std::string& out() { return out_; }
  Html& raw(std::string_view s) {
    out_ += s;
    return *this;
  }
  Html& text(std::string_view s) {
    escape(out_, s);
    return *this;
  }
  Html& t(std::string_view fr, std::string_view en) { return text(tr(lang_, fr, en)); }

  void kv(std::string_view label, std::string_view value) {
    if (value.empty()) return;
    raw("<tr><th class=\"k\">").text(label).raw("</th><td>").text(value).raw("</td></tr>\n");
  }

 private:
  Lang lang_;
  std::string out_;
};

const clef::Value* fact(const clef::Decision& d, std::string_view path) {
  auto id = clef::find_field(path);
  if (!id) return nullptr;
  const clef::Value& v = d.facts->values[*id];
  return v.known() ? &v : nullptr;
}

// "BF" -> "Burkina Faso", as the PDF names countries (ICU display names).
std::string country_name(const std::string& code, Lang lang) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str())
      .getDisplayCountry(icu::Locale(lang == Lang::fr ? "fr" : "en"), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? code : out;
}

std::string fact_text(const clef::Decision& d, std::string_view path, Lang lang) {
  auto id = clef::find_field(path);
  if (!id || !d.facts->values[*id].known()) return "";
  if (clef::field(*id).type == clef::FieldType::country)
    if (auto* code = d.facts->values[*id].get<std::string>()) return country_name(*code, lang);
  return clef::format_fact(d, *id, lang);
}

// The PDF layout's measures (engine/src/pdf/layout.cc): A4, 20 mm margins,
// body 10 pt, tables 9 pt, headings 16/13/11 pt, line height 1.3.
constexpr std::string_view kStyle = R"(<style>
@page { size: 21cm 29.7cm; margin: 2.2cm 2cm 2cm 2cm; }
body, h1, h2, h3, p, li, td, th, div { font-family: "DejaVu Sans", sans-serif; }
body { font-size: 10pt; line-height: 130%; color: #1a1a1f; }
h1 { font-size: 16pt; margin: 14pt 0 6pt 0; color: #1a335c; }
h2 { font-size: 13pt; margin: 10pt 0 4pt 0; color: #1a335c; }
h3 { font-size: 11pt; margin: 8pt 0 3pt 0; color: #1a335c; }
p { margin: 0 0 5pt 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 5pt 0; }
td, th { font-size: 9pt; border: 0.5pt solid #9999a3; padding: 3pt 4pt; vertical-align: top; text-align: left; }
thead th { background: #e0e6ed; }
table.kv td, table.kv th { font-size: 10pt; border: none; padding: 1.5pt 4pt 1.5pt 0; }
table.kv th { width: 30%; }
.badge { font-size: 14pt; font-weight: bold; color: #ffffff; padding: 3pt 8pt; }
.box { border: 1pt solid #c62828; background: #fbeaea; padding: 4pt; }
.small { font-size: 8.5pt; }
.muted { font-size: 8.5pt; color: #66666e; }
</style>
)";

}  // namespace

std::string report_html(const clef::Decision& d, Lang lang) {
  const bool fr = lang == Lang::fr;
  const std::string tbc(tr(lang, "[à compléter]", "[to be completed]"));
  auto value_or = [&](std::string_view path) {
    std::string v = fact_text(d, path, lang);
    return v.empty() ? tbc : v;
  };
  Html h(lang);
  const clef::Value* title = fact(d, "title");
  const std::string title_text = title ? *title->get<std::string>() : tbc;

  int blocking = 0, failed = 0, unknown = 0, reserves = 0, not_applicable = 0;
  for (const clef::Finding& f : d.findings) {
    const clef::Severity sev = d.rule(f).severity;
    const bool is_open = f.outcome == clef::Outcome::fail || f.outcome == clef::Outcome::unknown;
    failed += f.outcome == clef::Outcome::fail;
    unknown += f.outcome == clef::Outcome::unknown;
    not_applicable += f.outcome == clef::Outcome::not_applicable;
    blocking += f.outcome == clef::Outcome::fail && sev == clef::Severity::bloquant;
    reserves += is_open && (sev == clef::Severity::majeur || sev == clef::Severity::mineur);
  }
  const int checked = static_cast<int>(d.findings.size()) - not_applicable;
  const std::string status(clef::to_string(d.status, lang));
  const std::string phase(d.phase == clef::Phase::draft ? tr(lang, "projet", "draft")
                                                        : tr(lang, "dépôt", "submission"));

  h.raw("<!DOCTYPE html>\n<html lang=\"").raw(fr ? "fr" : "en").raw("\">\n<head>\n");
  h.raw("<meta charset=\"utf-8\">\n<title>")
      .t("Rapport de conformité — ", "Conformity report — ")
      .text(title_text)
      .raw(
          "</title>\n<meta name=\"author\" content=\"clef\">\n<meta name=\"description\" "
          "content=\"")
      .t("Vérification de conformité : ", "Conformity check: ")
      .text(status)
      .t(" (décision ", " (decision ")
      .text(d.id)
      .t(", règles ", ", rules ")
      .text(d.revision)
      .raw(")\">\n<meta name=\"keywords\" content=\"")
      .t("conformité, volontariat, CLONG, ", "conformity, volunteering, CLONG, ")
      .text(d.id)
      .raw("\">\n");
  h.raw(kStyle).raw("</head>\n<body>\n");

  // The running header and footer of every page, as LibreOffice's own HTML
  // export writes them (<div title="header|footer">, <sdfield> page fields);
  // clef's PDF has the same. LibreOffice 7.4's import puts a lone header or
  // footer div on right-hand pages only; an empty one before it makes the
  // second apply to every page (found by trial: pdftotext shows all pages).
  h.raw("<div title=\"header\"><p></p></div>\n<div title=\"footer\"><p></p></div>\n");
  h.raw("<div title=\"header\"><p class=\"muted\">")
      .t("Rapport de conformité — ", "Conformity report — ")
      .text(title_text)
      .raw("</p></div>\n");
  h.raw("<div title=\"footer\"><p class=\"muted\">")
      .t("Décision ", "Decision ")
      .text(d.id)
      .t(" · règles ", " · rules ")
      .text(d.revision)
      .raw(" — ")
      .t("Page ", "Page ")
      .raw("<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>")
      .t(" sur ", " of ")
      .raw("<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield></p></div>\n");

  // --- Page 1: verdict, who/what/when, keys, scheme fit -------------------
  h.raw("<h1>").t("Rapport de conformité", "Conformity report").raw("</h1>\n");
  h.raw("<p><b>").text(title_text).raw("</b></p>\n");
  h.raw("<p><span class=\"badge\" style=\"background: ")
      .raw(colour(d.status,
                  {{clef::Status::conforme, kGreen},
                   {clef::Status::conforme_avec_reserves, "#d97a00"},
                   {clef::Status::non_conforme, kRed}},
                  "#808085"))
      .raw("\">")
      .text(clef::uppercase(status, lang))
      .raw("</span></p>\n<p>");
  if (fr)
    h.text(std::to_string(blocking) + " point(s) bloquant(s) · " + std::to_string(reserves) +
           " réserve(s) · " + std::to_string(unknown) +
           " vérification(s) impossible(s) faute d'information.");
  else
    h.text(std::to_string(blocking) + " blocking issue(s) · " + std::to_string(reserves) +
           " reservation(s) · " + std::to_string(unknown) +
           " check(s) impossible for lack of information.");
  h.raw("</p>\n");

  h.raw("<table class=\"kv\" cellspacing=\"0\" cellpadding=\"1\">\n");
  h.kv(tr(lang, "Document", "Document"),
       d.kind == clef::DocumentKind::mission
           ? tr(lang, "description de mission", "mission description")
           : tr(lang, "convention de partenariat", "partnership agreement"));
  h.kv(tr(lang, "Référence", "Reference"), fact_text(d, "id", lang));
  if (const clef::Value* scheme = fact(d, "scheme"))
    h.kv(tr(lang, "Dispositif", "Scheme"), clef::scheme_label(*scheme->get<std::string>(), lang));
  if (const clef::Value* programme = fact(d, "programme"))
    if (*programme->get<std::string>() != "aucun")
      h.kv(tr(lang, "Programme", "Programme"), fact_text(d, "programme", lang));
  if (fact(d, "host.name"))
    h.kv(tr(lang, "Structure d'accueil", "Host structure"),
         value_or("host.name") + " (" + value_or("host.country") + ")");
  h.kv(tr(lang, "Structure d'envoi", "Sending organisation"), fact_text(d, "carrier.name", lang));
  if (fact(d, "place.city") || fact(d, "place.country"))
    h.kv(tr(lang, "Lieu", "Place"), value_or("place.city") + ", " + value_or("place.country"));
  h.kv(tr(lang, "Dates", "Dates"), (fr ? "du " : "from ") + value_or("start_date") +
                                       (fr ? " au " : " to ") + value_or("end_date"));
  h.kv(tr(lang, "Durée", "Length"), fact_text(d, "mission.duration_months", lang));
  h.kv(tr(lang, "Volontaire", "Volunteer"), fact_text(d, "volunteer.name", lang));
  h.kv(tr(lang, "Règles appliquées au", "Rules in force on"),
       long_date(d.as_of, lang) + (fr ? " (phase " : " (") + phase + (fr ? ")" : " phase)"));
  h.kv(tr(lang, "Décision", "Decision"),
       d.id + std::string(tr(lang, " · règles ", " · rules ")) + d.revision);
  h.raw("</table>\n");

  if (blocking > 0) {
    h.raw("<div class=\"box\"><p><b>")
        .t("Points bloquants à corriger", "Blocking issues to fix")
        .raw("</b></p>\n");
    for (const clef::Finding& f : d.findings) {
      const clef::Rule& r = d.rule(f);
      if (f.outcome != clef::Outcome::fail || r.severity != clef::Severity::bloquant) continue;
      h.raw("<p>").text(r.id).raw(" — ").text(r.title.get(lang)).raw("</p>\n");
    }
    h.raw("</div>\n");
  }
  if (d.ruleset->registry_is_example())
    h.raw("<p class=\"muted\">")
        .t("Registre des structures agréées : données d'exemple fournies avec clef, à remplacer "
           "par le registre officiel (option --registry).",
           "Registry of accredited organisations: example data bundled with clef, to be replaced "
           "by the official registry (--registry option).")
        .raw("</p>\n");

  if (d.kind == clef::DocumentKind::mission) {
    h.raw("<h2>").t("Clés qualité CLONG-Volontariat", "CLONG-Volontariat quality keys");
    h.raw(
         "</h2>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<thead><tr><th "
         "width=\"6%\">")
        .t("Clé", "Key")
        .raw("</th><th width=\"53%\">")
        .t("Critère", "Criterion")
        .raw("</th><th width=\"19%\">")
        .t("Résultat", "Outcome")
        .raw("</th><th width=\"22%\">")
        .t("Respectées / non / inconnues", "Met / not / unknown")
        .raw("</th></tr></thead>\n<tbody>\n");
    for (const clef::KeySummary& k : d.keys) {
      h.raw("<tr><td>").text(std::to_string(k.key)).raw("</td><td>").text(key_title(k.key, lang));
      h.raw("</td><td style=\"color: ")
          .raw(colour(k.outcome,
                      {{clef::Outcome::pass, kGreen},
                       {clef::Outcome::fail, kRed},
                       {clef::Outcome::unknown, "#b36200"}},
                      "#666666"))
          .raw("\">")
          .text(clef::to_string(k.outcome, lang))
          .raw("</td><td align=\"right\">")
          .text(std::to_string(k.passed) + " / " + std::to_string(k.failed) + " / " +
                std::to_string(k.unknown))
          .raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");

    h.raw("<h2>").t("Adéquation aux dispositifs", "Fit with each scheme");
    int fits = 0;
    for (const clef::SchemeFit& s : d.scheme_fit) {
      using V = clef::SchemeFit::Verdict;
      if (!s.current && s.verdict != V::eligible && s.verdict != V::to_confirm &&
          s.verdict != V::near_miss)
        continue;
      if (fits++ == 0)
        h.raw(
             "</h2>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<thead><tr><th "
             "width=\"34%\">")
            .t("Dispositif", "Scheme")
            .raw("</th><th width=\"23%\">")
            .t("Verdict", "Verdict")
            .raw("</th><th width=\"43%\">")
            .t("Ajustements possibles / règles en échec", "Possible adjustments / failing rules")
            .raw("</th></tr></thead>\n<tbody>\n");
      h.raw("<tr><td>").text(clef::scheme_label(s.scheme, lang)).raw("</td><td>");
      h.text(clef::to_string(s.verdict, lang)).raw("</td><td>");
      std::string adjustments, failing;
      for (const clef::Adjustment& a : s.adjustments)
        adjustments += (adjustments.empty() ? "" : " ; ") + clef::describe(a, lang) + " (" +
                       std::string(clef::label(a.fact, lang)) + ")";
      for (uint32_t r : s.failing)
        failing += (failing.empty() ? "" : ", ") + d.ruleset->rules()[r].id;
      h.text(adjustments + " " + failing).raw("</td></tr>\n");
    }
    if (fits == 0)
      h.raw("</h2>\n<p class=\"muted\">")
          .t("Aucun dispositif évalué.", "No scheme assessed.")
          .raw("</p>\n");
    else
      h.raw("</tbody>\n</table>\n");
    h.raw("<p class=\"muted\">")
        .t("Les autres dispositifs ne conviennent pas à cette mission (détail : clef check).",
           "The other schemes do not suit this mission (details: clef check).")
        .raw("</p>\n");
  }

  // --- Findings, by severity --------------------------------------------
  // As in the template: a new page only when there are findings to read.
  h.raw(failed == 0 && unknown == 0 ? "<h1>" : "<h1 style=\"page-break-before: always\">")
      .t("Constats", "Findings")
      .raw("</h1>\n");
  if (failed == 0 && unknown == 0)
    h.raw("<p>")
        .t("Aucune règle en échec ni vérification impossible : toutes les règles applicables "
           "sont respectées.",
           "No failing rule and no impossible check: every applicable rule is met.")
        .raw("</p>\n");
  struct Group {
    std::string_view fr, en;
    clef::Severity severity;
    bool minor;  // mineur and info together
  };
  for (const Group& g : {Group{"Bloquants", "Blocking", clef::Severity::bloquant, false},
                         Group{"Majeurs", "Major", clef::Severity::majeur, false},
                         Group{"Mineurs et informations", "Minor and for information",
                               clef::Severity::mineur, true}}) {
    int in_group = 0;
    for (const clef::Finding& f : d.findings) {
      if (f.outcome != clef::Outcome::fail && f.outcome != clef::Outcome::unknown) continue;
      const clef::Rule& r = d.rule(f);
      const bool wanted =
          g.minor ? (r.severity == clef::Severity::mineur || r.severity == clef::Severity::info)
                  : r.severity == g.severity;
      if (!wanted) continue;
      if (in_group++ == 0) h.raw("<h2>").t(g.fr, g.en).raw("</h2>\n");
      clef::Explanation x = clef::explain(d, f, lang);
      h.raw("<h3>").text(r.id).raw(" — ").text(r.title.get(lang)).raw("</h3>\n");
      h.raw("<table class=\"kv\" cellspacing=\"0\" cellpadding=\"1\">\n");
      h.kv(tr(lang, "Constat", "Finding"), x.message);
      h.kv(tr(lang, "Attendu", "Expected"), x.expected);
      h.kv(tr(lang, "Constaté", "Found"), x.found);
      if (!g.minor) {
        std::string missing;
        for (clef::FieldId id : f.missing)
          missing += (missing.empty() ? "" : ", ") + std::string(clef::label(id, lang));
        h.kv(tr(lang, "Information manquante", "Missing information"), missing);
      }
      std::string source = r.reference.text;
      if (r.reference.confidence == clef::Confidence::unconfirmed)
        source += fr ? " [source non confirmée]" : " [unconfirmed source]";
      h.kv(tr(lang, "Référence", "Reference"), source);
      h.kv(tr(lang, "Pour corriger", "How to fix"), x.remediation);
      h.raw("</table>\n");
    }
  }

  // --- Missing facts -----------------------------------------------------
  h.raw("<h2>").t("Informations manquantes", "Missing information").raw("</h2>\n");
  if (d.missing.empty()) {
    h.raw("<p class=\"muted\">")
        .t("Aucune : toutes les informations nécessaires sont fournies.",
           "None: every piece of information needed is given.")
        .raw("</p>\n");
  } else {
    h.raw("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<thead><tr><th width=\"33%\">")
        .t("Information", "Information")
        .raw("</th><th width=\"30%\">")
        .t("Champ", "Field")
        .raw("</th><th width=\"37%\">")
        .t("Règles concernées", "Rules concerned")
        .raw("</th></tr></thead>\n<tbody>\n");
    for (const clef::MissingFact& m : d.missing) {
      h.raw("<tr><td>").text(clef::label(m.field, lang)).raw("</td><td>");
      h.text(clef::field(m.field).path).raw("</td><td>");
      for (size_t i = 0; i < m.rules.size(); ++i) {
        if (i) h.raw(", ");
        h.text(d.ruleset->rules()[m.rules[i]].id);
      }
      h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
  }

  // --- Appendix: every rule checked --------------------------------------
  h.raw("<h1>")
      .t("Annexe : règles vérifiées", "Appendix: rules checked")
      .raw("</h1>\n<p class=\"small\">");
  if (fr)
    h.text("Les " + std::to_string(checked) + " règles des packs " + d.revision +
           " qui s'appliquent à ce document, avec leur résultat. " +
           std::to_string(not_applicable) +
           " autres règles ne le concernent pas (autre dispositif, programme ou phase) : clef "
           "check --format json les liste toutes.");
  else
    h.text("The " + std::to_string(checked) + " rules of the " + d.revision +
           " packs that apply to this document, with their outcome. " +
           std::to_string(not_applicable) +
           " other rules do not concern it (another scheme, programme or phase): clef check "
           "--format json lists them all.");
  h.raw(
       "</p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<thead><tr><th "
       "width=\"33%\">")
      .t("Règle", "Rule")
      .raw("</th><th width=\"40%\">")
      .t("Intitulé", "Title")
      .raw("</th><th width=\"11%\">")
      .t("Gravité", "Severity")
      .raw("</th><th width=\"16%\">")
      .t("Résultat", "Outcome")
      .raw("</th></tr></thead>\n<tbody>\n");
  for (const clef::Finding& f : d.findings) {
    if (f.outcome == clef::Outcome::not_applicable) continue;
    const clef::Rule& r = d.rule(f);
    h.raw("<tr><td>").text(r.id).raw("</td><td>").text(r.title.get(lang)).raw("</td><td>");
    h.text(clef::to_string(r.severity, lang)).raw("</td><td>");
    h.text(clef::to_string(f.outcome, lang)).raw("</td></tr>\n");
  }
  h.raw("</tbody>\n</table>\n</body>\n</html>\n");
  return std::move(h.out());
}

}  // namespace clef_bench
