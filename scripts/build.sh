#!/usr/bin/env bash
# Configures and builds village in build/ (Release). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVILLAGE_WERROR="$werror" "$@" >/dev/null
cmake --build build -j "$(nproc)"
