"""Run Diptych's benchmarks: each figure against its baseline, as a ratio.

Usage::

    python bench/run.py [--quick] [--only NAME] [--repeat N] [--output FILE]

Each benchmark runs in a fresh process (so that one benchmark's memory and Qt state
cannot colour the next), prints a table of results and writes them as JSON to
``build/bench-results.json``. Targets are reported as pass or fail; nothing is asserted.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from common import Config, Figure, table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "build" / "bench-results.json"
CHILD_VARIABLE = "DIPTYCH_BENCH_CHILD"  # set for the process running one benchmark
BENCHMARKS = {
    "startup": "bench_startup",
    "open": "bench_open",
    "highlight": "bench_highlight",
    "annotation": "bench_annotation",
    "import": "bench_import",
    "export": "bench_export",
    "search": "bench_search",
    "memory": "bench_memory",
    "project": "bench_big_project",
    "reanchor": "bench_reanchor",
    "exchange": "bench_exchange",
}


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(BENCHMARKS),
        metavar="NAME",
        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument("--repeat", type=int, default=5, help="repetitions per figure (median)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON results file")
    parser.add_argument(
        "--in-process", action="store_true", help="run in this process (no fresh process each)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; returns 0 unless one of them failed to run."""
    args = build_parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = args.only or list(BENCHMARKS)
    repeat = 1 if args.quick else max(1, args.repeat)
    figures: list[Figure] = []
    errors: dict[str, str] = {}
    uncaught: dict[str, list[str]] = {}
    quiet = os.environ.get(CHILD_VARIABLE) == "1"
    for name in names:
        if not quiet:
            print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        runner = run_here if args.in_process else run_in_child
        try:
            found, raised = runner(name, quick=args.quick, repeat=repeat)
            figures += found
            if raised:
                uncaught[name] = raised
        except Exception as exc:  # one broken benchmark must not hide the others
            errors[name] = f"{type(exc).__name__}: {exc}"
            print(f"[bench] {name} failed: {errors[name]}", file=sys.stderr, flush=True)
        if not quiet:
            print(f"[bench] {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    write_results(args.output, figures, errors, uncaught, quick=args.quick, repeat=repeat)
    if not quiet:
        print(f"\n{table(figures)}\n{uncaught_report(uncaught)}\nResults: {args.output}")
    return 1 if errors else 0


def run_here(name: str, *, quick: bool, repeat: int) -> tuple[list[Figure], list[str]]:
    """Run one benchmark in this process.

    Returns its figures, and the exceptions that Diptych raised inside event handlers
    meanwhile (Qt prints and swallows those; the figures may then not mean much).
    """
    module = importlib.import_module(BENCHMARKS[name])
    raised: list[str] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        raised.append("".join(traceback.format_exception(kind, exc, tb)))
        previous(kind, exc, tb)

    sys.excepthook = hook
    try:
        with tempfile.TemporaryDirectory(prefix=f"diptych-bench-{name}-") as folder:
            config = Config(quick=quick, repeat=repeat, workdir=Path(folder))
            return list(module.run(config)), raised
    finally:
        sys.excepthook = previous


def uncaught_report(uncaught: dict[str, list[str]]) -> str:
    """A few lines on exceptions raised inside event handlers, if there were any."""
    lines = []
    for name, raised in uncaught.items():
        last = raised[0].strip().splitlines()[-1]
        lines.append(f"{name}: {len(raised)} exception(s) in event handlers, first: {last}")
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def run_in_child(name: str, *, quick: bool, repeat: int) -> tuple[list[Figure], list[str]]:
    """Run one benchmark in a fresh Python process and read back what :func:`run_here` did."""
    with tempfile.TemporaryDirectory(prefix="diptych-bench-") as folder:
        output = Path(folder) / "figures.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--in-process", "--only", name]
        command += ["--repeat", str(repeat), "--output", str(output)]
        if quick:
            command.append("--quick")
        env = dict(os.environ, **{CHILD_VARIABLE: "1"})
        done = subprocess.run(command, check=False, stdout=subprocess.PIPE, text=True, env=env)
        if not output.exists():
            raise RuntimeError(f"the benchmark process exited with status {done.returncode}")
        data = json.loads(output.read_text())
    if data["errors"]:
        raise RuntimeError(data["errors"][name])
    return [Figure.from_json(f) for f in data["figures"]], data["uncaught"].get(name, [])


def write_results(
    path: Path,
    figures: list[Figure],
    errors: dict[str, str],
    uncaught: dict[str, list[str]],
    *,
    quick: bool,
    repeat: int,
) -> None:
    """Write the figures, with the machine they were measured on, as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "repeat": repeat,
        "machine": machine_facts(),
        "figures": [f.to_json() for f in figures],
        "errors": errors,
        "uncaught": uncaught,
    }
    path.write_text(json.dumps(data, indent=2) + "\n")


def machine_facts() -> dict[str, Any]:
    """What the figures depend on: processors, memory, Python, Qt, SQLite."""
    import PySide6
    from PySide6.QtCore import qVersion

    facts: dict[str, Any] = {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": _cpu_model(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }
    return facts


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    sys.exit(main())
