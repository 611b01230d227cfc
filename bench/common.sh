# What every benchmark script begins with, sourced from the repository root after
# `set -euo pipefail`: `needs_hyperfine`, a scratch folder in $work (removed when the script
# ends, however it ends), and a line saying which machine the figures are from.

needs_hyperfine() {
  command -v hyperfine >/dev/null || { echo "install hyperfine first (apt-get install hyperfine)" >&2; exit 1; }
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

machine() {
  echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
}
