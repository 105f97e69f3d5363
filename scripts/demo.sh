#!/usr/bin/env bash
# The main job: builds village and compares five outreach strategies for a multi-ethnic
# city district (newsletter, key figures, partnership with informal organisations,
# trained professionals, all combined), 20 paired replicates each, printing the ranking
# and writing the policymaker's report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
./build/village compare scenarios/examples/strategies_district.toml --replicates 20 \
  --out runs/strategies_district "$@"
echo
echo "The report: $(pwd)/runs/strategies_district/report.html (open it in a browser)"
