"""`diptych --version` and `-V` say which Diptych is installed, as Help > About does."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_the_version_is_printed_and_the_status_is_0(option: str) -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    result = subprocess.run(
        [sys.executable, "-m", "diptych.gui", option],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"diptych {config['project']['version']}\n"
    assert result.stderr == ""


def test_the_help_names_the_option() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diptych.gui", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "-V, --version" in result.stdout
