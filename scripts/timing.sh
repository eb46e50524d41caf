# Timing helpers shared by scripts/bench.sh and scripts/bench-argdown.sh:
# whole runs, wall time and peak resident memory. Source it; it needs RUNS.
# shellcheck shell=bash

# run CMD...: "SECONDS KB EXIT" for one run of CMD, output discarded.
run() {
    if [ -x /usr/bin/time ]; then
        local log code=0 start end kb
        log=$(mktemp)
        start=$EPOCHREALTIME
        /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || code=$?
        end=$EPOCHREALTIME
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
        rm -f "$log"
        echo "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}') $kb $code"
    else
        local start end code=0 peak=0 hwm pid
        start=$EPOCHREALTIME
        "$@" >/dev/null 2>&1 &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
            sleep 0.005
        done
        wait "$pid" || code=$?
        end=$EPOCHREALTIME
        echo "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}') $peak $code"
    fi
}

# median CMD...: the run with the median wall time, as "SECONDS MB EXIT".
median() {
    local results=()
    for _ in $(seq "$RUNS"); do
        results+=("$(run "$@")")
    done
    printf '%s\n' "${results[@]}" | sort -n -k1,1 |
        awk -v k="$(((RUNS + 1) / 2))" 'NR == k {printf "%.3f %.0f %s\n", $1, $2 / 1024, $3}'
}
