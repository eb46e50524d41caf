#!/usr/bin/env bash
# Times whole runs of the argmap command on generated maps of 1,000, 10,000
# and 100,000 claims, and prints a Markdown table (wall time, peak memory).
#
#   scripts/bench.sh                 # the three sizes, median of 3 runs
#   SIZES="1000 5000" RUNS=5 scripts/bench.sh
#
# The maps are written by `examples/genmap` (seed 1) to target/bench/N/,
# with their source texts, so `check` verifies every quote for real. Each
# figure is the median of RUNS runs; peak memory is the maximum resident
# set size that /usr/bin/time reports (or, without it, the VmHWM that
# /proc shows while the command runs).
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
OUT=target/bench

if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing GNU time (apt-get install -y time)" >&2
    apt-get install -y -qq time >/dev/null 2>&1 || true
fi

echo "building (release)" >&2
cargo build --release --quiet --bin argmap --example genmap
ARGMAP=target/release/argmap
GENMAP=target/release/examples/genmap

for n in $SIZES; do
    echo "generating $n claims" >&2
    rm -rf "$OUT/$n"
    "$GENMAP" --claims "$n" --seed "$SEED" -o "$OUT/$n" >&2
done

# shellcheck source=scripts/timing.sh
. scripts/timing.sh

echo
echo "| claims | command | wall (s) | peak RSS (MB) | exit |"
echo "|---:|---|---:|---:|---:|"
for n in $SIZES; do
    map="$OUT/$n/map.toml"
    while IFS='|' read -r label cmd; do
        # shellcheck disable=SC2086
        read -r wall mb code < <(median $ARGMAP $cmd)
        printf '| %s | `argmap %s` | %s | %s | %s |\n' "$n" "$label" "$wall" "$mb" "$code"
    done <<EOF
check|check $map
eval|eval $map
render -o x.dot|render $map -o $OUT/$n/x.dot
report|report $map
render --split -o DIR|render $map --split -o $OUT/$n/split
EOF
done
