#include "clef/options.h"

namespace clef {
namespace {

Problem invalid(std::string_view flag, std::string_view text, std::string_view expected_fr,
                std::string_view expected_en) {
  Problem p;
  p.code = "invalid_option";
  const std::string shown(text.substr(0, 60));
  p.message_fr = std::string(flag) + " " + shown + " : " + std::string(expected_fr) + " attendue";
  p.message_en = std::string(flag) + " " + shown + ": expected " + std::string(expected_en);
  return p;
}

bool is_true(std::string_view t) {
  return t == "true" || t == "1" || t == "yes";
}

bool is_false(std::string_view t) {
  return t == "false" || t == "0" || t == "no";
}

constexpr std::string_view kLangs[] = {"fr", "en"};
constexpr std::string_view kPhases[] = {"draft", "submission"};
constexpr std::string_view kSyntaxes[] = {"auto", "xml", "json"};

const RequestOption kOptions[] = {
    {"lang", "--lang", "fr|en", kLangs, kAllRequests, "Language of the results: fr (default) or en",
     "Langue des résultats : fr (par défaut) ou en",
     [](Settings& s, std::string_view t) -> std::optional<Problem> {
       if (t == "fr")
         s.lang = Lang::fr;
       else if (t == "en")
         s.lang = Lang::en;
       else
         return invalid("--lang", t, "langue fr ou en", "fr or en");
       return std::nullopt;
     }},
    {"as_of",
     "--as-of",
     "YYYY-MM-DD",
     {},
     kAllRequests,
     "Date whose rules apply (YYYY-MM-DD; default: the start date)",
     "Date dont les règles s'appliquent (AAAA-MM-JJ ; par défaut : la date de début)",
     [](Settings& s, std::string_view t) -> std::optional<Problem> {
       s.as_of = Date::from_iso(t);
       if (!s.as_of) return invalid("--as-of", t, "date AAAA-MM-JJ", "a YYYY-MM-DD date");
       return std::nullopt;
     }},
    {"phase", "--phase", "draft|submission", kPhases, kAllRequests, "draft (default) or submission",
     "draft (brouillon, par défaut) ou submission (signature)",
     [](Settings& s, std::string_view t) -> std::optional<Problem> {
       if (t == "draft")
         s.phase = Phase::draft;
       else if (t == "submission")
         s.phase = Phase::submission;
       else
         return invalid("--phase", t, "phase draft ou submission", "draft or submission");
       return std::nullopt;
     }},
    {"input_format", "--input-format", "auto|xml|json", kSyntaxes, kAllRequests,
     "auto (default), xml or json", "auto (par défaut), xml ou json",
     [](Settings& s, std::string_view t) -> std::optional<Problem> {
       if (t == "auto")
         s.syntax = InputFormat::automatic;
       else if (t == "xml")
         s.syntax = InputFormat::xml;
       else if (t == "json")
         s.syntax = InputFormat::json;
       else
         return invalid("--input-format", t, "syntaxe auto, xml ou json", "auto, xml or json");
       return std::nullopt;
     }},
    {"strict",
     "--strict",
     "",
     {},
     kTorRequest,
     "Refuse (exit 1) instead of watermarking a mission with blocking findings",
     "Refuser (code 1) plutôt que de marquer le projet d'une mission aux constats bloquants",
     [](Settings& s, std::string_view t) -> std::optional<Problem> {
       if (is_true(t))
         s.strict = true;
       else if (is_false(t))
         s.strict = false;
       else
         return invalid("--strict", t, "valeur true ou false", "true or false");
       return std::nullopt;
     }},
    {"passes",
     "--passes",
     "true|false",
     {},
     kCheckRequest,
     "List the rules that pass (default true)",
     "Lister les règles satisfaites (par défaut true)",
     [](Settings& s, std::string_view t) -> std::optional<Problem> {
       if (is_true(t))
         s.passes = true;
       else if (is_false(t))
         s.passes = false;
       else
         return invalid("--passes", t, "valeur true ou false", "true or false");
       return std::nullopt;
     }},
};

}  // namespace

std::span<const RequestOption> request_options() {
  return kOptions;
}

const RequestOption* find_request_option(std::string_view name) {
  for (const RequestOption& o : kOptions)
    if (o.name == name) return &o;
  return nullptr;
}

}  // namespace clef
