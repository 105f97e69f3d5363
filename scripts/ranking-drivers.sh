#!/usr/bin/env bash
# Which world parameters drive the ranking of the demo's strategies (issue 19 part 6;
# docs/report.md). Sweeps the world parameters that act on reach over their plausible
# ranges (a Morris design, the same points and random streams for every strategy), once
# per strategy (`village sweep --strategy`), then reports per pair of strategies the
# elementary effects on their difference in vulnerable reach and how often the ranking
# flips across the design. Usage: scripts/ranking-drivers.sh [OUT] [TRAJECTORIES]
# (about 7 minutes on 2 cores at the default 6 trajectories and 2 replicates).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/ranking_drivers}
trajectories=${2:-6}
scenario=scenarios/examples/strategies_district.toml
[ -x build/village ] || scripts/build.sh
factors=(outreach.inviting_share model.trust_gain model.trust_decay model.initial_tie_trust
  model.reach_threshold model.lecture_trust_loss model.invite_willingness_gain
  model.uniform_reach_denying model.uniform_reach_absent model.matched_reach_absent
  model.matched_hours_factor model.language_contact_penalty model.trust_transfer
  model.conversation_attendance model.condition_weight model.personal_contact_hours
  model.key_figure_acceptance model.introduction_rate outreach.training_learning_rate
  outreach.trained_inviting_share outreach.trained_matching outreach.training_fade
  outreach.training_competence_gain model.condition_growth model.condition_fade
  outreach.condition_mutual_trust outreach.condition_shared_goals outreach.condition_clear_roles
  outreach.condition_equality)
params=()
for f in "${factors[@]}"; do params+=(--param "$f"); done
strategies=(newsletter key_figures partnership training combined)
for s in "${strategies[@]}"; do
  ./build/village sweep "$scenario" --strategy "$s" --design morris --samples "$trajectories" \
    --replicates 2 --seed 2026 "${params[@]}" --out "$out/$s" --quiet
done
python3 scripts/ranking_drivers.py "$out" "${strategies[@]}" | tee "$out/drivers.txt"
