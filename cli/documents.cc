// The document commands (report, tor, contract) and `templates check`. The
// engine decides whether a document is made and from which template; this
// file says so on stderr and writes the PDF where -o asks.
#include <iostream>

#include "clef/documents.h"
#include "clef/render.h"
#include "commands.h"
#include "common.h"

namespace clef::cli {
namespace {

// The files a document is made from: -o may not overwrite them.
std::vector<std::string> inputs_of(const Options& o) {
  std::vector<std::string> inputs = o.files;
  if (!o.volunteer.empty()) inputs.push_back(o.volunteer);
  return inputs;
}

// The findings that stop a document, for stderr: bloquant rules that fail,
// and those that cannot be checked with the facts they lack.
void print_blocking(const Options& o, const Decision& d, const Refusal& refusal) {
  const Lang lang = o.settings.lang;
  for (size_t index : refusal.blocking) {
    const Finding& f = d.findings[index];
    const Rule& rule = d.rule(f);
    if (f.outcome == Outcome::fail) {
      Explanation e = explain(d, f, lang);
      print_line("  " + rule.id + " — " + e.message);
      if (!e.found.empty()) print_line(tr(o, "      constaté : ", "      found: ") + e.found);
      if (!e.expected.empty())
        print_line(tr(o, "      attendu : ", "      expected: ") + e.expected);
      print_line(tr(o, "      pour corriger : ", "      to fix: ") + e.remediation);
    } else {
      std::string line = "  " + rule.id + " — " + rule.title.get(lang) +
                         tr(o, " : information manquante — ", ": missing information — ");
      for (size_t i = 0; i < f.missing.size(); ++i)
        line += (i ? ", " : "") + std::string(label(f.missing[i], lang)) + " (" +
                std::string(field(f.missing[i]).path) + ")";
      print_line(line);
    }
  }
}

// Says why no document is written, then which findings stop it.
int print_refusal(const Options& o, const Decision& d, const Refusal& refusal) {
  const bool contract = refusal.code == "not_eligible";
  const std::string what = contract ? o.files[0] + " + " + o.volunteer : o.files[0];
  const char* why = contract
                        ? tr(o, "contrat refusé, la mission ou le volontaire n'est pas éligible",
                             "contract refused, the mission or the volunteer is not eligible")
                        : tr(o, "termes de référence refusés (--strict)",
                             "terms of reference refused (--strict)");
  print_line(tr(o, "clef : ", "clef: ") + what + tr(o, " : ", ": ") +
             std::string(to_string(d.status, o.settings.lang)) + " — " + why + tr(o, " :", ":"));
  print_blocking(o, d, refusal);
  return kExitNotConforming;
}

}  // namespace

int run_document(const Options& o, DocumentType type) {
  if (int code = check_output(o, inputs_of(o))) return code;
  auto engine = load_engine(o, true);
  if (!engine) return kExitRules;
  DocumentRequest request;
  request.type = type;
  request.input = source(o.files.at(0));
  if (!o.volunteer.empty()) request.volunteer = source(o.volunteer);
  request.settings = o.settings;
  DocumentResult result = engine->document(request);

  int exit = kExitConforming;
  for (const Problem& p : result.problems) {
    exit = std::max(exit, exit_code(p));
    // Input problems point into the file (file:line:column); the others are
    // said by clef about the file.
    if (p.kind() == ProblemKind::input) {
      print_problem(o, p);
    } else {
      std::string where_fr = p.file.empty() ? "" : p.file + " : ";
      std::string where_en = p.file.empty() ? "" : p.file + ": ";
      print_error(o, where_fr + p.message_fr, where_en + p.message_en);
    }
  }
  if (exit != kExitConforming) return exit;
  if (result.refusal) return print_refusal(o, *result.decision, *result.refusal);
  for (const Problem& w : result.warnings) print_error(o, w.message_fr, w.message_en);
  if (int code = write_output(o, result.bytes, inputs_of(o))) return code;
  if (o.output != "-")
    print_line(o.output + tr(o, " : ", ": ") +
               std::string(to_string(result.decision->status, o.settings.lang)) + " · " +
               result.decision->id);
  return kExitConforming;
}

int run_templates_check(const Options& o) {
  auto engine = load_engine(o, true);
  if (!engine) return kExitRules;
  for (auto& t : engine->templates()->list())
    std::cout << t.id << "\t" << t.kinds << "\t" << t.file << "\n";
  std::cout << engine->templates()->list().size()
            << tr(o, " modèles valides\n", " valid templates\n");
  return 0;
}

}  // namespace clef::cli
