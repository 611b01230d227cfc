#!/usr/bin/env bash
# Benchmark of yearly progress (issue 13): `plans check` on a synthetic repository of 100,000
# plans, each with three fiscal years of progress entries, against the same plans without
# progress (target: no more than 1.3 times the time), and `plans progress` on it, in text and
# in JSON. The ratio is taken from runs in turns (see below).
# Usage: bash bench/progress.sh [PLANS]   (needs hyperfine; PLANS defaults to 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
needs_hyperfine
plans=${1:-100000}
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example synth
bin=$PWD/target/release/plans
machine

target/release/examples/synth --plans "$plans" --out "$work/plain"
target/release/examples/synth --plans "$plans" --out "$work/progress" --progress
du -sh --apparent-size "$work/plain/plans" "$work/progress/plans"
# Both must pass every rule, or the comparison means nothing.
"$bin" -C "$work/plain" check --deny-warnings
"$bin" -C "$work/progress" check --deny-warnings

hyperfine -N --warmup 2 --runs 15 \
  -n "plans check ($plans plans)" "$bin -C $work/plain check" \
  -n "plans check ($plans plans, 3 years of progress each)" "$bin -C $work/progress check"
hyperfine -N --warmup 2 --runs 15 \
  -n "plans progress (text)" "$bin -C $work/progress progress --year 2027" \
  -n "plans progress --format json" "$bin -C $work/progress progress --year 2027 --format json"

# The ratio, from runs taken in turns (see bench/turns.py).
python3 bench/turns.py 30 "$work" "plans=$bin"
