"""examples/python/compare_strategies.py runs (small: few replicates, a smaller district)."""

import os
import subprocess
import sys
from pathlib import Path

import village

from conftest import ROOT


def test_compare_strategies_example_runs(tmp_path):
    # The package this test imports, wherever it was found.
    env = dict(os.environ, PYTHONPATH=str(Path(village.__file__).resolve().parents[1]))
    result = subprocess.run(
        [sys.executable, ROOT / "examples/python/compare_strategies.py", "--replicates", "2",
         "--households", "800", "--out", tmp_path / "out"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Reach among vulnerable parents after 52 weeks, against newsletter" in result.stdout
    assert "key_figures" in result.stdout
    assert (tmp_path / "out" / "report.html").exists()
