#include "clef/output.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace clef {
namespace {

// ---- The temporary file in progress, for the signal handler ---------------
//
// A handler may only call async-signal-safe functions: the name lives in a
// fixed buffer, and the flag says whether it names a file of ours.

char g_temporary[PATH_MAX];
volatile sig_atomic_t g_have_temporary = 0;
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporary_and_stop(int sig) {
  if (g_have_temporary) ::unlink(g_temporary);
  // Die of the same signal, so that the parent sees what happened.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void install_handlers() {
  static const bool installed = [] {
    for (int sig : kCleanupSignals) {
      struct sigaction action {};
      action.sa_handler = remove_temporary_and_stop;
      sigemptyset(&action.sa_mask);
      ::sigaction(sig, &action, nullptr);
    }
    return true;
  }();
  (void)installed;
}

// Blocks the cleanup signals while the temporary file and the flag that
// names it change together; a signal that arrives meanwhile is delivered at
// the end of the scope, and finds them consistent.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanupSignals) sigaddset(&set, sig);
    ::sigprocmask(SIG_BLOCK, &set, &previous_);
  }
  ~SignalsHeld() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_;
};

// ---- Messages ---------------------------------------------------------------

std::string quoted_fr(const std::string& s) {
  return "« " + s + " »";
}
std::string quoted_en(const std::string& s) {
  return "'" + s + "'";
}

// Messages name the file themselves, so that they read whole on their own.
Problem usage(std::string code, const std::string& path, std::string fr, std::string en) {
  if (path.empty()) return Problem{std::move(code), path, {}, "", std::move(fr), std::move(en)};
  return Problem{std::move(code),           path, {}, "", quoted_fr(path) + " " + fr,
                 quoted_en(path) + " " + en};
}

// What went wrong, said for the file `path` in directory `dir`.
Problem system_error(int error, const std::string& path, const std::string& dir) {
  auto problem = [&](std::string code, std::string fr, std::string en) {
    return Problem{
        std::move(code), path, {}, "", quoted_fr(path) + " : " + fr, quoted_en(path) + ": " + en};
  };
  const std::string df = quoted_fr(dir), de = quoted_en(dir);
  switch (error) {
    case ENOSPC:
      return problem("disk_full", "disque plein, le document n'a pas pu être écrit",
                     "disk full, the document could not be written");
    case EDQUOT:
      return problem("quota_exceeded", "quota de disque dépassé, le document n'a pas pu être écrit",
                     "disk quota exceeded, the document could not be written");
    case ENOENT:
      return problem("missing_directory", "le répertoire " + df + " n'existe pas",
                     "directory " + de + " does not exist");
    case ENOTDIR:
      return problem("missing_directory", "une partie du chemin n'est pas un répertoire",
                     "a part of the path is not a directory");
    case EACCES:
    case EPERM:
      return problem("permission_denied",
                     "droits insuffisants pour écrire dans le répertoire " + df,
                     "no permission to write in directory " + de);
    case EROFS:
      return problem("read_only", "le système de fichiers est en lecture seule",
                     "the file system is read-only");
    case ENAMETOOLONG:
      return problem("output_io", "nom de fichier trop long", "file name too long");
    case ELOOP:
      return problem("output_io", "boucle de liens symboliques dans le chemin",
                     "symbolic link loop in the path");
    case EIO:
      return problem("output_io", "erreur d'entrée-sortie du disque", "disk input/output error");
    default:
      return problem("output_io", "écriture impossible (" + std::string(std::strerror(error)) + ")",
                     "cannot write (" + std::string(std::strerror(error)) + ")");
  }
}

std::string directory_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Writes all of `bytes` to `fd`; the errno of the failure, or 0.
int write_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<size_t>(n);
  }
  return 0;
}

bool writes_through(mode_t mode) {
  return S_ISCHR(mode) || S_ISFIFO(mode);
}

