#!/usr/bin/env bash
# The long validation tests (tagged [slow]): larger networks, more replicates.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DVILLAGE_VALIDATION=ON
ctest --test-dir build --output-on-failure -j "$(nproc)" -L slow
