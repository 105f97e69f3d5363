#!/usr/bin/env bash
# Builds village with AddressSanitizer and UndefinedBehaviorSanitizer (clang, -O1, with
# libFuzzer's coverage so that scripts/fuzz.sh shares the build) in build-asan/ and runs
# the fast test suite there: any sanitizer report fails the run.
#   scripts/sanitize.sh [--build-only] [ctest arguments, e.g. -R sweep]
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=false
if [ "${1:-}" = "--build-only" ]; then
  build_only=true
  shift
fi
scripts/install-deps.sh --sanitizers
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -gline-tables-only" -DVILLAGE_SANITIZE=address,undefined \
  -DVILLAGE_FUZZ=ON -DVILLAGE_BENCH=OFF -DVILLAGE_MPI=OFF -DVILLAGE_VALIDATION=OFF \
  -DVILLAGE_WERROR="$werror" >/dev/null
cmake --build build-asan -j "$(nproc)"
$build_only && exit 0
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -L fast "$@"
