#!/usr/bin/env bash
# Output hashes: proof that a refactor leaves behaviour unchanged. Runs a fixed set of example
# workloads with the village binary of a build, at 1 and at 2 threads, and writes one line
# per output file, "<sha256>  <workload>/<threads>/<relative path>", sorted by path. Run it
# on the build before and the build after a change and diff the two files; within one file,
# the 1/ and 2/ lines of a workload must agree too (results do not depend on threads).
#
#   scripts/output_hashes.sh BUILD_DIR OUT_FILE
#   scripts/output_hashes.sh /work/before/build before.txt    # e.g. an older build
#   diff before.txt after.txt
#   sed 's#/[12]/# #' after.txt | sort -k2 | uniq -f1 -u      # 1 vs 2 threads
#
# The scenario files always come from the repository this script lives in (not from the
# build's sources), so both builds run the very same input. Workloads, each at the
# scenario's own replicates, steps and seed (all of them take about 1.5 minutes on 2 cores):
#   run-<name>       village run on every scenarios/examples/*.toml: the five
#                    parent_support scenarios and, as they cost seconds, the four network
#                    model examples (sir, linear_threshold, hegselmann_krause);
#                    outputs timeseries.csv.gz, summary.csv, manifest.json
#   compare-<name>   village compare on the examples with [strategies.*]
#                    (strategies_district, as in scripts/demo.sh and docs/tutorial.md, and
#                    before_incidents); outputs comparison.csv, timeseries.csv.gz, report.html,
#                    manifest.json
# Each also gets stdout.txt and stderr.txt: the console output (headline tables, warnings).
#
# What legitimately differs between runs, builds and thread counts is normalised (replaced
# by a fixed placeholder) before hashing; found by running twice and at 1 and 2 threads
# and diffing; everything else is hashed byte for byte:
#   manifest.json  "village_version", "git_revision", "compiler" (with the build flags),
#                  "host", "scenario_file" (an absolute path), "start_time", "end_time",
#                  every "wall_seconds" (total and per run) and both "threads" (top level
#                  and scenario.run.threads)
#   report.html    the version and git revision in the meta line ("village 0.1.0 (rev)"),
#                  and the link to docs/ODD.md (relative from the output folder to the
#                  build's source directory)
#   stdout.txt     in the first line the version, the thread count and the wall time
# The console's paths are relative ("Wrote ./summary.csv": each runs in its own folder).
#
# Environment: OUTPUT_HASHES_WORKDIR=DIR keeps the (normalised) outputs in DIR, so that
# two builds' outputs can be diffed file by file when their hashes differ; without it
# they go to a temporary folder that is removed.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR OUT_FILE" >&2
  exit 2
fi
build_dir=$1
out_file=$2

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
examples=$repo/scenarios/examples

# The binary: CMake puts it at the top of the build folder; older layouts had app/village.
village=""
for candidate in "$build_dir/village" "$build_dir/app/village"; do
  if [[ -x $candidate && -f $candidate ]]; then
    village=$(cd "$(dirname "$candidate")" && pwd)/$(basename "$candidate")
    break
  fi
done
if [[ -z $village ]]; then
  echo "error: no village binary in $build_dir (looked at village and app/village)" >&2
  exit 1
fi

# The fixed workloads (a fixed list, so that an added example does not change the set).
run_scenarios=(
  before_incidents city_district regional_parent_network secondary_school small_municipality
  strategies_district
  cascade_small_world opinion_blocks sir_demo
)
compare_scenarios=(strategies_district before_incidents)
thread_counts=(1 2)

for name in "${run_scenarios[@]}" "${compare_scenarios[@]}"; do
  if [[ ! -f $examples/$name.toml ]]; then
    echo "error: $examples/$name.toml is missing" >&2
    exit 1
  fi
