"""Odd command-line arguments: huge numbers, text and file names that are not UTF-8.

Each is met with a one-line message naming the argument (argparse's, exit status 2) or
works; none reaches the project, which is left as it was.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diptych.storage import cli
from diptych.storage.cli import main
from diptych.storage.cli_parser import MAX_ID
from diptych.storage.project import Project

HUGE = "99999999999999999999"  # more than SQLite's INTEGER holds
TEXT = "Hello world. The quick brown fox jumps over the lazy dog. Hello again.\n"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one article and one passage."""
    path = tmp_path / "p.diptych"
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert run("import", path, article)[0] == 0
    assert run("annotate", path, "1", "--quote", "quick", "--tag", "Fox", "--coder", "Ann")[0] == 0
    return path


def everything(path: Path) -> tuple[object, ...]:
    """All the user could see of the project, read from the file."""
    with Project.open(path, read_only=True) as project:
        articles = [project.articles.get(article_id=a.id) for a in project.articles.all()]
        return (
            [(a.uuid, a.title, a.source_name, a.text) for a in articles],
            [(t.name, t.color) for t in project.tags.codebook().ordered()],
            [(p.uuid, p.start, p.end, p.note, p.coder, p.tag_ids)
             for p in project.annotations.query()],
        )  # fmt: skip


def refused_by_argparse(
    capsys: pytest.CaptureFixture[str], argv: list[str], argument: str, says: str
) -> str:
    code, out, _ = run(*argv)
    err = capsys.readouterr().err  # argparse writes its own message
    assert code == 2 and out == ""
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"diptych {argv[0]}: error: argument {argument}: "), err
    assert says in last and "Traceback" not in err
    return last


@pytest.mark.parametrize(
    ("argv", "argument", "says"),
    [
        (["annotate", "{p}", HUGE, "--quote", "x", "--tag", "t"], "ARTICLE_ID", "from 1 to"),
        (["annotate", "{p}", "0", "--quote", "x", "--tag", "t"], "ARTICLE_ID", "not '0'"),
        (["annotate", "{p}", "1", "--quote", "x", "--tag", "t", "--occurrence", HUGE],
         "--occurrence", HUGE),
        (["annotate", "{p}", "1", "--quote", "x", "--tag", "t", "--occurrence", "0"],
         "--occurrence", "from 1 to"),
        (["annotate", "{p}", "1", "--start", HUGE, "--end", "3", "--tag", "t"], "--start", HUGE),
        (["annotate", "{p}", "1", "--start", "-1", "--end", "3", "--tag", "t"],
         "--start", "from 0 to"),
        (["annotate", "{p}", "1", "--start", "0", "--end", HUGE, "--tag", "t"], "--end", HUGE),
        (["annotations", "{p}", "--article", HUGE], "--article", HUGE),
        (["search", "{p}", "fox", "--limit", HUGE], "--limit", HUGE),
        (["search", "{p}", "fox", "--limit", "0"], "--limit", "from 1 to"),
        (["reimport", "{p}", HUGE, "{p}"], "ARTICLE_ID", HUGE),
        (["export", "{p}", "-f", "csv", "--article", HUGE], "--article", HUGE),
        (["export", "{p}", "-f", "csv", "--article", "1", "--article", "x" * 200],
         "--article", "'xxxxx"),
    ],
)  # fmt: skip
def test_numbers_out_of_range_are_refused_naming_the_argument(
    project: Path, capsys: pytest.CaptureFixture[str], argv: list[str], argument: str, says: str
) -> None:
    before = everything(project)
    message = refused_by_argparse(capsys, [a.format(p=project) for a in argv], argument, says)
    assert len(message) < 200  # a long value is cut short
    assert everything(project) == before


def test_the_largest_id_reaches_the_project(project: Path) -> None:
    code, _, err = run("annotations", project, "--article", str(MAX_ID))
    assert code == 2 and f"no article {MAX_ID}" in err  # looked for, not refused
    code, _, err = run("annotate", project, str(MAX_ID), "--quote", "x", "--tag", "t")
    assert code == 2 and f"no article {MAX_ID}" in err


