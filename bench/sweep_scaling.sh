#!/usr/bin/env bash
# Macro benchmark: sweep throughput (tasks per minute) of `village sweep` on the
# municipal example at 1, 2, 4, ... threads up to the core count, and, when village is
# built with MPI, at 1, 2, 4, ... ranks of one thread each; parallel efficiency against
# one thread, and a check that every results.csv is byte-identical.
# Usage: bench/sweep_scaling.sh [SAMPLES] [REPLICATES] [REPEATS]  (from the repository
# root after scripts/build.sh)
set -euo pipefail
samples=${1:-24}
replicates=${2:-2}
repeats=${3:-2}
village=./build/village
scenario=scenarios/examples/small_municipality.toml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader

sweep_args=(sweep "$scenario" --design lhs --samples "$samples" --replicates "$replicates"
  --param outreach.inviting_share=0.2:0.9 --param outreach.newsletter_interval_weeks=0:8
  --param outreach.key_figure_programme=true,false --quiet)
tasks=$((samples * replicates))

best_time() {  # the fastest of $repeats fresh sweeps, in seconds; $1 names the run
  local name=$1 best=""
  shift
  for _ in $(seq "$repeats"); do
    rm -rf "$out/$name"
    local start end
    start=$(date +%s.%N)
    "$@" --out "$out/$name"
    end=$(date +%s.%N)
    best=$(echo "$start $end $best" | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
  done
  echo "$best"
}

row() {  # mode count seconds base
  awk -v m="$1" -v n="$2" -v t="$3" -v b="$4" -v k="$tasks" \
    'BEGIN { printf "%-8s %6s %9.2f %12.1f %9.2f %11.2f\n", m, n, t, 60 * k / t, b / t, b / t / n }'
}

cores=$(nproc)
echo "village sweep: $scenario, $samples points x $replicates replicates = $tasks tasks, best of $repeats"
printf "%-8s %6s %9s %12s %9s %11s\n" mode count seconds tasks/min speed-up efficiency
base=$(best_time t1 "$village" "${sweep_args[@]}" --threads 1)
row threads 1 "$base" "$base"
n=2
while [ "$n" -le "$cores" ]; do
  t=$(best_time "t$n" "$village" "${sweep_args[@]}" --threads "$n")
  row threads "$n" "$t" "$base"
  cmp -s "$out/t1/results.csv" "$out/t$n/results.csv" || { echo "results differ at $n threads" >&2; exit 1; }
  n=$((n * 2))
done
if command -v mpirun >/dev/null && grep -q "VILLAGE_MPI:BOOL=ON" build/CMakeCache.txt 2>/dev/null; then
  n=1
  while [ "$n" -le "$cores" ]; do
    t=$(best_time "r$n" mpirun --oversubscribe -np "$n" "$village" "${sweep_args[@]}" --threads 1)
    row ranks "$n" "$t" "$base"
    cmp -s "$out/t1/results.csv" "$out/r$n/results.csv" || { echo "results differ at $n ranks" >&2; exit 1; }
    n=$((n * 2))
  done
fi
