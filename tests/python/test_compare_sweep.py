"""village.compare and village.sweep: the CLI's commands, their tables read back."""

import tomllib

import numpy as np
import pytest

import village

from conftest import ROOT

KIM = ROOT / "scenarios/experiments/kim_2015.toml"


def test_compare_writes_the_cli_files_and_reads_them_back(tmp_path, run_cli):
    run_cli("compare", KIM, "--replicates", 4, "--format", "csv", "--quiet",
            "--out", tmp_path / "cli")
    result = village.compare(KIM, replicates=4, format="csv", out=tmp_path / "py")
    for name in ("comparison.csv", "timeseries.csv"):
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert result.comparison.categories("strategy") == ["random", "friend_nomination",
                                                         "most_connected"]
    assert result.timeseries.names == ["strategy", "run", "step", "metric", "group", "value"]
    assert result.report.exists() and result.manifest["files"][0] == "comparison.csv"
    pd = pytest.importorskip("pandas")
    expected = pd.read_csv(tmp_path / "cli" / "comparison.csv", float_precision="round_trip")
    frame = result.to_pandas()
    assert np.array_equal(frame["mean"], expected["mean"])
    assert (frame["strategy"].astype(str) == expected["strategy"]).all()


def test_compare_a_dict_with_overrides_in_a_temporary_folder(tmp_path, run_cli):
    scenario = tomllib.loads(KIM.read_text())
    result = village.compare(scenario, replicates=3, strategies=["random", "most_connected"],
                             **{"model.probability": 0.2})
    assert result.out.exists() and result.out.name.startswith("village-compare-")
    assert len(result.comparison) == 2
    changed = tmp_path / "kim.toml"
    changed.write_text(KIM.read_text().replace("probability = 0.1", "probability = 0.2"))
    run_cli("compare", changed, "--replicates", 3, "--strategies", "random,most_connected",
            "--quiet", "--out", tmp_path / "cli")
    assert (result.out / "comparison.csv").read_bytes() == \
        (tmp_path / "cli" / "comparison.csv").read_bytes()
    out = result.out
    del result
    assert not out.exists()  # the temporary folder lives as long as its result


def test_sweep_writes_the_cli_files_and_reads_them_back(sir_file, tmp_path, run_cli):
    run_cli("sweep", sir_file, "--design", "lhs", "--samples", 5, "--replicates", 2,
            "--param", "model.transmissibility=0.05:0.4", "--param", "network.mean_degree=4:12:int",
            "--timeseries", "--format", "csv", "--quiet", "--out", tmp_path / "cli")
    result = village.sweep(sir_file, {"model.transmissibility": (0.05, 0.4),
                                      "network.mean_degree": (4, 12, "int")},
                           samples=5, replicates=2, timeseries=True, format="csv",
                           out=tmp_path / "py")
    for name in ("design.csv", "results.csv", "timeseries.csv"):
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert result.design.names == ["point", "model.transmissibility", "network.mean_degree"]
    assert result.design["network.mean_degree"].dtype == np.int64
    assert len(result.results) == 5 * 2 * 3
    assert result.timeseries.names[:3] == ["point", "replicate", "step"]


def test_sweep_levels_of_a_toml_string_into_sqlite(sir_file):
    result = village.sweep(sir_file.read_text(), {"model.recovery": [0.5, 1.0]}, design="grid",
                           samples=2, replicates=1, format="sqlite", **{"run.steps": 20})
    assert result.files[0].name == "village.sqlite"
    assert list(result.design["model.recovery"]) == [0.5, 1.0]
    assert len(result.results) == 2 * 3
    assert set(result.results["metric"]) == {"susceptible", "infected", "recovered"}
