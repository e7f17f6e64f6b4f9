"""A file given as a project that is a zip archive, or empty, is said to be what it is,
with what to do: a REFI-QDA project (a zip holding project.qde) renamed .diptych is to be
imported, as a .qdpx; another archive unpacked first; an empty .diptych file holds no
project. Each was told to rename it as an article, or to choose a .diptych file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_cli import run
from test_gui_open_named_like_a_project import said_on_choosing

from diptych.gui.main_window import MainWindow
from diptych.storage.errors import NotAProjectError
from diptych.storage.project import Project


def refi_project(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", "<Project name='Study'/>")
        archive.writestr("Sources/a.txt", "Some text")
    return path


def other_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes/a.md", "# Notes")
    return path


def refused(path: Path) -> NotAProjectError:
    before = path.read_bytes()
    with pytest.raises(NotAProjectError) as caught:
        Project.open(path)
    assert path.read_bytes() == before
    return caught.value


def test_a_refi_qda_project_named_like_a_project_is_to_be_imported(tmp_path: Path) -> None:
    error = refused(refi_project(tmp_path / "x.diptych"))
    assert str(error).startswith(f"{tmp_path / 'x.diptych'}: is a REFI-QDA project")
    assert "Rename it to end in .qdpx, then import it into a Diptych project" in str(error)
    assert "(`diptych import PROJECT FILE`)" in str(error)
    assert error.in_window().endswith("(File > Import articles…).")
    assert ".txt, .md or .html" not in str(error) + error.in_window()


def test_another_zip_is_to_be_unpacked(tmp_path: Path) -> None:
    error = refused(other_zip(tmp_path / "x.diptych"))
    assert "is a zip archive, not a Diptych project. Unpack it first" in str(error)
    assert ".txt, .md or .html" not in str(error) + error.in_window()


def test_an_empty_project_file_is_said_to_hold_no_project(tmp_path: Path) -> None:
    path = tmp_path / "x.diptych"
    path.write_bytes(b"")
    error = refused(path)
    assert str(error).startswith(f"{path}: is empty: it holds no project")
    assert "Choose a .diptych file" not in str(error) + error.in_window()
    assert "File > New project…" in error.in_window()
    assert "`diptych import`" in str(error)


def test_the_command_line_says_the_same(tmp_path: Path) -> None:
    code, _, err = run("articles", refi_project(tmp_path / "x.diptych"))
    assert code == 2 and "is a REFI-QDA project" in err and "Rename it to end in .qdpx" in err


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (refi_project, "Rename it to end in .qdpx, then import it into a Diptych project"),
        (lambda p: (p.write_bytes(b""), p)[1], "is empty: it holds no project"),
    ],
    ids=["refi-qda", "empty"],
)
def test_the_window_says_what_the_file_is(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make,  # type: ignore[no-untyped-def]
    says: str,
) -> None:
    path = make(tmp_path / "Field study.diptych")
    text = said_on_choosing(qtbot, window, monkeypatch, "open_project", path)
    assert text.startswith(f"{path}: ") and says in text
    assert "Choose a .diptych file" not in text and ".txt, .md or .html" not in text
