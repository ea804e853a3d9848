#!/usr/bin/env bash
# `make demo`: checks the bundled samples, shows one report in full, and
# writes the documents (conformity reports, terms of reference, contracts)
# to build/demo/. Faulty samples are expected to be refused: the demo itself
# succeeds.
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
for f in samples/missions/* samples/agreements/* samples/calls/*.xml samples/calls/*.json \
         samples/faulty/*.xml samples/faulty/*.json; do
  verdict=$($clef check --format json "$f" 2>/dev/null | grep -m1 '"status_label"' | cut -d'"' -f4)
  $clef check "$f" >/dev/null 2>&1
  printf '  %-60s exit %d  %s\n' "$f" $? "${verdict:-}"
done
echo
echo "== Bad inputs are refused with a location (exit code 2)"
for f in samples/bad/*.xml samples/bad/*.json; do
  $clef check "$f" 2>&1 >/dev/null | head -n 1 | sed 's/^/  /'
done
echo
out=build/demo
rm -rf "$out" && mkdir -p "$out"
echo "== Documents, written to $out/"
for f in samples/missions/*.xml samples/agreements/*.xml samples/calls/*.xml samples/faulty/*.xml; do
  name=$(basename "$f" .xml)
  $clef report "$f" -o "$out/rapport-$name.pdf" 2>&1 | sed 's/^/  /'
done
$clef report samples/faulty/guinee-vsi-30-mois.xml --lang en -o "$out/report-guinee-vsi-30-mois.pdf" 2>&1 | sed 's/^/  /'
for f in samples/missions/*.xml samples/calls/*.xml samples/faulty/guinee-vsi-30-mois.xml; do
  $clef tor "$f" -o "$out/tdr-$(basename "$f" .xml).pdf" 2>&1 | sed 's/^/  /'
done
$clef tor samples/missions/vietnam-boulangerie.xml --lang en -o "$out/tor-vietnam-boulangerie.pdf" 2>&1 | sed 's/^/  /'
contract() {  # mission volunteer output
  $clef contract "$1" --volunteer "$2" -o "$out/$3" 2>&1 | sed 's/^/  /'
}
contract samples/missions/draft-sans-volontaire.xml samples/volunteers/mathilde-agbodjan.xml contrat-vsi-mathilde-agbodjan.pdf
contract samples/missions/madagascar-artisanat.xml samples/volunteers/zoe-loeuvre.xml contrat-service-civique-zoe-loeuvre.pdf
contract samples/missions/vietnam-boulangerie.xml samples/volunteers/huong-nguyen.xml convention-csi-huong-nguyen.pdf
echo "  and one refusal (exit 1), as expected:"
contract samples/missions/madagascar-artisanat.xml samples/volunteers/theo-marechal.xml refused.pdf
echo
echo "$(ls "$out" | wc -l) PDF in $out/ (qpdf --check passes on each: $(for p in "$out"/*.pdf; do qpdf --check "$p" >/dev/null 2>&1 || echo "$p"; done | wc -l) failure(s))"
exit 0
