"""Saving folds exactly the texts that need it: a passage in plain letters costs no
statement beyond its own, and one in compatibility forms (ＡＰＥＣ, ﬁ, ß) is found by its
folded words once committed, however the transaction went."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.search import search

TEXT = "Summit\n\nThe leaders met in Lima and agreed on the final text of the communiqué."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "saving.diptych") as project:
        project.articles.add(parsed=parse_article(TEXT.encode(), name="summit.txt"))
        yield project


def statements_of(project: Project, action: object) -> list[str]:
    """The statements run on the project's connection during ``action()`` (not those run
    by triggers inside them)."""
    seen: list[str] = []
    project.db.conn.set_trace_callback(seen.append)
    try:
        action()  # type: ignore[operator]
    finally:
        project.db.conn.set_trace_callback(None)
    return [sql for sql in seen if not sql.lstrip().startswith("--")]


def folding_statements(statements: list[str]) -> list[str]:
    return [sql for sql in statements if "_folded" in sql or "searched" in sql or "temp." in sql]


def found(project: Project, query: str) -> list[str]:
    return sorted(hit.kind for hit in search(project, query=query))


def test_a_passage_in_plain_letters_is_saved_without_folding_statements(project: Project) -> None:
    project.annotations.add(article_id=1, start=8, end=20, note="warm up")  # first: prepares
    statements = statements_of(
        project, lambda: project.annotations.add(article_id=1, start=8, end=20, note="Plain note")
    )
    assert statements and folding_statements(statements) == []
    assert found(project, "plain") == ["passage"]


def test_a_passage_in_compatibility_forms_is_folded_before_commit(project: Project) -> None:
    statements = statements_of(
        project, lambda: project.annotations.add(article_id=1, start=8, end=20, note="See ＡＰＥＣ")
    )
    assert folding_statements(statements) != []
    assert found(project, "apec") == ["passage"]


def test_a_text_made_plain_again_in_the_same_transaction_is_found_as_written(
    project: Project,
) -> None:
    with project.transaction():
        passage = project.annotations.add(article_id=1, start=8, end=20, note="ＷＴＯ rules")
        project.annotations.set_note(annotation_id=passage.id, note="trade rules")
    assert found(project, "wto") == [] and found(project, "trade") == ["passage"]
    project.annotations.set_note(annotation_id=passage.id, note="Ｓｔｒａßｅ")
    assert found(project, "strasse") == ["passage"] and found(project, "trade") == []


def test_a_rolled_back_text_leaves_nothing_behind_for_the_next_save(project: Project) -> None:
    with pytest.raises(RuntimeError), project.transaction():
        project.annotations.add(article_id=1, start=8, end=20, note="ＡＰＥＣ first")
        raise RuntimeError("the user's action failed")
    passage = project.annotations.add(article_id=1, start=8, end=20, note="plain second")
    assert passage.note == "plain second"
    assert found(project, "apec") == [] and found(project, "second") == ["passage"]


def test_a_savepoint_rolled_back_keeps_the_folded_words_of_what_stays(project: Project) -> None:
    with project.transaction():
        kept = project.annotations.add(article_id=1, start=8, end=20, note="ＡＰＥＣ kept")
        with pytest.raises(RuntimeError), project.transaction():
            project.annotations.set_note(annotation_id=kept.id, note="ＷＴＯ dropped")
            project.memos.set(kind=MemoKind.PROJECT, text="ﬁnal memo")
            raise RuntimeError("the inner step failed")
    assert found(project, "apec") == ["passage"]
    assert found(project, "wto") == [] and found(project, "final") == ["article"]


def test_articles_and_memos_in_compatibility_forms_are_found_once_saved(project: Project) -> None:
    parsed = parse_article("ＡＳＥＡＮ\n\nplain".encode(), name="a.txt")
    article = project.articles.add(parsed=parsed)
    project.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text="Ｆｉｎａｌ remarks")
    assert found(project, "asean") == ["article"]
    assert found(project, "final") == ["article", "memo"]
    assert found(project, "title:asean") == ["article"]
    project.articles.rename(article_id=article.id, title="Plain title")
    assert found(project, "title:asean") == [] and found(project, "asean") == ["article"]
