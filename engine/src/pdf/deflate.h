// Internal: every stream clef writes goes through here, deflated by
// libdeflate at level 1 — the zlib format PDF readers expect, ~8 % larger
// than zlib's default level and ten times faster (PoDoFo's own zlib
// compression was half the time of a report).
#pragma once

#include <podofo/podofo.h>

#include <string_view>

namespace clef::pdf {

// Sets `object`'s stream to `data`, compressed, with /Filter /FlateDecode.
// Throws Error if compression fails.
void set_deflated(PoDoFo::PdfObject& object, std::string_view data);

}  // namespace clef::pdf
