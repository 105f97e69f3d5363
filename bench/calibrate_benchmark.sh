#!/usr/bin/env bash
# Macro benchmark of `village calibrate` (issue 21): four parameters of the small
# municipality fitted to six targets (bench/scenarios/small_municipality_targets.toml) by
# ABC-SMC within a budget of simulations, at 1 and 2 threads (up to the core count): wall
# time, simulations used, simulations per second, the posterior generation's effective
# sample size, parallel efficiency, and a check that the posteriors are byte-identical.
# Usage: bench/calibrate_benchmark.sh [BUDGET] [PARTICLES]  (defaults 20000, 500)
set -euo pipefail
budget=${1:-20000}
particles=${2:-500}
village=./build/village
scenario=scenarios/examples/small_municipality.toml
targets=bench/scenarios/small_municipality_targets.toml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "village calibrate: $scenario against $targets, $particles particles, budget $budget"
printf "%-8s %9s %12s %9s %8s %11s\n" threads seconds simulations "sims/s" ESS efficiency
base=""
n=1
while [ "$n" -le "$(nproc)" ]; do
  start=$(date +%s.%N)
  "$village" calibrate "$scenario" --targets "$targets" --particles "$particles" \
    --budget "$budget" --threads "$n" --out "$out/t$n" --quiet 2>/dev/null
  end=$(date +%s.%N)
  manifest="$out/t$n/manifest.json"
  sims=$(python3 -c "import json; print(json.load(open('$manifest'))['simulations'])")
  # The posterior's generation: the last one may have been cut short by the budget.
  generation=$(python3 -c "import json; print(json.load(open('$manifest'))['population_generation'])")
  ess=$(awk -F, -v g="$generation" '$1 == g { print $6 }' "$out/t$n/generations.csv")
  t=$(echo "$start $end" | awk '{print $2 - $1}')
  [ -z "$base" ] && base=$t
  awk -v n="$n" -v t="$t" -v s="$sims" -v e="$ess" -v b="$base" \
    'BEGIN { printf "%-8s %9.1f %12d %9.1f %8.0f %11.2f\n", n, t, s, s / t, e, b / t / n }'
  [ "$n" -gt 1 ] && { cmp -s "$out/t1/posterior.csv" "$out/t$n/posterior.csv" ||
    { echo "posteriors differ at $n threads" >&2; exit 1; }; }
  n=$((n * 2))
done
