#!/usr/bin/env bash
# Builds and runs the benchmarks (bench/README.md).
#
#   bash bench/run.sh                   all three, in turn (what `make bench` runs)
#   bash bench/run.sh check [options]   missions checked per second (clef_bench);
#                                       options go to clef_bench (--help lists them);
#                                       output saved to build/bench-latest.txt
#   bash bench/run.sh report [options]  conformity reports per second against
#                                       LibreOffice (bench/report_vs_libreoffice.sh,
#                                       --help lists its options); output saved to
#                                       build/bench-report-latest.txt
#   bash bench/run.sh growth [options]  time of a report and a contract against the
#                                       length of a title / name, 1k to 1M characters
#                                       (clef_growth_bench, --help lists its options);
#                                       output saved to build/bench-growth-latest.txt
#   bash bench/run.sh --cpu 1 …         as before: options alone go to clef_bench
# Environment: CLEF_BENCH_BUILD_DIR (default build/release), for all.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=all
case "${1:-}" in
  check | report | growth | all) mode=$1; shift ;;
  -*) mode=check ;;
esac
if [[ $mode == all && $# -gt 0 ]]; then
  echo "run.sh: options need a mode: run.sh check|report|growth [options]" >&2
  exit 2
fi

BUILD=${CLEF_BENCH_BUILD_DIR:-build/release}
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  if [[ $BUILD == build/release ]]; then
    cmake --preset release >/dev/null
  else
    cmake --preset release -B "$BUILD" >/dev/null
  fi
fi

if [[ $mode == check || $mode == all ]]; then
  cmake --build "$BUILD" --target clef_bench
  mkdir -p build
  "$BUILD/bench/clef_bench" "$@" | tee build/bench-latest.txt
fi
if [[ $mode == all ]]; then echo; fi
if [[ $mode == report || $mode == all ]]; then
  bash bench/report_vs_libreoffice.sh "$@"
fi
if [[ $mode == all ]]; then echo; fi
if [[ $mode == growth || $mode == all ]]; then
  cmake --build "$BUILD" --target clef_growth_bench
  mkdir -p build
  "$BUILD/bench/clef_growth_bench" "$@" | tee build/bench-growth-latest.txt
fi
