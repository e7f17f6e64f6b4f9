"""Importing a REFI-QDA project whose sources are already in the project: the same file
twice, a project exported and imported back, a colleague's copy with a coding more. A
source already there is not added again; only the codings its article lacks are added."""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy as copy_element
from pathlib import Path

import pytest
from lxml import etree
from test_refiqda_export import ARTICLE_TWO, build_project
from test_refiqda_import import maxqda_style, snapshot, write_qdpx

from diptych.storage.cli import main
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file
from diptych.storage.refiqda_summary import ExchangeImportSummary

Q = "{urn:QDA-XML:project:1.0}"
EXTRA_NOTE = "Added by a colleague."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with build_project(tmp_path / "study.diptych") as opened:
        yield opened


def exported(project: Project, path: Path) -> Path:
    path.write_bytes(export_qdpx(collect(project), None))
    return path


def counts(project: Project) -> tuple[int, int, int, int, int]:
    return (
        len(project.articles.all()),
        project.annotations.count(),
        len(project.tags.all()),
        len(project.memos.all()),
        len(project.annotations.coders()),
    )


def edited(path: Path, edit: object, texts: dict[str, str] | None = None) -> Path:
    """The exchange file at ``path`` with its ``project.qde`` changed by ``edit(root)``,
    and the text of each source named in ``texts`` replaced."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(members["project.qde"])
    for name, text in (texts or {}).items():
        where = str(source_of(root, name).get("plainTextPath")).removeprefix("internal://")
        members[f"sources/{where}"] = text.encode("utf-8")
    edit(root)  # type: ignore[operator]
    members["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    out = path.with_name("colleague.qdpx")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def code_guid(root: etree._Element, name: str) -> str:
    return str(root.find(f".//{Q}Code[@name='{name}']").get("guid"))


def text_of(project: Project, title: str) -> str:
    """An article's display text (what positions count in)."""
    article = next(a for a in project.articles.all() if a.title == title)
    return project.articles.get(article_id=article.id).text


def source_of(root: etree._Element, title: str) -> etree._Element:
    return root.find(f".//{Q}TextSource[@name='{title}']")


def test_the_same_file_imported_twice_adds_nothing_the_second_time(
    tmp_path: Path, project: Project
) -> None:
    path = exported(project, tmp_path / "study.qdpx")
    with Project.create(tmp_path / "other.diptych") as other:
        import_exchange_file(other, path=path)
        before, numbers = snapshot(other), counts(other)
        second = import_exchange_file(other, path=path)
        assert counts(other) == numbers
        assert snapshot(other) == before  # same passages, notes, tags and memos
        assert second.article_ids == [] and second.passages == 0 and second.memos == 0
        assert second.known_sources == ["“Field notes 🌏 東アジアの外交”", "“Second dispatch 📰”",
                                        "“Short dispatch”"]  # fmt: skip
        assert (second.codings_added, second.codings_present) == (0, 7)
        assert second.skipped == {}


def test_a_file_of_another_program_imported_twice_adds_nothing_the_second_time(
    tmp_path: Path,
) -> None:
    """MAXQDA's one selection per code and QualCoder's annotations come in once."""
    path = maxqda_style(tmp_path)
    with Project.create(tmp_path / "other.diptych") as other:
        first = import_exchange_file(other, path=path)
        before = snapshot(other)
        second = import_exchange_file(other, path=path)
        assert snapshot(other) == before
        assert second.article_ids == [] and second.passages == 0
        assert len(second.known_sources) == len(first.article_ids)
        assert second.codings_added == 0 and second.codings_present > 0
        assert second.skipped == first.skipped  # what cannot be imported, said again


def test_a_project_exported_and_imported_back_is_unchanged(
    tmp_path: Path, project: Project
) -> None:
    path = exported(project, tmp_path / "study.qdpx")
    before, numbers = snapshot(project), counts(project)
    summary = import_exchange_file(project, path=path)
    assert counts(project) == numbers
    # The orphaned passage travels as a note on its article: it is not added to the memo.
    assert snapshot(project) == before
    assert (summary.tags_created, summary.tags_reused) == (0, 4)
    assert (len(summary.known_sources), summary.codings_added, summary.codings_present) == (3, 0, 7)
    assert summary.skipped == {}


