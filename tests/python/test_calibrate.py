"""village.calibrate: the CLI's calibration, with targets as a file, a TOML string or a
dict, its tables read back."""

import pytest

import village

from conftest import ROOT

SCENARIO = ROOT / "tests/data/app/two_strategies.toml"

TARGETS = {
    "target": [
        {"name": "reach after 20 weeks", "metric": "reach", "week": 20, "value": 0.09,
         "sd": 0.01, "source": "a test"},
        {"metric": "institutional_trust", "value": 0.48, "interval": [0.47, 0.50],
         "source": "a test"},
    ],
    "parameter": [{"name": "model.trust_gain"}, {"name": "model.trust_decay"}],
}

SMALL = {"particles": 10, "budget": 40, "seed": 7}


def test_calibrate_matches_the_cli_for_a_dict_of_targets(tmp_path, run_cli):
    targets_file = tmp_path / "targets.toml"
    targets_file.write_text(village.scenario_toml(TARGETS))
    run_cli("calibrate", SCENARIO, "--targets", targets_file, "--particles", 10, "--budget", 40,
            "--seed", 7, "--format", "csv", "--quiet", "--out", tmp_path / "cli")
    result = village.calibrate(SCENARIO, TARGETS, format="csv", out=tmp_path / "py", **SMALL)
    for name in ("posterior.csv", "generations.csv", "targets.csv", "parameters.csv"):
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert len(result.posterior) == 10
    assert "model.trust_gain" in result.posterior.names
    assert result.waves is None  # ABC-SMC has no history-matching waves
    assert result.report.exists()
    # The same targets given as the file and as its text.
    from_file = village.calibrate(SCENARIO, targets_file, **SMALL)
    from_text = village.calibrate(SCENARIO, targets_file.read_text(), **SMALL)
    assert (from_file.out / "posterior.csv").read_bytes() == \
        (tmp_path / "cli" / "posterior.csv").read_bytes()
    assert (from_text.out / "posterior.csv").read_bytes() == \
        (tmp_path / "cli" / "posterior.csv").read_bytes()


def test_calibrate_into_a_database_with_an_override(tmp_path):
    result = village.calibrate(SCENARIO, TARGETS, format="sqlite", out=tmp_path / "db",
                               **SMALL, **{"model.trust_gain": 0.05})
    assert (tmp_path / "db" / "village.sqlite").exists()
    assert len(result.posterior) == 10
    assert len(result.generations) >= 1
    # A sweep draws its points from the posterior, read from the database.
    swept = village.sweep(SCENARIO, [], samples=5, replicates=1, posterior=result)
    assert swept.design.names == ["point", "model.trust_gain", "model.trust_decay"]
    assert len(swept.design) == 5
    particles = set(zip(result.posterior["model.trust_gain"].tolist(),
                        result.posterior["model.trust_decay"].tolist()))
    for gain, decay in zip(swept.design["model.trust_gain"].tolist(),
                           swept.design["model.trust_decay"].tolist()):
        assert (gain, decay) in particles


def test_a_bad_target_raises_the_cli_message(tmp_path):
    bad = {"target": [{"metric": "reach", "value": 0.1, "sd": 0.01, "colour": "red"}],
           "parameter": [{"name": "model.trust_gain"}]}
    with pytest.raises(village.InputError) as caught:
        village.calibrate(SCENARIO, bad, out=tmp_path / "bad", **SMALL)
    assert "<targets dict>" in str(caught.value) and "colour" in str(caught.value)
    with pytest.raises(village.InputError, match="is what a strategy buys"):
        village.calibrate(SCENARIO, {"target": TARGETS["target"],
                                     "parameter": [{"name": "outreach.key_figure_capacity"}]},
                          out=tmp_path / "buys", **SMALL)
