#!/usr/bin/env bash
# The floor under issue 13's speed target (`plans check` with three years of progress on
# 100,000 plans at most 1.3 times the time without): the same comparison in turns as
# bench/progress.sh, for this build and for an experiment that is never merged,
# bench/progress-floor.patch. The experiment reads each plan file straight into the model with
# serde: no JSON tree, no schema, no rule on the file itself; every other step of the check is
# unchanged. What it measures is what reading the bigger files and keeping the entries costs,
# before any of them is checked.
# Usage: bash bench/progress-floor.sh [PLANS]   (PLANS defaults to 100000; the first run builds
# the experiment from scratch into target/floor, a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
plans=${1:-100000}
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example synth
machine

# The experiment: the last commit with the patch applied, in a worktree of its own (this build
# is the working tree's: commit first to compare like with like).
git worktree add --quiet --detach "$work/floor" HEAD
trap 'git worktree remove --force "$work/floor" || true; rm -rf "$work"; git worktree prune' EXIT
git -C "$work/floor" apply "$PWD/bench/progress-floor.patch"
CARGO_TARGET_DIR=$PWD/target/floor cargo build --release --locked --quiet \
  --manifest-path "$work/floor/Cargo.toml"
floor=$PWD/target/floor/release/plans

target/release/examples/synth --plans "$plans" --out "$work/plain"
target/release/examples/synth --plans "$plans" --out "$work/progress" --progress
for data in plain progress; do
  # Both builds must pass, and the experiment must take its own path for every plan file
  # (it names on stderr each file that does not).
  target/release/plans -C "$work/$data" check --deny-warnings
  "$floor" -C "$work/$data" check --deny-warnings 2>"$work/floor.err" || {
    cat "$work/floor.err" >&2
    exit 1
  }
  if [ -s "$work/floor.err" ]; then
    head "$work/floor.err" >&2
    exit 1
  fi
done
python3 bench/turns.py 30 "$work" "plans=$PWD/target/release/plans" "floor=$floor"
