#!/usr/bin/env bash
# Benchmark of `plans diff`: on this repository (target: under 100 ms), and between two
# revisions of a synthetic repository of 100,000 plans (target: under 3 s), the second
# revision retitling 1,000 plans and giving 100 plans another first department.
# Usage: bash bench/diff.sh [PLANS]   (needs hyperfine and git; PLANS defaults to 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
needs_hyperfine
plans=${1:-100000}
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example synth
bin=$PWD/target/release/plans
machine

# This repository: its first data commit against the working tree, and HEAD~1..HEAD.
hyperfine -N --warmup 3 --runs 30 \
  -n "plans diff (this repository, HEAD → working tree)" "$bin diff HEAD" \
  -n "plans diff --format markdown (HEAD~1 HEAD)" "$bin diff --format markdown HEAD~1 HEAD"

# Two revisions of a synthetic repository.
repo="$work/repo"
target/release/examples/synth --plans "$plans" --out "$repo" >/dev/null
g() { git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "$@"; }
g init -q -b main
g add -A
g commit -q -m base
# 1,000 plans retitled, and 100 with their first department replaced by the second's name.
find "$repo/plans" -name '*.json' -path '*goal-*' | sort >"$work/files"
head -n 1000 "$work/files" | while read -r f; do
  sed -i 's/"title": "/"title": "改 /' "$f"
done
tail -n 100 "$work/files" | while read -r f; do
  sed -i '/^  "departments": \[$/{n;s/"[^"]*"/"DX戦略課"/;}' "$f"
done
g add -A
g commit -q -m changes
echo "plans: $plans; changes: $("$bin" -C "$repo" diff --format json main~1 main | grep -c '"kind"')"
hyperfine -N --warmup 1 --runs 5 \
  -n "plans diff main~1 main ($plans plans)" "$bin -C $repo diff main~1 main" \
  -n "plans diff main~1 ($plans plans, working tree)" "$bin -C $repo diff main~1"
