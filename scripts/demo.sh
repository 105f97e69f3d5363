#!/usr/bin/env bash
# The main job: builds village and runs the demo scenario, printing a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
./build/village run scenarios/examples/sir_demo.toml --out runs/sir_demo "$@"
