"""A project's own .qdpx imported back changes nothing, even where a note or memo holds a
control character (pasted from a PDF or a terminal): the export writes it as U+FFFD, which
XML can hold, and the import knows the text it finds there as the one it already has."""

from __future__ import annotations

from pathlib import Path

from diptych.storage.anchors import find_quote
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

TEXT = "Talks resume\n\nThe ministers met again after a long pause.\n"


def build(path: Path) -> Project:
    project = Project.create(path)
    article = project.articles.add(parsed=parse_article(TEXT.encode(), name="talks.txt"))
    tag = project.tags.add(name="Diplomacy")
    anchor = find_quote(project.articles.get(article_id=article.id).text, "met again")
    project.annotations.add(
        article_id=article.id,
        start=anchor.start,
        end=anchor.end,
        tag_ids=[tag.id],
        note="a \x07bell",
    )
    project.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text="PDF\x0cpage")
    project.memos.set(kind=MemoKind.PROJECT, text="Proj\x02memo")
    project.memos.set(kind=MemoKind.TAG, target_id=tag.id, text="Tag\x1bmemo")
    return project


def state(project: Project) -> tuple[list[str], list[tuple[str, str]]]:
    notes = [p.note for p in project.annotations.query()]
    memos = sorted((m.kind.value, m.text) for m in project.memos.all())
    return notes, memos


def test_notes_and_memos_with_control_characters_are_not_doubled(tmp_path: Path) -> None:
    with build(tmp_path / "p.diptych") as project:
        before = state(project)
        path = tmp_path / "x.qdpx"
        path.write_bytes(export_project(project, fmt="qdpx"))
        summary = import_exchange_file(project, path=path)
        assert state(project) == before
        assert summary.notes_added == 0 and summary.memos == 0
