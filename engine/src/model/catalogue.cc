// The field catalogue: the one place the content model is defined. Readers,
// the rule compiler, the schemas and the reports all read this table.
#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

#include "clef/model.h"

namespace clef {
namespace {

using SV = std::string_view;
constexpr uint8_t M = static_cast<uint8_t>(DocumentKind::mission);
constexpr uint8_t A = static_cast<uint8_t>(DocumentKind::agreement);
constexpr uint8_t C = static_cast<uint8_t>(DocumentKind::call);
constexpr uint8_t MA = M | A;
constexpr uint8_t MC = M | C;
constexpr uint8_t MAC = M | A | C;

constexpr std::array<SV, 13> kSchemes = {"vsi",
                                         "service_civique",
                                         "conge_solidarite",
                                         "stage",
                                         "mission_courte",
                                         "vec",
                                         "conge_solidaire",
                                         "mecenat_competences",
                                         "volontariat_senior",
                                         "jsi",
                                         "vvvsi",
                                         "vie",
                                         "via"};
constexpr std::array<SV, 2> kProgrammes = {"territoires_volontaires", "aucun"};
constexpr std::array<SV, 11> kLegalForms = {"association",
                                            "fondation",
                                            "ong_locale",
                                            "cooperative",
                                            "collectivite",
                                            "etablissement_public",
                                            "entreprise",
                                            "fondation_entreprise",
                                            "association_cultuelle",
                                            "parti_politique",
                                            "autre"};
constexpr std::array<SV, 4> kVisa = {"obtenu", "en_cours", "non_requis", "a_faire"};
constexpr std::array<SV, 7> kEmployment = {"salarie_prive", "salarie_public", "demandeur_emploi",
                                           "etudiant",      "retraite",       "independant",
                                           "sans_activite"};
constexpr std::array<SV, 4> kLeave = {"aucun", "conge_sabbatique", "conge_solidarite",
                                      "disponibilite"};
constexpr std::array<SV, 6> kRoles = {"sending_organisation", "host",         "collectivite",
                                      "france_volontaires",   "intermediary", "funder"};
constexpr std::array<SV, 2> kDirections = {"envoi", "accueil"};
constexpr std::array<SV, 2> kContributionKinds = {"financiere", "valorisation"};

constexpr std::array<SubFieldSpec, 3> kBudgetLine = {{
    {"label", FieldType::text, {}},
    {"amount", FieldType::money, {}},
    {"funder", FieldType::text, {}},
}};
constexpr std::array<SubFieldSpec, 6> kParty = {{
    {"role", FieldType::enumeration, kRoles},
    {"name", FieldType::text, {}},
    {"country", FieldType::country, {}},
    {"referent", FieldType::text, {}},
    {"signed", FieldType::boolean, {}},
    {"signature_date", FieldType::date, {}},
}};
constexpr std::array<SubFieldSpec, 4> kAgreementMission = {{
    {"reference", FieldType::text, {}},
    {"scheme", FieldType::enumeration, kSchemes},
    {"volunteers", FieldType::integer, {}},
    {"direction", FieldType::enumeration, kDirections},
}};
constexpr std::array<SubFieldSpec, 3> kContribution = {{
    {"party", FieldType::text, {}},
    {"amount", FieldType::money, {}},
    {"kind", FieldType::enumeration, kContributionKinds},
}};

constexpr std::array<SubFieldSpec, 2> kVolet = {{
    {"title", FieldType::text, {}},
    {"description", FieldType::text, {}},
}};
constexpr std::array<SubFieldSpec, 2> kCalendarStep = {{
    {"when", FieldType::text, {}},
    {"what", FieldType::text, {}},
}};

using T = FieldType;

// Shorthands keep the table one line per field.
constexpr FieldSpec f(SV path, T type, uint8_t kinds, SV fr, SV en) {
  return FieldSpec{path, type, kinds, Unit::none, false, false, {}, {}, {}, fr, en};
}
constexpr FieldSpec num(SV path, T type, uint8_t kinds, Unit unit, bool adjustable, SV fr, SV en) {
  return FieldSpec{path, type, kinds, unit, false, adjustable, {}, {}, {}, fr, en};
}
constexpr FieldSpec e(SV path, uint8_t kinds, std::span<const SV> values, SV fr, SV en) {
  return FieldSpec{path, T::enumeration, kinds, Unit::none, false, false, {}, values, {}, fr, en};
}
constexpr FieldSpec list(SV path, SV item, uint8_t kinds, SV fr, SV en) {
  return FieldSpec{path, T::text_list, kinds, Unit::none, false, false, item, {}, {}, fr, en};
}
constexpr FieldSpec records(SV path, SV item, uint8_t kinds, std::span<const SubFieldSpec> subs,
                            SV fr, SV en) {
  return FieldSpec{path, T::record_list, kinds, Unit::none, false, false, item, {}, subs, fr, en};
}
constexpr FieldSpec derived(SV path, T type, uint8_t kinds, Unit unit, bool adjustable, SV fr,
                            SV en) {
  return FieldSpec{path, type, kinds, unit, true, adjustable, {}, {}, {}, fr, en};
}

const std::array kFields = {
    // Common to every kind (a call's dates are those of the study).
    f("id", T::text, MAC, "référence", "reference"),
    f("title", T::text, MAC, "intitulé", "title"),
    e("scheme", M, kSchemes, "dispositif", "scheme"),
    e("programme", MAC, kProgrammes, "programme", "programme"),
    f("start_date", T::date, MAC, "date de début", "start date"),
    f("end_date", T::date, MAC, "date de fin", "end date"),
    // Mission: host and carrier.
    f("host.name", T::text, M, "structure d'accueil", "host structure"),
    e("host.legal_form", M, kLegalForms, "forme juridique de la structure d'accueil",
      "legal form of the host"),
    f("host.non_profit", T::boolean, M, "structure d'accueil à but non lucratif",
      "non-profit host"),
    f("host.general_interest", T::boolean, M, "action d'intérêt général",
      "general-interest action"),
    f("host.country", T::country, M, "pays de la structure d'accueil", "host country"),
    f("host.sc_agrement", T::text, M, "agrément Service Civique de la structure d'accueil",
      "host's Service Civique approval"),
    f("carrier.name", T::text, M, "structure d'envoi", "sending organisation"),
    f("carrier.agrement_number", T::text, M, "numéro d'agrément de la structure d'envoi",
      "sending organisation's approval number"),
    f("carrier.country", T::country, M, "pays de la structure d'envoi",
      "sending organisation's country"),
    f("carrier.address", T::text, M, "adresse de la structure d'envoi",
      "sending organisation's address"),
    f("carrier.representative", T::text, M, "représentant de la structure d'envoi (signataire)",
      "sending organisation's representative (signatory)"),
    f("host.address", T::text, M, "adresse de la structure d'accueil", "host's address"),
    f("intermediary.name", T::text, M, "organisme d'intermédiation", "intermediary body"),
    f("intermediary.charter_signed", T::boolean, M, "charte d'intermédiation signée",
      "intermediation charter signed"),
    f("intermediary.tripartite_signed", T::boolean, M, "convention tripartite signée",
      "tripartite agreement signed"),
    // Mission: when and where.
    num("weekly_hours", T::decimal, M, Unit::hours_per_week, true, "durée hebdomadaire",
        "weekly hours"),
    num("days_per_week", T::integer, M, Unit::none, true, "jours par semaine", "days per week"),
    f("emergency", T::boolean, M, "mission d'urgence", "emergency mission"),
    f("place.city", T::text, M, "lieu de mission", "place of the mission"),
    f("place.country", T::country, M, "pays de mission", "country of the mission"),
    // Mission: content.
    f("need.description", T::text, M, "besoin exprimé", "need expressed"),
    f("need.defined_by_host", T::boolean, M, "besoin défini par la structure locale",
      "need defined by the local structure"),
    f("supervision", T::text, M, "encadrement", "supervision"),
    list("objectives", "objective", MC, "objectifs", "objectives"),
    list("activities", "activity", M, "activités", "activities"),
    list("expected_results", "result", M, "résultats attendus", "expected results"),
    list("publics", "public", M, "publics", "publics served"),
    f("vulnerable_publics", T::boolean, M, "publics vulnérables", "vulnerable publics"),
    list("competencies", "competency", M, "compétences requises", "competencies required"),
    f("profile", T::text, M, "profil recherché", "profile wanted"),
    f("process.longer_process", T::boolean, M, "inscription dans un processus plus long",
      "part of a longer process"),
    f("process.co_construction", T::boolean, M, "co-construction avec le partenaire local",
      "co-built with the local partner"),
    num("process.partner_since", T::integer, M, Unit::none, false, "partenariat depuis",
        "partner since"),
    f("process.description", T::text, M, "description du processus", "process description"),
    f("referent.name", T::text, M, "référent dans l'équipe locale", "referent in the local team"),
    f("referent.role", T::text, M, "fonction du référent", "referent's role"),
    f("referent.in_local_team", T::boolean, M, "référent membre de l'équipe locale",
      "referent belongs to the local team"),
    f("tutor.name", T::text, M, "tuteur", "tutor"),
    f("preparation.pre_departure_training", T::boolean, M, "préparation au départ",
      "pre-departure training"),
    num("preparation.training_days", T::decimal, M, Unit::days, true,
        "jours de préparation au départ", "days of pre-departure training"),
    f("preparation.tuilage", T::boolean, M, "tuilage", "hand-over (tuilage)"),
    num("preparation.civic_training_days", T::decimal, M, Unit::days, true,
        "jours de formation civique et citoyenne", "days of civic training"),
    f("preparation.psc1", T::boolean, M, "formation PSC1", "PSC1 first-aid training"),
    f("follow_up.during_mission", T::boolean, M, "suivi pendant la mission",
      "follow-up during the mission"),
    f("follow_up.description", T::text, M, "modalités du suivi", "follow-up arrangements"),
    f("return_support.debriefing", T::boolean, M, "débriefing au retour", "return debriefing"),
    f("return_support.valorisation", T::boolean, M, "valorisation de l'expérience",
      "valuing the experience"),
    f("return_support.job_search_help", T::boolean, M, "aide à la recherche d'emploi",
      "help finding a job"),
    f("promotion.testimony", T::boolean, M, "promotion de l'expérience au retour",
      "promoting the experience once back"),
    f("promotion.keep_in_touch", T::boolean, M, "lien maintenu avec les structures",
      "keeping in touch with the structures"),
    e("logistics.visa", M, kVisa, "visa", "visa"),
    f("logistics.health_cover", T::boolean, M, "couverture santé", "health cover"),
    f("logistics.complementary_health", T::boolean, M, "complémentaire santé",
      "complementary health insurance"),
    f("logistics.civil_liability", T::boolean, M, "responsabilité civile", "civil liability"),
    f("logistics.repatriation", T::boolean, M, "assurance rapatriement", "repatriation cover"),
    f("logistics.social_cover", T::boolean, M, "protection sociale dès le début",
      "social cover from the start"),
    f("logistics.security_briefing", T::boolean, M, "consignes de sécurité", "security briefing"),
    f("allowance.monthly", T::money, M, "indemnité mensuelle", "monthly allowance"),
    num("leave_days_per_month", T::decimal, M, Unit::days_per_month, true, "congés par mois",
        "leave days per month"),
    num("notice_months", T::decimal, M, Unit::months, true, "préavis de fin anticipée",
        "notice for an early end"),
    f("convention.tripartite", T::boolean, M, "convention de stage tripartite",
      "tripartite internship agreement"),
    f("gratification.monthly", T::money, M, "gratification mensuelle", "monthly stipend"),
    num("group.size", T::integer, M, Unit::none, true, "taille du groupe", "group size"),
    num("group.days_on_action", T::integer, M, Unit::days, true, "jours consacrés à l'action",
        "days on the action"),
    f("grant.amount", T::money, M, "subvention demandée", "grant requested"),
    f("budget.total", T::money, MA, "budget total", "total budget"),
    records("budget.lines", "line", M, kBudgetLine, "lignes budgétaires", "budget lines"),
    // How to apply: to a mission (candidates) or to a call (consultants).
    f("application.how", T::text, MC, "modalités de candidature", "how to apply"),
    list("application.items", "item", MC, "pièces à transmettre", "items to send"),
    f("application.contact", T::text, MC, "contact pour candidater", "contact for applications"),
    f("application.deadline", T::date, MC, "date limite de candidature", "application deadline"),
    // Mission: the volunteer, when known.
    f("volunteer.name", T::text, M, "nom du volontaire", "volunteer's name"),
    f("volunteer.birth_date", T::date, M, "date de naissance du volontaire",
      "volunteer's birth date"),
    f("volunteer.nationality", T::country, M, "nationalité du volontaire",
      "volunteer's nationality"),
    f("volunteer.address", T::text, M, "adresse du volontaire", "volunteer's address"),
    f("volunteer.residence_country", T::country, M, "pays de résidence du volontaire",
      "volunteer's country of residence"),
    f("volunteer.disability_recognised", T::boolean, M, "handicap reconnu",
      "recognised disability"),
    e("volunteer.employment_status", M, kEmployment, "situation professionnelle",
      "employment status"),
    num("volunteer.employer_seniority_months", T::decimal, M, Unit::months, false,
        "ancienneté chez l'employeur", "seniority with the employer"),
    num("volunteer.employer_notice_days", T::integer, M, Unit::days, true,
        "délai de prévenance de l'employeur", "notice given to the employer"),
    f("volunteer.employer_name", T::text, M, "employeur du volontaire", "volunteer's employer"),
    f("volunteer.employment_during_mission", T::boolean, M, "contrat de travail pendant la mission",
      "employment contract during the mission"),
    e("volunteer.leave_type", M, kLeave, "type de congé", "type of leave"),
    num("volunteer.prior_vsi_months", T::decimal, M, Unit::months, false,
        "mois de VSI déjà effectués", "VSI months already served"),
    f("volunteer.prior_service_civique", T::boolean, M, "Service Civique déjà effectué",
      "Service Civique already served"),
    f("volunteer.criminal_record_checked", T::boolean, M, "extrait de casier judiciaire vérifié",
      "criminal-record extract checked"),
    f("volunteer.parental_consent", T::boolean, M, "autorisation parentale", "parental consent"),
    f("volunteer.medical_visit", T::boolean, M, "visite médicale", "medical visit"),
    // Agreement.
    f("object", T::text, A, "objet de la convention", "object of the agreement"),
    records("parties", "party", A, kParty, "parties", "parties"),
    records("missions", "mission", A, kAgreementMission, "missions couvertes", "missions covered"),
    f("responsibilities.security", T::text, A, "responsable de la sécurité",
      "party responsible for security"),
    f("responsibilities.insurance", T::text, A, "responsable des assurances",
      "party responsible for insurance"),
    f("responsibilities.legal_stay", T::text, A, "responsable du séjour légal",
      "party responsible for legal stay"),
    f("responsibilities.social_cover", T::text, A, "responsable de la protection sociale",
      "party responsible for social cover"),
    records("contributions", "contribution", A, kContribution, "contributions financières",
            "financial contributions"),
    f("reciprocity.sending", T::boolean, A, "réciprocité : envoi", "reciprocity: sending"),
    f("reciprocity.hosting", T::boolean, A, "réciprocité : accueil", "reciprocity: hosting"),
    f("governance.steering_committee", T::boolean, A, "comité de pilotage", "steering committee"),
    num("governance.meetings_per_year", T::integer, A, Unit::none, true,
        "réunions du comité par an", "committee meetings per year"),
    f("collectivite.first_international", T::boolean, A, "collectivité nouvelle à l'international",
      "local authority new to international work"),
    // Call for tenders (a study call).
    f("commissioner", T::text, C, "commanditaire", "commissioning body"),
    f("context", T::text, C, "contexte", "context"),
    records("volets", "volet", C, kVolet, "volets de l'étude", "parts of the study"),
    list("deliverables", "deliverable", C, "livrables", "deliverables"),
    list("steering_committee", "member", C, "comité de pilotage", "steering committee"),
    records("calendar", "step", C, kCalendarStep, "calendrier", "timetable"),
    f("budget.ceiling", T::money, C, "budget maximal", "budget ceiling"),
    f("budget.tax_included", T::boolean, C, "budget toutes taxes comprises (TTC)",
      "budget including taxes"),
    // Derived facts.
    derived("mission.duration_days", T::integer, M, Unit::days, true, "durée de la mission",
            "length of the mission"),
    derived("mission.duration_months", T::decimal, M, Unit::months, true, "durée de la mission",
            "length of the mission"),
    derived("mission.abroad", T::boolean, M, Unit::none, false,
            "mission à l'étranger (hors territoire français)",
            "mission abroad (outside French territory)"),
    derived("mission.place_in_eu_eea", T::boolean, M, Unit::none, false,
            "lieu de mission dans l'UE/EEE", "place in the EU/EEA"),
    derived("text.vulnerable_terms", T::text_list, M, Unit::none, false,
            "termes signalant des publics vulnérables", "terms signalling vulnerable publics"),
    derived("text.child_terms", T::text_list, M, Unit::none, false, "termes signalant des enfants",
            "terms signalling children"),
    derived("text.orphanage_terms", T::text_list, M, Unit::none, false,
            "termes signalant un orphelinat", "terms signalling an orphanage"),
    derived("volunteer.age_at_start", T::integer, M, Unit::years, false,
            "âge au début de la mission", "age at the start of the mission"),
    derived("volunteer.place_is_home", T::boolean, M, Unit::none, false,
            "mission dans le pays du volontaire", "mission in the volunteer's own country"),
    derived("volunteer.eu_eea_national", T::boolean, M, Unit::none, false,
            "ressortissant de l'UE/EEE", "EU/EEA national"),
    derived("carrier.registered", T::boolean, M, Unit::none, false,
            "structure d'envoi connue du registre", "sending organisation in the registry"),
    derived("carrier.registered_name", T::text, M, Unit::none, false,
            "nom de la structure d'envoi au registre",
            "sending organisation's name in the registry"),
    derived("carrier.vsi_agrement_valid", T::boolean, M, Unit::none, false,
            "agrément VSI valide sur la période", "VSI approval valid over the period"),
    derived("carrier.sc_agrement_valid", T::boolean, M, Unit::none, false,
            "agrément Service Civique valide sur la période",
            "Service Civique approval valid over the period"),
    derived("budget.lines_total", T::money, M, Unit::none, false, "total des lignes budgétaires",
            "sum of the budget lines"),
    derived("agreement.duration_months", T::decimal, A, Unit::months, true,
            "durée de la convention", "length of the agreement"),
    derived("agreement.contributions_total", T::money, A, Unit::none, false,
            "total des contributions", "sum of the contributions"),
    derived("agreement.party_roles", T::text_list, A, Unit::none, false, "rôles des parties",
            "roles of the parties"),
};

const std::unordered_map<SV, FieldId>& index() {
  static const auto map = [] {
    std::unordered_map<SV, FieldId> m;
    for (size_t i = 0; i < kFields.size(); ++i) {
      if (!m.emplace(kFields[i].path, static_cast<FieldId>(i)).second)
        throw std::logic_error("duplicate field in catalogue");
    }
    return m;
  }();
  return map;
}

}  // namespace

std::string_view to_string(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::mission:
      return "mission";
    case DocumentKind::agreement:
      return "agreement";
    case DocumentKind::call:
      return "call";
  }
  return "";
}

