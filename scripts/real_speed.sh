#!/usr/bin/env bash
# Reproduces the "Real news text" figures of BENCHMARKS.md: writes the real-text inputs from
# ../shared/corpora (examples/real_corpus.rs) and times the release binary on ONE core
# (taskset -c 0, RAYON_NUM_THREADS=1): `timex` and `extract --json` on TimeBank text as one
# document of 1, 3 and 10 MB, `extract` on 10 MB single lines, and the 4,600-article
# Timeline17 stream and the web pages' text through `extract --jsonl -`.
# Usage: scripts/real_speed.sh [WORKDIR] (default: target/real-corpus). Set CALLGRIND=1 to also
# count instructions (valgrind --tool=callgrind) on the 1 and 10 MB documents: the figure to
# compare before and after on a shared machine, where wall times wander with the load; it also
# counts the one-line file (the fixed start-up).
# CHRONOLANE_BIN=path times another build (an older commit's binary) instead of building this
# one. Each `extract` runs twice: with the trained tagger and recogniser, and without them
# (CHRONOLANE_MODELS=off, the rules alone; a build that predates the switch ignores it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$root/target/real-corpus}"
cd "$root"
cargo build --release --example real_corpus
if [ -z "${CHRONOLANE_BIN:-}" ]; then
    cargo build --release --bin chronolane
fi
bin="${CHRONOLANE_BIN:-$root/target/release/chronolane}"
"$root/target/release/examples/real_corpus" "$work"

one_core=(env RAYON_NUM_THREADS=1)
command -v taskset >/dev/null && one_core+=(taskset -c 0)

# Wall and CPU seconds, peak RSS and MB/s (decimal, on user+sys CPU time) of one command.
measure() {
    local label="$1" input="$2"
    shift 2
    local bytes
    bytes=$(stat -c %s "$input")
    local t
    t=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$t" "${one_core[@]}" "$@" >/dev/null
    read -r wall user sys rss <"$t"
    rm -f "$t"
    python3 -c "import sys
label, b, wall, cpu, rss = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]) + float(sys.argv[5]), int(sys.argv[6])
print(f'{label}: {b/1e6:.1f} MB, {wall:.2f} s wall, {cpu:.2f} s CPU, {b/1e6/max(cpu, 1e-3):.1f} MB/s of CPU, {rss//1024} MB peak RSS')" \
        "$label" "$bytes" "$wall" "$user" "$sys" "$rss"
}

# The fixed start-up: one short sentence of our own in a file of one line.
printf 'The envoys met in Vienna on Monday and agreed to meet again.\n' >"$work/one-sentence.txt"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in 1 3 10; do
    measure "timex, timebank ${mb} MB" "$work/timebank-${mb}MB.txt" \
        "$bin" timex --dct 1998-01-08 --json "$work/timebank-${mb}MB.txt"
done
for models in on off; do
    export CHRONOLANE_MODELS=$models
    measure "extract (models $models), a one-line file (the fixed start-up)" "$work/one-sentence.txt" \
        "$bin" extract --json "$work/one-sentence.txt"
    for mb in 1 3 10; do
        measure "extract (models $models), timebank ${mb} MB" "$work/timebank-${mb}MB.txt" \
            "$bin" extract --json "$work/timebank-${mb}MB.txt"
    done
    measure "extract (models $models), timebank text on one 10 MB line" "$work/timebank-line-10MB.txt" \
        "$bin" extract --json "$work/timebank-line-10MB.txt"
    measure "extract (models $models), one sentence repeated on one 10 MB line" "$work/one-line-10MB.txt" \
        "$bin" extract --json "$work/one-line-10MB.txt"
    measure "extract --jsonl (models $models), Timeline17 4,600 articles" "$work/tls-4600.jsonl" \
        "$bin" extract --jsonl "$work/tls-4600.jsonl"
    measure "extract --jsonl (models $models), web pages' text" "$work/web-pages.jsonl" \
        "$bin" extract --jsonl "$work/web-pages.jsonl"
done
unset CHRONOLANE_MODELS
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${CALLGRIND:-0}" = 1 ]; then
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$bin" extract --json "$work/one-sentence.txt" >/dev/null 2>"$out.log"
    echo "instructions, extract a one-line file: $(grep -o 'Collected : [0-9]*' "$out.log" | cut -d' ' -f3)"
    rm -f "$out" "$out.log"
    for mb in 1 10; do
        for cmd in "timex --dct 1998-01-08 --json" "extract --json"; do
            out=$(mktemp)
            # shellcheck disable=SC2086
            RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$out" \
                "$bin" $cmd "$work/timebank-${mb}MB.txt" >/dev/null 2>"$out.log"
            echo "instructions, ${cmd%% *} timebank ${mb} MB: $(grep -o 'Collected : [0-9]*' "$out.log" | cut -d' ' -f3)"
            rm -f "$out" "$out.log"
        done
    done
fi