def test_a_colleagues_extra_coding_is_the_only_thing_added(
    tmp_path: Path, project: Project
) -> None:
    start = text_of(project, "Second dispatch 📰").index("The end")

    def add_coding(root: etree._Element) -> None:
        source = source_of(root, "Second dispatch 📰")
        selection = etree.SubElement(
            source,
            f"{Q}PlainTextSelection",
            guid="0f8fad5b-d9cb-469f-a165-70867728950e",
            name="The end",
            startPosition=str(start),
            endPosition=str(start + len("The end")),
        )
        etree.SubElement(selection, f"{Q}Description").text = EXTRA_NOTE
        coding = etree.SubElement(
            selection, f"{Q}Coding", guid="7c9e6679-7425-40de-944b-e07fc1f90ae7"
        )
        etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code_guid(root, "Economy"))

    path = edited(exported(project, tmp_path / "study.qdpx"), add_coding)
    before = snapshot(project)
    summary = import_exchange_file(project, path=path)
    after = snapshot(project)
    added = [p for p in after["passages"] if p not in before["passages"]]
    assert [(p[3], p[4], p[6]) for p in added] == [("The end", EXTRA_NOTE, ["Economy"])]
    assert [p for p in after["passages"] if p not in added] == before["passages"]
    assert {k: v for k, v in after.items() if k != "passages"} == {
        k: v for k, v in before.items() if k != "passages"
    }
    assert (summary.codings_added, summary.codings_present, summary.passages) == (1, 7, 1)
    assert summary.describe()[1] == (
        "3 articles already in the project, not added again (“Field notes 🌏 東アジアの外交”;"
        " “Second dispatch 📰”; “Short dispatch”): 1 tag on their passages added, 7 already"
        " there"
    )


def test_a_new_tag_and_note_on_coded_words_join_their_passage(
    tmp_path: Path, project: Project
) -> None:
    """Another tag on the same words by the same coder is added to the passage, as tagging
    a passage's words again does in Diptych; the colleague's note is added to its note."""

    def tag_again(root: etree._Element) -> None:
        source = source_of(root, "Second dispatch 📰")
        selection = source.find(f"{Q}PlainTextSelection[@name='symbolic restart']")
        coding = etree.SubElement(
            selection, f"{Q}Coding", guid="16fd2706-8baf-433b-82eb-8c7fada847da"
        )
        etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code_guid(root, "Evidence"))
        etree.SubElement(selection, f"{Q}Description").text = EXTRA_NOTE

    path = edited(exported(project, tmp_path / "study.qdpx"), tag_again)
    passages = project.annotations.query()
    summary = import_exchange_file(project, path=path)
    assert len(project.annotations.query()) == len(passages)
    (passage,) = [p for p in project.annotations.query() if p.exact == "symbolic restart"]
    names = {t.id: t.name for t in project.tags.all()}
    assert sorted(names[t] for t in passage.tag_ids) == ["Diplomacy", "Evidence"]
    assert passage.note == EXTRA_NOTE
    assert (summary.codings_added, summary.notes_added, summary.passages) == (1, 1, 0)
    assert summary.describe()[1].endswith(
        "1 tag on their passages added, 7 already there, 1 note added to passages already there"
    )
    again = import_exchange_file(project, path=path)  # and once is enough
    assert (again.codings_added, again.notes_added, again.codings_present) == (0, 0, 8)


