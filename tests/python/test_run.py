"""village.run: the same numbers and bytes as `village run`, numpy columns, pandas."""

import gzip
import tomllib

import numpy as np
import pytest

import village

from conftest import ROOT


@pytest.mark.parametrize("format, files", [
    ("csv", ["timeseries.csv", "summary.csv"]),
    ("csv.gz", ["timeseries.csv.gz", "summary.csv"]),
])
def test_written_files_equal_the_cli_byte_for_byte(sir_file, tmp_path, run_cli, format, files):
    run_cli("run", sir_file, "--seed", 7, "--replicates", 2, "--format", format, "--quiet",
            "--out", tmp_path / "cli")
    result = village.run(sir_file, seed=7, replicates=2)
    written = result.write(tmp_path / "py", format=format)
    assert [p.name for p in written] == files + ["manifest.json"]
    for name in files:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()


def test_the_parent_support_model_with_overrides_equals_the_cli(tmp_path, run_cli):
    # The overridden scenario as the CLI would read it: the manifest's overridden text.
    result = village.run(ROOT / "scenarios/examples/small_municipality.toml", replicates=2,
                         **{"run.steps": 12, "community.households": 800})
    scenario = tmp_path / "small.toml"
    scenario.write_text(result.manifest["scenario_text_overridden"])
    run_cli("run", scenario, "--replicates", 2, "--format", "csv", "--quiet",
            "--out", tmp_path / "cli")
    result.write(tmp_path / "py", format="csv")
    for name in ("timeseries.csv", "summary.csv"):
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert result.steps == 12 and result.scenario["community"]["households"] == 800


def test_columns_are_numpy_without_a_copy(sir_file):
    result = village.run(sir_file, replicates=2)
    series = result.timeseries
    assert series.names == ["run", "step", "metric", "group", "value"]
    assert series["value"].dtype == np.float64 and series["run"].dtype == np.uint32
    # The arrays own the simulator's vectors (a capsule), and are records: read-only.
    assert type(series["value"].base).__name__ == "PyCapsule"
    assert not series["value"].flags.writeable
    assert series.categories("metric") == ["susceptible", "infected", "recovered"]
    assert series.codes("metric").dtype == np.int32
    assert len(series) == 2 * 61 * 3
    assert set(result.summary["run"]) == {0, 1}


def test_values_are_those_the_cli_files_hold(sir_file, tmp_path, run_cli):
    pd = pytest.importorskip("pandas")
    run_cli("run", sir_file, "--quiet", "--out", tmp_path / "cli")
    frame = village.run(sir_file).to_pandas()
    expected = pd.read_csv(tmp_path / "cli" / "timeseries.csv.gz")
    assert list(frame.columns) == list(expected.columns)
    assert isinstance(frame["metric"].dtype, pd.CategoricalDtype)
    assert (frame["metric"].astype(str).to_numpy() == expected["metric"].to_numpy()).all()
    assert np.array_equal(frame["value"].to_numpy(), expected["value"].to_numpy())
    summary = village.run(sir_file).summary.to_pandas()
    assert np.array_equal(summary["value"].to_numpy(),
                          pd.read_csv(tmp_path / "cli" / "summary.csv")["value"].to_numpy())


def test_a_path_a_toml_string_and_a_dict_give_the_same_run(sir_file):
    text = sir_file.read_text()
    by_path = village.run(str(sir_file), replicates=1)
    by_text = village.run(text, replicates=1)
    by_dict = village.run(tomllib.loads(text), replicates=1)
    for other in (by_text, by_dict):
        assert np.array_equal(by_path.timeseries["value"], other.timeseries["value"])


def test_overrides_as_keywords_and_as_a_dict(sir_file):
    low = village.run(sir_file, replicates=1, **{"model.transmissibility": 0.05})
    same = village.run(sir_file, replicates=1, overrides={"model": {"transmissibility": 0.05}})
    high = village.run(sir_file, replicates=1)
    assert np.array_equal(low.summary["value"], same.summary["value"])
    recovered = lambda r: r.summary["value"][r.summary["metric"] == "recovered"][0]
    assert recovered(low) < 0.1 < recovered(high)


def test_seed_and_threads_do_not_change_the_numbers(sir_file):
    one = village.run(sir_file, seed=5, threads=1)
    two = village.run(sir_file, seed=5, threads=2)
    other = village.run(sir_file, seed=6, threads=1)
    assert np.array_equal(one.timeseries["value"], two.timeseries["value"])
    assert not np.array_equal(one.timeseries["value"], other.timeseries["value"])


def test_record_keeps_only_the_chosen_series(sir_file, tmp_path, run_cli):
    result = village.run(sir_file, record=["infected"])
    assert result.timeseries.categories("metric") == ["susceptible", "infected", "recovered"]
    assert set(result.timeseries["metric"]) == {"infected"}
    assert set(result.summary["metric"]) == {"susceptible", "infected", "recovered"}
    run_cli("run", sir_file, "--record", "infected", "--quiet", "--out", tmp_path / "cli")
    result.write(tmp_path / "py")
    assert (gzip.decompress((tmp_path / "py/timeseries.csv.gz").read_bytes()) ==
            gzip.decompress((tmp_path / "cli/timeseries.csv.gz").read_bytes()))
