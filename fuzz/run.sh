#!/usr/bin/env bash
# Runs one libFuzzer target for a while:  bash fuzz/run.sh TARGET SECONDS [libFuzzer flags…]
#   TARGET: xml_reader_fuzzer | json_reader_fuzzer | rule_pack_fuzzer | condition_fuzzer |
#           document_fuzzer
# or replays the saved crash cases:        bash fuzz/run.sh TARGET regressions
# Builds the `fuzz` preset if needed, fuzzes a scratch copy of fuzz/corpus/TARGET
# (build/fuzz/corpus-TARGET: new inputs never land in the repository) with the
# target's dictionary, writes crashes to build/fuzz/artifacts-TARGET/ and the
# log to build/fuzz/TARGET.log, then prints libFuzzer's final stats line.
# FRESH=1 starts again from the seeds only. Extra arguments go to libFuzzer
# (e.g. -fork=1 -ignore_crashes=1 to keep going after a crash).
set -euo pipefail

if [[ $# -lt 2 || ! $2 =~ ^([0-9]+|regressions)$ ]]; then
  echo "usage: bash fuzz/run.sh TARGET SECONDS [libFuzzer flags...] | TARGET regressions" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build/fuzz
case $target in
  xml_reader_fuzzer) dict=xml.dict ;;
  json_reader_fuzzer) dict=json.dict ;;
  rule_pack_fuzzer) dict=rule_pack.dict ;;
  condition_fuzzer) dict=condition.dict ;;
  document_fuzzer) dict=document.dict ;;  # both syntaxes: made below from the two
  *) echo "unknown target '$target'" >&2; exit 2 ;;
esac

cd "$root"
[[ -f $build/build.ninja ]] || cmake --preset fuzz >/dev/null
dict_path=$root/fuzz/$dict
if [[ $target == document_fuzzer ]]; then
  dict_path=$build/document.dict
  cat "$root/fuzz/xml.dict" "$root/fuzz/json.dict" >"$dict_path"
fi
cmake --build --preset fuzz --target "$target" >/dev/null

# UBSan reports are fatal, so that libFuzzer saves the input like a crash.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

if [[ $seconds == regressions ]]; then
  # One process per case, so that every case is reported; fails if any fails.
  failed=0
  for f in "$root/fuzz/regressions/$target"/*; do
    [[ -f $f ]] || continue
    out=$("$build/fuzz/$target" "$f" 2>&1) && rc=0 || rc=$?
    if [[ $rc -eq 0 ]]; then
      echo "ok    ${f#$root/}"
    else
      failed=1
      echo "FAIL  ${f#$root/}: $(grep -m1 -E '^SUMMARY' <<<"$out" || echo "exit status $rc")"
    fi
  done
  exit $failed
fi

corpus=$build/corpus-$target
artifacts=$build/artifacts-$target
log=$build/$target.log
[[ ${FRESH:-0} == 1 ]] && rm -rf "$corpus"
mkdir -p "$corpus" "$artifacts"
cp -n "$root/fuzz/corpus/$target/"* "$corpus/"

status=0
"$build/fuzz/$target" "$corpus" \
  -dict="$dict_path" -artifact_prefix="$artifacts/" \
  -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
  -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?

echo "$target: log $log, corpus $(ls "$corpus" | wc -l) files"
grep -E '^#[0-9]+' "$log" | tail -n 1 || true
grep -E '^(Done|INFO: exiting|stat::number_of_executed_units|stat::average_exec_per_sec)' "$log" | awk '!seen[$0]++' || true
if [[ $status -ne 0 ]]; then
  echo "libFuzzer exited with $status; findings:" >&2
  grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*Test unit written)' "$log" | awk '!seen[$0]++' >&2 || true
fi
exit $status