done
for f in "$examples"/*.toml; do
  name=$(basename "$f" .toml)
  if [[ ! " ${run_scenarios[*]} " == *" $name "* ]]; then
    echo "note: $f is not among the workloads (add it to run_scenarios)" >&2
  fi
done

if [[ -n ${OUTPUT_HASHES_WORKDIR:-} ]]; then
  work=$OUTPUT_HASHES_WORKDIR
  rm -rf "$work"
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
# Resolve the output file now: the runs below are made inside the work folder.
mkdir -p "$(dirname "$out_file")"
out_file=$(cd "$(dirname "$out_file")" && pwd)/$(basename "$out_file")

export LC_ALL=C

normalise_manifest() {
  sed -E -i \
    -e 's/^(\s*"(village_version|git_revision|compiler|host|scenario_file|start_time|end_time)": )"([^"\\]|\\.)*"(,?)$/\1"NORMALISED"\4/' \
    -e 's/^(\s*"(wall_seconds|threads)": )[-+0-9.eE]+(,?)$/\1"NORMALISED"\3/' \
    "$1"
}

normalise_report() {
  sed -E -i \
    -e 's#<p class="meta">village [^ ]+ \([^)]*\);#<p class="meta">village VERSION (GIT_REVISION);#' \
    -e 's#<a href="[^"]*ODD\.md">[^<]*ODD\.md</a>#<a href="SOURCE_DIR/docs/ODD.md">SOURCE_DIR/docs/ODD.md</a>#' \
    "$1"
}

normalise_stdout() {
  # "village 0.1.0: x.toml (...), 20 replicates x 52 steps, 2 threads, 1.30 s" (run) and
  # "village 0.1.0: x.toml (2 strategies x ... x 52 weeks, 2 threads, 2.55 s)" (compare).
  sed -E -i \
    -e '1s/^village [^:]+: /village VERSION: /' \
    -e '1s/, [0-9]+ threads?, [0-9.]+ s(\)?)$/, THREADS threads, SECONDS s\1/' \
    "$1"
}

# run_workload KIND NAME THREADS
run_workload() {
  local kind=$1 name=$2 threads=$3
  local dir=$kind-$name/$threads
  mkdir -p "$dir"
  local start=$SECONDS
  # Run inside the workload's folder with --out ., so that the paths the console prints
  # ("Wrote ./summary.csv") do not name the workload's folder or the thread count.
  if ! (cd "$dir" && "$village" "$kind" "$examples/$name.toml" --threads "$threads" --out . \
      >stdout.txt 2>stderr.txt); then
    echo "error: village $kind $name --threads $threads failed:" >&2
    cat "$dir/stderr.txt" >&2
    exit 1
  fi
  local f
  while IFS= read -r -d '' f; do
    case $(basename "$f") in
      manifest.json) normalise_manifest "$f" ;;
      report.html) normalise_report "$f" ;;
      stdout.txt) normalise_stdout "$f" ;;
    esac
  done < <(find "$dir" -type f -print0)
  echo "  $kind $name --threads $threads: $((SECONDS - start)) s" >&2
}

cd "$work"
echo "village: $village; scenarios: $examples; work folder: $work" >&2
total_start=$SECONDS
for threads in "${thread_counts[@]}"; do
  for name in "${run_scenarios[@]}"; do run_workload run "$name" "$threads"; done
  for name in "${compare_scenarios[@]}"; do run_workload compare "$name" "$threads"; done
done

find . -type f -printf '%P\0' | sort -z | xargs -0 sha256sum >"$out_file"
echo "$(wc -l <"$out_file") files hashed in $((SECONDS - total_start)) s: $out_file" >&2

# 1 vs 2 threads: every workload must write the same files, with the same hashes, at
# every thread count. Only reported: the hashes are written either way.
mismatches=$(awk -v counts=${#thread_counts[@]} '{
    split($2, part, "/"); key = part[1]; for (i = 3; i <= length(part); i++) key = key "/" part[i]
    seen[key]++; if (!(key in hash)) hash[key] = $1; else if (hash[key] != $1) bad[key] = 1
  } END {
    for (k in seen) if (seen[k] != counts || (k in bad)) print "  " k
  }' "$out_file" | sort)
if [[ -n $mismatches ]]; then
  echo "warning: these outputs differ between thread counts (${thread_counts[*]}):" >&2
  echo "$mismatches" >&2
else
  echo "1 and 2 threads agree on every output." >&2
fi
