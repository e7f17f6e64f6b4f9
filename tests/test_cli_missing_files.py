"""A file or folder that is not there is said to be missing, whatever its name (a folder's
name mistyped has no extension); what is not an article file is said for what it is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_cli import run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text("Minutes\n\nAgreed.\n", encoding="utf-8")
    path = tmp_path / "p.diptych"
    assert run("import", path, folder)[0] == 0
    return path


@pytest.mark.parametrize("name", ["artss", "no/such/folder", "notes.pdf", "gone.qdpx"])
def test_import_of_a_missing_path_says_it_does_not_exist(project: Path, name: str) -> None:
    missing = project.parent / name
    code, _out, err = run("import", project, missing)
    assert code == 2
    assert err.startswith(f"diptych: {missing}: does not exist.")
    assert err.count("\n") == 1


@pytest.mark.parametrize("name", ["nosuchfile", "v2.docx", "gone.qdpx"])
def test_reimport_of_a_missing_file_says_it_does_not_exist(project: Path, name: str) -> None:
    missing = project.parent / name
    code, _out, err = run("reimport", project, "1", missing)
    assert code == 2
    assert err.startswith(f"diptych: {missing}: does not exist.")


def test_reimport_of_a_qdpx_says_to_import_it(project: Path) -> None:
    exported = project.parent / "p1.qdpx"
    assert run("export", project, "-o", exported)[0] == 0
    code, _out, err = run("reimport", project, "1", exported)
    assert code == 2
    assert "p1.qdpx: is a REFI-QDA file, not a new version of article 1" in err
    assert "use: diptych import PROJECT p1.qdpx" in err
    assert "supported" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_as_an_article_in_a_folder_is_not_a_regular_file(tmp_path: Path) -> None:
    folder = tmp_path / "ff"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "b.txt").write_text("Other\n\nText.\n", encoding="utf-8")
    code, out, _err = run("import", tmp_path / "p.diptych", folder)
    assert code == 0
    assert "ff/pipe.txt: is not a regular file. Choose an article file." in out
    assert "not an article was left out" not in out
