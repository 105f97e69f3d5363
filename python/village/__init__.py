"""village from Python: run, compare, sweep and calibrate scenarios, analyse networks.

    import village
    result = village.run("scenarios/examples/sir_demo.toml", seed=3, replicates=2,
                         **{"network.nodes": 2000})
    result.timeseries["value"]      # numpy, no copy
    result.to_pandas()              # when pandas is installed

A scenario is a path, a TOML string (any string with a newline or '=') or a dict.
Overrides name the scenario's dotted keys, as keyword arguments (**{"model.x": 0.2}) or
as overrides={"model.x": 0.2}. Bad input raises village.InputError with the line the
command line prints. The simulator runs with the GIL released; Ctrl-C stops it cleanly
and raises KeyboardInterrupt. See docs/python.md.
"""

import json
import os
import tempfile
import warnings
from collections.abc import Mapping
from pathlib import Path

from . import _village
from ._network import Network, NetworkAnalysis
from ._tables import Table, read_sqlite_table
from ._village import InputError, __version__

__all__ = ["run", "compare", "sweep", "calibrate", "analyze_network", "scenario_toml", "Network",
           "NetworkAnalysis", "Table", "RunResult", "CompareResult", "SweepResult", "CalibrateResult",
           "InputError", "__version__"]


def _plain(value):
    """numpy scalars and arrays as the Python values they hold."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return value.tolist()
    return value


def _flatten(prefix, value, pairs):
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), inner, pairs)
    else:
        pairs.append((prefix, _plain(value)))


def _is_toml_text(value):
    """Whether a string is TOML itself rather than a path: a newline, '=' or a table."""
    return "\n" in value or "=" in value or value.lstrip().startswith("[")


def _scenario_args(scenario, relative_to, overrides, dotted):
    """(kind, value, folder, [(dotted key, value)]) for the extension."""
    if isinstance(scenario, Mapping):
        kind, value = "dict", dict(scenario)
    elif isinstance(scenario, os.PathLike):
        kind, value = "path", os.fspath(scenario)
    elif isinstance(scenario, str):
        kind, value = ("text" if _is_toml_text(scenario) else "path"), scenario
    else:
        _village.input_error("scenario", f"a {type(scenario).__name__} is not a scenario",
                             "give a path, a TOML string or a dict")
    pairs = []
    for source in (overrides or {}), dotted:
        for key, item in source.items():
            if "." not in key and not isinstance(item, Mapping):
                _village.input_error(
                    "overrides", f"unknown option '{key}'",
                    "scenario keys name their section (run.steps, model.transmissibility); "
                    "pass them as **{'run.steps': 10} or overrides={...}")
            _flatten(key, item, pairs)
    folder = os.fspath(relative_to) if relative_to is not None else ""
    return kind, value, folder, pairs


def scenario_toml(scenario):
    """A scenario dict as the TOML text it runs as (error lines refer to this text)."""
    return _village.dict_to_toml(dict(scenario))


class RunResult:
    """village.run's replicates: the tidy time series and summary of `village run`.

    timeseries: Table(run, step, metric, group, value); summary: Table(run, metric,
    group, value) at each run's last step. Values are at the precision the files store.
    """

    def __init__(self, core):
        self._raw = {}
        tables = []
        for name in ("timeseries", "summary"):
            columns = dict(core[name])
            self._raw[name] = columns.pop("raw_value")
            categories = {"metric": core["metrics"], "group": core["groups"]}
            tables.append(Table(columns, categories))
        self.timeseries, self.summary = tables
        self.scenario = json.loads(core["scenario"])
        self.manifest = json.loads(core["manifest"])
        self.seed = core["seed"]
        self.replicates = core["replicates"]
        self.steps = core["steps"]
        self.threads = core["threads"]
        self.wall_seconds = core["wall_seconds"]
        self.run_wall_seconds = core["run_wall_seconds"]
        self._core = core

    def to_pandas(self):
        """The time series as a DataFrame (summary.to_pandas() for the summary)."""
        return self.timeseries.to_pandas()

    def write(self, out, format="csv.gz"):
        """Writes the files `village run` writes (timeseries, summary, manifest.json) with
        the same writers, so the bytes are the CLI's; returns their paths."""

        def table(name):
            columns = dict(self._core[name])
            columns["raw_value"] = self._raw[name]
            return columns

        files = _village.write_run(os.fspath(out), format, table("timeseries"), table("summary"),
                                   self._core["metrics"], self._core["groups"],
                                   self._core["manifest"])
        return [Path(out) / name for name in files]

    def __repr__(self):
        return (f"RunResult({self.replicates} replicates x {self.steps} steps, "
                f"{len(self.timeseries)} rows, {self.wall_seconds:.2f} s)")


