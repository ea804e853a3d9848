#include "files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace clef {

FileRead read_file_limited(const std::string& path, size_t limit, std::string& out) {
  FileRead r;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    r.error = errno;
    return r;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    r.error = errno;
    return r;
  }
  if (S_ISDIR(st.st_mode)) {
    r.error = EISDIR;
    return r;
  }
  if (S_ISREG(st.st_mode)) {
    r.size = static_cast<size_t>(st.st_size);
    if (static_cast<uint64_t>(st.st_size) > limit) {
      r.too_large = true;
      return r;
    }
    out.reserve(r.size);
  }
  char chunk[65536];
  while (true) {
    ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      r.error = errno;
      return r;
    }
    if (got == 0) break;
    out.append(chunk, static_cast<size_t>(got));
    if (out.size() > limit) {
      r.too_large = true;
      r.size = 0;
      return r;
    }
  }
  return r;
}

std::vector<std::filesystem::path> list_xml_files(const std::filesystem::path& dir,
                                                  std::vector<LoadError>& errors) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    errors.push_back(
        {dir.string(), {}, "répertoire illisible (" + describe_error_fr(ec.value()) + ")"});
    return files;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != ".xml") continue;
    std::error_code e;
    if (it->is_regular_file(e)) {
      files.push_back(path);
    } else if (e) {
      errors.push_back(
          {path.string(), {}, "fichier illisible (" + describe_error_fr(e.value()) + ")"});
    }
  }
  if (ec)
    errors.push_back({dir.string(),
                      {},
                      "lecture du répertoire interrompue (" + describe_error_fr(ec.value()) + ")"});
  std::sort(files.begin(), files.end());
  return files;
}

bool read_data_file(const std::filesystem::path& path, std::string& out,
                    std::vector<LoadError>& errors) {
  out.clear();
  FileRead r = read_file_limited(path.string(), kMaxDataFileBytes, out);
  if (r) return true;
  errors.push_back({path.string(),
                    {},
                    r.too_large ? "fichier trop volumineux (au plus " +
                                      std::to_string(kMaxDataFileBytes) + " octets)"
                                : "lecture impossible (" + describe_error_fr(r.error) + ")"});
  return false;
}

std::string describe_error_fr(int error) {
  switch (error) {
    case ENOENT:
      return "introuvable";
    case EACCES:
    case EPERM:
      return "droits insuffisants";
    case ELOOP:
      return "boucle de liens symboliques";
    case ENOTDIR:
      return "pas un répertoire";
    case EISDIR:
      return "c'est un répertoire";
    default:
      return std::strerror(error);
  }
}

}  // namespace clef