// A device or a FIFO: opened as it is (no O_CREAT, no O_TRUNC), written.
std::optional<Problem> write_through(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return system_error(errno, path, directory_of(path));
  int error = write_all(fd, bytes);
  if (::close(fd) != 0 && error == 0 && errno != EINTR) error = errno;
  if (error) return system_error(error, path, directory_of(path));
  return std::nullopt;
}

}  // namespace

std::optional<Problem> check_output_target(const std::string& path,
                                           const std::vector<std::string>& inputs) {
  if (path.empty())
    return usage("output_empty", "",
                 "-o : nom de fichier vide (attendu : le fichier à écrire, ou - pour la "
                 "sortie standard)",
                 "-o: empty file name (expected the file to write, or - for standard output)");
  if (path == "-") return std::nullopt;
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    if (errno == ENOENT) return std::nullopt;  // a new file; its directory is checked on write
    return system_error(errno, path, directory_of(path));
  }
  struct stat target = link;
  if (S_ISLNK(link.st_mode)) {
    // /dev/stdout is such a link; a link to a file is not replaced.
    if (::stat(path.c_str(), &target) == 0 && writes_through(target.st_mode)) return std::nullopt;
    return usage("output_is_link", path,
                 "est un lien symbolique : clef ne le remplace pas (indiquez le fichier lui-même)",
                 "is a symbolic link: clef does not replace it (name the file itself)");
  }
  if (S_ISDIR(target.st_mode))
    return usage("output_is_directory", path, "est un répertoire (attendu : un nom de fichier)",
                 "is a directory (expected a file name)");
  if (writes_through(target.st_mode)) return std::nullopt;
  if (!S_ISREG(target.st_mode))
    return usage("output_not_regular", path,
                 "n'est pas un fichier ordinaire : clef n'écrit pas dessus",
                 "is not a regular file: clef does not write over it");
  for (const std::string& input : inputs) {
    struct stat in {};
    if (input == "-" || ::stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == target.st_dev && in.st_ino == target.st_ino)
      return usage("output_is_input", path,
                   "est aussi un fichier d'entrée : il serait écrasé (choisissez un autre nom)",
                   "is also an input file: it would be overwritten (choose another name)");
  }
  return std::nullopt;
}

std::optional<Problem> write_output_file(const std::string& path, const std::string& bytes,
                                         const std::vector<std::string>& inputs) {
  if (auto refused = check_output_target(path, inputs)) return refused;
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && writes_through(existing.st_mode)) return write_through(path, bytes);

  // The temporary file: hidden, beside the target (a rename never crosses
  // file systems), its name cut so that it stays a valid file name.
  const std::string dir = directory_of(path);
  std::string name = dir + "/." + base_of(path).substr(0, 200) + ".XXXXXX";
  if (name.size() >= sizeof g_temporary) return system_error(ENAMETOOLONG, path, dir);
  install_handlers();
  int fd;
  {
    SignalsHeld held;
    std::memcpy(g_temporary, name.c_str(), name.size() + 1);
    fd = ::mkostemp(g_temporary, O_CLOEXEC);
    if (fd < 0) return system_error(errno, path, dir);
    g_have_temporary = 1;
  }
  auto discard = [&] {
    SignalsHeld held;
    ::unlink(g_temporary);
    g_have_temporary = 0;
  };
  // mkostemp creates the file 0600; a document gets the mode a new file
  // would get (or the one it replaces keeps).
  mode_t mode;
  if (exists) {
    mode = existing.st_mode & 07777;
  } else {
    mode = ::umask(0);
    ::umask(mode);
    mode = 0666 & ~mode;
  }
  int error = ::fchmod(fd, mode) != 0 ? errno : 0;
  if (!error) error = write_all(fd, bytes);
  if (::close(fd) != 0 && !error && errno != EINTR) error = errno;
  if (error) {
    discard();
    return system_error(error, path, dir);
  }
  {
    SignalsHeld held;
    if (::rename(g_temporary, path.c_str()) != 0) {
      error = errno;
      ::unlink(g_temporary);
    }
    g_have_temporary = 0;
  }
  if (error) return system_error(error, path, dir);
  return std::nullopt;
}

}  // namespace clef