def test_a_source_of_another_program_is_found_by_its_text(tmp_path: Path, project: Project) -> None:
    """No GUID in common: the same text is the same article; the code reuses its tag."""
    text = text_of(project, "Second dispatch 📰")
    start, end_start = text.index("symbolic restart"), text.index("The end")
    qde = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="QualCoder">
      <CodeBook><Codes>
        <Code guid="a2b64a1e-53a0-4b7b-9d1e-0d7e4f1c3b11" name="Diplomacy" isCodable="true"/>
      </Codes></CodeBook>
      <Sources><TextSource guid="9b2f3c4d-1111-4222-8333-944455556666" name="dispatch.txt">
        <PlainTextContent>{text}</PlainTextContent>
        <PlainTextSelection guid="3a4b5c6d-1111-4222-8333-944455556667" name="symbolic restart"
            startPosition="{start}" endPosition="{start + 16}">
          <Coding guid="3a4b5c6d-1111-4222-8333-944455556668">
            <CodeRef targetGUID="a2b64a1e-53a0-4b7b-9d1e-0d7e4f1c3b11"/></Coding>
        </PlainTextSelection>
        <PlainTextSelection guid="3a4b5c6d-1111-4222-8333-944455556669" name="The end"
            startPosition="{end_start}" endPosition="{end_start + 7}">
          <Coding guid="3a4b5c6d-1111-4222-8333-94445555666a">
            <CodeRef targetGUID="a2b64a1e-53a0-4b7b-9d1e-0d7e4f1c3b11"/></Coding>
        </PlainTextSelection>
      </TextSource></Sources></Project>"""
    path = write_qdpx(tmp_path / "qualcoder.qdpx", qde)
    articles = [(a.id, a.uuid, a.title) for a in project.articles.all()]
    summary = import_exchange_file(project, path=path)
    assert [(a.id, a.uuid, a.title) for a in project.articles.all()] == articles
    second = next(a for a in project.articles.all() if a.title == "Second dispatch 📰")
    quotes = [p.exact for p in project.annotations.query(article_id=second.id)]
    assert quotes == ["symbolic restart", "The end"]
    assert (summary.known_sources, summary.codings_added, summary.codings_present) == (
        ["“dispatch.txt”"],
        1,
        1,
    )


def test_a_source_of_the_same_guid_but_another_text_is_that_article_changed_since(
    tmp_path: Path, project: Project
) -> None:
    """A colleague's copy of an article whose text was edited here since: its codings are
    found in the project's text, where they are already, and nothing is added twice."""
    path = exported(project, tmp_path / "study.qdpx")
    second = next(a for a in project.articles.all() if a.title == "Second dispatch 📰")
    newer = ARTICLE_TWO.replace("Second dispatch 📰\n\n", "Second dispatch 📰\n\nA new lead.\n\n")
    project.articles.replace_text(
        article_id=second.id, parsed=parse_article(newer.encode(), name="two.txt")
    )
    before = snapshot(project)
    summary = import_exchange_file(project, path=path)
    assert snapshot(project) == before
    assert summary.article_ids == [] and len(summary.known_sources) == 2
    assert summary.changed_sources == ["“Second dispatch 📰”"]
    assert (summary.passages, summary.codings_added, summary.orphans_added) == (0, 0, 0)
    assert (
        "1 article already in the project with another version of its text, not added again"
        " (“Second dispatch 📰”): its passages were found in the project's text and merged"
    ) in summary.describe()


