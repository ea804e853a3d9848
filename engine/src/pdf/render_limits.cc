#include "render_limits.h"

#include <string>

#include "clef/documents.h"

namespace clef::pdf {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

std::string size_fr(size_t bytes) {
  return bytes % kMiB == 0 ? std::to_string(bytes / kMiB) + " Mio"
                           : std::to_string(bytes) + " octets";
}
std::string size_en(size_t bytes) {
  return bytes % kMiB == 0 ? std::to_string(bytes / kMiB) + " MiB"
                           : std::to_string(bytes) + " bytes";
}

[[noreturn]] void stop(const std::string& fr, const std::string& en) {
  throw RenderLimitExceeded("rendu interrompu, " + fr + " (limite de rendu)",
                            "rendering stopped, " + en + " (rendering limit)");
}

}  // namespace

void exceeded_pages(int pages) {
  stop("le document dépasserait " + std::to_string(pages) + " pages",
       "the document would exceed " + std::to_string(pages) + " pages");
}

void exceeded_text(size_t bytes, bool drawn) {
  if (drawn)
    stop("le texte des pages dépasserait " + size_fr(bytes),
         "the text on the pages would exceed " + size_en(bytes));
  stop("le texte produit par le modèle dépasserait " + size_fr(bytes),
       "the text produced by the template would exceed " + size_en(bytes));
}

void exceeded_steps(size_t steps) {
  stop(
      "le modèle dépasserait " + std::to_string(steps) + " étapes (itérations de boucle et blocs)",
      "the template would exceed " + std::to_string(steps) + " steps (loop iterations and blocks)");
}

}  // namespace clef::pdf
