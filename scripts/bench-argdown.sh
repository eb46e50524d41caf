#!/usr/bin/env bash
# argmap and Argdown 1.7.5 side by side, on the same generated maps: argmap
# reads the TOML map, Argdown the same map exported by
# `argmap export --to argdown`. Prints a Markdown table with the ratios.
#
#   scripts/bench-argdown.sh                  # 1,000, 5,000 and 20,000 claims
#   SIZES="1000 20000" RUNS=5 scripts/bench-argdown.sh
#
# Pairs timed, whole processes, median of RUNS runs each:
#   `argdown json MAP.argdown DIR`         vs `argmap check MAP.toml`
#   `argdown map -f dot MAP.argdown DIR`   vs `argmap render MAP.toml -o x.dot`
#
# Argdown is installed with npm into target/bench/argdown-cli (2.0.0 does not
# work here; 1.7.5 does). If `argmap export` is not available (it was being
# built when this script was written), the script waits for it, checking
# once a minute for 30 minutes, then times argmap alone and says so.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 5000 20000"}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
OUT=target/bench
ARGDOWN_DIR=$OUT/argdown-cli
ARGDOWN=$ARGDOWN_DIR/node_modules/.bin/argdown

echo "building (release)" >&2
cargo build --release --quiet --bin argmap --example genmap
ARGMAP=target/release/argmap
GENMAP=target/release/examples/genmap

compare=yes
waited=0
until "$ARGMAP" export --help >/dev/null 2>&1; do
    if [ "$waited" -ge 30 ]; then
        echo "\`argmap export\` is still not available after 30 minutes:" \
            "timing argmap alone, without the comparison" >&2
        compare=no
        break
    fi
    echo "waiting for \`argmap export\` ($waited min)" >&2
    sleep 60
    waited=$((waited + 1))
    cargo build --release --quiet --bin argmap 2>/dev/null || true
done

if [ "$compare" = yes ] && [ ! -x "$ARGDOWN" ]; then
    echo "installing @argdown/cli@1.7.5 into $ARGDOWN_DIR" >&2
    mkdir -p "$ARGDOWN_DIR"
    npm install --silent --prefix "$ARGDOWN_DIR" @argdown/cli@1.7.5 >&2
fi
if [ "$compare" = yes ] && ! "$ARGDOWN" --version >/dev/null 2>&1; then
    echo "Argdown does not run: timing argmap alone" >&2
    compare=no
fi

# shellcheck source=scripts/timing.sh
. scripts/timing.sh

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f\xc3\x97", a / b; else printf "> %.0f\xc3\x97", a / 0.01 }'
}

echo
if [ "$compare" = yes ]; then
    echo "Argdown: $("$ARGDOWN" --version 2>/dev/null | tail -1), node $(node --version)"
    echo
    echo "| claims | task | Argdown 1.7.5 (s) | MB | argmap (s) | MB | argmap faster by |"
    echo "|---:|---|---:|---:|---:|---:|---:|"
else
    echo "| claims | task | argmap (s) | MB |"
    echo "|---:|---|---:|---:|"
fi
for n in $SIZES; do
    dir="$OUT/argdown-$n"
    rm -rf "$dir"
    "$GENMAP" --claims "$n" --seed "$SEED" -o "$dir" >&2
    map="$dir/map.toml"
    if [ "$compare" = yes ]; then
        "$ARGMAP" export "$map" --to argdown -o "$dir/map.argdown"
        mkdir -p "$dir/argdown-out"
    fi
    while IFS='|' read -r task argmap_cmd argdown_cmd; do
        # shellcheck disable=SC2086
        read -r ours our_mb our_code < <(median $ARGMAP $argmap_cmd)
        [ "$our_code" = 0 ] || echo "warning: argmap $argmap_cmd exited $our_code" >&2
        if [ "$compare" = yes ]; then
            # shellcheck disable=SC2086
            read -r theirs their_mb their_code < <(median $ARGDOWN $argdown_cmd)
            [ "$their_code" = 0 ] || echo "warning: argdown $argdown_cmd exited $their_code" >&2
            printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$task" "$theirs" "$their_mb" \
                "$ours" "$our_mb" "$(ratio "$theirs" "$ours")"
        else
            printf '| %s | %s | %s | %s |\n' "$n" "$task" "$ours" "$our_mb"
        fi
    done <<EOF
parse and check: \`argdown json\` vs \`argmap check\`|check $map|json $dir/map.argdown $dir/argdown-out
DOT: \`argdown map -f dot\` vs \`argmap render -o x.dot\`|render $map -o $dir/x.dot|map -f dot $dir/map.argdown $dir/argdown-out
EOF
done
