#!/usr/bin/env bash
# Compares `plans check` with the JSON Schema validators a user would otherwise pick, on
# synthetic repositories of 57, 10,000 and 100,000 plans (and 100,000 with 1,000 injected
# errors). Every tool validates the same plan files against the same schema
# (schema/plan.schema.json); `plans check` also runs every cross-file rule. The whole process
# is timed (startup, file discovery, reading), warm cache, with hyperfine; peak memory is the
# largest process's maximum resident set (GNU time).
#
#   bash bench/run.sh                 # all sizes
#   bash bench/run.sh 57 10000        # some sizes ("100000e" is 100,000 plans with errors)
#
# Peers are installed into bench/.tools from the package registries on first use:
# ajv-cli 5 (npm), check-jsonschema (PyPI), jsonschema-cli and boon (crates.io).
# Every command runs without a shell (hyperfine -N). Tools that take file names get them on the
# command line for 57 plans and through xargs for more, as a user with thousands of files must.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/bench/.tools
DATA=${BENCH_DATA:-$ROOT/bench/.data}
RESULTS=$ROOT/bench/.results
SCHEMA=$ROOT/schema/plan.schema.json
mkdir -p "$TOOLS" "$DATA" "$RESULTS"

if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine (Debian package)" >&2
  apt-get install -y -qq hyperfine >/dev/null
fi
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
[ -x "$TOOLS/npm/node_modules/.bin/ajv" ] ||
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" ajv-cli@5.0.0 >/dev/null
[ -x "$TOOLS/py/bin/check-jsonschema" ] ||
  pip install --quiet --disable-pip-version-check --target "$TOOLS/py" check-jsonschema==0.39.0
[ -x "$TOOLS/cargo/bin/jsonschema-cli" ] ||
  cargo install --quiet --locked --root "$TOOLS/cargo" jsonschema-cli --version 0.60.2
[ -x "$TOOLS/cargo/bin/boon" ] ||
  cargo install --quiet --locked --root "$TOOLS/cargo" boon-cli --version 0.6.2
cargo build --release --locked --quiet --bin plans --example synth
# The same code linked statically (glibc's crt-static), the way a release binary would ship:
# no dynamic loader, no relocations at start. It needs --target so that proc-macros stay
# dynamic. Only on x86_64/aarch64 GNU/Linux hosts.
host=$(rustc -vV | sed -n 's/^host: //p')
static_plans=""
case "$host" in
  *-linux-gnu)
    RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --locked --quiet --bin plans \
      --target "$host" --target-dir "$ROOT/target/static"
    static_plans="$ROOT/target/static/$host/release/plans"
    ;;
esac

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(57 10000 100000 100000e)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "plans $(git rev-parse --short HEAD 2>/dev/null || echo '?'); ajv-cli 5.0.0, check-jsonschema 0.39.0, jsonschema-cli 0.60.2, boon-cli 0.6.2"
for size in "${sizes[@]}"; do
  n=${size%e}
  errors=0
  [ "$size" != "$n" ] && errors=1000
  dir=$DATA/$size
  if [ ! -f "$dir/.made" ] || [ "$(cat "$dir/.made")" != "$n $errors" ]; then
    rm -rf "$dir"
    target/release/examples/synth --plans "$n" --errors "$errors" --out "$dir" >/dev/null
    (cd "$dir" && find plans -path 'plans/goal-*' -name '*.json' | LC_ALL=C sort > files.txt)
    echo "$n $errors" > "$dir/.made"
  fi
  runs=50
  warmup=3
  [ "$n" -ge 10000 ] && runs=5 && warmup=1
  [ "$n" -ge 100000 ] && runs=3
  # Every command runs without a shell (hyperfine -N), in the repository's folder. The file
  # names are given on the command line where they fit (57 plans), else through xargs, as a
  # user with thousands of files must (the peers then start once per batch of files).
  cd "$dir"
  if [ "$n" -le 1000 ]; then
    mapfile -t list < files.txt
    each=$(printf ' %s' "${list[@]}")
    with_i=$(printf ' -i %s' "${list[@]}")
    feed_plain=""
    feed_i=""
  else
    each=""
    with_i=""
    feed_plain="xargs -a files.txt "
    feed_i="xargs -a files.txt "
  fi
  names=(plans)
  cmds=("$ROOT/target/release/plans check")
  if [ -n "$static_plans" ]; then
    names+=("plans (static)")
    cmds+=("$static_plans check")
  fi
  names+=(ajv-cli check-jsonschema jsonschema-cli boon)
  cmds+=(
    "$TOOLS/npm/node_modules/.bin/ajv validate --spec=draft2020 --all-errors --strict=false -s $SCHEMA -d 'plans/goal-*/*.json'"
    "${feed_plain}env PYTHONPATH=$TOOLS/py $TOOLS/py/bin/check-jsonschema --schemafile $SCHEMA$each"
    "${feed_i}$TOOLS/cargo/bin/jsonschema-cli validate $SCHEMA --assert-format --errors-only${with_i:- -i}"
    "${feed_plain}$TOOLS/cargo/bin/boon -q -f $SCHEMA$each"
  )
  args=()
  for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
  hyperfine -N --warmup "$warmup" --runs "$runs" -i --style none --export-json "$RESULTS/$size.json" "${args[@]}" >/dev/null
  : > "$RESULTS/$size.mem"
  for i in "${!names[@]}"; do
    # Validators exit non-zero when they find errors; only the memory figure matters here.
    kb=$( { /usr/bin/time -f '%M' sh -c "${cmds[$i]} >/dev/null 2>&1" || true; } 2>&1 | tail -1)
    printf '%s\t%s\n' "${names[$i]}" "$kb" >> "$RESULTS/$size.mem"
  done
  cd "$ROOT"
done

python3 - "$RESULTS" "${sizes[@]}" <<'PY'
import json, sys
results, sizes = sys.argv[1], sys.argv[2:]
print()
print("| plans | tool | median wall | peak memory | plans check is … faster (static build) | exit codes |")
print("| ---: | --- | ---: | ---: | ---: | --- |")
for size in sizes:
    data = json.load(open(f"{results}/{size}.json"))["results"]
    mem = dict(line.rstrip("\n").split("\t") for line in open(f"{results}/{size}.mem"))
    median = {r["command"]: r["median"] for r in data}
    base = median["plans"]
    static = median.get("plans (static)")
    label = f"{int(size.rstrip('e')):,}" + (" + 1,000 errors" if size.endswith("e") else "")
    for r in data:
        name = r["command"]
        ms = r["median"] * 1000
        wall = f"{ms:.1f} ms" if ms < 100 else f"{ms:,.0f} ms"
        if name.startswith("plans"):
            ratio = "—"
        else:
            ratio = f"{r['median'] / base:.1f}×"
            if static:
                ratio += f" ({r['median'] / static:.1f}×)"
        codes = ",".join(sorted({str(c) for c in r.get("exit_codes", [])}))
        print(f"| {label} | {name} | {wall} | {int(mem[name]) / 1024:.0f} MB | {ratio} | {codes} |")
PY
