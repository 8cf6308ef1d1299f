#!/usr/bin/env bash
# Runs each fuzz target (ingest, timex, extract) for SECONDS (default 60) and fails if any
# crashes. Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#
# cargo-fuzz needs nightly-only compiler flags (sanitizers, coverage); RUSTC_BOOTSTRAP=1 lets
# the stable toolchain accept them. Inputs found are kept in fuzz/corpus/<target> (not
# committed); crashes land in fuzz/artifacts/<target>/. To keep a crash as a regression test,
# copy it into tests/fuzz_regressions/<target>/ and run `cargo test --test fuzz_regressions`.
# The committed seeds in tests/fuzz_regressions/<target>/ start every run.
set -euo pipefail

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(ingest timex extract)
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/fuzz"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
# The gazetteer leaks its hyphenated name forms once, on purpose (a static table); leak
# checking at exit would report that as a crash.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"

failed=()
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "$root/tests/fuzz_regressions/$target"
    echo "fuzz.sh: $target for ${seconds}s" >&2
    # -timeout: an input that takes this long is a hang, reported like a crash.
    if ! cargo fuzz run "$target" "corpus/$target" "$root/tests/fuzz_regressions/$target" -- \
        -max_total_time="$seconds" -timeout=20 -max_len=16384 -print_final_stats=1; then
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz.sh: no crashes" >&2
