#!/usr/bin/env bash
# Benchmark of the charts, the site and the export at scale (issue 20): `plans build`,
# `plans build --check`, `plans site` and `plans export --format json` on synthetic
# repositories of 1,000, 10,000 and 100,000 plans (examples/synth.rs). Each command runs once
# under /usr/bin/time (wall time, and peak memory: the largest resident set of the process),
# each build and site into an empty folder; at up to 10,000 plans, hyperfine then repeats the
# build and the site.
# Targets: build at 10,000 plans under 15 s and 500 MB; at 100,000 plans under 2 GB (the charts
# too large for a document are left out, with a note); site at 100,000 plans under 10 s and 1 GB.
#
#   bash bench/scale.sh                      # 1,000, 10,000 and 100,000 plans
#   bash bench/scale.sh 1000 10000           # some sizes
#   BASELINE=/path/to/an/older/plans bash bench/scale.sh   # the same runs with that binary
#                                                           # too, side by side
#
# Every run is capped at 8 GiB of address space and 15 minutes (CAP_SECONDS=… for another
# limit): builds before issue 20 ran out of memory, or for hours, at 100,000 plans; a run the
# cap stops says so in the table.
# Needs hyperfine (apt-get install hyperfine) and GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
needs_hyperfine
[ -x /usr/bin/time ] || { echo "install GNU time first (apt-get install time)" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
cargo build --release --locked --quiet --bin plans --example synth
bins=("plans=$PWD/target/release/plans")
[ -z "${BASELINE:-}" ] || bins+=("baseline=$BASELINE")
machine
cap_kib=$((8 * 1024 * 1024))
cap_seconds=${CAP_SECONDS:-900}

# One capped, timed run: "wall_seconds peak_kib exit_code" on standard output; the command's
# own output goes to $work/last.out (its first lines are shown when it fails).
timed() {
  local exit_code=0
  (
    ulimit -v "$cap_kib"
    /usr/bin/time -o "$work/time" -f "%e %M" timeout "$cap_seconds" "$@" >"$work/last.out" 2>&1
  ) || exit_code=$?
  read -r wall peak < <(tail -n 1 "$work/time")
  echo "$wall $peak $exit_code"
}

rows=()
row() { # plans command binary "wall peak exit"
  local plans=$1 what=$2 name=$3 wall peak code result
  read -r wall peak code <<<"$4"
  case "$code" in
    0) result="ok" ;;
    124) result="stopped after ${cap_seconds} s" ;;
    134) result="aborted (exit 134: out of the 8 GiB cap)" ;;
    *) result="exit $code" ;;
  esac
  rows+=("$(printf '| %s | %s | %s | %s s | %s MB | %s |' "$plans" "$what" "$name" "$wall" \
    "$(awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }')" "$result")")
  [ "$code" = 0 ] || { echo "$name $what ($plans plans) ended with $result:" >&2; head -n 5 "$work/last.out" >&2; }
}

for plans in "${sizes[@]}"; do
  repo="$work/repo-$plans"
  target/release/examples/synth --plans "$plans" --out "$repo" >/dev/null
  for entry in "${bins[@]}"; do
    name=${entry%%=*}
    bin=${entry#*=}
    rm -rf "$repo/charts" "$repo/.vscode" "$work/site"
    row "$plans" "build" "$name" "$(timed "$bin" -C "$repo" build)"
    [ "$name" != plans ] || grep -v '^wrote ' "$work/last.out" | sed "s/^/  ($plans plans) /" >&2 || true
    row "$plans" "build --check" "$name" "$(timed "$bin" -C "$repo" build --check)"
    row "$plans" "site" "$name" "$(timed "$bin" -C "$repo" site -o "$work/site")"
    row "$plans" "export --format json" "$name" \
      "$(timed "$bin" -C "$repo" export --format json -o "$work/plans.json")"
  done
  if [ "$plans" -le 10000 ]; then
    args=()
    for entry in "${bins[@]}"; do
      name=${entry%%=*}
      bin=${entry#*=}
      args+=(-n "$name build ($plans plans)" "$bin -C $repo build")
    done
    hyperfine --runs 3 --prepare "rm -rf '$repo/charts' '$repo/.vscode'" "${args[@]}"
    args=()
    for entry in "${bins[@]}"; do
      name=${entry%%=*}
      bin=${entry#*=}
      args+=(-n "$name site ($plans plans)" "$bin -C $repo site -o $work/site")
    done
    hyperfine --runs 3 --prepare "rm -rf '$work/site'" "${args[@]}"
  fi
  rm -rf "$repo" "$work/site" "$work/plans.json"
done

echo
echo "| plans | command | binary | wall | peak memory | result |"
echo "| ---: | --- | --- | ---: | ---: | --- |"
printf '%s\n' "${rows[@]}"
