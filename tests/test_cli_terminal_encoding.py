"""The command line on a terminal that is not UTF-8 (a Latin-1 locale, ``PYTHONIOENCODING=
ascii`` in a CI container): every command's output, message and help is written, with an
escape for each character the terminal cannot show (``--json`` with JSON's own escapes,
so that it reads back the same), never a traceback; and a reader that stops reading
(``| head``) still gets no message."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ARTICLE = (
    "Xi’s visit: a “restart” 🎉\n\n"
    "The café owner’s answer was naïve, said the mayor of Łódź.\n\n"
    "Trade talks resume next week in Seoul after a long pause.\n"
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A project whose title, text, tag and note hold characters Latin-1 lacks."""
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(ARTICLE.encode(), name="xi.txt"))
        tag = project.tags.add(name="Économie’s")
        start = project.articles.get(article_id=article.id).text.index("café")
        project.annotations.add(
            article_id=article.id,
            start=start,
            end=start + len("café owner’s answer"),
            tag_ids=[tag.id],
            note="Who said “restart”? 🎉",
        )
    return path


def run_in(encoding: str, *argv: str | Path) -> tuple[int, str, str]:
    """Run a command writing to standard output and error in ``encoding`` (strictly, as a
    terminal's files are); returns the status and what each received."""
    written = io.BytesIO(), io.BytesIO()
    out, err = (io.TextIOWrapper(b, encoding=encoding, errors="strict") for b in written)
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    out.flush()
    err.flush()
    said = [b.getvalue().decode(encoding) for b in written]
    return code, *said


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("argv", [["articles"], ["annotations"], ["search", "restart"], ["tags"]])
def test_every_listing_is_written_with_escapes(path: Path, encoding: str, argv: list[str]) -> None:
    code, out, err = run_in(encoding, argv[0], path, *argv[1:])

    assert (code, err) == (0, "")
    shown = {"articles": "Xi\\u2019s", "annotations": "said \\u201crestart\\u201d",
             "search": "Xi\\u2019s", "tags": "conomie\\u2019s"}  # fmt: skip
    assert shown[argv[0]] in out
    accent = "É" if encoding == "latin-1" else "\\xc9"  # what the terminal can show, shown
    assert argv[0] not in ("annotations", "tags") or accent in out


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("command", ["articles", "annotations", "tags"])
def test_json_is_the_same_json_with_escapes(path: Path, encoding: str, command: str) -> None:
    code, out, err = run_in(encoding, command, path, "--json")
    _, in_utf8, _ = run_in("utf-8", command, path, "--json")

    assert (code, err) == (0, "")
    assert json.loads(out) == json.loads(in_utf8)
    assert "\\u2019" in out and "’" in in_utf8
    if command == "annotations":
        assert "\\ud83c\\udf89" in out  # 🎉, beyond U+FFFF: the pair JSON writes it as


def test_messages_on_standard_error_are_written_with_escapes(path: Path, tmp_path: Path) -> None:
    code, out, err = run_in("ascii", "annotations", path, "--tag", "Zoë’s")
    assert (code, out) == (2, "")
    assert "there is no tag" in err and "Zo\\xeb\\u2019s" in err

    again = tmp_path / "xi.txt"
    again.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_in("latin-1", "import", path, again)  # already in the project
    assert code == 0
    assert "# left out: " in out and "\\u201cXi\\u2019s visit" in out


def diptych(*argv: str | Path, encoding: str) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.Popen(
        [sys.executable, "-m", "diptych.gui", *map(str, argv)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
    )  # fmt: skip


def test_help_and_output_on_an_ascii_terminal_need_no_utf8(path: Path) -> None:
    for argv in (["annotate", "--help"], ["--help"], ["annotations", path]):
        process = diptych(*argv, encoding="ascii")
        out, err = process.communicate(timeout=60)
        assert (process.returncode, err) == (0, b""), argv
        out.decode("ascii")  # nothing but ASCII written
    annotate = diptych("annotate", "--help", encoding="ascii").communicate()[0]
    assert b"(Xi's finds Xi\\u2019s)" in b" ".join(annotate.split())
    said = b" ".join(diptych("--help", encoding="ascii").communicate()[0].split())
    assert b"written in the terminal's encoding" in said


def test_a_reader_that_stops_reading_gets_no_message(path: Path) -> None:
    with Project.open(path) as project, project.transaction():
        (article,) = project.articles.all()
        for start in range(0, 3000):  # far more than a pipe holds
            project.annotations.add(article_id=article.id, start=start % 40, end=start % 40 + 5)
    process = diptych("annotations", path, encoding="latin-1")
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()  # as ``| head -1`` reads
    process.stdout.close()

    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""
    process.stderr.close()