def run(scenario, *, seed=None, replicates=None, threads=None, record=None, record_groups=None,
        relative_to=None, overrides=None, **dotted):
    """Runs a scenario's replicates in this process, as `village run` does.

    seed, replicates, threads: as --seed, --replicates, --threads. record, record_groups:
    as --record, --record-groups (comma-separated or lists). relative_to: the folder a
    TOML string's or dict's relative files resolve from (default: the current one).
    """
    kind, value, folder, pairs = _scenario_args(scenario, relative_to, overrides, dotted)
    core = _village.run(kind, value, folder, pairs, seed, replicates, threads,
                        _names(record), _names(record_groups))
    if core["warning"]:
        warnings.warn(core["warning"], stacklevel=2)
    return RunResult(core)


def _names(names):
    if names is None:
        return ""
    return names if isinstance(names, str) else ",".join(names)


class _CommandResult:
    """Tables a command wrote into `out`, read back; a temporary `out` lives as long as
    the result."""

    def __init__(self, out, temporary, format):
        self.out = Path(out)
        self._temporary = temporary  # removed when the result is collected
        self.format = format
        self.manifest = json.loads((self.out / "manifest.json").read_text())
        self.files = [self.out / name for name in self.manifest.get("files", [])]

    def _table(self, name):
        if self.format == "sqlite":
            return read_sqlite_table(self.out / "village.sqlite", name)
        for path in (self.out / f"{name}.csv", self.out / f"{name}.csv.gz"):
            if path.exists():
                return Table._from_core(_village.read_table(os.fspath(path)))
        return None


class CompareResult(_CommandResult):
    """village.compare: comparison (Table, comparison.csv), timeseries (with a strategy
    column), report (report.html's path), manifest; out is the folder."""

    def __init__(self, out, temporary, format):
        super().__init__(out, temporary, format)
        self.comparison = self._table("comparison")
        self.timeseries = self._table("timeseries")
        self.report = self.out / "report.html"

    def to_pandas(self):
        """comparison.csv as a DataFrame."""
        return self.comparison.to_pandas()

    def __repr__(self):
        return f"CompareResult({len(self.comparison)} comparison rows, out={self.out})"


class SweepResult(_CommandResult):
    """village.sweep: design (Table), results (Table), timeseries (with timeseries=True),
    manifest; out is the folder (resumable: run the same call again after a stop)."""

    def __init__(self, out, temporary, format):
        super().__init__(out, temporary, format)
        self.design = self._table("design")
        self.results = self._table("results")
        self.timeseries = self._table("timeseries")

    def to_pandas(self):
        """results.csv as a DataFrame."""
        return self.results.to_pandas()

    def __repr__(self):
        return f"SweepResult({len(self.design)} points, {len(self.results)} result rows, out={self.out})"


def _out_folder(out, prefix):
    if out is not None:
        return os.fspath(out), None
    temporary = tempfile.TemporaryDirectory(prefix=prefix)
    return temporary.name, temporary


def compare(scenario, *, strategies=None, what_if=None, seed=None, replicates=None,
            threads=None, out=None, format="csv.gz", record=None, record_groups=None,
            relative_to=None, overrides=None, **dotted):
    """Compares a scenario's strategies on paired replicates: `village compare`, quiet.

    out: the folder for comparison.csv, the time series, report.html and manifest.json
    (default: a temporary one, kept while the result lives). Other arguments as the
    CLI's options (strategies: a list or "a,b").
    """
    kind, value, folder, pairs = _scenario_args(scenario, relative_to, overrides, dotted)
    if isinstance(strategies, str):
        strategies = strategies.split(",")
    target, temporary = _out_folder(out, "village-compare-")
    _village.compare(kind, value, folder, pairs, list(strategies or []), what_if or "", target,
                     seed, replicates, threads, _names(record), _names(record_groups), format)
    return CompareResult(target, temporary, format)


def _factor(name, spec):
    """--param NAME=... from a Python value: (lo, hi[, "log"|"int"]), a list of levels,
    None (the parameter's plausible range) or the CLI's text."""
    if spec is None:
        return name
    if isinstance(spec, str):
        return f"{name}={spec}"
    if isinstance(spec, tuple):
        return f"{name}=" + ":".join(str(_plain(v)) for v in spec)
    if isinstance(spec, list):
        text = lambda v: ("true" if v else "false") if isinstance(v, bool) else str(_plain(v))
        return f"{name}=" + ",".join(text(v) for v in spec)
    _village.input_error("--param", f"{name}: a {type(spec).__name__} is not a factor",
                         "give (lo, hi), (lo, hi, 'log'), a list of levels, None or 'LO:HI'")