LATIN1 = os.fsdecode(b"r\xe9sum\xe9")  # typed in a Latin-1 terminal: lone surrogates


@pytest.mark.parametrize(
    ("argv", "argument"),
    [
        (["annotate", "{p}", "1", "--quote", "quick", "--tag", "t", "--note", LATIN1], "--note"),
        (["annotate", "{p}", "1", "--quote", "quick", "--tag", LATIN1], "--tag"),
        (["annotate", "{p}", "1", "--quote", "quick", "--tag", "t", "--coder", LATIN1],
         "--coder"),
        (["annotate", "{p}", "1", "--quote", LATIN1, "--tag", "t"], "--quote"),
        (["tag", "{p}", LATIN1], "NAME"),
        (["tag", "{p}", "Fox", "--description", LATIN1], "--description"),
        (["tag", "{p}", "Fox", "--parent", LATIN1], "--parent"),
        (["tag", "{p}", "Fox", "--color", LATIN1], "--color"),
        (["annotations", "{p}", "--tag", LATIN1], "--tag"),
        (["search", "{p}", LATIN1], "query"),
        (["export", "{p}", "-f", "csv", "--tag", LATIN1], "--tag"),
    ],
)  # fmt: skip
def test_text_that_is_not_utf8_is_refused_not_stored_garbled(
    project: Path, capsys: pytest.CaptureFixture[str], argv: list[str], argument: str
) -> None:
    before = everything(project)
    argv = [a.format(p=project) for a in argv]
    message = refused_by_argparse(capsys, argv, argument, "'r\ufffdsum\ufffd' is not UTF-8 text")
    assert "set the terminal to UTF-8" in message
    assert everything(project) == before


def test_a_login_name_that_is_not_utf8_is_repaired(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli.getpass, "getuser", lambda: os.fsdecode(b"jos\xe9"))
    code, _, err = run("annotate", project, "1", "--quote", "lazy", "--tag", "Dog")
    assert code == 0, err
    rows = json.loads(run("annotations", project, "--json", "--tag", "Dog")[1])
    assert [r["coder"] for r in rows] == ["jos\ufffd"]


def not_utf8(folder: Path, name: bytes) -> Path:
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name))
    try:
        path.touch()
        path.unlink()
    except OSError:
        pytest.skip("this file system only takes UTF-8 names")
    return path


def test_files_and_projects_named_in_latin1_work_end_to_end(tmp_path: Path) -> None:
    article = not_utf8(tmp_path, b"caf\xe9.txt")
    article.write_text(TEXT, encoding="utf-8")
    project = not_utf8(tmp_path, b"\xe9tude.diptych")
    assert run("import", project, article)[:3:2] == (0, "")
    assert run("annotate", project, "1", "--quote", "fox", "--tag", "Fox")[0] == 0
    with Project.open(project, read_only=True) as opened:
        assert opened.info().name == "\ufffdtude"
        assert opened.articles.get(article_id=1).source_name == "caf\ufffd.txt"
    output = not_utf8(tmp_path, b"r\xe9sultat.csv")
    code, out, err = run("export", project, "-f", "csv", "-o", output)
    assert (code, out, err) == (0, f"{tmp_path}/r\ufffdsultat.csv\n", "")
    assert "fox" in output.read_text(encoding="utf-8")
    code, out, _ = run("reimport", project, "1", article, "--json")
    assert code == 0 and json.loads(out)["kept"] == 1


def test_a_missing_file_named_in_latin1_is_named_in_the_message(project: Path) -> None:
    before = everything(project)
    missing = Path(os.fsdecode(os.fsencode(project.parent) + b"/gone\xe9.txt"))
    code, _, err = run("import", project, missing)
    assert code == 2 and err == f"diptych: {project.parent}/gone\ufffd.txt: does not exist. " \
        "Check the file's name and folder.\n"  # fmt: skip
    assert everything(project) == before


