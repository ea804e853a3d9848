// The engine's requests: read, check, and for a document decide whether it
// can be made and from which template, then render it. Every decision a
// front end used to take about documents lives here.
#include "clef/engine.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>

namespace clef {
namespace {

std::string too_large_fr() {
  return "fichier trop volumineux : plus de " + std::to_string(kMaxInputBytes) + " octets";
}
std::string too_large_en() {
  return "file too large: more than " + std::to_string(kMaxInputBytes) + " bytes";
}

ReadResult read(const Source& source, InputFormat syntax) {
  if (!source.path.empty()) return read_file(source.path, syntax);
  if (source.truncated) {
    ReadResult r;
    r.errors.push_back({"too_large", source.name, {}, "", too_large_fr(), too_large_en()});
    return r;
  }
  return read_document(source.bytes, source.name, syntax);
}

bool read_volunteer(const Source& source, InputFormat syntax, Document& mission,
                    std::vector<Problem>& problems) {
  if (!source.path.empty()) return read_volunteer_file(source.path, mission, problems, syntax);
  if (source.truncated) {
    problems.push_back({"too_large", source.name, {}, "", too_large_fr(), too_large_en()});
    return false;
  }
  return clef::read_volunteer(source.bytes, source.name, mission, problems, syntax);
}

CheckOptions check_options(const Settings& s) {
  CheckOptions o;
  o.as_of = s.as_of;
  o.phase = s.phase;
  return o;
}

Problem usage(std::string code, const std::string& file, std::string fr, std::string en) {
  return {std::move(code), file, {}, "", std::move(fr), std::move(en)};
}

// Load errors of the rule packs and templates as problems. Their messages
// are written in French (the packs and templates are the project's data).
void add_load_errors(const std::vector<LoadError>& errors, ProblemKind kind,
                     std::vector<Problem>& problems) {
  for (const LoadError& e : errors) {
    const bool syntax =
        e.message.starts_with("XML mal formé") || e.message.starts_with("UTF-8 invalide") ||
        e.message.starts_with("DOCTYPE") || e.message.starts_with("caractère interdit") ||
        e.message.starts_with("référence de caractère");
    const bool unreadable = e.position.line == 0 &&
                            (e.message.starts_with("lecture") || e.message.starts_with("fichier") ||
                             e.message.starts_with("répertoire"));
    std::string code;
    if (kind == ProblemKind::templates) {
      code = unreadable ? "templates_unreadable" : syntax ? "templates_syntax" : "template_invalid";
    } else {
      const bool registry = e.file.find("registry") != std::string::npos;
      const bool lexicon = e.file.find("lexicon") != std::string::npos;
      code = unreadable ? "rules_unreadable"
             : syntax   ? "rules_syntax"
             : registry ? "registry_invalid"
             : lexicon  ? "lexicon_invalid"
                        : "rule_pack_invalid";
    }
    problems.push_back({code, e.file, e.position, "", e.message, e.message});
  }
}

// "𠀀 (U+20000), 中 (U+4E2D)": each character the font lacks, shown when it
// prints on its own, always with its code point; the first twenty.
Problem missing_glyphs_warning(const std::vector<char32_t>& missing) {
  constexpr size_t kShown = 20;  // a hostile text may miss thousands
  std::string list;
  for (size_t i = 0; i < missing.size() && i < kShown; ++i) {
    const auto c = static_cast<UChar32>(missing[i]);
    const int8_t type = u_charType(c);
    if (i) list += ", ";
    if (u_isgraph(c) && type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK &&
        type != U_COMBINING_SPACING_MARK && type != U_FORMAT_CHAR) {
      char utf8[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(utf8, n, c);
      list += std::string(utf8, static_cast<size_t>(n)) + " ";
    }
    char code[16];
    std::snprintf(code, sizeof code, "(U+%04X)", static_cast<unsigned>(c));
    list += code;
  }
  std::string more_fr, more_en;
  if (missing.size() > kShown) {
    more_fr = " et " + std::to_string(missing.size() - kShown) + " autres";
    more_en = " and " + std::to_string(missing.size() - kShown) + " more";
  }
  const bool one = missing.size() == 1;
  const std::string n = std::to_string(missing.size());
  Problem p;
  p.code = "missing_glyphs";
  p.message_fr = "attention, " + n +
                 (one ? " caractère absent de la police, dessiné comme un carré vide : "
                      : " caractères absents de la police, dessinés comme un carré vide : ") +
                 list + more_fr;
  p.message_en = "warning, " + n +
                 (one ? " character missing from the font, drawn as an empty box: "
                      : " characters missing from the font, drawn as an empty box: ") +
                 list + more_en;
  return p;
}

// The bloquant rules that fail or cannot be checked: what stops a document.
std::vector<size_t> blocking_findings(const Decision& d) {
  std::vector<size_t> out;
  for (size_t i = 0; i < d.findings.size(); ++i) {
    const Finding& f = d.findings[i];
    if (d.rule(f).severity != Severity::bloquant) continue;
    if (f.outcome == Outcome::fail || f.outcome == Outcome::unknown) out.push_back(i);
  }
  return out;
}

}  // namespace

std::string_view code(DocumentType type) {
  switch (type) {
    case DocumentType::report:
      return "report";
    case DocumentType::terms_of_reference:
      return "tor";
    case DocumentType::contract:
      return "contract";
  }
  return "report";
}

std::shared_ptr<const Engine> Engine::load(const EngineConfig& config,
                                           std::vector<Problem>& problems) {
  const size_t before = problems.size();
  std::optional<std::filesystem::path> registry;
  if (config.registry) registry = *config.registry;
  LoadResult rules = Ruleset::load(config.rules_dir, registry);
  add_load_errors(rules.errors, ProblemKind::rules, problems);
  std::shared_ptr<const TemplateSet> templates;
  if (!config.templates_dir.empty()) {
    std::vector<TemplateError> errors;
    templates = TemplateSet::load(config.templates_dir, errors);
    add_load_errors(errors, ProblemKind::templates, problems);
  }
  if (problems.size() != before) return nullptr;
  return std::make_shared<const Engine>(std::move(rules.ruleset), std::move(templates), config);
}

CheckResult Engine::check(const CheckRequest& request) const {
  CheckResult result;
  ReadResult r = read(request.input, request.settings.syntax);
  result.volunteer_file = r.volunteer_file;
  if (!r.document) {
    result.problems = std::move(r.errors);
    return result;
  }
  result.decision = clef::check(ruleset_, std::move(*r.document), check_options(request.settings));
  return result;
}

DocumentResult Engine::document(const DocumentRequest& request) const {
  DocumentResult result;
  const Settings& s = request.settings;
  const std::string& name = request.input.name;
  if (!templates_) {
    result.problems.push_back(usage("invalid_option", name, "aucun modèle de document chargé",
                                    "no document templates loaded"));
    return result;
  }
  ReadResult r = read(request.input, s.syntax);
  if (!r.document) {
    result.problems = std::move(r.errors);
    return result;
  }
  if (request.type == DocumentType::contract) {
    if (r.document->kind != DocumentKind::mission) {
      result.problems.push_back(usage("not_a_mission", name, "un contrat se fait pour une mission",
                                      "a contract is made for a mission"));
      return result;
    }
    if (!request.volunteer) {
      result.problems.push_back(usage("missing_volunteer", name,
                                      "un contrat se fait pour un volontaire : fichier du "
                                      "volontaire attendu",
                                      "a contract is made for a volunteer: a volunteer file is "
                                      "expected"));
      return result;
    }
    if (!read_volunteer(*request.volunteer, s.syntax, *r.document, result.problems)) return result;
  }
  Decision decision = clef::check(ruleset_, std::move(*r.document), check_options(s));
  DocumentResult rendered = render(decision, request.type, s, name);
  rendered.decision = std::move(decision);
  return rendered;
}

DocumentResult Engine::render(const Decision& d, DocumentType type, const Settings& s,
                              const std::string& name) const {
  DocumentResult result;
  if (!templates_) {
    result.problems.push_back(usage("invalid_option", name, "aucun modèle de document chargé",
                                    "no document templates loaded"));
    return result;
  }
  switch (type) {
    case DocumentType::report:
      result.template_id = report_template(d);
      break;
    case DocumentType::terms_of_reference:
      result.template_id = tor_template(d);
      if (result.template_id.empty()) {
        result.problems.push_back(usage(
            "no_terms_of_reference", name,
            "pas de termes de référence pour une convention (mission ou appel d'offres attendu)",
            "no terms of reference for an agreement (a mission or a call for tenders is "
            "expected)"));
        return result;
      }
      // Terms of reference are published before a volunteer is known: facts
      // missing (incomplet) do not stop them, a failing blocking rule does.
      if (s.strict && d.status == Status::non_conforme) {
        result.refusal = Refusal{"blocking_findings", blocking_findings(d)};
        return result;
      }
      break;
    case DocumentType::contract:
      if (d.kind != DocumentKind::mission) {
        result.problems.push_back(usage("not_a_mission", name,
                                        "un contrat se fait pour une mission",
                                        "a contract is made for a mission"));
        return result;
      }
      result.template_id = contract_template(d);
      if (result.template_id.empty()) {
        result.problems.push_back(
            usage("no_contract_template", name,
                  "pas de modèle de contrat pour ce dispositif (VSI, Service Civique ou congé de "
                  "solidarité internationale)",
                  "no contract template for this scheme (VSI, Service Civique or international "
                  "solidarity leave)"));
        return result;
      }
      // Unknown eligibility is not eligibility: incomplet refuses too.
      if (d.status == Status::non_conforme || d.status == Status::incomplet) {
        result.refusal = Refusal{"not_eligible", blocking_findings(d)};
        return result;
      }
      break;
  }

  PdfOptions options;
  options.lang = s.lang;
  options.font_dir = config_.font_dir;
  options.limits = config_.limits;
  std::vector<char32_t> missing;
  try {
    result.bytes = render_pdf(*templates_, result.template_id, d, options, &missing);
  } catch (const RenderLimitExceeded& e) {
    // About the template, not the input: the message names the template.
    result.problems.push_back({e.code, "", {}, "", e.message_fr, e.message_en});
    return result;
  } catch (const std::exception& e) {
    result.problems.push_back({"render_failed", "", {}, "", e.what(), e.what()});
    return result;
  }
  if (!missing.empty()) result.warnings.push_back(missing_glyphs_warning(missing));
  return result;
}

}  // namespace clef
