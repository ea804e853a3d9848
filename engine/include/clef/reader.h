// Reading a mission description, a partnership agreement or a call for
// tenders from XML or JSON, and a volunteer file to complete a mission.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clef/model.h"
#include "clef/problem.h"

namespace clef {

enum class InputFormat { automatic, xml, json };

inline constexpr size_t kMaxInputBytes = 8u << 20;  // a mission is a few KiB
inline constexpr int kMaxDepth = 32;                // the model nests 4 levels

// One problem with an input: a Problem of kind `input`, whose code says what
// (README, "Problem codes") and whose messages say what was expected and what
// was found.
using InputError = Problem;

struct ReadResult {
  std::optional<Document> document;
  std::vector<InputError> errors;  // empty when document is set
  // A volunteer file was given where a document was expected (it is read
  // with its mission): an error for a file named on its own, a file to skip
  // when checking a whole directory.
  bool volunteer_file = false;
};

ReadResult read_document(std::string_view bytes, std::string_view name,
                         InputFormat format = InputFormat::automatic);
// Reads a file (standard input is the front end's to read: "-" is a file name
// here); size, I/O and syntax errors are InputErrors.
ReadResult read_file(const std::string& path, InputFormat format = InputFormat::automatic);

// A volunteer file: XML root <volunteer>, or a JSON object with
// "kind": "volunteer", whose members are the mission's volunteer.* input
// fields without the prefix (<name>, <birth_date>, <nationality>…). Same
// syntax, limits and error codes as a document.
//
// On success, every input volunteer.* field of `mission` takes the file's
// value (a field the file leaves out becomes unknown); nothing else of the
// mission changes, and true is returned. On failure, `errors` gets the
// problems, `mission` is left untouched and false is returned. `mission`
// must be a mission (any other kind is refused with "wrong_value").
bool read_volunteer(std::string_view bytes, std::string_view name, Document& mission,
                    std::vector<InputError>& errors, InputFormat format = InputFormat::automatic);
// Reads a volunteer file as read_volunteer does.
bool read_volunteer_file(const std::string& path, Document& mission,
                         std::vector<InputError>& errors,
                         InputFormat format = InputFormat::automatic);

}  // namespace clef
