#!/usr/bin/env bash
# Macro benchmark of `village compare --uncertainty` (issue 20): throughput in runs per
# minute on the district scenario at 1, 2, 4, ... threads up to the core count, parallel
# efficiency against one thread, a check that the outputs are byte-identical, and the
# throughput of a plain `village compare` of the same strategies and replicates at the
# largest thread count: their ratio is what the uncertainty machinery costs per run.
# Usage: bench/uncertainty_scaling.sh [WORLDS] [REPLICATES] [STRATEGIES]
#   (defaults 64, 2, all; from the repository root after scripts/build.sh)
set -euo pipefail
worlds=${1:-64}
replicates=${2:-2}
strategies=${3:-}
village=./build/village
scenario=scenarios/examples/strategies_district.toml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
select=()
[ -n "$strategies" ] && select=(--strategies "$strategies")
count=$(echo "${strategies:-newsletter,key_figures,partnership,key_figures_bridging,training,combined}" | tr ',' '\n' | wc -l)
runs=$((worlds * count * replicates))

seconds() {  # wall seconds of one command
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$start $end" | awk '{print $2 - $1}'
}
row() {  # label threads seconds runs base
  awk -v l="$1" -v n="$2" -v t="$3" -v k="$4" -v b="$5" \
    'BEGIN { printf "%-12s %7s %9.1f %10.0f %9.2f %11.2f\n", l, n, t, 60 * k / t, b / t, b / t / n }'
}

echo "village compare --uncertainty $worlds: $scenario, $count strategies x $replicates replicates = $runs runs"
printf "%-12s %7s %9s %10s %9s %11s\n" mode threads seconds runs/min speed-up efficiency
base=$(seconds "$village" compare "$scenario" "${select[@]}" --uncertainty "$worlds" \
  --replicates "$replicates" --threads 1 --out "$out/t1" --quiet)
row uncertainty 1 "$base" "$runs" "$base"
n=2
last=1
while [ "$n" -le "$(nproc)" ]; do
  t=$(seconds "$village" compare "$scenario" "${select[@]}" --uncertainty "$worlds" \
    --replicates "$replicates" --threads "$n" --out "$out/t$n" --quiet)
  row uncertainty "$n" "$t" "$runs" "$base"
  for f in uncertainty.csv acceptability.csv drivers.csv; do
    cmp -s "$out/t1/$f" "$out/t$n/$f" || { echo "$f differs at $n threads" >&2; exit 1; }
  done
  last=$n
  n=$((n * 2))
done
# The same runs as plain comparisons at the defaults: runs per minute without the worlds.
plain_reps=$((worlds * replicates > 40 ? 40 : worlds * replicates))
plain_runs=$((count * plain_reps))
t=$(seconds "$village" compare "$scenario" "${select[@]}" --replicates "$plain_reps" \
  --threads "$last" --out "$out/plain" --quiet)
awk -v t="$t" -v k="$plain_runs" -v n="$last" \
  'BEGIN { printf "%-12s %7s %9.1f %10.0f   (plain compare, %d runs)\n", "compare", n, t, 60 * k / t, k }'
