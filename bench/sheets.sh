#!/usr/bin/env bash
# Benchmark of `plans sheet` and `plans import` (issue 25's target: each well under a second), on
# a copy of this repository's plans given one fictional year of progress in full
# (bench/fictional_years.py; the real repository gets no invented progress): (a) `plans sheet`
# writing every reporting department's workbook, (b) `plans import` of all those workbooks into
# a copy without that year's progress (`--replace`, since the workbooks started from the entries),
# every plan file rewritten, (c) the same import again, which changes nothing.
# Usage: bash bench/sheets.sh [RUNS]   (default 10; needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
needs_hyperfine
runs=${1:-10}
root=$PWD
bin=${PLANS:-$root/target/release/plans}
if [ -z "${PLANS:-}" ]; then
  # Always built, so that a binary from before the last change is never measured.
  cargo build --release --locked --quiet --bin plans
fi
machine

# The repository with one fictional year, whose entries fill the workbooks.
filled="$work/filled"
mkdir -p "$filled"
cp -r "$root/plans" "$filled/"
python3 bench/fictional_years.py "$filled" 1
"$bin" -C "$filled" sheet -o "$work/books" >/dev/null
books=$(find "$work/books" -name '*.xlsx' | wc -l)
bytes=$(find "$work/books" -name '*.xlsx' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
echo "$books workbooks, $bytes bytes in all"

# The same repository without the year's entries, in git so that each run starts again from it.
empty="$work/empty"
mkdir -p "$empty"
cp -r "$root/plans" "$empty/"
python3 bench/fictional_years.py "$empty" 1
python3 - "$empty" <<'PY'
import json, pathlib, sys
for path in pathlib.Path(sys.argv[1], "plans").glob("goal-*/*.json"):
    plan = json.loads(path.read_text(encoding="utf-8"))
    plan.pop("progress", None)
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
PY
"$bin" -C "$empty" fmt >/dev/null
git -C "$empty" init -q && git -C "$empty" add -A && git -C "$empty" -c user.name=bench -c user.email=bench@invalid commit -qm base

hyperfine --warmup 2 --runs "$runs" -N \
  --prepare "rm -rf $work/out" \
  -n "plans sheet ($books workbooks)" "$bin -C $filled sheet -o $work/out"
hyperfine --warmup 1 --runs "$runs" \
  --prepare "git -C $empty checkout -q -- plans" \
  -n "plans import --replace ($books workbooks, every plan written)" "$bin -C $empty import --replace $work/books/*.xlsx"
"$bin" -C "$empty" import --replace "$work"/books/*.xlsx >/dev/null
hyperfine --warmup 1 --runs "$runs" -N \
  -n "plans import again (nothing changes)" "$bin -C $filled import $(echo "$work"/books/*.xlsx)"
