// Writing a document where the user asked (-o): whole or not at all, and
// never in place of something that is not a file of our own making.
//
// A regular file (or a new name) is written to a temporary file created
// beside it with an unpredictable name (mkostemp: O_CREAT | O_EXCL, so a
// planted symbolic link is never followed), then renamed over it. A character
// device or a FIFO (/dev/null, /dev/stdout, a pipe) cannot be renamed over:
// the bytes are written through it. Anything else — a directory, a symbolic
// link to a file, a block device, a socket, one of the input files — is
// refused before anything is written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clef/problem.h"

namespace clef {

// Whether `path` may receive a document made from `inputs` (the files it was
// read from, which may not be overwritten): a problem of kind usage when not
// (output_is_directory, output_is_link, …). Called before any work, so that a
// wrong target is said at once; write_output_file checks again.
std::optional<Problem> check_output_target(const std::string& path,
                                           const std::vector<std::string>& inputs);

// Writes `bytes` to `path` (standard output is the front end's): a problem of kind usage
// (the target) or output (the system: disk_full, read_only, …) when it
// cannot. Ctrl-C, SIGTERM or SIGHUP during the write remove the temporary
// file before the process ends (the handlers are installed on first use).
std::optional<Problem> write_output_file(const std::string& path, const std::string& bytes,
                                         const std::vector<std::string>& inputs);

}  // namespace clef
