#!/usr/bin/env bash
# Installs the Debian packages village needs, if any is missing.
# As root it runs apt-get; otherwise it prints the one command to run and fails.
#   --sanitizers  also clang with its sanitizer and libFuzzer runtimes and LLVM's OpenMP
#                 (for scripts/sanitize.sh, scripts/tsan.sh and scripts/fuzz.sh)
set -euo pipefail

packages=(
  g++ cmake ninja-build git
  libeigen3-dev libboost-graph-dev libboost-math-dev libboost-random-dev
  libcli11-dev catch2 libbenchmark-dev libtomlplusplus-dev librandom123-dev
  libfmt-dev nlohmann-json3-dev
  libigraph-dev libarpack2-dev libglpk-dev libplfit-dev
  zlib1g-dev libsqlite3-dev chromium libopenmpi-dev openmpi-bin
  pybind11-dev python3-dev python3-numpy python3-pytest python3-pandas python3-networkx
)
if [ "${1:-}" = "--sanitizers" ]; then
  packages+=(clang libclang-rt-14-dev libomp-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "village: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "village: missing Debian packages. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
