"""Tag memos in REFI-QDA: written so that QualCoder keeps every code, read back exactly.

QualCoder's importer (``refi.py``, ``sub_codes``) keeps a ``Code`` only when its children
are a ``Description`` and ``Code`` elements: a leaf code holding anything else (a
``NoteRef``) is dropped with every passage coded with it. Diptych therefore ties a tag
memo to its code with a ``Link``, and still reads the ``NoteRef`` form other programs
write.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from test_refiqda_import import write_qdpx

from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdc, export_qdpx
from diptych.storage.refiqda_import import import_exchange_file

DATA = Path(__file__).parent / "data" / "refiqda"
PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
TEXT = "Interview one.\n\nWe trust the council, said the mayor.\n\nThe end."

# (path, description, memo): parents and leaves, with and without either
TAGS = (
    ("Themes", "Top level", "Memo on the **category**."),
    ("Themes/Trust", "Trust in institutions", "Leaf memo\n\n- with a list"),
    ("Themes/Doubt", "", "A memo without a description"),
    ("Themes/Plain", "Only a description", ""),
    ("Actors", "", "Parent memo only"),
    ("Actors/Mayor", "", ""),
    ("Actors/Mayor/Quotes", "Deepest", "Deepest memo"),
    ("Lonely", "", "A leaf at the top with a memo"),
)


def build(path: Path) -> Project:
    project = Project.open(path, create=True)
    article = project.articles.add(parsed=parse_article(TEXT.encode(), name="one.txt"))
    ids: dict[str, int] = {}
    for number, (tag_path, description, memo) in enumerate(TAGS):
        parent, _, name = tag_path.rpartition("/")
        tag = project.tags.add(
            name=name,
            color=f"#{number + 1:02X}4080",
            parent_id=ids.get(parent),
            description=description,
        )
        ids[tag_path] = tag.id
        if memo:
            project.memos.set(kind=MemoKind.TAG, target_id=tag.id, text=memo)
    start = TEXT.index("We trust")
    for offset, tag_path in enumerate(p for p, _, _ in TAGS):
        project.annotations.add(
            article_id=article.id,
            start=start + offset,
            end=start + offset + 8,
            tag_ids=[ids[tag_path]],
            note="",
            coder="Zoë",
        )
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = build(tmp_path / "memos.diptych")
    yield opened
    opened.close()


def qualcoder_codes(codes: etree._Element, namespace: str) -> tuple[list[str], list[str]]:
    """Which elements QualCoder's ``sub_codes`` makes codes of, modelled on its rules.

    Returns the GUIDs of the codes it inserts, and the names of the elements it treats as
    codes although they are not ``Code`` elements (a ``NoteRef`` in a category).
    """
    kept: list[str] = []
    bogus: list[str] = []

    def visit(element: etree._Element) -> None:
        children = list(element)
        if etree.QName(element).localname != "Code":
            bogus.append(etree.QName(element).localname)
        names = [etree.QName(c).localname for c in children]
        is_category = "Code" in names or element.get("isCodable") == "false"
        if is_category:
            if element.get("isCodable") == "true":
                kept.append(element.get("guid"))
            for child in children:
                if etree.QName(child).localname != "Description":
                    visit(child)
        elif names in ([], ["Description"]):
            kept.append(element.get("guid"))
        # any other leaf is dropped, and every coding that refers to it

    for code in codes.findall(f"{{{namespace}}}Code"):
        visit(code)
    return kept, bogus


def test_every_code_holds_only_a_description_and_codes_so_qualcoder_keeps_it(
    project: Project,
) -> None:
    qde = zipfile.ZipFile(io.BytesIO(export_qdpx(collect(project), None))).read("project.qde")
    schema = etree.XMLSchema(etree.parse(str(DATA / "Project-mrt2019.xsd")))
    root = etree.fromstring(qde)
    assert schema.validate(root), schema.error_log
    xmlschema.XMLSchema(str(DATA / "Project-mrt2019.xsd")).validate(qde.decode("utf-8"))
    q = f"{{{PROJECT_NS}}}"
    codes = list(root.iter(q + "Code"))
    assert len(codes) == len(TAGS)
    for code in codes:
        assert {etree.QName(c).localname for c in code} <= {"Description", "Code"}, code.get("name")
    kept, bogus = qualcoder_codes(root.find(f"{q}CodeBook/{q}Codes"), PROJECT_NS)
    assert sorted(kept) == sorted(t.uuid for t in project.tags.all())
    assert bogus == []
    coded = {r.get("targetGUID") for r in root.iter(q + "CodeRef")}
    assert coded <= set(kept), "every passage keeps its code in QualCoder"
    # the memos are still in the file, each tied to its code
    notes = {n.get("guid"): n.findtext(q + "PlainTextContent") for n in root.iter(q + "Note")}
    guids = {t.uuid: project.tags.codebook().path(t.id) for t in project.tags.all()}
    linked = {
        guids[link.get("originGUID")]: notes[link.get("targetGUID")]
        for link in root.iter(q + "Link")
    }
    assert linked == {path: memo for path, _, memo in TAGS if memo}


def test_the_codebook_holds_only_descriptions_and_codes_so_qualcoder_keeps_it(
    project: Project,
) -> None:
    qdc = export_qdc(collect(project))
    root = etree.fromstring(qdc)
    schema = etree.XMLSchema(etree.parse(str(DATA / "Codebook-mrt2019.xsd")))
    assert schema.validate(root), schema.error_log
    xmlschema.XMLSchema(str(DATA / "Codebook-mrt2019.xsd")).validate(qdc.decode("utf-8"))
    for code in root.iter(f"{{{CODEBOOK_NS}}}Code"):
        assert {etree.QName(c).localname for c in code} <= {"Description", "Code"}
    kept, bogus = qualcoder_codes(root.find(f"{{{CODEBOOK_NS}}}Codes"), CODEBOOK_NS)
    assert sorted(kept) == sorted(t.uuid for t in project.tags.all())
    assert bogus == []
    # the memos are not in a codebook, and not folded into the descriptions either
    descriptions = [d.text for d in root.iter(f"{{{CODEBOOK_NS}}}Description")]
    assert descriptions == [d for _, d, _ in TAGS if d]


def tag_memos(project: Project) -> dict[str, str]:
    codebook = project.tags.codebook()
    memos = {}
    for tag in codebook.ordered():
        memo = project.memos.get(kind=MemoKind.TAG, target_id=tag.id)
        if memo is not None:
            memos[codebook.path(tag.id)] = memo.text
    return memos


def test_tag_memos_come_back_on_their_tags(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "memos.qdpx"
    path.write_bytes(export_qdpx(collect(project), None))
    assert tag_memos(project) == {p: m for p, _, m in TAGS if m}
    with Project.open(tmp_path / "back.diptych", create=True) as target:
        summary = import_exchange_file(target, path=path)
        assert tag_memos(target) == tag_memos(project)
        assert target.memos.get(kind=MemoKind.PROJECT) is None, "no memo left over"
        assert summary.skipped == {}
        codebook = target.tags.codebook()
        assert [(codebook.path(t.id), t.description) for t in codebook.ordered()] == [
            (p, d) for p, d, _ in TAGS
        ]
        assert len(target.annotations.query()) == len(TAGS)
        # importing the same file again adds nothing to the memos
        import_exchange_file(target, path=path)
        assert tag_memos(target) == tag_memos(project)


PARENT = "a1b2c3d4-0000-4000-8000-000000000001"
LEAF = "a1b2c3d4-0000-4000-8000-000000000002"
SOURCE = "5e6f7a8b-1111-4111-8111-111111111111"
SELECTION = "b0000000-0000-4000-8000-000000000001"
NOTE_PARENT = "9c8d7e6f-2222-4222-8222-000000000001"
NOTE_LEAF = "9c8d7e6f-2222-4222-8222-000000000002"


def test_the_noteref_form_of_earlier_exports_and_other_programs_is_read(tmp_path: Path) -> None:
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{PROJECT_NS}" name="Old" origin="Diptych 0.9">
  <CodeBook><Codes>
    <Code guid="{PARENT}" name="Method" isCodable="true" color="#FF0000">
      <Description>Methodological statements</Description>
      <NoteRef targetGUID="{NOTE_PARENT}"/>
      <Code guid="{LEAF}" name="Sampling" isCodable="true">
        <Description>Who was asked</Description>
        <NoteRef targetGUID="{NOTE_LEAF.upper()}"/>
      </Code>
    </Code>
  </Codes></CodeBook>
  <Notes>
    <Note guid="{NOTE_PARENT}" name="Memo on Method">
      <PlainTextContent>Parent memo</PlainTextContent></Note>
    <Note guid="{NOTE_LEAF}" name="Memo on Sampling">
      <PlainTextContent>Leaf memo</PlainTextContent></Note>
  </Notes>
</Project>"""
    with Project.open(tmp_path / "old.diptych", create=True) as target:
        summary = import_exchange_file(target, path=write_qdpx(tmp_path / "old.qdpx", qde))
        assert tag_memos(target) == {"Method": "Parent memo", "Method/Sampling": "Leaf memo"}
        assert target.memos.get(kind=MemoKind.PROJECT) is None
        assert summary.skipped == {}


