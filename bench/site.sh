#!/usr/bin/env bash
# Benchmark of `plans site` (issue 12 targets): (a) the wall time of `plans site` on this
# repository's data (target: under 1 s), (b) the size of what it writes: each kind of page with
# every asset a browser loads to show it (target: under 2 MB), and the whole folder, (c) how fast the page's filters and search answer in
# headless Chromium (target: under 50 ms), with tests/site/bench.mjs.
# Usage: bash bench/site.sh [RUNS]   (RUNS of `plans site`, default 20; needs Node.js 20+ and
# Chromium: apt-get install chromium, or CHROMIUM=/path/to/chrome)
# YEARS=4 bash bench/site.sh measures (a) and (b) on a copy of the repository whose plans each
# have four fictional years written in full (bench/fictional_years.py; issue 23's targets: each
# page with what it loads still under 2 MB once the plans have their own pages, `plans site`
# under 1 s; the whole folder is printed beside them), and skips (c).
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

# (b) Size of what it writes: every file; then what a visitor's browser fetches to show a page
# (the page, the stylesheets it links and the images it shows), for index.html, the largest other
# year's page and the largest plan's page, against 2 MiB (issue 12's target: the page with every
# asset); and the whole folder, with the same files compressed as a web server sends them.
site="$work/site-1"
echo "files of the site:"
(cd "$site" && find . -type f -printf '%s\t%P\n' | sort -k2 | awk -F'\t' '{ printf "  %9d B  %s\n", $1, $2 }')
python3 - "$site" <<'PY'
import glob, gzip, os, re, sys
root = sys.argv[1]
limit = 2 * 1024 * 1024
def fetched(page):
    text = open(page, encoding="utf-8").read()
    files = {page}
    for m in re.finditer(r'<img[^>]*\ssrc="([^"]+)"|<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', text):
        files.add(os.path.normpath(os.path.join(os.path.dirname(page), m.group(1) or m.group(2))))
    return sum(os.path.getsize(f) for f in files), len(files) - 1
def say(what, page):
    size, assets = fetched(page)
    over = "" if size < limit else " — OVER THE TARGET"
    print(f"{what} ({os.path.relpath(page, root)}) with the {assets} files it loads: {size} B ({size / 1048576:.2f} MiB; target: under 2 MiB){over}")
say("the main page", os.path.join(root, "index.html"))
for pattern, what in (("year-*.html", "the largest other year's page"), ("plan/*.html", "the largest plan's page")):
    pages = glob.glob(os.path.join(root, pattern))
    if pages:
        say(what, max(pages, key=lambda p: fetched(p)[0]))
files = [os.path.join(d, f) for d, _, names in os.walk(root) for f in names]
total = sum(os.path.getsize(f) for f in files)
sent = sum(len(gzip.compress(open(f, "rb").read(), 9, mtime=0)) for f in files)
print(f"the whole folder: {len(files)} files, {total} B ({total / 1048576:.2f} MiB) on disk, {sent} B as a web server sends it (gzip -9)")
PY

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
