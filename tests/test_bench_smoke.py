"""The benchmark scripts run end to end in their quick mode.

Tiny sizes and one repetition: this proves that every benchmark runs and reports a figure
against its baseline. It never checks a time; the figures are measured by `make bench`.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "bench" / "run.py"
BENCHMARKS = {
    "startup", "open", "highlight", "annotation", "import", "export", "search", "memory", "project",
    "reanchor", "exchange",
}  # fmt: skip
FIGURE_KEYS = {
    "benchmark", "name", "unit", "samples", "baseline", "baseline_samples", "target",
    "target_text", "extra", "value", "baseline_value", "ratio", "passed",
}  # fmt: skip
MACHINE_KEYS = {"nproc", "cpu", "python", "pyside6", "qt", "sqlite"}


def run_bench(output: Path, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--output", str(output), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(output.read_text())


def test_every_benchmark_reports_a_finite_ratio_against_its_baseline(tmp_path: Path) -> None:
    results = run_bench(tmp_path / "results.json")
    assert results["errors"] == {}
    assert results["quick"] is True
    assert set(results["machine"]) >= MACHINE_KEYS
    assert {f["benchmark"] for f in results["figures"]} == BENCHMARKS
    for figure in results["figures"]:
        assert set(figure) >= FIGURE_KEYS, figure["name"]
        assert figure["samples"] and figure["baseline_samples"], figure["name"]
        assert figure["ratio"] is not None and math.isfinite(figure["ratio"]), figure["name"]
        assert figure["passed"] in (True, False, None)


def test_only_runs_the_named_benchmarks_in_this_process(tmp_path: Path) -> None:
    results = run_bench(
        tmp_path / "results.json", "--in-process", "--only", "annotation", "--only", "import"
    )
    assert {f["benchmark"] for f in results["figures"]} == {"annotation", "import"}
    targets = {f["benchmark"]: f["target_text"] for f in results["figures"]}
    assert targets == {"annotation": "<= 3x", "import": None}