def test_links_to_a_code_whatever_their_direction_and_links_that_lead_nowhere(
    tmp_path: Path,
) -> None:
    missing = "99999999-9999-4999-8999-999999999999"
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{PROJECT_NS}" name="Links" origin="Some tool">
  <CodeBook><Codes>
    <Code guid="{PARENT}" name="Method" isCodable="true">
      <Code guid="{LEAF}" name="Sampling" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{SOURCE}" name="t"><PlainTextContent>Hello world.</PlainTextContent>
      <PlainTextSelection guid="{SELECTION}" startPosition="0" endPosition="5">
        <Coding guid="c0000000-0000-4000-8000-000000000001">
          <CodeRef targetGUID="{LEAF}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="{NOTE_PARENT}" name="Memo on Method">
      <PlainTextContent>Parent memo</PlainTextContent></Note>
    <Note guid="{NOTE_LEAF}" name="Memo on Sampling">
      <PlainTextContent>Leaf memo</PlainTextContent></Note>
  </Notes>
  <Links>
    <Link guid="d0000000-0000-4000-8000-000000000001" originGUID="{PARENT}"
          targetGUID="{NOTE_PARENT}"/>
    <Link guid="d0000000-0000-4000-8000-000000000002" originGUID="{NOTE_LEAF}"
          targetGUID="{LEAF}" direction="Associative"/>
    <Link guid="d0000000-0000-4000-8000-000000000003" originGUID="{LEAF}"
          targetGUID="{missing}"/>
    <Link guid="d0000000-0000-4000-8000-000000000004" originGUID="{LEAF}"
          targetGUID="{SOURCE}"/>
    <Link guid="d0000000-0000-4000-8000-000000000005" originGUID="{LEAF}"/>
  </Links>
</Project>"""
    with Project.open(tmp_path / "links.diptych", create=True) as target:
        summary = import_exchange_file(target, path=write_qdpx(tmp_path / "links.qdpx", qde))
        assert tag_memos(target) == {"Method": "Parent memo", "Method/Sampling": "Leaf memo"}
        assert target.memos.get(kind=MemoKind.PROJECT) is None
        (passage,) = target.annotations.query()
        assert passage.note == "", "a tag memo is not a passage note"
        assert summary.skipped == {
            "link with no note at either end": 2,
            "link without an origin or a target": 1,
        }
        assert any("link with no note at either end ×2" in line for line in summary.describe())
