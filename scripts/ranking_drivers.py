#!/usr/bin/env python3
"""What drives the ranking of strategies (scripts/ranking-drivers.sh).

Reads one Morris sweep per strategy (same factors, design and seed, so the same points
and random streams) and prints, for the vulnerable reach at the last week:
  - per strategy: its mean over the design points and how often it ranks first;
  - per pair of strategies: how often the first beats the second, and the Morris mu*
    (mean absolute elementary effect, per unit of the factor's plausible range as
    sampled) of their difference, largest first;
  - per strategy against the baseline: the cost per percentage point gained.
The points of a Morris design cover the plausible box but are not a probability sample
of the priors; shares of points say how much of the box favours one strategy, not a
probability.
"""

import csv
import statistics
import sys
from collections import defaultdict
from pathlib import Path

METRIC, GROUP = "reach", "vulnerable"


def read_design(folder):
    with open(folder / "design.csv", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0][1:], [[float(v) if _is_number(v) else v for v in r[1:]] for r in rows[1:]]


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def read_outcomes(folder):
    """Per point: the mean over replicates of the final reach and of the run's euros."""
    reach, euros = defaultdict(list), defaultdict(list)
    with open(folder / "results.csv", newline="") as f:
        for row in csv.DictReader(f):
            point = int(row["point"])
            if row["metric"] == METRIC and row["group"] == GROUP:
                reach[point].append(float(row["final"]))
            elif row["metric"] == "euros_total" and row["group"] == "all":
                euros[point].append(float(row["mean"]))
    points = sorted(reach)
    return ([statistics.fmean(reach[p]) for p in points],
            [statistics.fmean(euros[p]) for p in points])


def elementary_effects(names, design, values):
    """mu* per factor: consecutive points of a trajectory differ in one factor."""
    effects = defaultdict(list)
    trajectory = len(names) + 1
    for start in range(0, len(design) - trajectory + 1, trajectory):
        for p in range(start, start + trajectory - 1):
            changed = [i for i, (a, b) in enumerate(zip(design[p], design[p + 1])) if a != b]
            if len(changed) != 1:
                raise SystemExit(f"point {p}: not a Morris step ({len(changed)} factors change)")
            effects[names[changed[0]]].append(abs(values[p + 1] - values[p]))
    # The step is the same fraction of every factor's range (p / (2 (p - 1))), so mean
    # absolute differences rank the factors as mu* does.
    return sorted(((statistics.fmean(v), name) for name, v in effects.items()), reverse=True)


def main():
    if len(sys.argv) < 4:
        raise SystemExit("usage: ranking_drivers.py DIR BASELINE STRATEGY...")
    root = Path(sys.argv[1])
    strategies = sys.argv[2:]
    baseline = strategies[0]
    names, design = read_design(root / baseline)
    reach, euros = {}, {}
    for s in strategies:
        other_names, other_design = read_design(root / s)
        if other_names != names or other_design != design:
            raise SystemExit(f"{s}: not the same design as {baseline}")
        reach[s], euros[s] = read_outcomes(root / s)
    points = len(design)
    weeks = 53  # euros_total's mean is over the recorded steps 0..52
    print(f"{points} design points (Morris, {len(names)} world factors over their plausible "
          f"ranges), vulnerable reach at the last week\n")
    firsts = defaultdict(int)
    for p in range(points):
        firsts[max(strategies, key=lambda s: reach[s][p])] += 1
    print(f"{'strategy':<14}{'mean reach':>11}{'min':>8}{'max':>8}{'first at':>10}"
          f"  EUR per pp vs {baseline}")
    for s in strategies:
        gain = [100 * (reach[s][p] - reach[baseline][p]) for p in range(points)]
        cost = [weeks * (euros[s][p] - euros[baseline][p]) for p in range(points)]
        per_pp = [c / g for c, g in zip(cost, gain) if g > 0]
        ce = (f"{statistics.median(per_pp):,.0f} (median)" if s != baseline and per_pp else "")
        print(f"{s:<14}{statistics.fmean(reach[s]):>11.4f}{min(reach[s]):>8.4f}"
              f"{max(reach[s]):>8.4f}{firsts[s] / points:>10.0%}  {ce}")
    print()
    for i, a in enumerate(strategies):
        for b in strategies[i + 1:]:
            if baseline in (a, b):
                continue
            diff = [reach[a][p] - reach[b][p] for p in range(points)]
            wins = sum(d > 0 for d in diff) / points
            print(f"{a} - {b}: mean {statistics.fmean(diff):+.4f}, range "
                  f"[{min(diff):+.4f}, {max(diff):+.4f}], {a} ahead at {wins:.0%} of the points")
            for mu, name in elementary_effects(names, design, diff)[:5]:
                print(f"    mu* {mu:.4f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