def sweep(scenario, params, *, design="lhs", samples=None, morris_levels=4, replicates=None,
          seed=None, threads=None, strategy=None, out=None, timeseries=False, format="csv.gz",
          record=None, record_groups=None, posterior=None, relative_to=None, overrides=None,
          **dotted):
    """A sweep over scenario keys: `village sweep`, quiet.

    params: {"model.transmissibility": (0.05, 0.4), "network.mean_degree": (4, 12, "int"),
    "network.generator": ["erdos_renyi", "watts_strogatz"], "model.recovery": None}, or
    the CLI's --param texts as a list. out: default a temporary folder; a sweep stopped
    by Ctrl-C resumes when called again with the same out. posterior: a CalibrateResult or
    a calibration's folder, whose posterior the points are drawn from (--posterior).
    """
    if isinstance(posterior, _CommandResult):
        posterior = posterior.out
    if isinstance(params, Mapping):
        params = [_factor(name, spec) for name, spec in params.items()]
    kind, value, folder, pairs = _scenario_args(scenario, relative_to, overrides, dotted)
    target, temporary = _out_folder(out, "village-sweep-")
    _village.sweep(kind, value, folder, pairs, design, samples, morris_levels, replicates,
                   list(params), seed, threads, strategy or "", target, timeseries,
                   _names(record), _names(record_groups), format,
                   "" if posterior is None else os.fspath(posterior))
    return SweepResult(target, temporary, format)


class CalibrateResult(_CommandResult):
    """village.calibrate: posterior (Table: the accepted particles, weighted), generations,
    targets, parameters and correlations (Tables), report (calibration.html's path),
    manifest; out is the folder (a stopped calibration resumes when called again with the
    same out)."""

    def __init__(self, out, temporary, format):
        super().__init__(out, temporary, format)
        for name in ("posterior", "generations", "targets", "parameters", "correlations",
                     "waves"):
            setattr(self, name, self._table(name))
        self.report = self.out / "calibration.html"

    def to_pandas(self):
        """posterior.csv as a DataFrame."""
        return self.posterior.to_pandas()

    def __repr__(self):
        rows = len(self.posterior) if self.posterior is not None else 0
        return f"CalibrateResult({rows} posterior rows, out={self.out})"


def _targets_args(targets, relative_to):
    """(path, text) for the extension: a file as it is (text empty), or a TOML string's or
    dict's text under a nominal path in `relative_to` that its messages name."""
    folder = Path(os.fspath(relative_to)) if relative_to is not None else Path()
    if isinstance(targets, Mapping):
        return os.fspath(folder / "<targets dict>"), _village.dict_to_toml(dict(targets))
    if isinstance(targets, os.PathLike):
        return os.fspath(targets), ""
    if isinstance(targets, str):
        is_text = not os.path.exists(targets) and _is_toml_text(targets)
        return (os.fspath(folder / "<targets>"), targets) if is_text else (targets, "")
    _village.input_error("targets", f"a {type(targets).__name__} is not a targets file",
                         "give a path, a TOML string or a dict")


def calibrate(scenario, targets, *, method="abc-smc", waves=4, points=0, refine=None,
              particles=None, budget=None, replicates=None, seed=None, threads=None, out=None,
              format="csv.gz", relative_to=None, overrides=None, **dotted):
    """Fits world parameters to observed patterns: `village calibrate`, quiet.

    targets: TARGETS.toml as a path, a TOML string or a dict ({"target": [{"name": ...,
    "value": ..., "sd": ...}], "parameter": [{"name": "model.x"}]}); docs/calibration.md.
    method: "abc-smc" or "history-matching" (waves, points per wave and refine="abc-smc"
    as --waves, --points, --refine). out: default a temporary folder.
    """
    kind, value, folder, pairs = _scenario_args(scenario, relative_to, overrides, dotted)
    targets_path, targets_text = _targets_args(targets, relative_to)
    target, temporary = _out_folder(out, "village-calibrate-")
    _village.calibrate(kind, value, folder, pairs, targets_path, targets_text, method, waves,
                       points, refine or "", particles, budget, replicates, seed, threads,
                       target, format)
    return CalibrateResult(target, temporary, format)


def analyze_network(network, *, layer=None, week=None, seed=None, threads=None, format="auto",
                    header=False, weighted=False, directed=False, projection="count",
                    relative_to=None, overrides=None, **dotted):
    """`village analyze network` on a village.Network, a network file or a scenario (a
    .toml path, TOML string or dict; layer and week as --layer and --week)."""
    if not isinstance(network, Network):
        is_scenario = isinstance(network, Mapping) or (
            isinstance(network, (str, os.PathLike)) and
            (os.fspath(network).lower().endswith(".toml") or
             _scenario_args(network, None, None, {})[0] == "text"))
        if is_scenario:
            network = Network.from_scenario(network, layer=layer, week=week, seed=seed,
                                            relative_to=relative_to, overrides=overrides,
                                            **dotted)
        else:
            if layer is not None or week is not None:
                _village.input_error(os.fspath(network),
                                     "layer and week apply to a scenario, not to a network file",
                                     "drop them, or give a scenario (.toml)")
            network = Network.read(network, format=format, header=header, weighted=weighted,
                                   directed=directed, projection=projection)
    return network.analyze(seed=1 if seed is None else seed, threads=threads)
