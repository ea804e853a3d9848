// Documents drawn from a decision: the conformity report, terms of reference
// and contracts, as PDF. What each document says lives in XML templates under
// templates/ (docs/templates.md); this header loads them once and renders one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
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

// What rendering one document may produce (docs/templates.md, "Limits").
// Templates are trusted, but a loop nested in a loop multiplies: rendering
// stops at the first limit reached instead of filling the memory. The
// defaults are hundreds of times what the bundled documents need.
struct RenderLimits {
  int pages = 3000;
  // Bytes of UTF-8, counted twice over: the text the template fills in, and
  // the text drawn on the pages (the header, footer and watermark of each
  // page included). Each count has this limit.
  size_t text_bytes = size_t{64} << 20;
  // Template steps: loop iterations and blocks drawn.
  size_t steps = 1'000'000;
};

// Rendering stopped at a RenderLimits limit: nothing is produced. A template
// problem (loops that multiply), or text so long that the document would
// run to thousands of pages. what() is the French message.
struct RenderLimitExceeded : std::runtime_error {
  RenderLimitExceeded(std::string fr, std::string en)
      : std::runtime_error(fr), message_fr(std::move(fr)), message_en(std::move(en)) {}
  std::string code = "render_limit";  // stable
  std::string message_fr, message_en;
  const std::string& message(Lang lang) const { return lang == Lang::fr ? message_fr : message_en; }
};

struct PdfOptions {
  Lang lang = Lang::fr;
  std::string font_dir = "/usr/share/fonts/truetype/dejavu";
  RenderLimits limits = {};
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
// RenderLimitExceeded past options.limits, and std::runtime_error when `id`
// does not exist or does not accept the kind.
//
// When `missing_glyphs` is given, it receives the characters drawn that the
// embedded font has no glyph for (an emoji, a rare ideograph: drawn as an
// empty box, yet copied out of the PDF as written), each once, in the order
// they were first drawn; empty when every character has its glyph.
std::string render_pdf(const TemplateSet& templates, std::string_view id, const Decision& decision,
                       const PdfOptions& options, std::vector<char32_t>* missing_glyphs = nullptr);

}  // namespace clef
