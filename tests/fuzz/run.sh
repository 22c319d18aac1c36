#!/usr/bin/env bash
# Runs the bundle fuzzer for $1 seconds (default 20) over a corpus seeded with the
# sample compound and JSONTestSuite's valid documents. Exits non-zero on any crash.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-20}
corpus="$root/build/fuzz/corpus"
mkdir -p "$corpus" "$root/build/fuzz/crashes"
cp -n "$root/assets/sample/sample-compound.json" "$corpus/" 2>/dev/null || true
cp -n "$root"/../shared/corpora/JSONTestSuite/test_parsing/y_*.json "$corpus/" 2>/dev/null || true
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/tests/fuzz/ubsan.supp"
export ASAN_OPTIONS="detect_leaks=1"
exec "$root/build/fuzz/tests/fuzz/bundle_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -artifact_prefix="$root/build/fuzz/crashes/" -print_final_stats=1 "$corpus"
