"""Finding an article's passages in a newer text ahead of the update (a plan, made on any
connection without writing), then applying it: the same result as an update that finds
them itself, and never applied blindly once another window changed the article."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import diptych.storage.article_updates as updates_module
from diptych.storage.annotations import NewAnnotation
from diptych.storage.article_updates import ReplacementPlan
from diptych.storage.errors import Cancelled
from diptych.storage.importing import ParsedArticle, parse_article
from diptych.storage.model import Annotation, ReanchorReport
from diptych.storage.project import Project

WORDS = [
    "tariff",
    "talks",
    "resumed",
    "after",
    "officials",
    "from",
    "both",
    "delegations",
    "met",
    "in",
    "Geneva",
    "where",
    "the",
    "trade",
    "representative",
    "said",
    "markets",
    "rose",
    "while",
    "critics",
    "in",
    "congress",
    "called",
    "the",
    "deal",
    "a",
    "symbolic",
    "restart",
    "steel",
    "aluminium",
    "soybeans",
    "exports",
    "quota",
    "currency",
    "euro",
    "dollar",
    "analysts",
    "expect",
    "further",
    "rounds",
    "next",
    "spring",
    "negotiators",
    "declined",
    "to",
    "comment",
    "on",
    "timelines",
]


def paragraphs(count: int, *, seed: int) -> list[str]:
    """``count`` news-like paragraphs of 30-80 words, the same for the same seed."""
    r = random.Random(seed)
    return [
        " ".join(r.choice(WORDS) for _ in range(r.randint(30, 80))).capitalize() + "."
        for _ in range(count)
    ]


def parsed(paras: Sequence[str]) -> ParsedArticle:
    return parse_article("\n\n".join(paras).encode("utf-8"), name="a.txt")


def edit_words(paras: list[str]) -> list[str]:
    """Every fifth paragraph gets a word changed in its middle."""
    out = list(paras)
    for i in range(0, len(out), 5):
        words = out[i].split(" ")
        words[len(words) // 2] = "reportedly"
        out[i] = " ".join(words)
    return out


def reorder(paras: list[str]) -> list[str]:
    return paras[len(paras) // 2 :] + paras[: len(paras) // 2]


def delete_some(paras: list[str]) -> list[str]:
    return [p for i, p in enumerate(paras) if i % 4 != 1]


def reflow(paras: list[str]) -> list[str]:
    """Every paragraph's lines broken at 60 characters, as a newer export might."""
    out = []
    for p in paras:
        lines, line = [], ""
        for word in p.split(" "):
            if line and len(line) + len(word) > 60:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append("\n".join([*lines, line]))
    return out


def typos(paras: list[str]) -> list[str]:
    """A letter dropped here and there (passages found approximately)."""
    return [p[:40] + p[41:] if i % 3 == 0 and len(p) > 41 else p for i, p in enumerate(paras)]


def replaced(_paras: list[str]) -> list[str]:
    return paragraphs(40, seed=99)


EDITS: dict[str, Callable[[list[str]], list[str]]] = {
    "words edited": edit_words,
    "paragraphs reordered": reorder,
    "paragraphs deleted": delete_some,
    "lines reflowed": reflow,
    "letters dropped": typos,
    "text replaced": replaced,
}


def build(path: Path, paras: list[str], *, count: int = 120) -> tuple[Project, int]:
    """A project with one article of ``paras`` and ``count`` passages spread over it."""
    project = Project.create(path)
    article = project.articles.add(parsed=parsed(paras))
    text = project.articles.get(article_id=article.id).text
    tag = project.tags.add(name="Trade").id
    r = random.Random(5)
    items = []
    for i in range(count):
        start = r.randrange(0, len(text) - 200)
        items.append(NewAnnotation(article.id, start, start + r.randint(8, 180), (tag,), f"n{i}"))
    project.annotations.add_many(items=items)
    return project, article.id


def described(passages: Sequence[Annotation]) -> list[tuple[Any, ...]]:
    """The passages without what differs between two projects built alike (uuids, times)."""
    return [
        (p.id, p.start, p.end, p.exact, p.prefix, p.suffix, p.status, p.note, p.tag_ids)
        for p in passages
    ]


def state(project: Project, article_id: int) -> list[tuple[Any, ...]]:
    return described(project.annotations.query(article_id=article_id))


