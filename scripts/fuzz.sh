#!/usr/bin/env bash
# Fuzzes village's input readers with libFuzzer, AddressSanitizer and UBSan (clang).
#   scripts/fuzz.sh [SECONDS] [TARGET ...]
# SECONDS per target (default 60); targets: edge_list affiliation graphml scenario (all
# by default). The build is scripts/sanitize.sh's (build-asan/). Seeds come from
# tests/fuzz/corpus/TARGET; what the fuzzer learns goes to build-asan/fuzz/corpus/TARGET,
# and a finding to build-asan/fuzz/findings/ (copy it into tests/fuzz/regressions/TARGET/
# once fixed). Exit code 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(edge_list affiliation graphml scenario calibration_targets)

scripts/sanitize.sh --build-only

export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for target in "${targets[@]}"; do
  mkdir -p "build-asan/fuzz/corpus/$target" build-asan/fuzz/findings
  dict=()
  [ -f "tests/fuzz/dict/$target.dict" ] && dict=(-dict="tests/fuzz/dict/$target.dict")
  echo "fuzz_$target: ${seconds} s" >&2
  if ! "build-asan/tests/fuzz_$target" "build-asan/fuzz/corpus/$target" "tests/fuzz/corpus/$target" \
      "${dict[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="build-asan/fuzz/findings/$target-" \
      2>"build-asan/fuzz/$target.log"; then
    status=1
    echo "fuzz_$target: FOUND something, see build-asan/fuzz/$target.log and build-asan/fuzz/findings/" >&2
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build-asan/fuzz/$target.log" >&2 || true
done
exit "$status"
