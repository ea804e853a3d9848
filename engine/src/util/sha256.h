// SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA extensions:
// decision ids hash a few KiB per mission, on the hot path of every check.
#pragma once

#include <string>
#include <string_view>

namespace clef {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  std::string hex();  // finishes the hash; 64 lowercase hex digits

 private:
  void* ctx_;
};

}  // namespace clef
