#!/usr/bin/env bash
# Reproduces the "Scale" figures of BENCHMARKS.md: a 10,000-article corpus (gen_corpus) loaded
# and extracted whole, streamed one article per line, streamed under GNU parallel and merged,
# and one 10 MB single-line file. Usage: scripts/scale.sh [WORKDIR] (default: a temporary one).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$root"
cargo build --release --bin chronolane --example gen_corpus
bin="$root/target/release/chronolane"
gen="$root/target/release/examples/gen_corpus"

[ -d "$work/corpus" ] || "$gen" "$work/corpus" 10000
[ -f "$work/jsonl/articles.jsonl" ] || "$gen" "$work/jsonl" 10000 --jsonl

# Wall, CPU and peak resident memory (max RSS) of one command, on stderr.
measure() {
    local label="$1"
    shift
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, %M KB peak RSS" "$@"
}

echo "corpus: $(du -sb "$work/corpus" | cut -f1) bytes in $(ls "$work/corpus" | wc -l) files" >&2
measure "extract --json DIR (10,000 files)" \
    "$bin" extract --json "$work/corpus" >"$work/timeline.json"
measure "extract --jsonl - (one process)" \
    "$bin" extract --jsonl - <"$work/jsonl/articles.jsonl" >"$work/events.jsonl"
if command -v parallel >/dev/null; then
    # --pipepart --block -1: one chunk per job slot, so each worker starts (and builds its
    # recognisers) once; -k keeps the input order.
    measure "parallel --pipepart -j2 -k extract --jsonl -" \
        parallel --pipepart -a "$work/jsonl/articles.jsonl" --block -1 -j2 -k \
        "$bin" extract --jsonl - >"$work/events-parallel.jsonl"
    cmp -s "$work/events.jsonl" "$work/events-parallel.jsonl" &&
        echo "parallel output: the same lines as one process" >&2
fi
measure "merge (10,000 lines)" "$bin" merge "$work/events.jsonl" >"$work/merged.json"

# One line of 10 MB: no paragraph or sentence breaks to split work on.
python3 -c 's = "The envoys met again on 21 October 2015 and talked until late without a break. "
print(s * (10 * 1024 * 1024 // len(s)), end="")' >"$work/one-line.txt"
measure "extract --json, one 10 MB line" \
    "$bin" extract --json "$work/one-line.txt" >/dev/null
# The same without a full stop: one 10 MB run-on sentence.
python3 -c 's = "The envoys met again on 21 October 2015 and talked until late without a break "
print(s * (10 * 1024 * 1024 // len(s)), end="")' >"$work/one-sentence.txt"
measure "extract --json, one 10 MB sentence" \
    "$bin" extract --json "$work/one-sentence.txt" >/dev/null

python3 - "$work" <<'PY' >&2 || true
import json, sys
work = sys.argv[1]
t = json.load(open(f"{work}/timeline.json"))
print(f"timeline: {len(t['articles'])} articles, {len(t['actors'])} actors, {len(t['events'])} events")
m = json.load(open(f"{work}/merged.json"))
print(f"merged:   {len(m['articles'])} articles, {len(m['actors'])} actors, {len(m['events'])} events")
PY
