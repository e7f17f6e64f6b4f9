"""Start-up: process start to the first paint of the window's text, in fresh processes.

Diptych: ``bench/launch_window.py diptych`` starts the real window the way ``diptych
open`` does (command line, application context, the sample project, the panes restored)
with HOME and the XDG folders in a temporary folder. Baseline: the same launcher showing
a bare QMainWindow with a QTextBrowser holding the first sample article as plain text.

Two cases: the first start ever (the sample project is created), and a later start (the
sample project exists, the panes of the last session are restored).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Config, Figure, Target, interleave

NAME = "startup"
LAUNCHER = Path(__file__).resolve().parent / "launch_window.py"
SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
SAMPLE = SAMPLES / "000_1cefcc49ccd7fc22.txt"
TARGET = Target(1.5)


def run(config: Config) -> list[Figure]:
    """First start and later start, each against the bare window."""
    pycache = config.workdir / "pycache"
    env = _environment(config.workdir / "home", pycache)
    for mode in ("bare", "diptych"):  # warm the file cache; creates the sample project
        _launch(mode, env)
    phases: dict[str, list[float]] = {}
    base_phases: dict[str, list[float]] = {}
    later, bare = interleave(
        lambda: _launch("diptych", env, phases),
        lambda: _launch("bare", env, base_phases),
        config.repeats(),
    )
    first, bare_first = interleave(
        lambda: _first_start(pycache), lambda: _launch("bare", env), config.repeats()
    )
    baseline = "QMainWindow + QTextBrowser"
    extra: dict[str, float | str] = {k: statistics.median(v) for k, v in phases.items()}
    extra["baseline_to_application_ms"] = statistics.median(base_phases["to_application_ms"])
    return [
        Figure(NAME, "start (sample project exists) -> first paint", "ms", later, baseline, bare,
               TARGET, extra),
        Figure(NAME, "first start (creates sample project) -> first paint", "ms", first, baseline,
               bare_first, TARGET),
    ]  # fmt: skip


def _first_start(pycache: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="diptych-home-") as folder:
        return _launch("diptych", _environment(Path(folder), pycache))


def _environment(home: Path, pycache: Path) -> dict[str, str]:
    """A user's environment: folders under ``home``, compiled modules cached in ``pycache``.

    An installed application starts from cached bytecode; the cache is kept outside the
    source tree so that benchmarking leaves no files in it.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    (home / "runtime").chmod(0o700)
    return env


def _launch(mode: str, env: dict[str, str], phases: dict[str, list[float]] | None = None) -> float:
    """Milliseconds from starting the process to the first complete paint of its text.

    ``phases`` collects how long the process took to reach its QApplication.
    """
    command = [sys.executable, str(LAUNCHER), mode]
    if mode == "bare":
        command.append(str(SAMPLE))
    start = time.monotonic()
    done = subprocess.run(command, env=env, check=False, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{mode} window did not start: {done.stderr[-2000:]}")
    stamps = json.loads(lines[-1])
    if phases is not None:
        phases.setdefault("to_application_ms", []).append((stamps["application"] - start) * 1000)
    return (stamps["painted"] - start) * 1000
