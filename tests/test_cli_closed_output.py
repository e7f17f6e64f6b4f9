"""A command run with its standard output closed (``>&-``, as some cron jobs and daemons
run): the change is made and said by status 0, without a traceback; an export, which
would be written nowhere, is refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.project import Project


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "new.txt"
    path.write_text("Minutes\n\nTalks on steel resumed.\n", encoding="utf-8")
    return path


def closed(monkeypatch: pytest.MonkeyPatch, *argv: str | Path) -> int:
    monkeypatch.setattr(sys, "stdout", None)  # what Python makes of a closed descriptor 1
    return main([str(a) for a in argv])


def test_commands_with_standard_output_closed_do_their_work_and_say_so_by_status(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "cl.diptych"
    assert closed(monkeypatch, "import", project, article) == 0
    assert closed(monkeypatch, "annotate", project, "1", "--quote", "steel", "--tag", "Z") == 0
    assert closed(monkeypatch, "articles", project, "--json") == 0
    assert closed(monkeypatch, "search", project, "steel") == 0
    assert closed(monkeypatch, "search", project, "nothing") == 1  # as grep
    with Project.open(project, read_only=True) as opened:
        assert [p.exact for p in opened.annotations.query()] == ["steel"]


def test_an_export_to_a_closed_standard_output_is_refused(
    tmp_path: Path,
    article: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "cl.diptych"
    assert main(["import", str(project), str(article)]) == 0
    capsys.readouterr()
    assert closed(monkeypatch, "export", project, "-f", "md") == 2
    assert capsys.readouterr().err == (
        "diptych: the output cannot be written (standard output is closed); nothing was"
        " exported. Write it to a file with -o.\n"
    )
    assert closed(monkeypatch, "export", project, "-o", tmp_path / "n.md") == 0
    assert (tmp_path / "n.md").read_text(encoding="utf-8").startswith("# ")


def test_the_command_with_its_descriptor_closed(tmp_path: Path, article: Path) -> None:
    project = tmp_path / "cl.diptych"
    done = subprocess.run(
        [sys.executable, "-m", "diptych.gui", "import", str(project), str(article)],
        stderr=subprocess.PIPE, text=True, check=False, timeout=60,
        preexec_fn=lambda: os.close(1),  # >&-
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    with Project.open(project, read_only=True) as opened:
        assert [a.title for a in opened.articles.all()] == ["Minutes"]
