// The document commands: report, tor, contract and templates check. Each
// reads one file, checks it, and hands the decision to a template.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string_view>
#include <vector>

#include "clef/documents.h"
#include "clef/render.h"
#include "common.h"

namespace clef::cli {
namespace {

// Everything a document command starts from; null members mean "refused,
// already reported" and `exit_code` says why.
struct Inputs {
  std::shared_ptr<const Ruleset> ruleset;
  std::shared_ptr<const TemplateSet> templates;
  std::optional<Document> document;
  CheckOptions options;
  int exit_code = 0;
};

// The files a document is made from: they may not be overwritten by -o.
std::vector<std::string> inputs_of(const Options& o) {
  std::vector<std::string> inputs = o.files;
  if (!o.volunteer.empty()) inputs.push_back(o.volunteer);
  return inputs;
}

Inputs prepare(const Options& o) {
  Inputs in;
  if (int code = check_output(o, inputs_of(o))) return in.exit_code = code, in;
  in.ruleset = load(o);
  in.templates = load_templates(o);
  if (!in.ruleset || !in.templates) return in.exit_code = kExitRules, in;
  if (!check_options(o, in.options)) return in.exit_code = kExitUsage, in;
  ReadResult read = read_file(o.files.at(0), input_format(o));
  for (auto& e : read.errors) print_line(e.format(lang_of(o)));
  if (!read.document) return in.exit_code = kExitUsage, in;
  in.document = std::move(read.document);
  return in;
}

// One line on stderr naming the characters drawn as an empty box: the
// character itself when it shows on its own, always its code point.
void warn_missing_glyphs(const Options& o, const std::vector<char32_t>& missing) {
  constexpr size_t kShown = 20;  // a hostile text may miss thousands
  const bool one = missing.size() == 1;
  std::string line =
      tr(o, "clef : attention, ", "clef: warning, ") + std::to_string(missing.size()) +
      (one ? tr(o, " caractère absent de la police, dessiné comme un carré vide : ",
                " character missing from the font, drawn as an empty box: ")
           : tr(o, " caractères absents de la police, dessinés comme un carré vide : ",
                " characters missing from the font, drawn as an empty box: "));
  for (size_t i = 0; i < missing.size() && i < kShown; ++i) {
    const auto c = static_cast<UChar32>(missing[i]);
    const int8_t type = u_charType(c);
    if (i) line += ", ";
    if (u_isgraph(c) && type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK &&
        type != U_COMBINING_SPACING_MARK && type != U_FORMAT_CHAR) {
      char utf8[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(utf8, n, c);
      line += std::string(utf8, static_cast<size_t>(n)) + " ";
    }
    char code[16];
    std::snprintf(code, sizeof code, "(U+%04X)", static_cast<unsigned>(c));
    line += code;
  }
  if (missing.size() > kShown)
    line += tr(o, " et ", " and ") + std::to_string(missing.size() - kShown) +
            tr(o, " autres", " more");
  print_line(line);
}

int render_to(const Options& o, const TemplateSet& templates, const std::string& id,
              const Decision& decision) {
  std::string pdf;
  PdfOptions options;
  options.lang = lang_of(o);
  std::vector<char32_t> missing;
  try {
    pdf = render_pdf(templates, id, decision, options, &missing);
  } catch (const RenderLimitExceeded& e) {
    print_error(o, e.message(Lang::fr), e.message(Lang::en));
    return kExitRenderLimit;
  } catch (const std::exception& e) {
    print_error(o, e.what(), e.what());
    return kExitOutput;
  }
  if (!missing.empty()) warn_missing_glyphs(o, missing);
  if (int code = write_output(o, pdf, inputs_of(o))) return code;
  if (o.output != "-")
    print_line(o.output + tr(o, " : ", ": ") + std::string(to_string(decision.status, lang_of(o))) +
               " · " + decision.id);
  return kExitConforming;
}

// The findings that stop a document, for stderr: bloquant rules that fail,
// and those that cannot be checked with the facts they lack.
void print_blocking(const Options& o, const Decision& d) {
  const Lang lang = lang_of(o);
  for (auto& f : d.findings) {
    const Rule& rule = d.rule(f);
    if (rule.severity != Severity::bloquant) continue;
    if (f.outcome == Outcome::fail) {
      Explanation e = explain(d, f, lang);
      print_line("  " + rule.id + " — " + e.message);
      if (!e.found.empty()) print_line(tr(o, "      constaté : ", "      found: ") + e.found);
      if (!e.expected.empty())
        print_line(tr(o, "      attendu : ", "      expected: ") + e.expected);
      print_line(tr(o, "      pour corriger : ", "      to fix: ") + e.remediation);
    } else if (f.outcome == Outcome::unknown) {
      std::string line = "  " + rule.id + " — " + rule.title.get(lang) +
                         tr(o, " : information manquante — ", ": missing information — ");
      for (size_t i = 0; i < f.missing.size(); ++i)
        line += (i ? ", " : "") + std::string(label(f.missing[i], lang)) + " (" +
                std::string(field(f.missing[i]).path) + ")";
      print_line(line);
    }
  }
}

// Says why no document is written, then which findings stop it; exit 1.
int refuse(const Options& o, const std::string& what, const Decision& d, const char* why) {
  print_line(tr(o, "clef : ", "clef: ") + what + tr(o, " : ", ": ") +
             std::string(to_string(d.status, lang_of(o))) + " — " + why + tr(o, " :", ":"));
  print_blocking(o, d);
  return kExitNotConforming;
}

}  // namespace

int run_report(const Options& o) {
  Inputs in = prepare(o);
  if (!in.document) return in.exit_code;
  Decision d = check(in.ruleset, std::move(*in.document), in.options);
  return render_to(o, *in.templates, report_template(d), d);
}

int run_tor(const Options& o) {
  Inputs in = prepare(o);
  if (!in.document) return in.exit_code;
  Decision d = check(in.ruleset, std::move(*in.document), in.options);
  std::string id = tor_template(d);
  if (id.empty()) {
    print_error(o,
                o.files[0] +
                    " : pas de termes de référence pour une convention (mission ou appel d'offres "
                    "attendu)",
                o.files[0] +
                    ": no terms of reference for an agreement (a mission or a call for tenders is "
                    "expected)");
    return kExitUsage;
  }
  // Terms of reference are published before a volunteer is known: facts
  // missing (incomplet) do not stop them, a failing blocking rule does.
  if (o.strict && d.status == Status::non_conforme)
    return refuse(
        o, o.files[0], d,
        tr(o, "termes de référence refusés (--strict)", "terms of reference refused (--strict)"));
  return render_to(o, *in.templates, id, d);
}

int run_contract(const Options& o) {
  Inputs in = prepare(o);
  if (!in.document) return in.exit_code;
  if (in.document->kind != DocumentKind::mission) {
    print_error(o, o.files[0] + " : un contrat se fait pour une mission",
                o.files[0] + ": a contract is made for a mission");
    return kExitUsage;
  }
  std::vector<InputError> errors;
  if (!read_volunteer_file(o.volunteer, *in.document, errors, input_format(o))) {
    for (auto& e : errors) print_line(e.format(lang_of(o)));
    return kExitUsage;
  }
  Decision d = check(in.ruleset, std::move(*in.document), in.options);
  std::string id = contract_template(d);
  if (id.empty()) {
    print_error(o,
                o.files[0] +
                    " : pas de modèle de contrat pour ce dispositif (VSI, Service Civique ou congé "
                    "de solidarité internationale)",
                o.files[0] +
                    ": no contract template for this scheme (VSI, Service Civique or international "
                    "solidarity leave)");
    return kExitUsage;
  }
  if (d.status == Status::non_conforme || d.status == Status::incomplet)
    return refuse(o, o.files[0] + " + " + o.volunteer, d,
                  tr(o, "contrat refusé, la mission ou le volontaire n'est pas éligible",
                     "contract refused, the mission or the volunteer is not eligible"));
  return render_to(o, *in.templates, id, d);
}

int run_templates_check(const Options& o) {
  auto templates = load_templates(o);
  if (!templates) return kExitRules;
  for (auto& t : templates->list()) std::cout << t.id << "\t" << t.kinds << "\t" << t.file << "\n";
  std::cout << templates->list().size() << tr(o, " modèles valides\n", " valid templates\n");
  return 0;
}

}  // namespace clef::cli
