#!/usr/bin/env python3
"""Which outreach strategy reaches the most vulnerable parents, and at what cost?

Compares the strategies of scenarios/examples/strategies_district.toml on paired
replicates (village.compare, as `village compare` runs them) and prints, for the
scenario's headline group, each strategy's extra reach over the baseline with its 95%
interval and the euros per additional parent reached. Run from the repository root:

    PYTHONPATH=build/python python3 examples/python/compare_strategies.py --replicates 10

--households makes the district smaller for a quick look (the tests use it).
"""

import argparse
from pathlib import Path

import village

ROOT = Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=ROOT / "scenarios/examples/strategies_district.toml")
    parser.add_argument("--replicates", type=int, default=10)
    parser.add_argument("--households", type=int, help="override community.households")
    parser.add_argument("--threads", type=int)
    parser.add_argument("--out", help="folder for comparison.csv, report.html, ... "
                                      "(default: a temporary one)")
    args = parser.parse_args()

    overrides = {}
    if args.households:
        overrides["community.households"] = args.households
    result = village.compare(args.scenario, replicates=args.replicates, threads=args.threads,
                             out=args.out, overrides=overrides)

    baseline = result.comparison["baseline"][0]
    group = result.manifest["scenario"].get("compare", {}).get("group", "all")
    table = result.comparison
    rows = [i for i in range(len(table))
            if table["outcome"][i] == "reach" and table["group"][i] == group
            and table["strategy"][i] != baseline]
    rows.sort(key=lambda i: -table["diff"][i])
    print(f"Reach among {group} parents after {result.manifest['scenario']['run']['steps']} "
          f"weeks, against {baseline} ({args.replicates} paired replicates):")
    for i in rows:
        euros = table["euros_per_unit"][i]
        cost = "" if euros != euros else f", EUR {euros:,.0f} per {table['unit'][i]}"
        print(f"  {table['strategy'][i]:<22} {100 * table['diff'][i]:+6.2f} points "
              f"({100 * table['diff_ci_low'][i]:+.2f} to {100 * table['diff_ci_high'][i]:+.2f})"
              f"{cost}")
    if args.out:
        print(f"Report: {result.report}")


if __name__ == "__main__":
    main()
