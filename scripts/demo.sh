#!/usr/bin/env bash
# The main job: builds village and runs the demo scenario (a small municipality's year
# of outreach to parents), printing the headline outcomes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
./build/village run scenarios/examples/small_municipality.toml --out runs/small_municipality "$@"
