"""Undoing a REFI-QDA import takes back everything it added and changed (articles, tags,
passages, notes, memos, coders) and redo brings it back with the same ids; a change made
meanwhile to what the import brought refuses the undo, and nothing is lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from test_refiqda_export import build_project
from test_refiqda_reimport import Q, code_guid, edited, exported, source_of

from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.exchange_undo import bring_back, import_recorded, take_back
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.passage_coders import sign
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.search import search

BEN = "5a6b7c8d-1111-4222-8333-944455556666"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with build_project(tmp_path / "study.diptych") as opened:
        yield opened


def state(project: Project) -> dict[str, object]:
    """Every row the user's work is in, with ids and times, and the tags' keys 1-9."""
    db = project.db
    return {
        "articles": [(a.id, a.uuid, a.title, a.updated_at) for a in project.articles.all()],
        "tags": [(t.id, t.uuid, t.name, t.color, t.parent_id, t.description)
                 for t in project.tags.all()],
        "passages": [(p.id, p.uuid, p.start, p.end, p.note, p.coder, sorted(p.tag_ids),
                      p.updated_at) for p in project.annotations.query()],
        "memos": [(m.id, m.uuid, m.kind, m.target_id, m.text, m.updated_at)
                  for m in project.memos.all()],
        "coders": db.execute("SELECT id, uuid, name FROM coders ORDER BY id").fetchall(),
        "links": db.execute("SELECT * FROM annotation_tags ORDER BY 1, 2").fetchall(),
        "keys, name": db.execute("SELECT * FROM project_info ORDER BY 1").fetchall(),
    }  # fmt: skip


def colleagues_copy(project: Project, tmp_path: Path) -> Path:
    """The project exported and coded on by a colleague, Ben: his passage on words coded
    already, another tag and a note on a passage there, a new code with a memo."""
    first = next(p for p in project.annotations.query() if p.tag_ids and p.coder)

    def work(root: etree._Element) -> None:
        users = root.find(f"{Q}Users")
        etree.SubElement(users, f"{Q}User", guid=BEN, name="Ben")
        selection = root.find(f".//{Q}PlainTextSelection[@guid='{first.uuid}']")
        mine = etree.SubElement(
            selection.getparent(), f"{Q}PlainTextSelection",
            guid="6b7c8d9e-2222-4333-8444-a55566667777", name=first.exact, creatingUser=BEN,
            startPosition=str(first.start), endPosition=str(first.end),
        )  # fmt: skip
        etree.SubElement(mine, f"{Q}Description").text = "Ben's reading"
        coding = etree.SubElement(mine, f"{Q}Coding", guid="7c8d9e0f-3333-4444-8555-000000000001")
        etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code_guid(root, "Economy"))
        codes = root.find(f".//{Q}Codes")
        etree.SubElement(
            codes, f"{Q}Code", guid="8d9e0f1a-4444-4555-8666-000000000002", name="Irony",
            isCodable="true", color="#112233",
        )  # fmt: skip
        again = source_of(root, "Second dispatch 📰").find(
            f"{Q}PlainTextSelection[@name='symbolic restart']"
        )
        coding = etree.SubElement(again, f"{Q}Coding", guid="16fd2706-8baf-433b-82eb-8c7fada847da")
        etree.SubElement(coding, f"{Q}CodeRef", targetGUID="8d9e0f1a-4444-4555-8666-000000000002")
        etree.SubElement(again, f"{Q}Description").text = "Ben: ironic?"

    return edited(exported(project, tmp_path / "study.qdpx"), work)


def other_project(tmp_path: Path) -> Path:
    """Another team's project: a new article with a passage, tags, a note and memos."""
    with Project.create(tmp_path / "other.diptych") as other:
        text = b"Harbour log\n\nThe harbour was quiet at dawn; trawlers came in late."
        article = other.articles.add(parsed=parse_article(text, name="harbour.txt"))
        shown = other.articles.get(article_id=article.id).text
        parent = other.tags.add(name="Sea")
        child = other.tags.add(name="Fishing", parent_id=parent.id)
        start = shown.index("trawlers")
        other.annotations.add(
            article_id=article.id, start=start, end=start + 8, tag_ids=[child.id],
            note="Boats named in the log", coder="Chiara",
        )  # fmt: skip
        other.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text="Logbook memo")
        other.memos.set(kind=MemoKind.TAG, target_id=parent.id, text="Sea tag memo")
        other.memos.set(kind=MemoKind.PROJECT, text="Other team's project memo")
        path = tmp_path / "other.qdpx"
        path.write_bytes(export_qdpx(collect(other), None))
    return path


@pytest.mark.parametrize("source", [colleagues_copy, lambda _p, tmp: other_project(tmp)],
                         ids=["merged", "new-articles"])  # fmt: skip
