#!/usr/bin/python3
"""Network analysis: village against igraph and networkx on the same graphs and machine.

Writes the graphs of build/bench/network_benchmarks (exact betweenness on G(n, m) with
n = 2,000, m = 10,000; PageRank and connected components on n = 1,000,000, m = 5,000,000)
as edge lists, times village at 1 and 2 threads (Google Benchmark, median of 9, the
repetitions of every benchmark interleaved at random so that the machine's drift
within a run hits 1 and 2 threads alike), igraph
(best of 3) and networkx (one run) on them, and prints a table: times, parallel
efficiency t1 / (2 t2), and each peer's time over village's single-threaded time; then
the machine's own efficiency for random reads into a 4 MB array (BM_RandomGather), the
ceiling for the union-find of components.

Needs Debian's python3-networkx python3-igraph python3-scipy; run with /usr/bin/python3
from the repository root after building (BUILD defaults to build):
  /usr/bin/python3 bench/compare_network_peers.py [BUILD] [--skip-networkx-large]
networkx needs some minutes and several GiB for the 1,000,000-node tasks.
"""
import json
import os
import subprocess
import sys
import tempfile

TASKS = [  # (task, benchmark name, graph file)
    ("betweenness", "BM_Betweenness/ER:2000", "er_2000.txt"),
    ("pagerank", "BM_PageRank/ER:1000000", "er_1000000.txt"),
    ("components", "BM_Components/ER:1000000", "er_1000000.txt"),
]


def village_times(binary):
    out = subprocess.run(
        [binary, "--benchmark_format=json", "--benchmark_repetitions=9",
         "--benchmark_enable_random_interleaving=true",
         "--benchmark_report_aggregates_only=true", "--benchmark_filter=BM_(Betweenness|PageRank|Components|RandomGather)/"],
        check=True, capture_output=True, text=True).stdout
    times = {}
    for run in json.loads(out)["benchmarks"]:
        if run.get("aggregate_name") == "median":
            times[run["run_name"].replace("/real_time", "")] = run["real_time"] / 1000.0  # ms -> s
    return times


def peer_time(script, task, path):
    out = subprocess.run(["/usr/bin/python3", script, task, path], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["seconds"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    skip_large_networkx = "--skip-networkx-large" in sys.argv
    build = args[0] if args else "build"
    binary = os.path.join(build, "bench", "network_benchmarks")
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as graphs:
        subprocess.run([binary, "--write_graphs=" + graphs], check=True)
        village = village_times(binary)
        rows = []
        for task, name, graph in TASKS:
            path = os.path.join(graphs, graph)
            one, two = village[name + "/threads:1"], village[name + "/threads:2"]
            igraph_s = peer_time(os.path.join(here, "peers", "igraph_peer.py"), task, path)
            networkx_s = None
            if not (skip_large_networkx and graph != "er_2000.txt"):
                networkx_s = peer_time(os.path.join(here, "peers", "networkx_peer.py"), task, path)
            rows.append((task, graph, one, two, igraph_s, networkx_s))
    print("| task | graph | village 1 thread | village 2 threads | efficiency | igraph | "
          "networkx | igraph / village | networkx / village |")
    print("|---|---|---|---|---|---|---|---|---|")
    for task, graph, one, two, igraph_s, networkx_s in rows:
        nx_text = "-" if networkx_s is None else f"{networkx_s:.3f} s"
        nx_ratio = "-" if networkx_s is None else f"{networkx_s / one:.0f}x"
        print(f"| {task} | {graph} | {one:.4f} s | {two:.4f} s | {one / (2 * two):.2f} | "
              f"{igraph_s:.4f} s | {nx_text} | {igraph_s / one:.2f}x | {nx_ratio} |")
    one, two = village["BM_RandomGather/n:1000000/threads:1"], village["BM_RandomGather/n:1000000/threads:2"]
    print(f"\nmachine ceiling, random reads into a 4 MB array: {one:.4f} s / {two:.4f} s, "
          f"efficiency {one / (2 * two):.2f}")


if __name__ == "__main__":
    main()
