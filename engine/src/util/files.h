// Reading whole files with a size limit, for inputs and for the project's
// own data (rule packs, registry, lexicons, templates) alike. Never throws.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "clef/ruleset.h"

namespace clef {

struct FileRead {
  int error = 0;           // errno of the failure, 0 on success
  bool too_large = false;  // the file went past the limit (then error is 0)
  size_t size = 0;         // its size when known (a regular file), else 0
  explicit operator bool() const { return error == 0 && !too_large; }
};

// Reads `path` into `out` ("-" is a file like any other: standard input is
// the front end's to read). Regular files are refused
// at once when their size is over `limit`; pipes, FIFOs and devices are read
// until their end, and refused one byte past it. A directory gives EISDIR.
FileRead read_file_limited(const std::string& path, size_t limit, std::string& out);

// The project's data files are a few tens of KiB; a file past this size is
// not one of them, and is refused before it is parsed.
inline constexpr size_t kMaxDataFileBytes = 2u << 20;

// The *.xml files of `dir`, sorted (load order must not depend on the file
// system). Errors while listing (a missing directory, a link loop, no
// permission) are added to `errors`, in French; the files listed so far are
// returned.
std::vector<std::filesystem::path> list_xml_files(const std::filesystem::path& dir,
                                                  std::vector<LoadError>& errors);

// Reads one data file of at most kMaxDataFileBytes into `out`; false, with
// the reason added to `errors`, when it cannot.
bool read_data_file(const std::filesystem::path& path, std::string& out,
                    std::vector<LoadError>& errors);

// errno in French words, for messages about the project's data files.
std::string describe_error_fr(int error);

}  // namespace clef
