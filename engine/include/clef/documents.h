// Documents drawn from a decision: the conformity report, terms of reference
// and contracts, as PDF. What each document says lives in XML templates under
// templates/ (docs/templates.md); this header loads them once and renders one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clef/decision.h"
#include "clef/reader.h"

namespace clef {

// One problem in one template file: file, line, column and a message in
// French (templates are the project's data, like rule packs).
using TemplateError = LoadError;

class TemplateSet {
 public:
  // Loads every templates/*.xml of `dir`. Every error of every file is
  // collected in `errors` (nothing stops at the first); returns null if any.
  static std::shared_ptr<const TemplateSet> load(const std::string& dir,
                                                 std::vector<TemplateError>& errors);
  ~TemplateSet();
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;

  struct Info {
    std::string id;     // "report", "tor-mission", "contract-vsi", …
    std::string file;   // where it was read from
    std::string kinds;  // the document kinds it accepts, space separated
    std::string title_fr, title_en;
  };
  std::vector<Info> list() const;
  bool has(std::string_view id) const;

  struct Impl;
  explicit TemplateSet(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct PdfOptions {
  Lang lang = Lang::fr;
  std::string font_dir = "/usr/share/fonts/truetype/dejavu";
};

// The template a command uses for a decision: "report"; "tor-mission" or
// "tor-call"; "contract-vsi", "contract-service-civique",
// "agreement-conge-solidarite". Empty when the document has none (a contract
// for a scheme without one).
std::string report_template(const Decision& decision);
std::string tor_template(const Decision& decision);
std::string contract_template(const Decision& decision);

// Renders template `id` for `decision` and returns the PDF bytes. Same
// decision, same templates, same options ⇒ same bytes. Throws
// std::runtime_error when `id` does not exist or does not accept the kind.
std::string render_pdf(const TemplateSet& templates, std::string_view id, const Decision& decision,
                       const PdfOptions& options);

}  // namespace clef
