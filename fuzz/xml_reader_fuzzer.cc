// Reads arbitrary bytes as an XML mission or agreement: pugixml, the raw tree
// builder and the binder must reject bad input with InputErrors, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "clef/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  clef::ReadResult r = clef::read_document(bytes, "fuzz.xml", clef::InputFormat::xml);
  if (r.document) (void)clef::canonical_form(*r.document);
  for (const auto& e : r.errors) (void)e.format(clef::Lang::en);
  return 0;
}
