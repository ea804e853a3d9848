// From raw input bytes to every writer: read, check, the JSON decision, the
// terminal report and a PDF document. The first byte chooses the path, the
// rest is the input:
//   bit 0      syntax: XML or JSON
//   bit 1      language: French or English
//   bits 2–3   document: report, terms of reference, contract (the input is
//              then a volunteer file completing a fixed mission), report again
// Rule packs and templates are the bundled ones, loaded once.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clef/decision.h"
#include "clef/documents.h"
#include "clef/reader.h"
#include "clef/render.h"
#include "clef/ruleset.h"

namespace {

struct Bundle {
  std::shared_ptr<const clef::Ruleset> rules;
  std::shared_ptr<const clef::TemplateSet> templates;
  clef::Document mission;  // what a volunteer file completes
};

const Bundle& bundle() {
  static const Bundle b = [] {
    Bundle out;
    const std::string root = CLEF_SOURCE_DIR;
    out.rules = clef::Ruleset::load(root + "/rules").ruleset;
    std::vector<clef::TemplateError> errors;
    out.templates = clef::TemplateSet::load(root + "/templates", errors);
    clef::ReadResult m = clef::read_file(root + "/samples/missions/madagascar-artisanat.xml");
    if (!out.rules || !out.templates || !m.document) std::abort();  // the bundle itself is broken
    out.mission = std::move(*m.document);
    return out;
  }();
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Bundle& b = bundle();
  const uint8_t selector = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto format = selector & 1 ? clef::InputFormat::json : clef::InputFormat::xml;
  const auto lang = selector & 2 ? clef::Lang::en : clef::Lang::fr;
  const int document = (selector >> 2) & 3;

  std::optional<clef::Document> doc;
  std::vector<clef::InputError> errors;
  if (document == 2) {
    clef::Document mission = b.mission;
    if (clef::read_volunteer(bytes, "fuzz", mission, errors, format)) doc = std::move(mission);
  } else {
    clef::ReadResult r = clef::read_document(bytes, "fuzz", format);
    doc = std::move(r.document);
    errors = std::move(r.errors);
  }
  if (!doc) {
    for (const auto& e : errors) (void)clef::terminal_safe(e.format(lang), true);
    (void)clef::render_errors_json("fuzz", errors, lang);
    return 0;
  }

  clef::CheckOptions options;
  options.as_of = clef::Date::from_ymd(2026, 1, 1);
  clef::Decision d = clef::check(b.rules, std::move(*doc), options);
  (void)clef::render_json(d, lang);
  (void)clef::render_text(d, {lang, true, true});

  std::string id = document == 1   ? clef::tor_template(d)
                   : document == 2 ? clef::contract_template(d)
                                   : clef::report_template(d);
  if (id.empty()) return 0;
  clef::PdfOptions pdf;
  pdf.lang = lang;
  std::string out = clef::render_pdf(*b.templates, id, d, pdf);
  if (out.compare(0, 7, "%PDF-1.") != 0) std::abort();
  return 0;
}
