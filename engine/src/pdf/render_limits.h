// Internal: RenderLimitExceeded (clef/documents.h) for each limit, with the
// same words whether the layout or the template walk meets it.
#pragma once

#include <cstddef>

namespace clef::pdf {

[[noreturn]] void exceeded_pages(int pages);
[[noreturn]] void exceeded_text(size_t bytes, bool drawn);  // drawn: on the pages, else filled in
[[noreturn]] void exceeded_steps(size_t steps);

}  // namespace clef::pdf
