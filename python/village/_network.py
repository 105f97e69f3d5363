"""village.Network: a network layer of the simulator, from and to Python."""

import json

import numpy as np

from . import _village
from ._tables import Table


class NetworkAnalysis:
    """What `village analyze network` computes: nodes.csv's columns and graph.json."""

    def __init__(self, network, nodes, graph, nodes_csv):
        self.network = network
        self.nodes = nodes  # Table: one row per node, one column per metric
        self.graph = graph  # dict: graph-level figures, key figures, methods
        self.nodes_csv = nodes_csv  # the text nodes.csv holds

    def to_pandas(self):
        return self.nodes.to_pandas()

    def __repr__(self):
        return (f"NetworkAnalysis({self.graph.get('nodes')} nodes, "
                f"{self.graph.get('edges')} edges, {len(self.nodes.names)} node metrics)")


class Network:
    """A generated, imported or simulated network: one CSR layer and its node labels.

    Build one with from_edges, read (edge list, GraphML, affiliation list, as `village
    analyze network` reads them), from_scenario (a scenario's world, optionally after
    some weeks), generate (a [network] generator) or from_networkx.
    """

    def __init__(self, core, nodes=None):
        self._core = core
        self._nodes = nodes  # the networkx node objects, when it came from networkx

    @classmethod
    def from_edges(cls, edges, node_count=None, *, directed=False, weights=None, labels=None):
        """From an (m, 2) array of node ids 0..n-1; duplicates keep the first, loops go."""
        edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
        if edges.size and edges.min() < 0:
            _village.input_error("edges", "a node id is negative", "number the nodes 0 to n - 1")
        if node_count is None:
            node_count = len(labels) if labels is not None else int(edges.max()) + 1 if edges.size else 0
        w = None if weights is None else np.asarray(weights, dtype=np.float32)
        core = _village.network_from_edges(node_count, edges[:, 0].astype(np.uint32),
                                           edges[:, 1].astype(np.uint32), w, directed,
                                           [str(label) for label in labels or []])
        return cls(core)

    @classmethod
    def read(cls, path, *, format="auto", header=False, weighted=False, directed=False,
             projection="count"):
        """A network file: edge list (.txt, .csv, .edges), GraphML or affiliation list."""
        import os

        return cls(_village.network_read(os.fspath(path), format, header, weighted, directed,
                                         projection))

    @classmethod
    def from_scenario(cls, scenario, *, layer=None, week=0, seed=None, relative_to=None,
                      overrides=None, **dotted):
        """A scenario's world as its first replicate builds it, after `week` steps."""
        from . import _scenario_args

        kind, value, folder, pairs = _scenario_args(scenario, relative_to, overrides, dotted)
        return cls(_village.network_from_scenario(kind, value, folder, pairs, layer or "",
                                                  int(week or 0), seed))

    @classmethod
    def generate(cls, generator, *, seed=1, **keys):
        """A [network] generator's network: generate("watts_strogatz", nodes=1000,
        mean_degree=10, rewiring=0.1). Keys and errors are those of the scenario file."""
        scenario = {"run": {"seed": seed, "replicates": 1},
                    "network": {"generator": generator, **keys},
                    "model": {"kind": "independent_cascade"}}
        return cls.from_scenario(scenario)

    @classmethod
    def from_networkx(cls, graph, weight="weight"):
        """From a networkx Graph or DiGraph; nodes keep their names (labels: str(node)),
        edges their `weight` attribute when any edge has one."""
        nodes = list(graph.nodes())
        index = {node: i for i, node in enumerate(nodes)}
        pairs = [(index[u], index[v], data) for u, v, data in graph.edges(data=True)]
        edges = np.array([(u, v) for u, v, _ in pairs], dtype=np.int64).reshape(-1, 2)
        weighted = weight is not None and any(weight in data for _, _, data in pairs)
        weights = [float(data.get(weight, 1.0)) for _, _, data in pairs] if weighted else None
        network = cls.from_edges(edges, len(nodes), directed=graph.is_directed(),
                                 weights=weights, labels=[str(node) for node in nodes])
        network._nodes = nodes
        return network

    def to_networkx(self, weight="weight"):
        """A networkx Graph (DiGraph when directed), nodes named as they came in (the
        networkx nodes, else the labels, else 0..n-1)."""
        import networkx as nx

        graph = nx.DiGraph() if self.directed else nx.Graph()
        names = self._nodes or self.labels or list(range(self.node_count))
        graph.add_nodes_from(names)
        edges = self.edges()
        weights = self.weights
        if weights is None:
            graph.add_edges_from((names[u], names[v]) for u, v in edges.tolist())
        else:
            graph.add_weighted_edges_from(
                ((names[u], names[v], float(w)) for (u, v), w in zip(edges.tolist(), weights)),
                weight=weight)
        return graph

    @property
    def node_count(self):
        return self._core.node_count

    @property
    def edge_count(self):
        """Edges (an undirected edge once)."""
        return self._core.edge_count

    @property
    def directed(self):
        return self._core.directed

    @property
    def labels(self):
        """Node names (empty: the nodes are their ids)."""
        return self._core.labels

    @property
    def offsets(self):
        """CSR offsets (n + 1), a read-only view of the simulator's array."""
        return self._core.offsets

    @property
    def targets(self):
        """CSR targets (arcs: an undirected edge twice), a read-only view."""
        return self._core.targets

    @property
    def attributes(self):
        """Names of the edge attributes ("weight", "trust", ...)."""
        return self._core.attributes

    @property
    def source(self):
        """What the network was built from."""
        return json.loads(self._core.source)

    def edges(self):
        """An (m, 2) uint32 array: each undirected edge once (u < v), or each arc."""
        return self._core.edges()

    @property
    def weights(self):
        """The weight of each edge of edges(), or None when it has none."""
        return self._core.edge_weights()

    def degrees(self):
        return self._core.degrees()

    def analyze(self, *, seed=1, threads=None):
        """Every metric of `village analyze network` (directed: on the symmetrised graph)."""
        nodes, graph, nodes_csv = _village.analyse_network(self._core, seed, threads)
        return NetworkAnalysis(self, Table._from_core(nodes), json.loads(graph), nodes_csv)

    def __len__(self):
        return self.node_count

    def __repr__(self):
        kind = "directed" if self.directed else "undirected"
        return f"Network({self.node_count} nodes, {self.edge_count} {kind} edges)"
