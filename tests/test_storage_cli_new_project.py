"""A refused ``diptych import`` into a new project removes the file it created only while
nothing is in it: what another import (a second command run at the same time) added
meanwhile is never deleted with it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage import cli_commands, cli_new_project, importing
from diptych.storage.cli import main
from diptych.storage.errors import ArticleFileError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def test_a_refused_import_keeps_the_new_project_another_import_wrote_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    good, bad = tmp_path / "minutes.txt", tmp_path / "photo.txt"
    good.write_text("Minutes\n\nBoth sides agreed.\n", encoding="utf-8")
    bad.write_bytes(b"\x89PNG\r\n\x1a\nnot text")
    read = importing.read_article_file

    def the_other_command_adds_first(file: Path) -> object:
        if file == bad:  # meanwhile, another `diptych import` of the same new project
            with Project.open(path) as other:
                other.articles.add(parsed=parse_article(b"Agenda\n\nTariffs.\n", name="a.txt"))
        return read(file)

    monkeypatch.setattr(importing, "read_article_file", the_other_command_adds_first)
    code, _out, err = run("import", path, good, bad)
    assert code == 2 and "photo.txt: is a PNG image" in err
    with Project.open(path, read_only=True) as project:
        assert [a.title for a in project.articles.all()] == ["Agenda"]


def test_a_refused_import_still_leaves_no_empty_project(tmp_path: Path) -> None:
    path = tmp_path / "study.diptych"
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nnot text")
    assert run("import", path, bad)[0] == 2
    assert sorted(tmp_path.iterdir()) == [bad]


def test_a_new_project_left_unfinished_by_a_refused_creation_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    good = tmp_path / "minutes.txt"
    good.write_text("Minutes\n\nBoth sides agreed.\n", encoding="utf-8")

    def disk_full(made: Path, *args: object, **kwargs: object) -> None:
        made.write_bytes(b"SQLite format 3\x00")  # a few bytes written, then the disk was full
        raise ArticleFileError("could not be created (the disk is full)", path=made)

    monkeypatch.setattr(cli_commands.Project, "open", disk_full)
    code, _out, err = run("import", path, good)
    assert code == 2
    assert err.startswith(f"diptych: {path}: could not be created (the disk is full)")
    assert sorted(tmp_path.iterdir()) == [good]


def test_an_interrupt_as_the_new_project_is_named_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "study.diptych"
    good = tmp_path / "minutes.txt"
    good.write_text("Minutes\n\nBoth sides agreed.\n", encoding="utf-8")
    link = os.link

    def named_then_interrupted(source: str, target: str) -> None:
        link(source, target)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_new_project.os, "link", named_then_interrupted)
    assert main(["import", str(path), str(good)]) == 130
    assert capsys.readouterr().err == "diptych: interrupted\n"
    assert sorted(tmp_path.iterdir()) == [good]


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="folders locked as on Linux")
def test_a_project_being_made_by_another_command_for_too_long_is_said_to_be_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import fcntl

    monkeypatch.setattr(cli_new_project, "TURN_TIMEOUT_S", 0.2)
    path = tmp_path / "study.diptych"
    folder = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # another command, making a project here
        assert main(["tag", str(path), "Method"]) == 2
    finally:
        os.close(folder)
    assert capsys.readouterr().err == (
        f"diptych: {path}: is busy: another diptych command is creating or removing it."
        " Nothing was changed; run the command again in a moment.\n"
    )
    assert not path.exists()
    assert main(["tag", str(path), "Method"]) == 0  # its turn over
