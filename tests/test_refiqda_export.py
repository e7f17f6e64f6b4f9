"""REFI-QDA export: schema-valid, self-consistent, deterministic, readable by another reader.

The schemas are the copies in ``tests/data/refiqda/`` (see the README there), so these
tests run in a fresh clone.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
import xmlschema
from lxml import etree

from diptych.storage.anchors import find_quote
from diptych.storage.errors import InputError
from diptych.storage.exporting import ExportCancelled, collect, export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_common import STAND_IN_USER_GUID, STAND_IN_USER_NAME
from diptych.storage.refiqda_export import ZIP_DATE, export_qdc, export_qdpx

DATA = Path(__file__).parent / "data" / "refiqda"
PROJECT_XSD = DATA / "Project-mrt2019.xsd"
CODEBOOK_XSD = DATA / "Codebook-mrt2019.xsd"
GOLDEN_QDE = DATA / "golden-project.qde"
NS = {"q": "urn:QDA-XML:project:1.0"}
Q = "{urn:QDA-XML:project:1.0}"

ARTICLE_ONE = (
    "Field notes 🌏 東アジアの外交\n\n"
    "Opening paragraph with an emoji 😀 and a family 👨‍👩‍👧 in Seoul.\n\n"
    'Trade & tariffs: <figures> "quoted", approximately $273 billion in 2024.\n\n'
    "中国和韩国的贸易关系非常密切。👍🏽 Closing line."
)
ARTICLE_TWO = "Second dispatch 📰\n\nA symbolic restart of relations, said 李雷.\n\nThe end."
DISPATCH_OLD = "Short dispatch\n\nA sentence that will vanish from the next version.\n\nClosing."
DISPATCH_NEW = "Short dispatch\n\nEntirely rewritten middle paragraph.\n\nClosing."

# (name, colour, parent, description)
TAGS = (
    ("Economy", "#F6C945", None, "Economic motives"),
    ("Trade", "#F7A85C", "Economy", "Volumes & <agreements>"),
    ("Diplomacy", "#7CC6F2", None, ""),
    ("Evidence", "#C39BE8", None, ""),
)
# (article index, quote, tags, note, coder)
PASSAGES = (
    (0, "emoji 😀 and a family 👨‍👩‍👧", ("Evidence", "Diplomacy"), "Emoji *inside*.", "Alice"),
    (0, "Trade & tariffs: <figures>", ("Trade",), "", "李雷"),
    (0, "中国和韩国的贸易关系非常密切。👍🏽", ("Economy", "Trade"), "CJK\nline two", "Alice"),
    (0, "Seoul", (), "Only a highlight.", ""),
    (1, "symbolic restart", ("Diplomacy",), "", "李雷"),
    (2, "A sentence that will vanish", ("Evidence",), "Will be orphaned.", "Alice"),
)


class FixedClock:
    """A clock that says what the test sets."""

    def __init__(self) -> None:
        self.now = "2025-01-15T09:00:00Z"

    def __call__(self) -> str:
        return self.now


def fixed_uuid(kind: str, number: int) -> str:
    return f"{kind}0000000-0000-4000-8000-{number:012d}"


@contextmanager
def counted_uuids() -> Iterator[None]:
    count = iter(range(1, 1_000_000))
    with mock.patch(
        "diptych.storage.project.new_uuid", side_effect=lambda: fixed_uuid("c", next(count))
    ):
        yield


def build_project(path: Path) -> Project:
    """Two articles with emoji and CJK, nested tags, passages with several tags and notes,
    two coders and one passage without a coder, memos, and one orphaned passage."""
    clock = FixedClock()
    with counted_uuids():
        project = Project.open(path, create=True, name="Field notes & more", clock=clock)
        texts = [(ARTICLE_ONE, "one.txt"), (ARTICLE_TWO, "two.txt"), (DISPATCH_OLD, "d.txt")]
        articles = []
        for number, (text, name) in enumerate(texts, start=1):
            parsed = parse_article(text.encode(), name=name)
            articles.append(project.articles.add(parsed=parsed, uuid=fixed_uuid("a", number)))
        tags: dict[str, int] = {}
        for number, (name, color, parent, description) in enumerate(TAGS, start=1):
            tags[name] = project.tags.add(
                name=name, color=color, parent_id=tags.get(parent or ""),
                description=description, uuid=fixed_uuid("7", number),
            ).id  # fmt: skip
        for number, (index, quote, names, note, coder) in enumerate(PASSAGES, start=1):
            clock.now = f"2025-01-15T10:{number:02d}:00Z"
            text = project.articles.get(article_id=articles[index].id).text
            anchor = find_quote(text, quote)
            project.annotations.add(
                article_id=articles[index].id, start=anchor.start, end=anchor.end,
                tag_ids=[tags[n] for n in names], note=note, coder=coder,
                uuid=fixed_uuid("b", number),
            )  # fmt: skip
        clock.now = "2025-01-21T08:00:00Z"
        new = parse_article(DISPATCH_NEW.encode(), name="d.txt")
        project.articles.replace_text(article_id=articles[2].id, parsed=new)
        project.memos.set(kind=MemoKind.PROJECT, text="Coding round **one**.")
        project.memos.set(kind=MemoKind.ARTICLE, target_id=articles[0].id, text="By hand.")
        project.memos.set(kind=MemoKind.TAG, target_id=tags["Trade"], text="Tag *memo*.")
    return project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with build_project(tmp_path / "export.diptych") as opened:
        yield opened


@pytest.fixture
def qdpx(project: Project) -> bytes:
    return export_qdpx(collect(project), None)


def project_xml(archive: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(archive)).read("project.qde"))


def test_schema_copies_are_unchanged() -> None:
    expected = {
        PROJECT_XSD: "a2cc1ffb4ab1c07c51d6c78e69f2c9968458a9f0ad3b317ddde27f1e86f15a15",
        CODEBOOK_XSD: "62a941a02df90991fd9e18bd97c571b88e3c493a722ef1e45a7247f787849c75",
    }
    for path, digest in expected.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path.name


def test_qdpx_is_valid_for_both_schema_engines(qdpx: bytes) -> None:
    qde = zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde")
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(etree.fromstring(qde)), schema.error_log
    xmlschema.XMLSchema(str(PROJECT_XSD)).validate(qde.decode("utf-8"))


def test_qdc_is_valid_for_both_schema_engines(project: Project) -> None:
    qdc = export_qdc(collect(project))
    schema = etree.XMLSchema(etree.parse(str(CODEBOOK_XSD)))
    assert schema.validate(etree.fromstring(qdc)), schema.error_log
    xmlschema.XMLSchema(str(CODEBOOK_XSD)).validate(qdc.decode("utf-8"))
    root = etree.fromstring(qdc)
    names = [c.get("name") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert names == ["Economy", "Trade", "Diplomacy", "Evidence"]


def test_what_the_schema_does_not_check(qdpx: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(qdpx))
    root = project_xml(qdpx)
    guids = [e.get("guid") for e in root.iter() if e.get("guid") is not None]
    assert len(guids) == len(set(guids)), "GUIDs are unique"
    codes = {e.get("guid") for e in root.iter(Q + "Code")}
    notes = {e.get("guid") for e in root.iter(Q + "Note")}
    users = {e.get("guid") for e in root.iter(Q + "User")}
    for ref in root.iter(Q + "CodeRef"):
        assert ref.get("targetGUID") in codes
    for ref in root.iter(Q + "NoteRef"):
        assert ref.get("targetGUID") in notes
    links = list(root.iter(Q + "Link"))
    assert links
    for link in links:  # a tag memo: from its code to its note
        assert link.get("originGUID") in codes and link.get("targetGUID") in notes
    for element in root.iter():
        for attribute in ("creatingUser", "modifyingUser", "creatingUserGUID"):
            if element.get(attribute) is not None:
                assert element.get(attribute) in users
    for selection in root.iter(Q + "PlainTextSelection"):
        assert 0 <= int(selection.get("startPosition")) <= int(selection.get("endPosition"))
    sources = list(root.iter(Q + "TextSource"))
    assert sources
    for source in sources:
        path = source.get("plainTextPath")
        assert path == f"internal://{source.get('guid')}.txt"
        assert source.find("q:PlainTextContent", NS) is None, "either content or path"
        assert f"sources/{path.removeprefix('internal://')}" in archive.namelist()
    assert archive.namelist() == sorted(archive.namelist())
    assert len(archive.namelist()) == 1 + len(sources)
    for info in archive.infolist():
        assert info.date_time == ZIP_DATE


def test_positions_are_code_points_of_the_display_text(project: Project, qdpx: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(qdpx))
    root = project_xml(qdpx)
    by_uuid = {p.uuid: p for p in project.annotations.query()}
    checked = 0
    for source in root.iter(Q + "TextSource"):
        text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
        article = next(a for a in project.articles.all() if a.uuid == source.get("guid"))
        assert text == project.articles.get(article_id=article.id).text
        for selection in source.iter(Q + "PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            passage = by_uuid[selection.get("guid")]
            assert (start, end) == (passage.start, passage.end)
            assert text[start:end] == passage.exact
            checked += 1
    assert checked == 5  # every passage but the orphan
    emoji = by_uuid[fixed_uuid("b", 3)]
    utf16_start = len(ARTICLE_ONE[: emoji.start].encode("utf-16-le")) // 2
    assert utf16_start != emoji.start, "the text before it holds astral characters"


def test_codes_users_and_codings(qdpx: bytes) -> None:
    root = project_xml(qdpx)
    economy = root.find("q:CodeBook/q:Codes/q:Code", NS)
    assert economy.get("guid") == fixed_uuid("7", 1)
    assert economy.get("color") == "#F6C945"
    trade = economy.find("q:Code", NS)
    assert trade.get("name") == "Trade"
    assert trade.find("q:Description", NS).text == "Volumes & <agreements>"
    assert trade.find("q:NoteRef", NS) is None  # QualCoder would drop the code
    (link,) = root.findall("q:Links/q:Link", NS)  # the tag memo
    assert (link.get("name"), link.get("originGUID")) == ("Memo", trade.get("guid"))
    memo = next(n for n in root.iter(Q + "Note") if n.get("guid") == link.get("targetGUID"))
    assert memo.find("q:PlainTextContent", NS).text == "Tag *memo*."
    users = {u.get("name"): u.get("guid") for u in root.iter(Q + "User")}
    assert set(users) == {"Alice", "李雷", STAND_IN_USER_NAME}
    assert users[STAND_IN_USER_NAME] == STAND_IN_USER_GUID
    selection = next(
        s for s in root.iter(Q + "PlainTextSelection") if s.get("guid") == fixed_uuid("b", 1)
    )
    assert selection.get("creatingUser") == users["Alice"]
    refs = [c.find("q:CodeRef", NS).get("targetGUID") for c in selection.findall("q:Coding", NS)]
    assert refs == [fixed_uuid("7", 3), fixed_uuid("7", 4)]  # codebook order
    assert selection.get("creationDateTime") == "2025-01-15T10:01:00Z"
    uncoded = next(
        s for s in root.iter(Q + "PlainTextSelection") if s.get("guid") == fixed_uuid("b", 4)
    )
    assert uncoded.get("creatingUser") == STAND_IN_USER_GUID
    assert not uncoded.findall("q:Coding", NS)


def test_notes_and_memos(qdpx: bytes) -> None:
    root = project_xml(qdpx)
    notes = {n.get("guid"): n.find("q:PlainTextContent", NS).text for n in root.iter(Q + "Note")}
    selection = next(
        s for s in root.iter(Q + "PlainTextSelection") if s.get("guid") == fixed_uuid("b", 3)
    )
    assert notes[selection.find("q:NoteRef", NS).get("targetGUID")] == "CJK\nline two"
    # QualCoder and MAXQDA read a coding's memo from the selection's description, and
    # QualCoder a document's memo from the source's description.
    assert selection.find("q:Description", NS).text == "CJK\nline two"
    assert root.find("q:Description", NS).text == "Coding round **one**."
    first = root.find("q:Sources/q:TextSource", NS)
    refs = [notes[r.get("targetGUID")] for r in first.findall("q:NoteRef", NS)]
    assert refs == ["By hand."]
    assert first.find("q:Description", NS).text == "By hand."
    without_note = next(
        s for s in root.iter(Q + "PlainTextSelection") if s.get("guid") == fixed_uuid("b", 2)
    )
    assert without_note.find("q:Description", NS) is None


def test_orphans_travel_as_notes_never_as_selections(project: Project, qdpx: bytes) -> None:
    orphan = project.annotations.find_uuid(uuid=fixed_uuid("b", 6))
    assert orphan is not None and orphan.is_orphan
    root = project_xml(qdpx)
    selections = {s.get("guid") for s in root.iter(Q + "PlainTextSelection")}
    assert orphan.uuid not in selections
    dispatch = root.findall("q:Sources/q:TextSource", NS)[2]
    assert dispatch.find("q:PlainTextSelection", NS) is None
    note_guid = dispatch.find("q:NoteRef", NS).get("targetGUID")
    note = next(n for n in root.iter(Q + "Note") if n.get("guid") == note_guid)
    text = note.find("q:PlainTextContent", NS).text
    assert "“A sentence that will vanish”" in text
    assert "Tags: Evidence" in text and "Will be orphaned." in text


def test_same_project_gives_the_same_bytes(tmp_path: Path, qdpx: bytes) -> None:
    with build_project(tmp_path / "again.diptych") as again:
        assert export_qdpx(collect(again), None) == qdpx
        assert export_qdc(collect(again)) == export_qdc(collect(again))


def test_golden_project_document(qdpx: bytes) -> None:
    """The whole project.qde, reviewed once; rewrite with DIPTYCH_REGEN_GOLDEN=1."""
    qde = zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde")
    if os.environ.get("DIPTYCH_REGEN_GOLDEN") == "1":
        GOLDEN_QDE.write_bytes(qde)
    assert qde.decode("utf-8") == GOLDEN_QDE.read_text(encoding="utf-8")


def test_characters_xml_cannot_hold_are_replaced(project: Project) -> None:
    passage = project.annotations.query()[0]
    project.annotations.set_note(annotation_id=passage.id, note="bell\x07 and \x0b tab")
    project.tags.update(tag_id=project.tags.all()[0].id, description="form\x0cfeed")
    qde = zipfile.ZipFile(io.BytesIO(export_qdpx(collect(project), None))).read("project.qde")
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(etree.fromstring(qde)), schema.error_log
    assert "bell\ufffd and \ufffd tab" in qde.decode("utf-8")


def test_a_project_without_coders_gets_one_user(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.diptych", create=True) as project:
        article = project.articles.add(parsed=parse_article(b"Some text here.", name="a.txt"))
        project.annotations.add(article_id=article.id, start=0, end=4)
        root = project_xml(export_qdpx(collect(project), None))
    users = root.findall("q:Users/q:User", NS)
    assert [u.get("guid") for u in users] == [STAND_IN_USER_GUID]
    assert root.get("creatingUserGUID") == STAND_IN_USER_GUID
    assert root.find("q:CodeBook", NS) is None  # no tags: no empty Codes


def test_an_empty_project_is_still_valid(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.diptych", create=True) as project:
        qdpx = export_qdpx(collect(project), None)
        with pytest.raises(InputError, match="no tags"):
            export_qdc(collect(project))
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(project_xml(qdpx)), schema.error_log


def test_progress_is_reported_and_can_cancel(project: Project) -> None:
    calls: list[tuple[int, int]] = []
    export_qdpx(collect(project), lambda done, total: calls.append((done, total)) or True)
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    with pytest.raises(ExportCancelled):
        export_qdpx(collect(project), lambda done, total: False)


def test_the_export_registry_uses_these_writers(project: Project, qdpx: bytes) -> None:
    assert export_project(project, fmt="qdpx") == qdpx
    assert export_project(project, fmt="qdc") == export_qdc(collect(project))


def test_pyrefiqda_reads_the_same_text_offsets_and_codes(
    project: Project, qdpx: bytes, tmp_path: Path
) -> None:
    """A second, independent reader (xsdata models generated from the schema)."""
    from pyrefiqda import RefiProject

    path = tmp_path / "export.qdpx"
    path.write_bytes(qdpx)
    extract = tmp_path / "extracted"
    loaded = RefiProject.load(path, extract_dir=str(extract))
    codes = {}
    stack = list(loaded.code_book.codes.code)
    while stack:
        code = stack.pop()
        codes[code.guid] = (code.name, code.color)
        stack.extend(code.code)
    assert codes[fixed_uuid("7", 2)] == ("Trade", "#F7A85C")
    assert {u.name for u in loaded.users.user} == {"Alice", "李雷", STAND_IN_USER_NAME}
    passages = {p.uuid: p for p in project.annotations.query()}
    tag_uuids = {t.id: t.uuid for t in project.tags.all()}
    seen = 0
    for source in loaded.sources.text_source:
        file = RefiProject.resolve_source_path(source.plain_text_path, extract)
        text = file.read_text(encoding="utf-8")
        for selection in source.plain_text_selection:
            passage = passages[selection.guid]
            assert text[selection.start_position : selection.end_position] == passage.exact
            assert [c.code_ref.target_guid for c in selection.coding] == [
                tag_uuids[t] for t in sorted(passage.tag_ids)
            ]
            seen += 1
    assert seen == 5


def test_pyrefiqda_reads_the_codebook(project: Project, tmp_path: Path) -> None:
    from pyrefiqda import RefiCodebook

    path = tmp_path / "codes.qdc"
    path.write_bytes(export_qdc(collect(project)))
    codebook = RefiCodebook.load(path)
    top = [(c.name, c.color, [s.name for s in c.code]) for c in codebook.codes.code]
    assert top[0] == ("Economy", "#F6C945", ["Trade"])
