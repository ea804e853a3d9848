#!/usr/bin/env bash
# `make demo`: checks the bundled samples and shows one report in full.
# Faulty samples are expected to be refused: the demo itself succeeds.
set -uo pipefail
cd "$(dirname "$0")/.."
clef=build/release/cli/clef

echo "== clef $($clef --version | cut -d' ' -f2): $($clef rules list | tail -n 1)"
echo
echo "== One report in full: samples/missions/guinee-riziculture.xml"
$clef check samples/missions/guinee-riziculture.xml --no-passes
echo
echo "== A faulty variant: samples/faulty/madagascar-sc-14-mois-27-ans.json"
$clef check samples/faulty/madagascar-sc-14-mois-27-ans.json --no-passes
echo
echo "== Every sample (exit code 0 = conforme, 1 = non conforme / incomplet, 2 = bad input)"
for f in samples/missions/* samples/agreements/* samples/faulty/*.xml samples/faulty/*.json; do
  verdict=$($clef check --format json "$f" 2>/dev/null | grep -m1 '"status_label"' | cut -d'"' -f4)
  $clef check "$f" >/dev/null 2>&1
  printf '  %-60s exit %d  %s\n' "$f" $? "${verdict:-}"
done
echo
echo "== Bad inputs are refused with a location (exit code 2)"
for f in samples/bad/*.xml samples/bad/*.json; do
  $clef check "$f" 2>&1 >/dev/null | head -n 1 | sed 's/^/  /'
done
exit 0
