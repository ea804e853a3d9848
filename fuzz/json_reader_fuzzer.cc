// Reads arbitrary bytes as a JSON document (mission, agreement, call) or volunteer file: nlohmann's
// SAX parser, the raw tree builder and the binder must reject bad input with InputErrors, never
// crash.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "clef/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  clef::ReadResult r = clef::read_document(bytes, "fuzz.json", clef::InputFormat::json);
  if (r.document) (void)clef::canonical_form(*r.document);
  for (const auto& e : r.errors) (void)e.format(clef::Lang::en);
  // The same bytes as a volunteer file merged into an empty mission.
  clef::Document mission;
  mission.values.resize(clef::catalogue().size());
  std::vector<clef::InputError> errors;
  if (clef::read_volunteer(bytes, "fuzz.json", mission, errors, clef::InputFormat::json))
    (void)clef::canonical_form(mission);
  for (const auto& e : errors) (void)e.format(clef::Lang::en);
  return 0;
}
