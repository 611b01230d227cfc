#!/usr/bin/env bash
# Suggestions for unknown departments at scale: a register of 90,000 names and 10,000 plans,
# each naming a department the register lacks (half of them one character off a registered
# name, half unlike any), so `plans check` looks for a suggestion 10,000 times.
# Target (issue 20): under 2 s. Prints the time and peak memory of `plans check` (best of 3)
# and how many suggestions it made. With BASE (a revision, e.g. 9d34145, before the index),
# also builds BASE in a scratch worktree (into target/suggest-base, a few minutes), times it
# once and checks that both give the same output, byte for byte.
# Usage: bash bench/suggest.sh [BASE]   (needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
cargo build --release --locked --quiet --bin plans --example synth
target/release/examples/synth --plans 10000 --out "$work/repo" >/dev/null
python3 - "$work/repo" <<'EOF'
import json, pathlib, random, sys
root = pathlib.Path(sys.argv[1]) / "plans"
random.seed(20)
first = "行政財政総務人事企画政策市民生活環境保健福祉子育教育文化観光産業農林建設道路河川都市住宅水道下消防会計監査選挙議会情報広報交通防災税務収納契約管財"
second = ["課", "室", "係", "センター", "事務所", "推進課", "管理課", "企画室"]
names, seen = [], set()
while len(names) < 90000:
    name = "".join(random.choice(first) for _ in range(random.randint(2, 5))) + random.choice(second)
    if name not in seen:
        seen.add(name)
        names.append(name)
register = root / "departments.json"
json_register = json.loads(register.read_text())
used = [d["name"] for d in json_register["departments"]]
json_register["departments"] = [{"name": n} for n in used + names]
register.write_text(json.dumps(json_register, ensure_ascii=False, indent=2) + "\n")
unknown = 0
for i, plan_file in enumerate(sorted(root.glob("goal-*/*.json"))):
    plan = json.loads(plan_file.read_text())
    if i % 2 == 0:
        near = random.choice(names)
        k = random.randrange(len(near) - 1)
        name = near[:k] + "仮" + near[k + 1:]
    else:
        name = "".join(random.choice("架空試験見本例") for _ in range(4)) + "課"
    if name in seen:
        continue
    plan["departments"] = [name]
    plan.pop("subprojects", None)
    plan_file.write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n")
    unknown += 1
print(f"register: {len(used) + len(names)} names; plans naming an unknown department: {unknown}")
EOF
machine
best=""
for _ in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time" target/release/plans -C "$work/repo" check --lang en --format json > "$work/out.json" || true
  read -r seconds kb < <(tail -n 1 "$work/time")
  if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $seconds < $best else 1)"; then best=$seconds; peak=$kb; fi
done
suggested=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for x in d if x['code'] == 'unknown-department' and (x.get('hint') or '').startswith('did you mean')))" "$work/out.json")
unknowns=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for x in d if x['code'] == 'unknown-department'))" "$work/out.json")
echo "plans check: ${best} s (best of 3), peak ${peak} KB; unknown-department: ${unknowns}, with a suggestion: ${suggested}  (target: under 2 s)"

if [ -n "${1:-}" ]; then
  git worktree add --quiet --detach "$work/base" "$1"
  trap 'git worktree remove --force "$work/base" || true; rm -rf "$work"; git worktree prune' EXIT
  CARGO_TARGET_DIR=$PWD/target/suggest-base cargo build --release --locked --quiet --bin plans \
    --manifest-path "$work/base/Cargo.toml"
  /usr/bin/time -f "%e %M" -o "$work/time" target/suggest-base/release/plans -C "$work/repo" check --lang en --format json > "$work/base.json" || true
  read -r seconds kb < <(tail -n 1 "$work/time")
  echo "$1: ${seconds} s, peak ${kb} KB"
  if cmp -s "$work/out.json" "$work/base.json"; then
    echo "the same output as $1, byte for byte"
  else
    echo "the output differs from $1's" >&2
    exit 1
  fi
fi
