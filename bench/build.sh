#!/usr/bin/env bash
# Benchmark of `plans build` (every chart, SVG and PNG) and `plans check` on this repository.
# Usage: bash bench/build.sh   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
needs_hyperfine
cargo build --release --locked --quiet
cp -r plans "$work/plans"
machine
# Draw into a scratch copy so the benchmark never touches the committed charts. Removing charts/
# before each run makes every run draw and write all 19 files there (the 18 charts and the
# report; the editor schema in .vscode/ is written once).
hyperfine --warmup 2 --runs 15 \
  --prepare "rm -rf '$work/charts'" \
  -n "plans build (charts and report)" "target/release/plans -C '$work' build" \
  -n "plans build --check" "target/release/plans build --check" \
  -n "plans check" "target/release/plans check"
