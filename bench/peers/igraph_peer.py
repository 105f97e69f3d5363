#!/usr/bin/python3
"""igraph's times for the network-analysis tasks of bench/compare_network_peers.py.

Usage: igraph_peer.py TASK EDGE_LIST [REPEATS]   TASK: betweenness | pagerank | components
Loads the edge list (not timed), runs the task REPEATS times (default 3) on one core
(python-igraph's C core is single-threaded), prints {"task", "seconds"} (the best run) as JSON.
"""
import json
import sys
import time

import igraph


def main():
    task, path = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    graph = igraph.Graph.Read_Edgelist(path, directed=False)
    run = {
        "betweenness": lambda: graph.betweenness(directed=False),
        "pagerank": lambda: graph.pagerank(damping=0.85),  # PRPACK, 1e-10 in L1
        "components": lambda: len(graph.connected_components()),
    }[task]
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"peer": "igraph " + igraph.__version__, "task": task, "seconds": best}))


if __name__ == "__main__":
    main()
