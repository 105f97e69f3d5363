#!/usr/bin/env python3
"""Macro benchmark (issue 25): village.run on the small municipality against the CLI
doing the same run, measured in one sitting, the two interleaved so that the machine's
drift falls on both.

Three timings per repetition, each the wall time of the whole call:
  cli        `village run SCENARIO --quiet --out DIR` as a process (start, load, run, write)
  python     village.run(SCENARIO) in this process (load, run, numpy columns)
  python+w   village.run(SCENARIO).write(DIR): the CLI's files, with the CLI's writers
The ratio that the issue bounds (at most 1.05) is python+write over cli: the same work,
files included. Run from the repository root after scripts/build.sh:

    PYTHONPATH=build/python python3 bench/python_vs_cli.py [--repeat 7] [--replicates 4]
"""

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import village

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=ROOT / "scenarios/examples/small_municipality.toml")
    parser.add_argument("--cli", default=ROOT / "build/village")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--replicates", type=int, default=4)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()

    common = {"replicates": args.replicates, "threads": args.threads}
    cli_args = [os.fspath(args.cli), "run", os.fspath(args.scenario), "--quiet",
                "--replicates", str(args.replicates), "--threads", str(args.threads)]
    times = {"cli": [], "python": [], "python+write": []}
    village.run(args.scenario, **common)  # warm the caches and the module once
    with tempfile.TemporaryDirectory(prefix="village-bench-") as scratch:
        for rep in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(cli_args + ["--out", f"{scratch}/cli{rep}"], check=True)
            times["cli"].append(time.perf_counter() - start)

            start = time.perf_counter()
            village.run(args.scenario, **common)
            times["python"].append(time.perf_counter() - start)

            start = time.perf_counter()
            village.run(args.scenario, **common).write(f"{scratch}/py{rep}")
            times["python+write"].append(time.perf_counter() - start)
        same = all((Path(scratch) / f"py0/{name}").read_bytes() ==
                   (Path(scratch) / f"cli0/{name}").read_bytes()
                   for name in ("timeseries.csv.gz", "summary.csv"))

    cli = statistics.median(times["cli"])
    print(f"{args.scenario.name if hasattr(args.scenario, 'name') else args.scenario}: "
          f"{args.replicates} replicates, {args.threads} threads, median of {args.repeat}")
    print(f"{'call':<14}{'median s':>10}{'min s':>9}{'vs cli':>9}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<14}{median:>10.3f}{min(values):>9.3f}{median / cli:>9.3f}")
    print(f"files identical to the CLI's: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
