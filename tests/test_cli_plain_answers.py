"""The command line does what its words say, and says so: a tag asked for under a parent
is made there (moving one takes --move), a binary export is not poured onto the terminal,
a search that finds nothing says so, and a new project is named so File > Open lists it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from diptych.storage.cli import main


def run(*argv: str | Path, stdout: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = stdout or io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "tariffs.txt"
    path.write_text("Steel tariffs rose again.\n\nThe talks went on.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["import", "tag"])
def test_a_new_project_without_the_diptych_ending_is_refused(
    tmp_path: Path, article: Path, command: str
) -> None:
    target = tmp_path / "newproj"
    argv = ["import", target, article] if command == "import" else ["tag", target, "Trade"]
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert "must end with .diptych" in err and "newproj.diptych" in err
    assert list(tmp_path.iterdir()) == [article]  # nothing created
    code, _, err = run(*[tmp_path / "newproj.diptych" if a == target else a for a in argv])
    assert code == 0, err


def test_an_existing_project_is_opened_whatever_its_name(tmp_path: Path, article: Path) -> None:
    project = tmp_path / "p.diptych"
    assert run("import", project, article)[0] == 0
    renamed = project.rename(tmp_path / "p.db")
    code, out, err = run("tag", renamed, "Trade")
    assert code == 0, err
    assert out.split()[-1] == "Trade"


class Terminal(io.StringIO):
    """Standard output that is a terminal."""

    def isatty(self) -> bool:
        return True


class Redirected(io.StringIO):
    """Standard output redirected to a file: bytes go through ``buffer``."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()


@pytest.fixture
def project(tmp_path: Path, article: Path) -> Path:
    path = tmp_path / "study.diptych"
    assert run("import", path, article)[0] == 0
    code, _, err = run("annotate", path, "1", "--quote", "Steel tariffs", "--tag", "Economy")
    assert code == 0, err
    return path


def test_a_binary_export_is_not_written_to_the_terminal(project: Path) -> None:
    code, out, err = run("export", project, "--format", "qdpx", stdout=Terminal())
    assert code == 2 and out == ""
    assert err.startswith("diptych: a REFI-QDA project (qdpx) is a binary file")
    assert "-o study.qdpx" in err


def test_a_binary_export_goes_to_redirected_output(project: Path) -> None:
    redirected = Redirected()
    code, _, err = run("export", project, "--format", "qdpx", stdout=redirected)
    assert code == 0, err
    assert redirected.buffer.getvalue().startswith(b"PK")  # the zip


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "json", "qdc"])
def test_a_text_export_is_shown_in_the_terminal(project: Path, fmt: str) -> None:
    code, out, err = run("export", project, "--format", fmt, stdout=Terminal())
    assert code == 0, err
    assert out.strip()


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("harbour", "nothing matches 'harbour'"),
        ("-steel", "-word only leaves out what has it; add a word to look for"),
        ("***", "search looks for words, and there is none in this search"),
    ],
)
def test_a_search_that_finds_nothing_says_so(project: Path, query: str, why: str) -> None:
    code, out, err = run("search", project, "--", query)  # a query may start with '-'
    assert (code, out) == (1, "")  # as grep: scripts reading stdout see nothing
    assert err.startswith("diptych: note: nothing matches") and why in err
    code, out, err = run("search", project, "--json", "--", query)
    assert (code, out) == (1, "[]\n") and why in err


def test_a_search_that_finds_something_says_nothing_more(project: Path) -> None:
    code, out, err = run("search", project, "steel")
    assert (code, err) == (0, "")
    assert "Steel tariffs" in out
