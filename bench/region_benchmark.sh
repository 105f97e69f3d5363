#!/usr/bin/env bash
# Macro benchmark of issue 3: the 1,000,000-household region (bench/scenarios/
# region_1m.toml), 52 weeks, at 1 and 2 threads: wall time, peak resident memory and
# bytes per agent, measured by GNU time. Usage: bench/region_benchmark.sh [village binary]
set -euo pipefail
cd "$(dirname "$0")/.."
village=${1:-build/village}
scenario=bench/scenarios/region_1m.toml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
agents=$("$village" validate "$scenario" | sed -n 's/.* of about \([0-9.e+]*\) agents.*/\1/p')
printf "%-8s %10s %12s %16s\n" threads "wall (s)" "peak (MiB)" "bytes per agent"
for threads in 1 2; do
  /usr/bin/time -f "%e %M" -o "$out/time" "$village" run "$scenario" --threads "$threads" \
    --out "$out/run" --quiet
  read -r wall kib < "$out/time"
  python3 -c "import sys; w, k, a, t = float('$wall'), float('$kib'), float('$agents'), '$threads'; print(f'{t:<8} {w:10.1f} {k/1024:12.0f} {k*1024/a:16.0f}')"
done