def test_a_colleagues_codings_on_a_changed_article_land_on_the_same_words_or_as_orphans(
    tmp_path: Path, project: Project
) -> None:
    """The colleague fixed a typo and coded two more places: one is found in the
    project's text (shifted), the other's words are gone from it and come as an orphan."""
    shared = text_of(project, "Second dispatch 📰")  # the text both had
    lead = "Their lead.\n"
    theirs = shared.replace("📰\n", f"📰\n{lead}", 1)
    mine = ARTICLE_TWO.replace("The end.", "The very end.")

    def colleague(root: etree._Element) -> None:
        source = source_of(root, "Second dispatch 📰")
        for coded in source.iter(f"{Q}PlainTextSelection"):  # where their lead put them
            for side in ("startPosition", "endPosition"):
                coded.set(side, str(int(coded.get(side)) + len(lead)))
        for guid, words in (("0f8fad5b-d9cb-469f-a165-70867728950e", "relations"),
                            ("1f8fad5b-d9cb-469f-a165-70867728950e", "Their lead")):  # fmt: skip
            at = theirs.index(words)
            selection = etree.SubElement(
                source, f"{Q}PlainTextSelection", guid=guid, name=words,
                startPosition=str(at), endPosition=str(at + len(words)),
                creatingUser=root.find(f".//{Q}User").get("guid"),
            )  # fmt: skip
            coding = etree.SubElement(selection, f"{Q}Coding", guid=guid.replace("f", "e"))
            etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code_guid(root, "Economy"))

    path = edited(
        exported(project, tmp_path / "study.qdpx"), colleague, {"Second dispatch 📰": theirs}
    )
    second = next(a for a in project.articles.all() if a.title == "Second dispatch 📰")
    project.articles.replace_text(
        article_id=second.id, parsed=parse_article(mine.encode(), name="two.txt")
    )
    held = project.annotations.query(article_id=second.id)
    summary = import_exchange_file(project, path=path)
    assert len(project.articles.all()) == 3 and summary.article_ids == []
    added = [p for p in project.annotations.query(article_id=second.id) if p not in held]
    text = project.articles.get(article_id=second.id).text
    found = next(p for p in added if not p.is_orphan)
    assert text[found.start : found.end] == "relations" == found.exact
    orphan = next(p for p in added if p.is_orphan)
    assert orphan.exact == "Their lead" and "Their lead" not in text
    assert len(added) == 2 and summary.orphans_added == 1
    assert summary.describe()[-1].endswith(
        "; 1 passage whose words it no longer has is an orphan, to re-attach (Passages"
        " panel, Orphans tab)"
    )


def test_the_command_line_says_what_it_left_out(tmp_path: Path, project: Project) -> None:
    path = exported(project, tmp_path / "study.qdpx")
    target = tmp_path / "target.diptych"
    outputs = []
    for _ in range(2):
        out, err = io.StringIO(), io.StringIO()
        assert main(["import", str(target), str(path)], stdout=out, stderr=err) == 0, err.getvalue()
        outputs.append(out.getvalue().splitlines())
    assert outputs[0][:3] == ["1", "2", "3"]  # the new article ids
    assert outputs[1][0].startswith("# study.qdpx from Diptych ")
    assert (
        ": 0 articles, 0 new tags (4 already in the codebook), 0 passages" in outputs[1][0]
    )  # no ids
    assert outputs[1][1] == (
        "# 3 articles already in the project, not added again (“Field notes 🌏 東アジアの外交”;"
        " “Second dispatch 📰”; “Short dispatch”): 0 tags on their passages added, 7 already"
        " there"
    )
    with Project.open(target) as opened:
        assert len(opened.articles.all()) == 3


def test_the_summary_names_the_sources_already_there() -> None:
    summary = ExchangeImportSummary(
        path="/x/a.qdpx", known_sources=["“Interview 1”"], codings_added=1, codings_present=12
    )
    assert summary.describe()[1] == (
        "1 article already in the project, not added again (“Interview 1”): 1 tag on its"
        " passages added, 12 already there"
    )


def test_a_tag_renamed_and_moved_since_the_export_is_still_the_same_tag(
    tmp_path: Path, project: Project
) -> None:
    """A code is matched to the tag whose uuid is its GUID first, then by name: a project's
    own export imported back after a tag was renamed and moved adds no tag of the old name
    and no coding."""
    path = exported(project, tmp_path / "study.qdpx")
    tag = next(t for t in project.tags.all() if t.parent_id is not None)
    project.tags.update(tag_id=tag.id, name="Renamed since")
    project.tags.move(tag_id=tag.id, parent_id=None)
    before, numbers = snapshot(project), counts(project)
    summary = import_exchange_file(project, path=path)
    assert counts(project) == numbers
    assert snapshot(project) == before
    assert summary.tags_created == 0 and summary.codings_added == 0
    assert tag.name not in {t.name for t in project.tags.all()}
    assert summary.tags_kept == [f"“Renamed since” (named “{tag.name}” there)"]