std::optional<DocumentKind> document_kind(std::string_view name) {
  for (DocumentKind k : all_kinds())
    if (to_string(k) == name) return k;
  return std::nullopt;
}

std::string kind_names(std::string_view before, std::string_view after, std::string_view separator,
                       std::string_view last_separator) {
  std::string out;
  for (size_t i = 0; i < kAllKinds.size(); ++i) {
    if (i > 0) out += i + 1 == kAllKinds.size() ? last_separator : separator;
    out += before;
    out += to_string(kAllKinds[i]);
    out += after;
  }
  return out;
}

std::span<const FieldSpec> catalogue() {
  return kFields;
}
const FieldSpec& field(FieldId id) {
  return kFields[id];
}

std::optional<FieldId> find_field(std::string_view path) {
  auto& m = index();
  auto it = m.find(path);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

std::optional<uint16_t> find_sub_field(FieldId list, std::string_view name) {
  auto subs = kFields[list].sub_fields;
  for (size_t i = 0; i < subs.size(); ++i)
    if (subs[i].name == name) return static_cast<uint16_t>(i);
  return std::nullopt;
}

std::span<const std::string_view> scheme_names() {
  return kSchemes;
}
std::span<const std::string_view> programme_names() {
  return kProgrammes;
}

}  // namespace clef
