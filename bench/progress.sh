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
du -sh "$work/plain/plans" "$work/progress/plans"
# Both must pass every rule, or the comparison means nothing.
"$bin" -C "$work/plain" check --deny-warnings
"$bin" -C "$work/progress" check --deny-warnings

hyperfine -N --warmup 2 --runs 15 \
  -n "plans check ($plans plans)" "$bin -C $work/plain check" \
  -n "plans check ($plans plans, 3 years of progress each)" "$bin -C $work/progress check"
hyperfine -N --warmup 2 --runs 15 \
  -n "plans progress (text)" "$bin -C $work/progress progress --year 2027" \
  -n "plans progress --format json" "$bin -C $work/progress progress --year 2027 --format json"

# The ratio, from runs taken in turns (plain, progress, progress, plain, …): this virtual
# machine drifts by 10–20 % between minutes, which two separate hyperfine runs take up whole
# (the same build has given 1.31 and 1.53 that way). Each pair is taken within a second.
python3 - "$bin" "$work" <<'PY'
import statistics, subprocess, sys, time
binary, work = sys.argv[1], sys.argv[2]
plain = [binary, "-C", f"{work}/plain", "check"]
progress = [binary, "-C", f"{work}/progress", "check"]
def took(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start
for cmd in (plain, progress, plain, progress):
    took(cmd)
pairs = []
for i in range(30):
    if i % 2:
        b, a = took(progress), took(plain)
    else:
        a, b = took(plain), took(progress)
    pairs.append((a, b))
ratios = [b / a for a, b in pairs]
q1, median, q3 = statistics.quantiles(ratios, n=4)
print(f"check in turns, 30 pairs: median {statistics.median(a for a, _ in pairs) * 1000:.0f} ms without "
      f"progress, {statistics.median(b for _, b in pairs) * 1000:.0f} ms with it; with / without: median "
      f"{median:.2f} (quartiles {q1:.2f}-{q3:.2f}; target: at most 1.30)")
PY
