#!/usr/bin/env bash
# Conformity reports per second on one core: clef's render_pdf against
# LibreOffice headless converting the same report from HTML, in the same run
# (issue 3; bench/README.md, section "Report benchmark").
#
#   bash bench/report_vs_libreoffice.sh [options] [-- clef_report_bench options]
#
# Options:
#   --cpu N          CPU both sides are pinned to (default 0)
#   --copies N       LibreOffice converts N copies of each mission's HTML in one
#                    process, then 2N in another (default 10: 60 and 120 documents)
#   --lo-repeats R   timed soffice runs of each size, median reported (default 5)
#   --no-install     fail instead of installing LibreOffice when it is missing
#   --lo-only        skip clef's side (when render_pdf does not build yet)
# Environment: CLEF_BENCH_BUILD_DIR (default build/release).
# The output is also saved to build/bench-report-latest.txt; every file it
# makes (HTML, both sides' PDFs, the LibreOffice profile) is in build/report-bench/.
set -euo pipefail
SELF=$(realpath "$0")
cd "$(dirname "$SELF")/.."
ROOT=$(pwd)

CPU=0
COPIES=10
LO_REPEATS=5
INSTALL=1
LO_ONLY=0
BENCH_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cpu) CPU=$2; shift 2 ;;
    --copies) COPIES=$2; shift 2 ;;
    --lo-repeats) LO_REPEATS=$2; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --lo-only) LO_ONLY=1; shift ;;
    --) shift; BENCH_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$SELF" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "report_vs_libreoffice: unknown option $1 (--help)" >&2; exit 2 ;;
  esac
done

[[ $COPIES =~ ^[1-9][0-9]*$ && $LO_REPEATS =~ ^[1-9][0-9]*$ ]] ||
  { echo "report_vs_libreoffice: --copies and --lo-repeats take a number >= 1" >&2; exit 2; }

BUILD=${CLEF_BENCH_BUILD_DIR:-build/release}
WORK=$ROOT/build/report-bench
LATEST=$ROOT/build/bench-report-latest.txt
mkdir -p "$WORK"
exec > >(tee "$LATEST") 2>&1

