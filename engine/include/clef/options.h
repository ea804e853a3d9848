// The options of a request, described once: the CLI builds its flags from
// this table, the HTTP API its query parameters and JSON members, the batch
// its table columns, so that the three cannot drift. Each option parses its
// own text into Settings, with the same problem whatever the front end.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "clef/engine.h"
#include "clef/problem.h"

namespace clef {

// The requests an option applies to, as bits.
enum RequestKinds : uint8_t {
  kCheckRequest = 1,
  kReportRequest = 2,
  kTorRequest = 4,
  kContractRequest = 8,
  kDocumentRequests = kReportRequest | kTorRequest | kContractRequest,
  kAllRequests = kCheckRequest | kDocumentRequests,
};

struct RequestOption {
  std::string_view name;        // "as_of": query parameter, JSON member, table column
  std::string_view flag;        // "--as-of": the CLI's spelling
  std::string_view value_name;  // "YYYY-MM-DD"; empty for a switch (a flag without value)
  std::span<const std::string_view> choices;  // the allowed values; empty when free
  uint8_t requests;                           // RequestKinds it applies to
  std::string_view help_en, help_fr;
  // Sets the option from its text (a switch gets "true"); an invalid_option
  // problem when the text is not one of its values.
  std::optional<Problem> (*apply)(Settings& settings, std::string_view text);
};

std::span<const RequestOption> request_options();
const RequestOption* find_request_option(std::string_view name);

}  // namespace clef
