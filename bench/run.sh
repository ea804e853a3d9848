#!/usr/bin/env bash
# Builds and runs the throughput benchmark (bench/README.md); the output is
# also saved to build/bench-latest.txt. Arguments go to clef_bench
# (e.g. --cpu 1, --min-time 5, --syntax xml; --help lists them).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f build/release/CMakeCache.txt ]]; then
  cmake --preset release >/dev/null
fi
cmake --build --preset release --target clef_bench

mkdir -p build
build/release/bench/clef_bench "$@" | tee build/bench-latest.txt
