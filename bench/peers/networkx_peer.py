#!/usr/bin/python3
"""networkx's times for the network-analysis tasks of bench/compare_network_peers.py.

Usage: networkx_peer.py TASK EDGE_LIST [REPEATS]   TASK: betweenness | pagerank | components
Loads the edge list (not timed), runs the task REPEATS times (default 1: networkx is
slow), prints {"task", "seconds"} (the best run) as JSON. networkx's pagerank is its
SciPy power iteration (tol 1e-6 per node, a looser stopping rule than ours or igraph's).
"""
import json
import sys
import time

import networkx


def main():
    task, path = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    graph = networkx.read_edgelist(path, nodetype=int)
    run = {
        "betweenness": lambda: networkx.betweenness_centrality(graph, normalized=False),
        "pagerank": lambda: networkx.pagerank(graph, alpha=0.85),
        "components": lambda: networkx.number_connected_components(graph),
    }[task]
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"peer": "networkx " + networkx.__version__, "task": task, "seconds": best}))


if __name__ == "__main__":
    main()
