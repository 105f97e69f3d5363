#!/usr/bin/env bash
# Macro benchmark: wall time of `village run` on a scenario at 1, 2, 4, ... threads up
# to the core count, and the parallel efficiency of running replicates in parallel.
# Usage: bench/replicate_scaling.sh [SCENARIO] [REPEATS]   (run from the repository root
# after scripts/build.sh)
set -euo pipefail
scenario=${1:-scenarios/examples/sir_demo.toml}
repeats=${2:-3}
village=./build/village
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

best_time() {  # the fastest of $repeats runs, in seconds
  local threads=$1 best=""
  for _ in $(seq "$repeats"); do
    local start end
    start=$(date +%s.%N)
    "$village" run "$scenario" --threads "$threads" --out "$out/t$threads" --quiet
    end=$(date +%s.%N)
    best=$(echo "$start $end $best" | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
  done
  echo "$best"
}

cores=$(nproc)
base=$(best_time 1)
printf "%-8s %10s %9s %11s\n" threads seconds speed-up efficiency
printf "%-8s %10.3f %9.2f %11.2f\n" 1 "$base" 1 1
threads=2
while [ "$threads" -le "$cores" ]; do
  t=$(best_time "$threads")
  awk -v n="$threads" -v t="$t" -v b="$base" 'BEGIN { printf "%-8s %10.3f %9.2f %11.2f\n", n, t, b / t, b / t / n }'
  cmp -s "$out/t1/timeseries.csv.gz" "$out/t$threads/timeseries.csv.gz" || { echo "timeseries differ at $threads threads" >&2; exit 1; }
  threads=$((threads * 2))
done
