#!/usr/bin/env bash
# Installs the Debian 12 packages clef needs to build, test, fuzz and benchmark.
# Idempotent: when everything is already there it only runs dpkg-query and exits.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libicu-dev libpugixml-dev nlohmann-json3-dev rapidjson-dev libcli11-dev libboost-test-dev
  libpodofo-dev libdeflate-dev libfreetype-dev libxlsxwriter-dev libcpp-httplib-dev fonts-dejavu-core
  poppler-utils qpdf libxml2-utils python3-jsonschema strace
  libssl-dev clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