def test_undo_takes_the_import_back_and_redo_brings_it_back(
    project: Project, tmp_path: Path, source: object
) -> None:
    path = source(project, tmp_path)  # type: ignore[operator]
    before = state(project)
    summary, changes = import_recorded(project, path=path)
    after = state(project)
    assert after != before and changes
    assert summary.passages or summary.codings_added

    take_back(project, changes)
    assert state(project) == before
    assert not search(project, query="trawlers") and not search(project, query="ironic")

    bring_back(project, changes)
    assert state(project) == after
    assert search(project, query="trawlers") or search(project, query="ironic")

    take_back(project, changes)  # and again
    assert state(project) == before


def test_a_note_written_meanwhile_on_a_passage_it_brought_refuses_the_undo(
    project: Project, tmp_path: Path
) -> None:
    _summary, changes = import_recorded(project, path=colleagues_copy(project, tmp_path))
    bens = next(p for p in project.annotations.query() if p.coder == "Ben")
    project.annotations.set_note(annotation_id=bens.id, note="Ben's reading, checked")
    kept = state(project)

    with pytest.raises(ChangedMeanwhileError):
        take_back(project, changes)
    assert state(project) == kept


def test_a_memo_extended_meanwhile_refuses_the_undo(project: Project, tmp_path: Path) -> None:
    _summary, changes = import_recorded(project, path=other_project(tmp_path))
    memo = project.memos.get(kind=MemoKind.PROJECT)
    assert memo is not None
    project.memos.set(kind=MemoKind.PROJECT, text=memo.text + "\n\nMore.")
    kept = state(project)

    with pytest.raises(ChangedMeanwhileError):
        take_back(project, changes)
    assert state(project) == kept


def test_a_tag_it_created_put_on_a_passage_meanwhile_refuses_the_undo(
    project: Project, tmp_path: Path
) -> None:
    _summary, changes = import_recorded(project, path=other_project(tmp_path))
    sea = next(t for t in project.tags.all() if t.name == "Sea")
    mine = next(p for p in project.annotations.query() if p.coder != "Chiara")
    project.annotations.set_tags(annotation_id=mine.id, tag_ids=[*mine.tag_ids, sea.id])
    kept = state(project)

    with pytest.raises(ChangedMeanwhileError):
        take_back(project, changes)
    assert state(project) == kept


def test_a_file_that_brings_nothing_new_records_no_change(project: Project, tmp_path: Path) -> None:
    path = exported(project, tmp_path / "study.qdpx")
    _summary, changes = import_recorded(project, path=path)
    assert not changes


@pytest.mark.parametrize(
    "edit",
    [{"name": "Sea by Bob"}, {"color": "#112233"}, {"description": "Bob's definition"}],
    ids=["renamed", "recoloured", "described"],
)
def test_a_tag_it_created_edited_in_another_window_refuses_the_undo(
    project: Project, tmp_path: Path, edit: dict[str, str]
) -> None:
    _summary, changes = import_recorded(project, path=other_project(tmp_path))
    sea = next(t for t in project.tags.all() if t.name == "Sea")
    with Project.open(project.path) as other:  # another window edits the tag
        other.tags.update(tag_id=sea.id, **edit)  # type: ignore[arg-type]
    kept = state(project)

    with pytest.raises(ChangedMeanwhileError, match=r"the tag 'Sea.*' was (renamed|given)"):
        take_back(project, changes)
    assert state(project) == kept


def test_an_address_given_an_article_it_brought_refuses_the_undo(
    project: Project, tmp_path: Path
) -> None:
    _summary, changes = import_recorded(project, path=other_project(tmp_path))
    (brought,) = changes.articles
    with Project.open(project.path) as other:
        other.articles.set_source_url(article_id=brought.article.id, url="https://bob.example/x")
    kept = state(project)

    with pytest.raises(ChangedMeanwhileError, match="source address of the article"):
        take_back(project, changes)
    assert state(project) == kept
    assert project.articles.source_url(article_id=brought.article.id) == "https://bob.example/x"


def test_a_passage_it_brought_signed_by_another_coder_refuses_the_undo(
    project: Project, tmp_path: Path
) -> None:
    _summary, changes = import_recorded(project, path=other_project(tmp_path))
    chiaras = next(p for p in project.annotations.query() if p.coder == "Chiara")
    with Project.open(project.path) as other:
        sign(other, [chiaras.id], "Bob")
    kept = state(project)

    with pytest.raises(ChangedMeanwhileError, match="coder's name on the passage 'trawlers'"):
        take_back(project, changes)
    assert state(project) == kept


def test_a_tag_brought_back_beside_a_namesake_is_taken_back_again(
    project: Project, tmp_path: Path
) -> None:
    before = state(project)
    _summary, changes = import_recorded(project, path=other_project(tmp_path))
    take_back(project, changes)
    with Project.open(project.path) as other:  # another window makes a tag of that name
        other.tags.add(name="Sea")
    bring_back(project, changes)  # the import's tag is back as "Sea (2)"
    assert {t.name for t in project.tags.all()} >= {"Sea", "Sea (2)"}

    take_back(project, changes)
    names = [t.name for t in project.tags.all()]
    assert names.count("Sea") == 1 and "Sea (2)" not in names
    assert len(names) == len(before["tags"]) + 1  # type: ignore[arg-type]
