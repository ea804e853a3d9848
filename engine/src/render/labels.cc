#include <array>
#include <utility>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "clef/render.h"

namespace clef {

std::string uppercase(std::string_view text, Lang lang) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toUpper(icu::Locale(lang == Lang::fr ? "fr" : "en"));
  std::string out;
  return u.toUTF8String(out);
}

std::string_view scheme_label(std::string_view scheme, Lang lang) {
  struct Entry {
    std::string_view code, fr, en;
  };
  static constexpr std::array<Entry, 13> kLabels = {{
      {"vsi", "Volontariat de solidarité internationale (VSI)",
       "International solidarity volunteering (VSI)"},
      {"service_civique", "Service Civique", "Service Civique (civic service)"},
      {"conge_solidarite", "Congé de solidarité internationale", "International solidarity leave"},
      {"stage", "Stage conventionné", "Internship under agreement"},
      {"mission_courte", "Mission courte", "Short mission"},
      {"vec", "Volontariat d'échanges et de compétences", "Exchange and skills volunteering"},
      {"conge_solidaire", "Congé Solidaire®", "Congé Solidaire®"},
      {"mecenat_competences", "Mécénat de compétences", "Skills sponsorship"},
      {"volontariat_senior", "Volontariat senior", "Senior volunteering"},
      {"jsi", "Jeunesse solidarité internationale (JSI)", "Youth international solidarity (JSI)"},
      {"vvvsi", "Ville Vie Vacances Solidarité internationale (VVVSI)",
       "VVV international solidarity (VVVSI)"},
      {"vie", "Volontariat international en entreprise (VIE)",
       "International volunteering in companies (VIE)"},
      {"via", "Volontariat international en administration (VIA)",
       "International volunteering in administration (VIA)"},
  }};
  for (auto& e : kLabels)
    if (e.code == scheme) return lang == Lang::fr ? e.fr : e.en;
  return scheme;
}

std::string_view kind_label(DocumentKind kind, Lang lang) {
  const bool fr = lang == Lang::fr;
  switch (kind) {
    case DocumentKind::mission:
      return "mission";
    case DocumentKind::agreement:
      return fr ? "convention" : "agreement";
    case DocumentKind::call:
      return fr ? "appel d'offres" : "call for tenders";
  }
  return to_string(kind);
}

}  // namespace clef
