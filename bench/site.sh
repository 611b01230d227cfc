#!/usr/bin/env bash
# Benchmark of `plans site` (issue 12 targets): (a) the wall time of `plans site` on this
# repository's data (target: under 1 s), (b) the size of the folder it writes, the page with
# every asset (target: under 2 MB), (c) how fast the page's filters and search answer in
# headless Chromium (target: under 50 ms), with tests/site/bench.mjs.
# Usage: bash bench/site.sh [RUNS]   (RUNS of `plans site`, default 20; needs Node.js 20+ and
# Chromium: apt-get install chromium, or CHROMIUM=/path/to/chrome)
# YEARS=4 bash bench/site.sh measures (a) and (b) on a copy of the repository whose plans each
# have four fictional years written in full (bench/fictional_years.py; issue 23's target: the
# site with its plans' own pages under 2 MB, `plans site` under 1 s), and skips (c).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
runs=${1:-20}
root=$PWD
bin=$root/target/release/plans
# Always built, so that a binary from before the last change is never measured.
cargo build --release --locked --quiet --bin plans
machine

data=$root
if [ -n "${YEARS:-}" ]; then
  data="$work/repo"
  mkdir -p "$data"
  cp -r "$root/plans" "$data/"
  python3 bench/fictional_years.py "$data" "$YEARS"
  echo "the repository's plans with $YEARS fictional years of progress each (bench/fictional_years.py)"
fi

# (a) Wall time, each run into a new empty folder, in ms with the nanosecond clock.
times=()
for i in $(seq 1 "$runs"); do
  out="$work/site-$i"
  start=$(date +%s%N)
  "$bin" -C "$data" site -o "$out" >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000)))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
  { t[NR] = $1 }
  END {
    median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "plans site: min %.1f ms, median %.1f ms, max %.1f ms (%d runs; target: under 1000 ms)\n", t[1] / 1000, median / 1000, t[NR] / 1000, runs
  }'

# (b) Size of what it writes: every file, and the total against 2 MB.
site="$work/site-1"
echo "files of the site:"
(cd "$site" && find . -type f -printf '%s\t%P\n' | sort -k2 | awk -F'\t' '{ printf "  %9d B  %s\n", $1, $2 }')
total=$(find "$site" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
limit=$((2 * 1024 * 1024))
awk -v total="$total" -v limit="$limit" 'BEGIN {
  printf "site total: %d B (%.2f MiB; target: under 2 MiB = %d B)%s\n", total, total / 1048576, limit, (total < limit ? "" : " — OVER THE TARGET")
}'

# (c) The filters in the browser.
if [ -n "${YEARS:-}" ]; then
  exit 0
fi
dir=tests/site
lock=$dir/package-lock.json
stamp=$dir/node_modules/.installed-from-package-lock.json
if ! cmp -s "$lock" "$stamp"; then
  (cd "$dir" && npm ci --no-audit --no-fund --silent)
  cp "$lock" "$stamp"
fi
(cd "$dir" && PLANS_SITE_DIR="$site" PLANS_REPO="$root" node bench.mjs 50)
