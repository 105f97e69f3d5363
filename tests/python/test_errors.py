"""Bad input raises village.InputError with the line `village` prints."""

import pytest

import village


def cli_error(run_cli, *args):
    result = run_cli(*args, check=False)
    assert result.returncode == 2
    return result.stderr.strip().splitlines()[-1]


def test_a_bad_value_in_a_file_is_the_cli_message(tmp_path, sir_file, run_cli):
    bad = tmp_path / "bad.toml"
    bad.write_text(sir_file.read_text().replace("transmissibility = 0.3", "transmissibility = 1.5"))
    expected = cli_error(run_cli, "run", bad, "--quiet", "--out", tmp_path / "out")
    with pytest.raises(village.InputError) as caught:
        village.run(bad)
    error = caught.value
    assert str(error) == expected
    assert expected.startswith(f"error: {bad}:14:20: model.transmissibility = 1.5 is out of range")
    assert (error.file, error.line, error.column) == (str(bad), 14, 20)
    assert error.location == f"{bad}:14:20"
    assert error.problem == "model.transmissibility = 1.5 is out of range"
    assert error.hint.startswith("expected transmissibility in [0, 1]")
    assert isinstance(error, ValueError)


def test_a_syntax_error_in_a_toml_string_has_its_line_and_column(sir_file):
    with pytest.raises(village.InputError) as caught:
        village.run(sir_file.read_text() + "\n[model\n")
    assert caught.value.location.startswith("<string>:")
    assert caught.value.line == 18
    assert "invalid TOML" in caught.value.problem


def test_a_misspelt_override_key_says_did_you_mean(sir_file):
    with pytest.raises(village.InputError) as caught:
        village.run(sir_file, **{"model.transmisibility": 0.2})
    assert str(caught.value) == ("error: overrides: unknown key 'transmisibility' in [model]; "
                                 "did you mean 'transmissibility'?")


def test_a_bad_override_value_is_the_loader_message_at_the_overrides(sir_file):
    with pytest.raises(village.InputError) as caught:
        village.run(sir_file, overrides={"model.transmissibility": 1.5})
    assert caught.value.location == "overrides"
    assert caught.value.problem == "model.transmissibility = 1.5 is out of range"
    with pytest.raises(village.InputError, match="unknown section 'modle'; did you mean 'model'"):
        village.run(sir_file, **{"modle.kind": "sir"})
    with pytest.raises(village.InputError, match="model.recovery must be a number, not a string; write it like recovery = 1"):
        village.run(sir_file, **{"model.recovery": "fast"})


def test_a_missing_file_is_the_cli_message(tmp_path, run_cli):
    missing = tmp_path / "missing.toml"
    expected = cli_error(run_cli, "run", missing, "--quiet")
    with pytest.raises(village.InputError) as caught:
        village.run(missing)
    assert str(caught.value) == expected


def test_options_that_are_no_scenario_keys_are_refused(sir_file):
    with pytest.raises(village.InputError, match="unknown option 'steps'"):
        village.run(sir_file, steps=10)
    with pytest.raises(village.InputError, match="a int is not a scenario"):
        village.run(42)
    with pytest.raises(village.InputError, match="--record"):
        village.run(sir_file, record=["no_such_metric"])


def test_compare_and_sweep_errors_are_the_cli_messages(sir_file, tmp_path, run_cli):
    expected = cli_error(run_cli, "compare", sir_file, "--quiet", "--out", tmp_path / "c")
    with pytest.raises(village.InputError) as caught:
        village.compare(sir_file)
    assert str(caught.value) == expected
    expected = cli_error(run_cli, "sweep", sir_file, "--param", "model.transmissibility=0.1:2",
                         "--samples", 2, "--quiet", "--out", tmp_path / "s")
    with pytest.raises(village.InputError) as caught:
        village.sweep(sir_file, {"model.transmissibility": (0.1, 2)}, samples=2)
    assert str(caught.value) == expected