def test_a_colleagues_renamed_and_recoloured_codes_are_named_and_the_tags_kept(
    tmp_path: Path, project: Project
) -> None:
    def recolour_and_rename(root: etree._Element) -> None:
        root.find(f".//{Q}Code[@name='Economy']").set("color", "#123456")
        root.find(f".//{Q}Code[@name='Diplomacy']").set("name", "Diplomatic ties")

    path = edited(exported(project, tmp_path / "study.qdpx"), recolour_and_rename)
    before = snapshot(project)
    summary = import_exchange_file(project, path=path)
    assert snapshot(project) == before  # the codebook here is kept as it is
    assert summary.tags_kept == [
        "“Economy” (coloured #123456 there)",
        "“Diplomacy” (named “Diplomatic ties” there)",
    ]
    assert (
        "tags kept as they are here, which the file names or colours otherwise: “Economy”"
        " (coloured #123456 there); “Diplomacy” (named “Diplomatic ties” there)"
    ) in summary.describe()


def test_a_colleagues_note_written_on_under_the_passages_note_takes_its_place(
    tmp_path: Path, project: Project
) -> None:
    """A colleague who wrote on under a passage's note sends it back whole: it replaces the
    note rather than follow it (the note read twice), however often it goes back and
    forth; a note that says something else is added to it, as before."""
    noted = next(p for p in project.annotations.query() if p.note.strip())
    extended = f"{noted.note}\n\nBen: I read it as a hedge."

    def write_on(root: etree._Element) -> None:
        # As the colleague's Diptych writes it: in the selection's description, and in
        # the note tied to it that other programs read.
        written = [e for e in root.iter() if e.text == noted.note]
        assert [etree.QName(e).localname for e in written] == ["Description", "PlainTextContent"]
        for element in written:
            element.text = extended

    path = edited(exported(project, tmp_path / "study.qdpx"), write_on)
    summary = import_exchange_file(project, path=path)
    assert project.annotations.get(annotation_id=noted.id).note == extended
    assert summary.notes_added == 1
    again = import_exchange_file(project, path=exported(project, tmp_path / "back.qdpx"))
    assert project.annotations.get(annotation_id=noted.id).note == extended  # not repeated
    assert again.notes_added == 0


def test_a_second_coders_agreeing_coding_is_kept_as_theirs(
    tmp_path: Path, project: Project
) -> None:
    """Two coders who coded the same words with the same tags (blind double coding) each
    keep their passage: the second is not dropped as already there."""
    first = next(p for p in project.annotations.query() if p.tag_ids and p.coder)
    ben = "5a6b7c8d-1111-4222-8333-944455556666"

    def second_coder(root: etree._Element) -> None:
        users = root.find(f"{Q}Users")
        assert users is not None
        etree.SubElement(users, f"{Q}User", guid=ben, name="Ben")
        selection = root.find(f".//{Q}PlainTextSelection[@guid='{first.uuid}']")
        assert selection is not None
        copy = copy_element(selection)
        copy.set("guid", "6b7c8d9e-2222-4333-8444-a55566667777")
        for element in copy.iter():
            if element.get("creatingUser"):
                element.set("creatingUser", ben)
            if element.get("modifyingUser"):
                element.set("modifyingUser", ben)
            if element.tag == f"{Q}Coding":
                element.set("guid", f"7c8d9e0f-3333-4444-8555-{len(list(copy.iter())):012d}")
        for note in copy.findall(f"{Q}Description"):
            copy.remove(note)
        selection.addnext(copy)

    path = edited(exported(project, tmp_path / "study.qdpx"), second_coder)
    summary = import_exchange_file(project, path=path)
    on_the_words = [
        p
        for p in project.annotations.query(article_id=first.article_id)
        if (p.start, p.end) == (first.start, first.end)
    ]
    assert sorted(p.coder for p in on_the_words) == sorted([first.coder, "Ben"])
    assert {tuple(sorted(p.tag_ids)) for p in on_the_words} == {tuple(sorted(first.tag_ids))}
    assert summary.passages == 1 and "Ben" in summary.coders
    assert "Ben" in [c.name for c in project.annotations.coders()]
    again = import_exchange_file(project, path=path)  # once is enough
    assert again.passages == 0
