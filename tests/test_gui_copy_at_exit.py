"""Text copied from across a long table's pieces is still on the clipboard as the program
ends: the program ends cleanly. The copy was a QMimeData made in Python, which Qt deleted
only after Python had gone, and the program crashed on its way out (status 139)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent


def test_a_program_that_copied_from_a_table_ends_cleanly(tmp_path: Path) -> None:
    # The drag into a table and its Ctrl+C, in a process of their own that then ends.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
            str(TESTS / "test_gui_table_text_drag.py"), "-k", "text_into_a_table and 20",
        ],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert "1 passed" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0, f"ended with status {done.returncode}"


def test_a_program_that_copied_passages_from_the_list_ends_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
            str(TESTS / "test_gui_passages_copy.py"), "-k", "every_passage_selected",
        ],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert "1 passed" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0, f"ended with status {done.returncode}"
