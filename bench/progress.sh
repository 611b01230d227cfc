#!/usr/bin/env bash
# Benchmark of yearly progress (issue 13): `plans check` on a synthetic repository of 100,000
# plans, each with three fiscal years of progress entries, against the same plans without
# progress (target: no more than 1.3 times the time), and `plans progress` on it, in text and
# in JSON.
# Usage: bash bench/progress.sh [PLANS]   (needs hyperfine; PLANS defaults to 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine first (apt-get install hyperfine)" >&2; exit 1; }
plans=${1:-100000}
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example synth
bin=$PWD/target/release/plans
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

target/release/examples/synth --plans "$plans" --out "$work/plain"
target/release/examples/synth --plans "$plans" --out "$work/progress" --progress
du -sh "$work/plain/plans" "$work/progress/plans"
# Both must pass every rule, or the comparison means nothing.
"$bin" -C "$work/plain" check --deny-warnings
"$bin" -C "$work/progress" check --deny-warnings

hyperfine -N --warmup 2 --runs 15 --export-json "$work/check.json" \
  -n "plans check ($plans plans)" "$bin -C $work/plain check" \
  -n "plans check ($plans plans, 3 years of progress each)" "$bin -C $work/progress check"
hyperfine -N --warmup 2 --runs 15 \
  -n "plans progress (text)" "$bin -C $work/progress progress --year 2027" \
  -n "plans progress --format json" "$bin -C $work/progress progress --year 2027 --format json"

python3 - "$work/check.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
plain, progress = r[0]["mean"], r[1]["mean"]
print(f"check with progress / without: {progress / plain:.2f} (target: at most 1.30); "
      f"{plain * 1000:.0f} ms → {progress * 1000:.0f} ms")
PY
