"""village.Network and village.analyze_network: networkx in and out, the CLI's analysis."""

import gc

import numpy as np
import pytest

import village

from conftest import ROOT

FRIENDS = ROOT / "tests/data/import/friends.txt"


def test_networkx_round_trip_keeps_nodes_edges_and_weights():
    nx = pytest.importorskip("networkx")
    graph = nx.karate_club_graph()  # weighted (number of interactions)
    network = village.Network.from_networkx(graph)
    assert (network.node_count, network.edge_count) == (34, 78)
    assert network.attributes == ["weight"]
    back = network.to_networkx()
    assert sorted(back.nodes()) == sorted(graph.nodes())
    assert {frozenset(e) for e in back.edges()} == {frozenset(e) for e in graph.edges()}
    for u, v, data in graph.edges(data=True):
        assert back[u][v]["weight"] == data["weight"]


def test_a_directed_networkx_graph_stays_directed():
    nx = pytest.importorskip("networkx")
    graph = nx.gnp_random_graph(60, 0.08, seed=4, directed=True)
    network = village.Network.from_networkx(graph)
    assert network.directed and network.weights is None
    back = network.to_networkx()
    assert back.is_directed() and set(back.edges()) == set(graph.edges())


def test_edges_and_the_csr_arrays(tmp_path):
    network = village.Network.from_edges([(0, 1), (1, 2), (2, 0), (2, 3), (1, 0)],
                                         labels=["a", "b", "c", "d"])
    assert network.edge_count == 4  # the duplicate (1, 0) is the edge (0, 1)
    assert network.edges().tolist() == [[0, 1], [0, 2], [1, 2], [2, 3]]
    assert network.labels == ["a", "b", "c", "d"]
    assert network.degrees().tolist() == [2, 2, 3, 1]
    targets = network.targets  # a view of the layer's array, keeping it alive
    del network
    gc.collect()
    assert targets.tolist() == [1, 2, 0, 2, 0, 1, 3, 2]
    assert not targets.flags.writeable
    with pytest.raises(village.InputError, match="names a node past the 2 nodes"):
        village.Network.from_edges([(0, 5)], node_count=2)


def test_analysis_of_a_file_equals_the_cli_nodes_csv(tmp_path, run_cli):
    run_cli("analyze", "network", FRIENDS, "--quiet", "--out", tmp_path / "cli")
    analysis = village.analyze_network(FRIENDS)
    assert analysis.nodes_csv == (tmp_path / "cli" / "nodes.csv").read_text()
    assert analysis.nodes["label"][0] == analysis.network.labels[0]
    assert analysis.graph["nodes"] == analysis.network.node_count
    assert len(analysis.to_pandas()) == analysis.network.node_count


def test_analysis_of_a_scenario_world_equals_the_cli(sir_file, tmp_path, run_cli):
    run_cli("analyze", "network", sir_file, "--seed", 3, "--quiet", "--out", tmp_path / "cli")
    analysis = village.analyze_network(sir_file, seed=3)
    assert analysis.nodes_csv == (tmp_path / "cli" / "nodes.csv").read_text()
    assert analysis.graph["input"]["layer"] == "network"


def test_a_generated_network_and_its_errors():
    network = village.Network.generate("watts_strogatz", nodes=500, mean_degree=6, rewiring=0.1)
    assert network.edge_count == 1500
    assert np.all(network.degrees() >= 1)
    with pytest.raises(village.InputError, match="network.rewiring"):
        village.Network.generate("watts_strogatz", nodes=500, mean_degree=6, rewiring=2)


def test_a_community_layer_after_some_weeks():
    municipality = ROOT / "scenarios/examples/small_municipality.toml"
    friends = village.Network.from_scenario(municipality, **{"community.households": 300})
    assert friends.source["layer"] == "family_friends" and friends.edge_count > 0
    with pytest.raises(village.InputError, match="the world has no network layer 'nope'"):
        village.Network.from_scenario(municipality, layer="nope",
                                      **{"community.households": 300})