def test_an_exchange_file_named_in_latin1(tmp_path: Path) -> None:
    codebook = not_utf8(tmp_path, b"codes\xe9.qdc")
    codebook.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="Trust"'
        ' guid="a1b2c3d4-0000-4000-8000-000000000001" isCodable="true"/></Codes></CodeBook>'
    )
    code, out, err = run("import", tmp_path / "p.diptych", codebook)
    assert (code, err) == (0, "")
    assert out.startswith("# codes\ufffd.qdc: 1 new tag\n")


def test_reimport_json_prints_only_the_figures(project: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.txt"
    newer.write_text("Preface.\n" + TEXT, encoding="utf-8")
    code, out, err = run("reimport", project, "1", newer, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report == {
        "article_id": 1, "kept": 1, "moved": 0, "fuzzy": 0, "orphaned": 0,
        "still_orphaned": 0, "found_again": 0, "approximate": [],
        "title": "Hello world. The quick brown fox jumps over the lazy dog. Hello again.",
        "previous_title": "Hello world. The quick brown fox jumps over the lazy dog. Hello again.",
    }  # fmt: skip


def test_reimport_names_the_passages_found_approximately(project: Path, tmp_path: Path) -> None:
    quote = "brown fox jumps over the lazy dog"
    assert run("annotate", project, "1", "--quote", quote, "--tag", "Fox")[0] == 0
    reworded = tmp_path / "reworded.txt"
    reworded.write_text(TEXT.replace(quote, "brown fox leaps over the lazy dog"), encoding="utf-8")
    code, out, err = run("reimport", project, "1", reworded)
    assert code == 0, err
    assert "1 found approximately" in out
    assert "# found approximately, worth a look: “brown fox leaps over the lazy dog”" in out


def test_reimport_tells_orphans_lost_before_from_orphans_found_again(
    project: Path, tmp_path: Path
) -> None:
    gone, back = tmp_path / "gone.txt", tmp_path / "back.txt"
    gone.write_text("Hello world. Hello again.\n", encoding="utf-8")
    back.write_text("Preface.\n" + TEXT, encoding="utf-8")
    same = tmp_path / "same.txt"
    same.write_text(TEXT, encoding="utf-8")
    assert run("reimport", project, "1", same)[1].startswith("article 1: 1 passage in place, ")
    # Its one passage orphaned by a file named otherwise: refused without --force.
    assert run("reimport", project, "1", gone)[0] == 2
    out = run("reimport", project, "1", gone, "--force")[1]
    assert ", 1 orphaned; title changed from “Hello world. The quick" in out  # its first line
    (listed, _quote) = run("annotations", project)[1].splitlines()
    assert listed.split() == ["1", "orphan", "Fox", "[orphan]"]  # no offsets: none now
    gone.write_text("Hello world. Hello again. And goodbye.\n", encoding="utf-8")
    code, out, _ = run("reimport", project, "1", gone)
    figures = out.split("; title changed")[0]
    assert (code, figures.rsplit(", ", 1)[1]) == (
        0, "1 orphaned (of which 1 already before this update)"
    )  # fmt: skip
    code, out, _ = run("reimport", project, "1", back)
    assert out.split("; title changed")[0].endswith("0 orphaned; 1 earlier orphan was found again")


def test_the_real_command_line_with_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    """Through ``sys.argv``, as a shell passes them: no traceback, status 0 or 2."""
    folder = os.fsencode(tmp_path)
    article = not_utf8(tmp_path, b"caf\xe9.txt")
    article.write_text(TEXT, encoding="utf-8")
    base = [os.fsencode(sys.executable), b"-m", b"diptych.gui"]
    project = folder + b"/p.diptych"
    steps = [
        ([b"import", project, os.fsencode(article)], 0),
        ([b"annotate", project, b"1", b"--quote", b"fox", b"--tag", b"A", b"--note", b"r\xe9"], 2),
        ([b"annotate", project, HUGE.encode(), b"--quote", b"fox", b"--tag", b"A"], 2),
        ([b"articles", project], 0),
    ]
    for argv, status in steps:
        done = subprocess.run(base + argv, capture_output=True, check=False, timeout=60)
        assert done.returncode == status, done.stderr
        assert b"Traceback" not in done.stderr
    assert b"Hello world." in done.stdout
