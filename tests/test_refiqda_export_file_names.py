"""A REFI-QDA project names each source with something that can be a file's name:
QualCoder copies each source to a file of that name when it imports the project (a '/'
in a title made a path to a folder that is not there, and the source was lost), and
NVivo and MAXQDA users are on Windows, whose file names cannot hold < > : " / \\ | ? *
and lose a dot or a space at their end."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_refiqda_export import PROJECT_XSD

from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file
from diptych.storage.refiqda_names import SourceNames, file_safe_name

Q = "{urn:QDA-XML:project:1.0}"
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
TITLES = (
    "Q1/Q2 report",
    "a\\b",
    "What? Why:",
    'Say "no" <now> | later *maybe*',
    "Ends with a dot.",
    "Ends with dots and spaces . . ",
    "Ends with a dot",  # the same file as the one with the dot, on Windows
    "..",
    "CON",
    "nul.txt",
    "Q1∕Q2 report",  # already the safe spelling of the first: still a name of its own
    "q1/q2 REPORT",  # the same file on Windows and macOS, where case does not count
    "../../etc/passwd",
)


def make_project(path: Path) -> Project:
    project = Project.create(path)
    tag = project.tags.add(name="Checked", color="#7CC6F2")
    for number, title in enumerate(TITLES, start=1):
        parsed = parse_article(f"Article {number}\n\nBody {number}.\n".encode(), name="a.txt")
        article = project.articles.add(parsed=parsed)
        project.articles.rename(article_id=article.id, title=title)
        text = project.articles.get(article_id=article.id).text
        start = text.index(f"Body {number}")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 4, tag_ids=[tag.id], note=title
        )
    return project


def project_document(archive: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(archive)).read("project.qde"))


@pytest.fixture
def qdpx(tmp_path: Path) -> bytes:
    with make_project(tmp_path / "names.diptych") as project:
        return export_qdpx(collect(project), None)


def test_source_names_are_file_names_on_every_system(qdpx: bytes) -> None:
    root = project_document(qdpx)
    names = [s.get("name", "") for s in root.iter(f"{Q}TextSource")]
    assert names == [
        "Q1∕Q2 report",
        "a⧵b",
        "What？ Why：",
        "Say ＂no＂ ＜now＞ ｜ later ＊maybe＊",
        "Ends with a dot.",  # Windows drops the dot, in making the file and in opening it
        "Ends with dots and spaces . .",
        "Ends with a dot (2)",
        "a.txt",  # nothing of ".." is left: the name of the article's file stands in
        "CON_",
        "nul_.txt",
        "Q1∕Q2 report (2)",
        "q1∕q2 REPORT (3)",
        "..∕..∕etc∕passwd",
    ]
    for name in names:
        assert not WINDOWS_FORBIDDEN & set(name), name
        assert name.strip(". ") and name == name.strip()
    assert len({name.casefold().rstrip(". ") for name in names}) == len(names)
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(root), schema.error_log


def test_the_codings_come_back_when_the_export_is_imported(qdpx: bytes, tmp_path: Path) -> None:
    path = tmp_path / "names.qdpx"
    path.write_bytes(qdpx)
    with Project.create(tmp_path / "back.diptych") as project:
        summary = import_exchange_file(project, path=path)
        assert summary.skipped == {}
        assert len(summary.article_ids) == len(TITLES)
        tag = project.tags.find(name="Checked")
        assert tag is not None
        passages = project.annotations.query()
        # Each passage is in its article: the note the title it had, the article the
        # source's name as a title.
        assert [p.note for p in passages] == [t.rstrip() for t in TITLES]
        titles = [project.articles.summary(article_id=p.article_id).title for p in passages]
        assert titles[:3] == ["Q1∕Q2 report", "a⧵b", "What？ Why："]
        assert all(p.tag_ids == (tag.id,) for p in passages)
        assert [p.exact for p in passages] == ["Body"] * len(TITLES)


def test_long_names_are_cut_to_what_a_file_system_takes() -> None:
    # 255 bytes is the most a file's name may take on Linux and macOS: 85 CJK characters.
    name = file_safe_name("東アジアの外交" * 40, fallback="x.txt")
    assert len(name.encode("utf-8")) <= 200 and name.endswith("…")
    names = SourceNames()
    first = names.claim("é" * 300, fallback="a.txt")
    second = names.claim("é" * 300, fallback="b.txt")
    assert first != second and second.endswith(" (2)")
    assert len(second.encode("utf-8")) <= 200


def test_names_without_a_character_left_fall_back() -> None:
    assert file_safe_name(" . ", fallback="1234.txt") == "1234.txt"
    assert file_safe_name("tab\there\nnewline", fallback="x") == "tab here newline"
    assert (
        file_safe_name("bell\x07 👨\u200d👩\u200d👧", fallback="x")
        == "bell\ufffd 👨\u200d👩\u200d👧"
    )


def write_qdpx(path: Path, sources: str, files: dict[str, bytes]) -> Path:
    namespace = 'xmlns="urn:QDA-XML:project:1.0"'
    qde = f'<Project {namespace} name="p"><Sources>{sources}</Sources></Project>'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def text_source(number: int, name: str, path: str) -> str:
    guid = f"631251cc-9fb4-4131-bea8-{number:012d}"
    return f'<TextSource guid="{guid}" name="{name}" plainTextPath="internal://{path}"/>'


def test_sources_named_with_such_characters_import(tmp_path: Path) -> None:
    """Names and paths as other programs write them, with what a file's name cannot hold:
    each is only a title, or the name of an entry of the archive, never a path on disk."""
    sources = [
        text_source(1, "Q1/Q2 report", "Q1/Q2 report.txt"),  # a folder in the archive
        text_source(2, "a\\b: why? &lt;x&gt; | *", "a\\b.txt"),  # Windows' separator
        text_source(3, "What?", "What%3F.txt"),  # a URL, as the standard calls it
        text_source(4, "../../etc/passwd", "../../etc/passwd"),  # leaves the archive: not read
        text_source(5, "..", "sub/../five.txt"),  # a way round to a file that is there
    ]
    files = {
        "sources/Q1/Q2 report.txt": b"One\n\nFirst text.\n",
        "sources\\a\\b.txt": b"Two\n\nSecond text.\n",
        "sources/What?.txt": b"Three\n\nThird text.\n",
        "sources/five.txt": b"Five\n\nFifth text.\n",
    }
    path = write_qdpx(tmp_path / "other.qdpx", "".join(sources), files)
    with Project.create(tmp_path / "in.diptych") as project:
        summary = import_exchange_file(project, path=path)
        titles = [a.title for a in project.articles.all()]
    assert titles == ["Q1/Q2 report", "a\\b: why? <x> | *", "What?"]
    assert summary.skipped == {"text source whose text file is missing": 2}
