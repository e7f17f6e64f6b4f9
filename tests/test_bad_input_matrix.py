"""The bad-input matrix: every row is a bad file or a bad moment, met with a saved project.

Each row starts from a project that already holds passages (the sample project), does
the bad thing, and then checks three things: no crash (only a known error, or a clean
import), a clear one-line message that names the file when something is refused, and
the project, opened again from disk, still holding exactly its passages. The table in
docs/RELIABILITY.md lists the rows with what the user sees; rows already covered in
depth elsewhere point there (tests/test_importing.py, test_decoding.py,
test_project_file.py, test_safezip.py, test_refiqda_import.py, test_cli.py).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import random
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_project_file import unwritable

from diptych.storage.cli import main
from diptych.storage.document import BlockKind, SpanStyle
from diptych.storage.errors import (
    ArticleFileError,
    DamagedProjectError,
    DiptychError,
    DiskFullError,
    NewerProjectError,
    NotAProjectError,
    ReadOnlyProjectError,
)
from diptych.storage.importing import MAX_ARTICLE_BYTES, read_article_file
from diptych.storage.model import ArticleSummary
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project
from diptych.storage.schema import SCHEMA_VERSION

SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass
class Case:
    """The saved project a row starts from, and where the row may put its bad files."""

    project: Path
    folder: Path
    request: pytest.FixtureRequest


def passages(path: Path) -> list[tuple[object, ...]]:
    """Everything the user sees of the passages, read from the file."""
    with Project.open(path, read_only=True) as project:
        return [
            (p.uuid, p.article_id, p.start, p.end, p.exact, p.note, p.coder, p.tag_ids)
            for p in project.annotations.query()
        ]


def article_uuids(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        return {a.uuid for a in project.articles.all()}


@contextlib.contextmanager
def refused(kind: type[DiptychError], says: str, file: Path) -> Iterator[list[str]]:
    """Expect the known error ``kind`` whose one-line message names ``file`` and says ``says``.

    Yields a list that receives the message, for the row to return.
    """
    seen: list[str] = []
    with pytest.raises(kind) as caught:
        yield seen
    message = str(caught.value)
    assert says in message
    assert message.startswith(f"{file}: ") or message.startswith(f"{file.name}: ")
    assert "\n" not in message
    seen.append(message)


def import_file(project_path: Path, file: Path) -> ArticleSummary:
    """Import an article file as the window does: read and parse, then add."""
    parsed = read_article_file(file)
    with Project.open(project_path) as project:
        return project.articles.add(parsed=parsed)


def imported_text(project_path: Path, summary: ArticleSummary) -> tuple[str, object]:
    """The stored display text and blocks of an imported article, read back from the file."""
    with Project.open(project_path, read_only=True) as project:
        article = project.articles.get(article_id=summary.id)
    return article.text, article.content


def write(case: Case, name: str, data: bytes) -> Path:
    path = case.folder / name
    path.write_bytes(data)
    return path


# Article files ------------------------------------------------------------------------------


def row_empty_file(case: Case) -> str:
    path = write(case, "empty.txt", b"")
    with refused(ArticleFileError, "is empty", path) as message:
        import_file(case.project, path)
    return message[0]


def row_binary_file(case: Case) -> str:
    path = write(case, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with refused(ArticleFileError, "is a PNG image, not a text article", path) as message:
        import_file(case.project, path)
    return message[0]


def row_random_bytes(case: Case) -> str:
    path = write(case, "noise.md", random.Random(5).randbytes(8192))
    with refused(ArticleFileError, "is not a text file", path) as message:
        import_file(case.project, path)
    return message[0]


def row_invalid_utf8_reads_as_windows_1252(case: Case) -> str:
    data = b"Caf\xe9 prices \x96 \x93quoted\x94 \x80 5\n\nNa\xefve second paragraph.\n"
    summary = import_file(case.project, write(case, "legacy.txt", data))
    text, _ = imported_text(case.project, summary)
    assert summary.encoding == "cp1252"
    assert text == "Café prices – “quoted” € 5\nNaïve second paragraph."
    return "imports, read as Windows-1252: Café prices – “quoted” € 5"


def row_utf16_with_bom(case: Case) -> str:
    data = codecs.BOM_UTF16_LE + "Trade 漢字 😀\r\n\r\nSecond paragraph.\r\n".encode("utf-16-le")
    summary = import_file(case.project, write(case, "utf16.txt", data))
    text, _ = imported_text(case.project, summary)
    assert summary.encoding == "utf-16"
    assert text == "Trade 漢字 😀\nSecond paragraph."
    return "imports (encoding utf-16, Windows line ends normalised)"


def row_utf16_without_bom(case: Case) -> str:
    path = write(case, "nobom.txt", "Trade and tariffs\n".encode("utf-16-le"))
    article = import_file(case.project, path)
    assert imported_text(case.project, article)[0] == "Trade and tariffs"
    return "imports (encoding recognised as utf-16-le)"


def row_article_of_50_mb(case: Case) -> str:
    rng = random.Random(50)
    words = ["trade", "tariff", "ministry", "bilateral", "growth", "export", "policy", "said"]
    paragraphs = (" ".join(rng.choices(words, k=700)) + ".\n\n" for _ in range(20_000))
    data = "".join(paragraphs).encode()[: 50 * 1000 * 1000]
    assert len(data) == 50 * 1000 * 1000 < MAX_ARTICLE_BYTES
    summary = import_file(case.project, write(case, "huge.txt", data))
    assert summary.characters > 49_000_000
    with Project.open(case.project) as project:  # and it can be annotated at its very end
        end = summary.characters
        passage = project.annotations.add(article_id=summary.id, start=end - 20, end=end)
        project.annotations.delete(annotation_id=passage.id)
    return f"imports ({summary.characters:,} characters)"


def row_article_over_the_size_limit(case: Case) -> str:
    path = case.folder / "too-big.txt"
    with path.open("wb") as file:  # sparse: no disk space used
        file.truncate(MAX_ARTICLE_BYTES + 1)
    with refused(ArticleFileError, "is larger than 64 MiB, too large for an article", path) as m:
        import_file(case.project, path)
    return m[0]


def row_pipe_table_of_10000_lines(case: Case) -> str:
    from PySide6.QtGui import QTextTable

    from diptych.gui.render import render_article
    from diptych.gui.theme import render_style

    case.request.getfixturevalue("qapp")
    rows = [f"| k{i} | v{i} | note {i} |" for i in range(9_998)]
    lines = ["| Key | Value | Note |", "|---|---|---|", *rows]
    data = ("Prices by key\n\n" + "\n".join(lines) + "\n").encode()
    summary = import_file(case.project, write(case, "table.txt", data))
    _, content = imported_text(case.project, summary)
    cells = [b for b in content.blocks if b.kind is BlockKind.CELL]
    assert {b.table for b in cells} == {0}
    assert len({b.row for b in cells}) == 9_999 and len(cells) == 3 * 9_999
    assert [c.header for c in cells[:3]] == [True] * 3
    document, _ = render_article(content, render_style())
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    # A long table is put in as a run of pieces (gui/render_tables.py), read as one table.
    assert sum(t.rows() for t in tables) == 9_999 and {t.columns() for t in tables} == {3}
    return "imports; one table of 9,999 rows × 3 columns (header row included), rendered"


HOSTILE_PAGE = b"""<!doctype html><html><head><title>Hostile page</title>
<script>alert('head')</script><style>body{background:url(http://evil.example/bg.png)}</style>
<meta http-equiv="refresh" content="0; url=http://evil.example/">
<link rel="stylesheet" href="http://evil.example/s.css"><base href="http://evil.example/">
</head><body onload="steal()"><h1>Trade report</h1>
<p>Before <script>document.write('SCRIPTED')</script> after.</p>
<iframe src="http://evil.example/frame">FRAMED</iframe>
<p><img src="http://evil.example/pixel.gif" alt="PIXEL" onerror="steal()">Image paragraph.</p>
<p><a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt:alert(2)">case</a>
<a href=" javascript:alert(3)">space</a> <a href="jav&#x09;ascript:alert(4)">tab</a>
<a href="data:text/html,<script>alert(5)</script>">data</a> <a href="vbscript:x">vb</a>
<a href="https://example.org/ok">good</a> <a href="mailto:a@example.org">mail</a>.</p>
<object data="http://evil.example/x.swf">OBJECT</object><embed src="http://evil.example/e">
<svg><script>alert(7)</script><a xlink:href="javascript:alert(8)"><text>SVG</text></a></svg>
<form action="http://evil.example/post"><input value="TYPED"><button>SEND</button></form>
<video src="http://evil.example/v.mp4" poster="http://evil.example/p.png">VIDEO</video>
</body></html>"""


def row_html_with_scripts_frames_images_and_javascript_links(case: Case) -> str:
    from PySide6.QtGui import QTextFormat

    from diptych.gui.render import render_article
    from diptych.gui.theme import render_style

    case.request.getfixturevalue("qapp")
    summary = import_file(case.project, write(case, "hostile.html", HOSTILE_PAGE))
    text, content = imported_text(case.project, summary)
    # The image is never fetched; its description stands in its place.
    assert text.startswith(
        "Trade report\nBefore after.\n[Image: PIXEL] Image paragraph.\njs case space tab"
    )
    for hidden in ("alert", "SCRIPTED", "FRAMED", "OBJECT", "SVG", "TYPED", "evil"):
        assert hidden not in text
    links = [s.href for b in content.blocks for s in b.spans if s.style is SpanStyle.LINK]
    assert links == ["https://example.org/ok", "mailto:a@example.org"]
    document, _ = render_article(content, render_style())
    block = document.begin()
    while block.isValid():  # the rendered page: no image, no link but the two safe ones
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            assert fmt.objectType() == QTextFormat.ObjectTypes.NoObject
            assert not fmt.anchorHref() or fmt.anchorHref().startswith(SAFE_SCHEMES)
            fragments += 1
        block = block.next()
    return "imports the words only: no script, frame, image, form; only http(s)/mailto links"


def row_markdown_with_raw_html(case: Case) -> str:
    data = b"""# Notes

Inline <script>alert(1)</script> and <img src="http://evil.example/p.gif"> here.

<iframe src="http://evil.example/"></iframe>

[js](javascript:alert(2)) and <a href="javascript:alert(3)">raw</a> and [ok](https://example.org).
"""
    summary = import_file(case.project, write(case, "raw.md", data))
    text, content = imported_text(case.project, summary)
    assert "Inline and here." in text  # the script with its code, the image: gone
    assert "alert(1)" not in text and "evil.example" not in text and "iframe" not in text
    assert " and raw and ok." in text
    links = [s.href for b in content.blocks for s in b.spans if s.style is SpanStyle.LINK]
    assert links == ["https://example.org"]
    return "imports the words; no script, frame or image; javascript: links are not links"


# Project files ------------------------------------------------------------------------------


def open_untouched(case: Case, path: Path, kind: type[DiptychError], says: str) -> str:
    """Opening ``path`` as a project is refused and leaves its bytes as they were."""
    before = path.read_bytes()
    with refused(kind, says, path) as message:
        Project.open(path)
    assert path.read_bytes() == before
    assert not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))
    return message[0]


def row_text_file_as_project(case: Case) -> str:
    path = write(case, "notes.diptych", b"Meeting notes, not a project\n" * 20)
    return open_untouched(case, path, NotAProjectError, "is not a Diptych project")


def row_foreign_sqlite_file_as_project(case: Case) -> str:
    path = case.folder / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    return open_untouched(case, path, NotAProjectError, "is another program's database")


def row_truncated_project(case: Case) -> str:
    path = case.folder / "cut.diptych"
    path.write_bytes(case.project.read_bytes()[: 40 * 1024])
    return open_untouched(case, path, DamagedProjectError, "is damaged")


def row_project_from_a_newer_diptych(case: Case) -> str:
    path = case.folder / "future.diptych"
    path.write_bytes(case.project.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return open_untouched(case, path, NewerProjectError, "was saved by a newer version")


def row_folder_as_project(case: Case) -> str:
    path = case.folder / "folder.diptych"
    path.mkdir()
    with refused(NotAProjectError, "is a folder, not a project file", path) as message:
        Project.open(path)
    return message[0]


def row_read_only_project(case: Case) -> str:
    article = case.folder / "new.txt"
    article.write_text("A new article.\n", encoding="utf-8")
    with unwritable(case.project), Project.open(case.project) as project:
        assert project.read_only
        assert len(project.annotations.query()) == 6
        with refused(ReadOnlyProjectError, "is open read-only", case.project) as message:
            project.annotations.add(article_id=1, start=0, end=10, note="lost?")
        with refused(ReadOnlyProjectError, "is open read-only", case.project):
            project.articles.add(parsed=read_article_file(article))
    return "opens read-only with all its passages; a change: " + message[0]


def row_disk_full(case: Case) -> str:
    big = read_article_file(write(case, "big.txt", b"A long article. " * 200_000))
    with Project.open(case.project) as project:
        pages = project.db.execute("PRAGMA page_count").fetchone()[0]
        project.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
        with refused(DiskFullError, "the disk is full", case.project) as message:
            project.articles.add(parsed=big)
        assert len(project.annotations.query()) == 6 and len(project.articles.all()) == 2
        project.db.execute("PRAGMA max_page_count = 1073741823")  # space was freed
        project.articles.add(parsed=big)
    with Project.open(case.project) as project:
        assert [a.title for a in project.articles.all()][-1].startswith("A long article.")
    return message[0]


# Exchange files through the command line -------------------------------------------------

QDE = '<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>'
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>"""


def cli_import(case: Case, exchange: Path, says: str) -> str:
    """``diptych import PROJECT FILE`` fails with status 2 and one line naming the file."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["import", str(case.project), str(exchange)], stdout=out, stderr=err)
    message = err.getvalue()
    assert code == 2 and out.getvalue() == ""
    assert message.startswith(f"diptych: {exchange}: ") and says in message
    assert message.count("\n") == 1
    return message.strip()


def qdpx(case: Case, name: str, members: dict[str, str | bytes]) -> Path:
    path = case.folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def row_qdpx_zip_slip(case: Case) -> str:
    path = qdpx(case, "slip.qdpx", {"project.qde": QDE, "../../.bashrc": b"rm -rf ~"})
    message = cli_import(case, path, "could write outside its folder")
    assert not (case.folder.parent / ".bashrc").exists()
    return message


def row_qdpx_zip_bomb(case: Case) -> str:
    path = qdpx(case, "bomb.qdpx", {"project.qde": QDE, "sources/a.txt": bytes(20 * 1024**2)})
    assert path.stat().st_size < 100 * 1024  # 20 MiB of zeros, a thousand to one
    return cli_import(case, path, "it may be a zip bomb")


def row_qdpx_billion_laughs(case: Case) -> str:
    path = qdpx(case, "laughs.qdpx", {"project.qde": BILLION_LAUGHS})
    return cli_import(case, path, "entity declaration")


ROWS: dict[str, Callable[[Case], str]] = {
    name.removeprefix("row_"): function
    for name, function in sorted(globals().items())
    if name.startswith("row_")
}
SLOW_ROWS = {"article_of_50_mb"}


@pytest.fixture
def case(tmp_path: Path, request: pytest.FixtureRequest) -> Case:
    project = tmp_path / "saved.diptych"
    create_sample_project(project).close()
    folder = tmp_path / "files"
    folder.mkdir()
    return Case(project, folder, request)


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, marks=pytest.mark.slow) if r in SLOW_ROWS else r for r in ROWS],
)
def test_bad_input_is_met_clearly_and_loses_nothing(case: Case, row: str) -> None:
    saved_passages = passages(case.project)
    saved_articles = article_uuids(case.project)
    assert len(saved_passages) == 6
    seen = ROWS[row](case)
    assert passages(case.project) == saved_passages
    assert saved_articles <= article_uuids(case.project)
    print(f"\n{row}: {seen}")  # shown with pytest -s; the table in docs/RELIABILITY.md
