#!/usr/bin/env bash
# ThreadSanitizer over the OpenMP paths: builds the village binary with clang,
# -fsanitize=thread and LLVM's OpenMP in build-tsan/, then runs run, compare, sweep and
# analyze on 4 threads, with Archer (LLVM's OpenMP tool for TSan) so that OpenMP's own
# synchronisation is understood. Any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --sanitizers
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -gline-tables-only" -DVILLAGE_SANITIZE=thread \
  -DVILLAGE_BENCH=OFF -DVILLAGE_TESTS=OFF -DVILLAGE_MPI=OFF >/dev/null
cmake --build build-tsan -j "$(nproc)" --target village

archer="$(ls /usr/lib/llvm-*/lib/libarcher.so 2>/dev/null | head -n 1)"
[ -n "$archer" ] || { echo "tsan: libarcher.so not found (libomp-dev)" >&2; exit 1; }
export OMP_TOOL_LIBRARIES="$archer"
export ARCHER_OPTIONS="verbose=0"
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 ignore_noninstrumented_modules=1"
village=build-tsan/village
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat >"$work/community.toml" <<'TOML'
[run]
steps = 12
replicates = 4
seed = 9
[community]
households = 800
neighbourhoods = 2
[model]
kind = "parent_support"
[outreach]
newsletter_interval_weeks = 4
key_figure_programme = true
partnership = true
[strategies.newsletter]
description = "newsletter"
[strategies.key_figures]
description = "key figures"
key_figure_programme = true
[strategies.targeted]
description = "key figures by betweenness and greedy influence, within a budget"
key_figure_programme = true
key_figure_targeting = "betweenness"
key_figure_capacity = 1
key_figure_reselect_weeks = 4
budget_euros = 9000
[strategies.influence]
key_figure_programme = true
key_figure_targeting = "greedy_influence"
key_figure_capacity = 1
TOML
sed 's/^replicates = 4/replicates = 1/' "$work/community.toml" >"$work/one_replicate.toml"
printf 'a b\nb c\nc d\nd a\na c\nd e\ne f\nf d\n' >"$work/net.txt"
# Over 2^14 nodes, so that the metrics' loops run in parallel: 3,400 paths of five nodes,
# the first twenty joined into one component (cheap for the all-pairs metrics).
awk 'BEGIN { for (i = 0; i < 17000; ++i) { if (i % 5 != 4) print i, i + 1; if (i < 100) print i, i + 5 } }' \
  >"$work/paths.txt"

# The check can fail: a racy OpenMP loop must be reported, its reduction form must not.
race_check() {
  printf '#include <cstdio>\nint main() {\n  long sum = 0;\n#pragma omp parallel for %s\n  for (int i = 0; i < 100000; ++i) sum += i;\n  std::printf("%%ld", sum);\n}\n' "$1" >"$work/race.cpp"
  clang++ -fopenmp -fsanitize=thread -O1 "$work/race.cpp" -o "$work/race"
  OMP_NUM_THREADS=4 "$work/race" >/dev/null 2>"$work/race.log"
}
if race_check ""; then
  echo "tsan: a racy OpenMP loop went unreported; the check is blind" >&2
  exit 1
fi
race_check "reduction(+ : sum)" || {
  cat "$work/race.log" >&2
  echo "tsan: a race-free OpenMP reduction was reported; is Archer loaded?" >&2
  exit 1
}

step() {
  echo "tsan: village $*" >&2
  "$village" "$@" >/dev/null
}
# Replicates in parallel; one replicate with its agent loops in parallel.
step run scenarios/examples/sir_demo.toml --threads 4 --quiet --out "$work/sir"
step run "$work/community.toml" --threads 4 --quiet --out "$work/run"
step run "$work/one_replicate.toml" --threads 4 --quiet --out "$work/one"
step compare "$work/community.toml" --threads 4 --quiet --out "$work/compare"
step sweep "$work/community.toml" --design lhs --samples 4 --param outreach.inviting_share=0.1:0.9 \
  --threads 4 --quiet --out "$work/sweep"
step compare "$work/one_replicate.toml" --strategies newsletter,key_figures --uncertainty 20 \
  --param outreach.inviting_share --threads 4 --quiet --out "$work/uncertainty"
step analyze network "$work/net.txt" --threads 4 --out "$work/analyze"
step analyze network "$work/paths.txt" --threads 4 --out "$work/analyze_paths"
echo "tsan: no reports" >&2