def counts(report: ReanchorReport) -> tuple[int, int, int, int]:
    return report.kept, report.moved, report.fuzzy, report.orphaned


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many passages each run of the re-anchoring looked for."""
    seen: list[int] = []
    real = updates_module.reanchor_all

    def counting(anchors: Sequence[Any], new_text: str, **kwargs: Any) -> Any:
        seen.append(len(anchors))
        return real(anchors, new_text, **kwargs)

    monkeypatch.setattr(updates_module, "reanchor_all", counting)
    return seen


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_plan_applied_gives_what_the_update_gives_by_itself(
    tmp_path: Path, edit: str, calls: list[int]
) -> None:
    paras = paragraphs(40, seed=3)
    newer = parsed(EDITS[edit](paras))
    planned, article_id = build(tmp_path / "planned.diptych", paras)
    inline, same_id = build(tmp_path / "inline.diptych", paras)
    assert same_id == article_id
    with planned, inline:
        # The plan is made on a connection of its own, as a worker makes it.
        with Project.open(planned.path, verify=False) as worker:
            plan = worker.articles.plan_replacement(article_id=article_id, parsed=newer)
        assert calls == [120]
        report = planned.articles.replace_text(article_id=article_id, parsed=newer, plan=plan)
        assert calls == [120]  # the plan held: nothing was looked for again
        expected = inline.articles.replace_text(article_id=article_id, parsed=newer)
        assert state(planned, article_id) == state(inline, article_id)
        assert counts(report) == counts(expected)
        assert sum(counts(report)) == 120
        assert described(report.previous) == described(expected.previous)
        assert report.previous_article is not None and expected.previous_article is not None
        assert report.previous_article.text == expected.previous_article.text
        assert planned.articles.get(article_id=article_id).text == newer.content.text


def test_the_plan_leaves_the_project_as_it_was(tmp_path: Path) -> None:
    paras = paragraphs(20, seed=4)
    project, article_id = build(tmp_path / "p.diptych", paras, count=30)
    with project:
        before = state(project, article_id)
        text = project.articles.get(article_id=article_id).text
        plan = project.articles.plan_replacement(
            article_id=article_id, parsed=parsed(reorder(paras))
        )
        assert len(plan.results) == 30
        assert state(project, article_id) == before
        assert project.articles.get(article_id=article_id).text == text


def stale_plan(
    project: Project, article_id: int, newer: ParsedArticle, change: Callable[[Project], None]
) -> ReplacementPlan:
    """A plan made on one connection, then ``change`` committed by another window."""
    with Project.open(project.path, verify=False) as worker:
        plan = worker.articles.plan_replacement(article_id=article_id, parsed=newer)
    with Project.open(project.path) as other:
        change(other)
    return plan


def add_passage(other: Project) -> None:
    text = other.articles.get(article_id=1).text
    start = text.index(" ", 500) + 1
    other.annotations.add(article_id=1, start=start, end=start + 40)


def move_passage(other: Project) -> None:
    passage = other.annotations.query(article_id=1)[3]
    other.annotations.reattach(
        annotation_id=passage.id, start=passage.start + 7, end=passage.end + 7
    )


def change_text(other: Project) -> None:
    paras = edit_words(paragraphs(40, seed=3))
    other.articles.replace_text(article_id=1, parsed=parsed(paras[1:]))


@pytest.mark.parametrize("change", [add_passage, move_passage, change_text])
def test_a_plan_made_stale_by_another_window_is_not_applied(
    tmp_path: Path, change: Callable[[Project], None], calls: list[int]
) -> None:
    paras = paragraphs(40, seed=3)
    newer = parsed(reorder(paras))
    planned, article_id = build(tmp_path / "planned.diptych", paras)
    inline, _ = build(tmp_path / "inline.diptych", paras)
    assert article_id == 1
    with planned, inline:
        plan = stale_plan(planned, article_id, newer, change)
        change(inline)
        calls.clear()
        report = planned.articles.replace_text(article_id=article_id, parsed=newer, plan=plan)
        assert len(calls) == 1  # looked for again, as the plan no longer held
        expected = inline.articles.replace_text(article_id=article_id, parsed=newer)
        assert state(planned, article_id) == state(inline, article_id)
        assert counts(report) == counts(expected)
        assert described(report.previous) == described(expected.previous)


def test_a_plan_for_another_text_is_not_applied(tmp_path: Path, calls: list[int]) -> None:
    paras = paragraphs(40, seed=3)
    project, article_id = build(tmp_path / "p.diptych", paras)
    with project:
        plan = project.articles.plan_replacement(
            article_id=article_id, parsed=parsed(reorder(paras))
        )
        other = parsed(delete_some(paras))
        calls.clear()
        project.articles.replace_text(article_id=article_id, parsed=other, plan=plan)
        assert len(calls) == 1
        assert project.articles.get(article_id=article_id).text == other.content.text


def test_undo_then_redo_with_the_same_plan_gives_the_same_passages(
    tmp_path: Path, calls: list[int]
) -> None:
    paras = paragraphs(40, seed=3)
    newer = parsed(edit_words(paras))
    project, article_id = build(tmp_path / "p.diptych", paras)
    with project:
        before = state(project, article_id)
        text = project.articles.get(article_id=article_id).text
        plan = project.articles.plan_replacement(article_id=article_id, parsed=newer)
        report = project.articles.replace_text(article_id=article_id, parsed=newer, plan=plan)
        after = state(project, article_id)
        assert report.previous_article is not None
        project.articles.restore_text(article=report.previous_article, passages=report.previous)
        assert state(project, article_id) == before
        assert project.articles.get(article_id=article_id).text == text
        calls.clear()
        again = project.articles.replace_text(article_id=article_id, parsed=newer, plan=plan)
        assert calls == []  # undo put back exactly what the plan was made for
        assert state(project, article_id) == after
        assert counts(again) == counts(report)


def test_planning_stops_between_passages_when_cancelled(tmp_path: Path) -> None:
    paras = paragraphs(40, seed=3)
    project, article_id = build(tmp_path / "p.diptych", paras)
    with project:
        asked: list[int] = []

        def keep_going() -> bool:
            asked.append(1)
            return len(asked) < 10

        with pytest.raises(Cancelled):
            project.articles.plan_replacement(
                article_id=article_id, parsed=parsed(reflow(paras)), keep_going=keep_going
            )
        assert len(asked) == 10  # asked before each passage, stopped at the first False
