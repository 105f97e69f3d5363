#!/usr/bin/env bash
# Configures and builds village in build/ (Release). Extra arguments go to cmake.
# CI=true turns warnings into errors; otherwise the tree keeps the setting it has, so
# that the demo after a CI-style test run does not rebuild everything.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
werror=()
[ "${CI:-}" = "true" ] && werror=(-DVILLAGE_WERROR=ON)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${werror[@]}" "$@" >/dev/null
cmake --build build -j "$(nproc)"
