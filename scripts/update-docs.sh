#!/usr/bin/env bash
# Regenerates the parameter tables and the parent-support schedule in docs/ODD.md from
# the code's registries.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/village ] || scripts/build.sh
tables=$(mktemp)
./build/village params > "$tables"
awk -v tables="$tables" '
  /<!-- BEGIN GENERATED PARAMETERS -->/ { print; while ((getline line < tables) > 0) print line; skip = 1; next }
  /<!-- END GENERATED PARAMETERS -->/ { skip = 0 }
  !skip { print }
' docs/ODD.md > docs/ODD.md.tmp
mv docs/ODD.md.tmp docs/ODD.md
rm -f "$tables"
schedule=$(mktemp)
./build/village params --schedule parent_support > "$schedule"
awk -v schedule="$schedule" '
  /<!-- BEGIN GENERATED SCHEDULE -->/ { print; while ((getline line < schedule) > 0) print line; skip = 1; next }
  /<!-- END GENERATED SCHEDULE -->/ { skip = 0 }
  !skip { print }
' docs/ODD.md > docs/ODD.md.tmp
mv docs/ODD.md.tmp docs/ODD.md
rm -f "$schedule"
