"""Updating an article from a newer file, through the project: passages found again are
stored with their new quote and context (so that the next update starts from the new
text), orphans are kept and come back with their words, and undoing restores every
passage exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.anchors import make_anchor
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation, ReanchorReport
from diptych.storage.project import Project

V1 = [
    "WASHINGTON — The United States and China agreed on Tuesday to resume talks on tariffs, "
    "officials said.",
    "The agreement, reached after two days of meetings in Geneva, covers steel, aluminium and "
    "soybeans.",
    "“We are cautiously optimistic,” said the trade representative, who declined to give a "
    "timeline.",
    "Critics in Congress called the deal a symbolic restart rather than a real breakthrough.",
    "Markets rose 2 per cent on the news; the US dollar fell against the euro.",
]
QUOTES = [
    "resume talks on tariffs",
    "two days of meetings in Geneva",
    "cautiously optimistic",
    "a symbolic restart rather than a real breakthrough",
    "the US dollar fell against the euro",
    "officials said.",
]


def article(paragraphs: list[str]) -> bytes:
    return "\n\n".join(paragraphs).encode("utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.diptych") as project:
        yield project


def update(project: Project, article_id: int, paragraphs: list[str]) -> ReanchorReport:
    return project.articles.replace_text(
        article_id=article_id, parsed=parse_article(article(paragraphs), name="a.txt")
    )


def setup_passages(project: Project) -> tuple[int, list[Annotation]]:
    article_id = project.articles.add(parsed=parse_article(article(V1), name="a.txt")).id
    text = project.articles.get(article_id=article_id).text
    tag = project.tags.add(name="Trade")
    passages = [
        project.annotations.add(
            article_id=article_id,
            start=text.index(quote),
            end=text.index(quote) + len(quote),
            tag_ids=[tag.id],
            note=f"note {n}",
        )
        for n, quote in enumerate(QUOTES)
    ]
    return article_id, passages


def assert_anchored_on(project: Project, article_id: int) -> None:
    """Every passage not orphaned is stored as the new text has it, context and all."""
    text = project.articles.get(article_id=article_id).text
    for passage in project.annotations.query(article_id=article_id):
        if passage.is_orphan:
            continue
        fresh = make_anchor(text, passage.start, passage.end)
        assert (passage.exact, passage.prefix, passage.suffix) == (
            fresh.exact,
            fresh.prefix,
            fresh.suffix,
        )


def test_a_re_extracted_then_edited_article_keeps_every_passage_up_to_date(
    project: Project,
) -> None:
    article_id, passages = setup_passages(project)
    # A re-extraction: reflowed, soft hyphens, straight quotes, a typo fixed, a new lead.
    v2 = [
        "UPDATED 14:05 — adds reaction from markets.",
        V1[0].replace("resume talks", "resume\ntalks"),
        V1[1].replace("meetings", "meet\u00adings"),
        V1[2].replace("“", '"').replace("”", '"'),
        V1[3].replace("rather than", "rather  than"),
        V1[4],
    ]
    report = update(project, article_id, v2)
    assert report.orphaned == 0
    assert report.fuzzy == 2  # soft hyphens are left out on import: "meetings" is exact
    assert_anchored_on(project, article_id)
    # The next update starts from the text as it is now: a paragraph added at the top
    # moves every passage, exactly, and none is approximate any more.
    report = update(project, article_id, ["A new paragraph, added at the top.", *v2])
    assert (report.orphaned, report.fuzzy) == (0, 0)
    assert_anchored_on(project, article_id)
    text = project.articles.get(article_id=article_id).text
    notes = {p.note: p.exact for p in project.annotations.query(article_id=article_id)}
    assert notes["note 0"] == "resume\ntalks on tariffs"
    assert notes["note 1"] == "two days of meetings in Geneva"
    assert all(exact in text for exact in notes.values())
    assert len(notes) == len(passages)


def test_undoing_an_update_puts_back_every_passage_exactly(project: Project) -> None:
    article_id, passages = setup_passages(project)
    before = project.articles.get(article_id=article_id)
    stored = project.annotations.query(article_id=article_id)
    v2 = ["A new lead paragraph.", V1[0], V1[2].replace("cautiously", "very"), V1[3]]
    report = update(project, article_id, v2)
    assert report.orphaned >= 1
    project.articles.restore_text(article=before, passages=report.previous)
    assert project.articles.get(article_id=article_id) == before
    assert project.annotations.query(article_id=article_id) == stored
    assert [project.annotations.get(annotation_id=p.id) for p in passages] == passages


def test_an_orphan_comes_back_when_its_words_come_back(project: Project) -> None:
    article_id, _ = setup_passages(project)
    report = update(project, article_id, [V1[0], V1[1], V1[2], V1[3]])  # markets cut
    assert report.orphaned == 1
    (orphan,) = [p for p in project.annotations.query(article_id=article_id) if p.is_orphan]
    assert orphan.exact == "the US dollar fell against the euro"
    update(project, article_id, ["Correction appended below.", *V1])
    back = project.annotations.get(annotation_id=orphan.id)
    assert not back.is_orphan
    text = project.articles.get(article_id=article_id).text
    assert text[back.start : back.end] == "the US dollar fell against the euro"
    assert_anchored_on(project, article_id)


def test_an_orphan_is_not_attached_to_other_words_by_a_later_update(project: Project) -> None:
    intro = "Talks resumed in Geneva on Tuesday after a pause of several months."
    critics = "Critics said the trade deal was weak."
    others = "Others wrote that the trade deal was weak, and said so loudly."
    article_id = project.articles.add(
        parsed=parse_article(article([intro, critics, others]), name="a.txt")
    ).id
    text = project.articles.get(article_id=article_id).text
    start = text.index("the trade deal was weak")
    passage = project.annotations.add(
        article_id=article_id, start=start, end=start + len("the trade deal was weak")
    )
    # The critics' paragraph is cut: the same words in the next one are someone else's.
    assert update(project, article_id, [intro, others]).orphaned == 1
    # A paragraph appended later changes nothing about that.
    report = update(project, article_id, [intro, others, "A new paragraph at the end."])
    assert report.orphaned == 1
    assert project.annotations.get(annotation_id=passage.id).is_orphan


def test_an_update_tells_orphans_it_made_from_orphans_it_found_or_left(project: Project) -> None:
    article_id, _ = setup_passages(project)
    report = update(project, article_id, V1[:4])  # markets cut
    assert (report.orphaned, report.still_orphaned, report.lost, report.found_again) == (1, 0, 1, 0)
    # A later update that loses nothing says the orphan was one before it.
    report = update(project, article_id, [*V1[:4], "A paragraph added at the end."])
    assert (report.orphaned, report.still_orphaned, report.lost, report.found_again) == (1, 1, 0, 0)
    # The words back: the orphan is found again, and said to be.
    report = update(project, article_id, V1)
    assert (report.orphaned, report.still_orphaned, report.lost, report.found_again) == (0, 0, 0, 1)


def test_passages_below_a_new_lead_are_said_to_be_in_place_and_a_moved_one_moved(
    project: Project,
) -> None:
    article_id, passages = setup_passages(project)
    report = update(project, article_id, ["A new lead paragraph, added on top.", *V1])
    assert (report.kept, report.moved, report.fuzzy, report.orphaned) == (len(passages), 0, 0, 0)
    report = update(project, article_id, ["A new lead paragraph, added on top.", *V1[1:], V1[0]])
    assert (report.kept, report.moved) == (len(passages) - 2, 2)  # the first paragraph's two