die() { echo "report_vs_libreoffice: $*" >&2; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- LibreOffice, for the benchmark only (not in scripts/install-deps.sh) ---
# libreoffice-writer-nogui is the smallest Debian 12 set that imports HTML
# into Writer and exports PDF headless (49 packages with --no-install-recommends:
# 84 MB to download, 259 MB installed; no X11, no Java).
need_pkgs=()
command -v soffice >/dev/null || need_pkgs+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need_pkgs+=(poppler-utils)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || need_pkgs+=(fonts-dejavu-core)
if [[ ${#need_pkgs[@]} -gt 0 ]]; then
  [[ $INSTALL -eq 1 ]] || die "missing: ${need_pkgs[*]} (rerun without --no-install)"
  echo "installing ${need_pkgs[*]} (benchmark only)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${need_pkgs[@]}" >/dev/null
fi
LO_VERSION=$(soffice --version 2>/dev/null | head -1)

# --- Build ---
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  if [[ $BUILD == build/release ]]; then
    cmake --preset release >/dev/null
  else
    cmake --preset release -B "$BUILD" >/dev/null
  fi
fi
cmake --build "$BUILD" --target clef_report_html >"$WORK/build.log" 2>&1 ||
  { cat "$WORK/build.log"; die "clef_report_html does not build"; }
CLEF_OK=0
CLEF_FAILED=0
if [[ $LO_ONLY -eq 0 ]]; then
  if cmake --build "$BUILD" --target clef_report_bench >"$WORK/build.log" 2>&1; then
    CLEF_OK=1
  else
    echo "WARNING: clef_report_bench does not build (render_pdf not there yet?); see"
    echo "         $WORK/build.log. Measuring LibreOffice only (exit status 1 at the end)."
    CLEF_FAILED=1
  fi
fi

echo "report_vs_libreoffice: conformity reports on one core (CPU $CPU), clef vs LibreOffice"
echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:     $(nproc) CPUs online, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "libreoffice: $LO_VERSION"
echo

# --- clef ---
CLEF_MS=""
CLEF_HTML_MS=""
CLEF_CPU_MS=""
rm -rf "$WORK/clef-pdf"
if [[ $CLEF_OK -eq 1 ]]; then
  echo "=== clef: render_pdf(\"report\") (bench/report_bench.cc) ==="
  if ! taskset -c "$CPU" "$BUILD/bench/clef_report_bench" --cpu "$CPU" \
    --pdf-dir "$WORK/clef-pdf" "${BENCH_ARGS[@]}" | tee "$WORK/clef.txt"; then
    echo "WARNING: clef_report_bench failed; measuring LibreOffice only (exit status 1 at the end)"
    CLEF_FAILED=1
  fi
  CLEF_MS=$(sed -n 's/^result: clef_ms_per_report=\([0-9.]*\).*/\1/p' "$WORK/clef.txt")
  CLEF_CPU_MS=$(sed -n 's/^result: .*clef_cpu_ms_per_report=\([0-9.]*\).*/\1/p' "$WORK/clef.txt")
  CLEF_HTML_MS=$(sed -n 's/^result: .*html_ms_per_report=\([0-9.]*\).*/\1/p' "$WORK/clef.txt")
  echo
fi

# --- LibreOffice ---
echo "=== LibreOffice: one soffice process converting N HTML reports to PDF ==="
TITLES=$("$BUILD/bench/clef_report_html" --titles)
NMISSIONS=$(wc -l <<<"$TITLES")
N1=$((NMISSIONS * COPIES))
N2=$((NMISSIONS * COPIES * 2))
rm -rf "$WORK/html-warm" "$WORK/html-$N1" "$WORK/html-$N2" "$WORK/lo-profile" "$WORK"/lo-out-*
"$BUILD/bench/clef_report_html" --out "$WORK/html-warm" 2>/dev/null
"$BUILD/bench/clef_report_html" --out "$WORK/html-$N1" --copies "$COPIES" 2>/dev/null
"$BUILD/bench/clef_report_html" --out "$WORK/html-$N2" --copies $((COPIES * 2)) 2>/dev/null

PROFILE="file://$WORK/lo-profile"
soffice_convert() {  # outdir files…
  local out=$1; shift
  taskset -c "$CPU" soffice -env:UserInstallation="$PROFILE" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$out" "$@"
}
# Times one soffice process; prints "real user sys" (seconds).
timed_convert() {  # outdir files…
  local out=$1 t
  rm -rf "$out"
  TIMEFORMAT='%3R %3U %3S'
  t=$({ time soffice_convert "$@" >"$out.log" 2>&1; } 2>&1)
  local made
  made=$(find "$out" -name '*.pdf' 2>/dev/null | wc -l)
  [[ $made -eq $(($# - 1)) ]] || die "soffice made $made PDFs of $(($# - 1)) (see $out.log)"
  echo "$t"
}

first=$(ls "$WORK"/html-warm/*.html | head -1)
warm=$(timed_convert "$WORK/lo-out-warm" "$first")
echo "fresh profile $WORK/lo-profile; warm-up: 1 document (creates the profile): $(cut -d' ' -f1 <<<"$warm") s"

declare -a R1 R2
for ((r = 1; r <= LO_REPEATS; r++)); do
  t1=$(timed_convert "$WORK/lo-out-$N1" "$WORK"/html-$N1/*.html)
  t2=$(timed_convert "$WORK/lo-out-$N2" "$WORK"/html-$N2/*.html)
  R1+=("$t1"); R2+=("$t2")
  printf '  run %d: %3d documents %7.2f s (user %.2f sys %.2f)   %3d documents %7.2f s (user %.2f sys %.2f)\n' \
    "$r" "$N1" $t1 "$N2" $t2
done
median() { printf '%s\n' "$@" | sort -n -k1,1 | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
M1=$(median "${R1[@]}")
M2=$(median "${R2[@]}")

# Do LibreOffice's PDFs really hold the report? Text of each mission's first copy.
echo
echo "The PDFs, side by side (LibreOffice: the first copy of each mission; pages by pdfinfo;"
echo "the mission title and every page footer looked up in pdftotext's output; fonts by"
echo "pdffonts; qpdf --check):"
printf '  %-32s %-32s %s\n' "mission" "clef: pages bytes qpdf" "LibreOffice: pages bytes title fonts"
lo_pages=""
clef_pages=""
while IFS=$'\t' read -r stem title; do
  c="$WORK/clef-pdf/$stem.pdf"
  cinfo="-"
  if [[ -f $c ]]; then
    cp=$(pdfinfo "$c" | awk '/^Pages:/ {print $2}')
    clef_pages+="${clef_pages:+,}$cp"
    q=n/a
    if command -v qpdf >/dev/null; then qpdf --check "$c" >/dev/null 2>&1 && q=ok || q=FAILED; fi
    cinfo=$(printf '%2s %7d %s' "$cp" "$(stat -c %s "$c")" "$q")
  fi
  f="$WORK/lo-out-$N1/$stem-001.pdf"
  pages=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  lo_pages+="${lo_pages:+,}$pages"
  # Compared without white space and hyphens: the title may break across lines,
  # and pdftotext joins words broken at a hyphen.
  text=$(pdftotext "$f" - | tr -d ' \n-')
  grep -qF -- "$(tr -d ' -' <<<"$title")" <<<"$text" || die "$f: the mission title \"$title\" is not in its text"
  footers=$(pdftotext "$f" - | grep -cE 'Page [0-9]+ (sur|of) [0-9]+' || true)
  [[ $footers -eq $pages ]] || die "$f: $footers page footers for $pages pages"
  fonts=$(pdffonts "$f" | awk 'NR > 2 {print $1}' | sed 's/^[A-Z]*+//' | sort -u | paste -sd' ')
  printf '  %-32s %-32s %2s %7d found %s\n' "$stem" "$cinfo" "$pages" "$(stat -c %s "$f")" "$fonts"
done <<<"$TITLES"

# --- Summary ---
echo
awk -v n1="$N1" -v n2="$N2" -v m1="$M1" -v m2="$M2" -v clef="$CLEF_MS" -v pages="$lo_pages" \
  -v clef_pages="$clef_pages" -v html="$CLEF_HTML_MS" -v clef_cpu="$CLEF_CPU_MS" '
function on_cpu(r, u, s) { return 100 * (u + s) / r }
BEGIN {
  split(m1, a, " "); split(m2, b, " ");
  per1 = 1000 * a[1] / n1; per2 = 1000 * b[1] / n2;
  marginal = 1000 * (b[1] - a[1]) / (n2 - n1);
  startup = a[1] - n1 * marginal / 1000;
  printf "LibreOffice, one soffice process (median of its runs; wall time, pinned to one CPU):\n";
  printf "  %3d documents: %7.2f s  = %7.1f ms/document including startup   (on-cpu %.0f %%)\n", n1, a[1], per1, on_cpu(a[1], a[2], a[3]);
  printf "  %3d documents: %7.2f s  = %7.1f ms/document including startup   (on-cpu %.0f %%)\n", n2, b[1], per2, on_cpu(b[1], b[2], b[3]);
  printf "  marginal (%d - %d documents) / %d = %.1f ms/document; startup + shutdown ~ %.2f s\n", n2, n1, n2 - n1, marginal, startup;
  cpu_marginal = 1000 * ((b[2] + b[3]) - (a[2] + a[3])) / (n2 - n1);
  printf "  CPU time (user + sys of the process): marginal %.1f ms/document\n", cpu_marginal;
  printf "  pages per report: %s (clef: %s)\n\n", pages, clef_pages == "" ? "-" : clef_pages;
  if (clef == "") {
    printf "clef: not measured (clef_report_bench did not build or --lo-only)\n";
    printf "goal clef <= 3 ms/report: n/a\ngoal LibreOffice / clef >= 30: n/a\n";
    exit 0;
  }
  printf "%-48s %12s\n", "", "ms/document";
  printf "%-48s %12.3f\n", "clef render_pdf (median run)", clef;
  if (html != "") printf "%-48s %12.3f   (writing LibreOffice'"'"'s input; not in its times)\n", "clef report_html (info)", html;
  printf "%-48s %12.1f   ratio %7.0fx\n", "LibreOffice, marginal", marginal, marginal / clef;
  printf "%-48s %12.1f   ratio %7.0fx\n", sprintf("LibreOffice, %d documents incl. startup", n1), per1, per1 / clef;
  printf "%-48s %12.1f   ratio %7.0fx\n", sprintf("LibreOffice, %d documents incl. startup", n2), per2, per2 / clef;
  if (clef_cpu != "")
    printf "%-48s %12.1f   ratio %7.0fx   (CPU time both sides: %.3f ms for clef)\n", "LibreOffice, marginal, CPU time", cpu_marginal, cpu_marginal / clef_cpu, clef_cpu;
  printf "\ngoal clef <= 3 ms/report:                       %8.3f ms   %s\n", clef, (clef <= 3 ? "PASS" : "MISS");
  printf "goal LibreOffice / clef >= 30 (marginal, strict): %8.0fx    %s\n", marginal / clef, (marginal / clef >= 30 ? "PASS" : "MISS");
  printf "     (including startup, %d documents:             %8.0fx    %s)\n", n1, per1 / clef, (per1 / clef >= 30 ? "PASS" : "MISS");
}'
[[ $CLEF_FAILED -eq 0 ]]
