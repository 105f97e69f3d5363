"""Fixtures of the Python module's tests: the source tree, the CLI built beside the
module (VILLAGE_CLI, set by ctest), and small scenarios."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SIR = """\
[run]
steps = 60
replicates = 3
seed = 42

[network]
generator = "configuration"
nodes = 3000
degrees = "poisson"
mean_degree = 8

[model]
kind = "sir"
transmissibility = 0.3
recovery = 1.0
initial_fraction = 0.01
"""


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("VILLAGE_CLI") or shutil.which("village")
    if not path or not Path(path).exists():
        pytest.skip("the village CLI is not built (ctest sets VILLAGE_CLI)")
    return path


@pytest.fixture
def run_cli(cli):
    """Runs `village ARGS...`; returns the CompletedProcess."""

    def run(*args, check=True):
        result = subprocess.run([cli, *map(str, args)], capture_output=True, text=True,
                                cwd=ROOT)
        if check and result.returncode != 0:
            raise AssertionError(f"village {' '.join(map(str, args))}: {result.stderr}")
        return result

    return run


@pytest.fixture
def sir_file(tmp_path):
    path = tmp_path / "sir.toml"
    path.write_text(SIR)
    return path
