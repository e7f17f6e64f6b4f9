"""The command line does what its words say, and says so: a tag asked for under a parent
is made there (moving one takes --move), a binary export is not poured onto the terminal,
a search that finds nothing says so, and a new project is named so File > Open lists it."""

from __future__ import annotations

import io
import json
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


def test_json_shown_in_the_terminal_holds_no_control_that_drives_it(project: Path) -> None:
    note = "clear \x9b2J the screen \x7f"  # U+009B: the terminal's 8-bit CSI
    code, _, err = run(
        "annotate", project, "1", "--quote", "talks", "--tag", "Talks", "--note", note
    )
    assert code == 0, err
    code, out, err = run("export", project, "--format", "json", stdout=Terminal())
    assert code == 0, err
    assert "\x9b" not in out and "\x7f" not in out and "\\u009b2J" in out and "\\u007f" in out
    notes = [b["value"] for i in json.loads(out)["first"]["items"] for b in i["body"]]
    assert note in notes  # the same JSON
    redirected = Redirected()  # to a file: the bytes as they are
    assert run("export", project, "--format", "json", stdout=redirected)[0] == 0
    assert "\x9b2J" in redirected.buffer.getvalue().decode("utf-8")


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


def tag_paths(project: Path) -> dict[str, int]:
    """Each tag's path and how many passages carry it."""
    code, out, _ = run("tags", project, "--json")
    assert code == 0
    return {t["path"]: t["annotations"] for t in json.loads(out)}


@pytest.fixture
def codebook(project: Path) -> Path:
    """Economy (on one passage), Diplomacy, and Economy/Other on one passage."""
    for argv in (["Diplomacy"], ["Other", "--parent", "Economy"]):
        assert run("tag", project, *argv)[0] == 0
    code, _, err = run("annotate", project, "1", "--quote", "talks", "--tag", "Economy/Other")
    assert code == 0, err
    return project


def test_a_tag_asked_for_under_a_parent_is_made_there(codebook: Path) -> None:
    code, out, err = run("tag", codebook, "Other", "--parent", "Diplomacy")
    assert code == 0, err
    assert out.split()[-1] == "Diplomacy/Other"
    assert "nothing was moved from 'Economy/Other'" in err and "--move" in err
    assert tag_paths(codebook) == {
        "Economy": 1, "Economy/Other": 1, "Diplomacy": 0, "Diplomacy/Other": 0,
    }  # fmt: skip
    code, out, err = run("tag", codebook, "other", "--parent", "Diplomacy", "--color", "#2E7D32")
    assert (code, err) == (0, "")  # the one there now, changed
    assert out.split()[1:] == ["#2E7D32", "Diplomacy/Other"]
    assert len(tag_paths(codebook)) == 4
    for typed in ("Trade Policy", " trade  policy "):  # spaces as a tag's name has them
        code, out, err = run("tag", codebook, typed, "--parent", "Diplomacy")
        assert (code, err) == (0, "") and out.endswith("Diplomacy/Trade Policy\n")
    assert len(tag_paths(codebook)) == 5


def test_a_tag_is_moved_only_when_asked(codebook: Path) -> None:
    code, out, err = run("tag", codebook, "Economy/Other", "--parent", "Diplomacy")
    assert (code, out) == (2, "")
    assert "'Economy/Other' is not under 'Diplomacy'" in err and "add --move" in err
    assert "Economy/Other" in tag_paths(codebook)
    code, out, err = run("tag", codebook, "Economy/Other", "--parent", "Diplomacy", "--move")
    assert code == 0, err
    assert out.split()[-1] == "Diplomacy/Other"
    assert "moved 'Economy/Other' to 'Diplomacy/Other', with its 1 passage" in err
    assert tag_paths(codebook) == {"Economy": 1, "Diplomacy": 0, "Diplomacy/Other": 1}
    code, out, err = run("tag", codebook, "Diplomacy/Other", "--move")
    assert code == 0 and out.split()[-1] == "Other"  # to the top level
    code, _, err = run("tag", codebook, "Nowhere", "--move")
    assert code == 2 and "there is no tag called 'Nowhere' to move" in err


def test_a_path_with_its_own_parent_names_the_tag(codebook: Path) -> None:
    code, out, err = run("tag", codebook, "Economy/Other", "--parent", "Economy")
    assert (code, err) == (0, "")
    assert out.split()[-1] == "Economy/Other"
    assert len(tag_paths(codebook)) == 3


def test_annotate_creates_a_new_tag_path_as_the_tag_palette_does(codebook: Path) -> None:
    code, _, err = run("annotate", codebook, "1", "--quote", "rose", "--tag", "Economy/Tariffs")
    assert code == 0, err
    paths = tag_paths(codebook)
    assert paths["Economy/Tariffs"] == 1 and "Tariffs" not in paths  # under Economy
    code, _, err = run("annotate", codebook, "1", "--quote", "rose", "--tag", "Trade/Quotas")
    assert code == 0, err
    assert {"Trade", "Trade/Quotas"} <= set(tag_paths(codebook))  # each inside the one before
    code, _, err = run("annotate", codebook, "1", "--quote", "rose", "--tag", "/Tariffs")
    assert code == 0, err
    assert {"Tariffs", "Economy/Tariffs"} <= set(tag_paths(codebook))  # a top-level one too
    code, _, err = run("annotate", codebook, "1", "--quote", "rose", "--tag", "Economy/")
    assert code == 2 and "'/'" in err  # an unfinished path: the name's rule said


def test_a_new_tag_path_given_to_tag_is_refused_with_advice_it_can_follow(
    codebook: Path,
) -> None:
    code, _, err = run("tag", codebook, "Trade/Quotas")
    assert code == 2
    assert "there is no tag 'Trade' yet; create it, then diptych tag PROJECT Quotas" in err
    code, _, err = run("tag", codebook, "Economy/Tariffs")
    assert code == 2 and "diptych tag PROJECT Tariffs --parent Economy" in err
    assert run("tag", codebook, "Tariffs", "--parent", "Economy")[0] == 0  # as advised
    assert "Economy/Tariffs" in tag_paths(codebook)


def test_tags_on_an_empty_codebook_says_so(tmp_path: Path, article: Path) -> None:
    """A new project's codebook is empty: `tags` says so on stderr, which an empty listing
    alone would not tell from a failure (status 0, nothing on stdout for a script)."""
    project = tmp_path / "study.diptych"
    assert run("import", project, article)[0] == 0
    code, out, err = run("tags", project)
    assert (code, out) == (0, "")
    assert "the codebook has no tags yet" in err and "diptych tag PROJECT NAME" in err
    code, out, err = run("tags", project, "--json")
    assert (code, json.loads(out)) == (0, [])
    assert run("tag", project, "Economy")[0] == 0
    code, out, err = run("tags", project)
    assert code == 0 and "Economy" in out and err == ""
