#!/usr/bin/python3
"""Peer comparison: village against networkx and igraph on the same tasks and graph.

Tasks on G(n, p) with mean degree 10: generate the graph, count its connected
components, and run a discrete-time SIR epidemic (transmissibility 0.3, recovery 1,
10 initial infected) to its end. village runs through build/bench/peer_tasks, which
also writes its graph as an edge list; networkx and igraph load that edge list for the
components and SIR tasks (generation is timed with their own G(n, p) generators).
networkx and igraph have no discrete-time network SIR, so the script runs the same
algorithm in Python over their adjacency structures, which is what a user of either
would write. Everything runs on one core. Prints seconds and the ratio peer / village.

Needs Debian's python3-networkx python3-igraph (run with /usr/bin/python3).
Usage: bench/compare_peers.py [NODES]   (from the repository root, after scripts/build.sh)
"""
import json
import random
import subprocess
import sys
import tempfile
import time

import igraph
import networkx


def sir(neighbours, n, seed):
    """Discrete-time SIR with recovery 1: each newly infected node tries each neighbour once."""
    rng = random.Random(seed)
    state = bytearray(n)  # 0 susceptible, 1 infected, 2 recovered
    infected = rng.sample(range(n), 10)
    for v in infected:
        state[v] = 1
    steps = 0
    while infected:
        fresh = []
        for v in infected:
            for u in neighbours(v):
                if state[u] == 0 and rng.random() < 0.3:
                    state[u] = 1
                    fresh.append(u)
        for v in infected:
            state[v] = 2
        infected = fresh
        steps += 1
    return state.count(2) / n, steps


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    mean_degree = 10.0
    p = mean_degree / (n - 1)
    with tempfile.NamedTemporaryFile(suffix=".txt") as edges:
        village = json.loads(subprocess.run(
            ["build/bench/peer_tasks", str(n), str(mean_degree), edges.name],
            check=True, capture_output=True, text=True).stdout)

        results = {"village": village}
        t_gen, _ = timed(lambda: networkx.fast_gnp_random_graph(n, p, seed=1))
        graph = networkx.read_edgelist(edges.name, nodetype=int)
        graph.add_nodes_from(range(n))
        t_cc, count = timed(lambda: networkx.number_connected_components(graph))
        adjacency = graph.adj
        t_sir, (recovered, steps) = timed(lambda: sir(lambda v: adjacency[v], n, 1))
        results["networkx"] = {"generate": t_gen, "components": t_cc, "component_count": count,
                               "sir": t_sir, "recovered": recovered}

        t_gen, _ = timed(lambda: igraph.Graph.Erdos_Renyi(n=n, p=p))
        pairs = [tuple(map(int, line.split())) for line in open(edges.name)]
        g = igraph.Graph(n=n, edges=pairs)
        t_cc, count = timed(lambda: len(g.connected_components()))
        adjacency_list = g.get_adjlist()
        t_sir, (recovered, steps) = timed(lambda: sir(lambda v: adjacency_list[v], n, 1))
        results["igraph"] = {"generate": t_gen, "components": t_cc, "component_count": count,
                             "sir": t_sir, "recovered": recovered}

    print(f"G(n,p) with n = {n}, mean degree {mean_degree}: {village['edges']} edges; one core\n")
    print(f"{'task':<22}{'village s':>11}{'networkx s':>12}{'x':>8}{'igraph s':>11}{'x':>8}")
    for task, label in (("generate", "generate G(n,p)"), ("components", "connected components"),
                        ("sir", "SIR epidemic to end")):
        v = village[task]
        nx_t = results["networkx"][task]
        ig_t = results["igraph"][task]
        print(f"{label:<22}{v:>11.4f}{nx_t:>12.4f}{nx_t / v:>8.1f}{ig_t:>11.4f}{ig_t / v:>8.1f}")
    print(f"\ncomponents: village {village['component_count']}, networkx {results['networkx']['component_count']}, "
          f"igraph {results['igraph']['component_count']}")
    print(f"final recovered share: village {village['recovered']:.4f}, networkx loop "
          f"{results['networkx']['recovered']:.4f}, igraph loop {results['igraph']['recovered']:.4f}")


if __name__ == "__main__":
    main()
