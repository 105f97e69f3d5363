#!/usr/bin/env bash
# Builds village and runs the test suite (the [slow] validation tests are separate:
# scripts/validate.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DVILLAGE_VALIDATION=OFF
ctest --test-dir build --output-on-failure -j "$(nproc)" -L fast
