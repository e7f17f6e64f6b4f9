"""Undoing an update from a newer file takes back only what the update changed: a title,
source address or passage place another window gave the article since is kept."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import ReplaceArticleText
from diptych.gui.commands import perform
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.importing import parse_article
from diptych.storage.model import Article, ReanchorReport
from diptych.storage.project import Project

ADDRESS = "https://bob.example/x"


def _update(project: Project) -> tuple[ReanchorReport, Article, str]:
    text = project.articles.get(article_id=1).text
    newer = parse_article(("Preface added.\n\n" + text).encode(), name="newer.txt")
    report = project.articles.replace_text(article_id=1, parsed=newer)
    assert report.previous_article is not None
    return report, report.previous_article, newer.content.text


def test_undoing_an_update_keeps_a_title_address_and_place_given_since(sample: Path) -> None:
    with Project.open(sample) as mine, Project.open(sample) as other:
        before = mine.articles.get(article_id=1)
        passage = mine.annotations.query(article_id=1)[0]
        report, previous, newer = _update(mine)
        other.articles.rename(article_id=1, title="Bob's title")
        other.articles.set_source_url(article_id=1, url=ADDRESS)
        other.annotations.reattach(annotation_id=passage.id, start=20, end=60)
        words = other.annotations.get(annotation_id=passage.id).exact

        kept = mine.articles.restore_text(
            article=previous, passages=report.previous, expected=newer, left=report
        )

        after = mine.articles.get(article_id=1)
        assert after.text == before.text  # the update is undone
        assert (after.title, after.source_url) == ("Bob's title", ADDRESS)
        moved = mine.annotations.get(annotation_id=passage.id)
        assert moved.exact == words and (moved.start, moved.end) != (passage.start, passage.end)
        assert after.text[moved.start : moved.end] == words  # found again in the old text
        assert kept == (
            "the title “Bob's title”",
            "the source address",
            "the place of 1 passage re-attached (found again in the older text)",
        )
        others = [p for p in mine.annotations.query(article_id=1) if p.id != passage.id]
        old = [(p.start, p.end) for p in report.previous if p.id != passage.id]
        assert [(p.start, p.end) for p in others] == old


def test_undoing_an_update_nothing_changed_since_puts_all_back(sample: Path) -> None:
    with Project.open(sample) as mine:
        before = mine.articles.get(article_id=1)
        passages = mine.annotations.query(article_id=1)
        report, previous, newer = _update(mine)
        kept = mine.articles.restore_text(
            article=previous, passages=report.previous, expected=newer, left=report
        )
        assert kept == ()
        assert mine.articles.get(article_id=1) == before
        assert mine.annotations.query(article_id=1) == passages


def test_the_windows_undo_of_an_update_keeps_and_names_a_title_given_since(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    session = window.session
    text = session.project.articles.get(article_id=1).text
    newer = parse_article(("Preface added.\n\n" + text).encode(), name="newer.txt")
    assert perform(session, ReplaceArticleText(session, 1, newer))
    with Project.open(sample) as other:  # another window renames it and gives its address
        other.articles.rename(article_id=1, title="Bob's title")
        other.articles.set_source_url(article_id=1, url=ADDRESS)

    window.actions_.undo.trigger()

    with Project.open(sample, read_only=True) as project:
        after = project.articles.get(article_id=1)
    assert after.text == text
    assert (after.title, after.source_url) == ("Bob's title", ADDRESS)
    said = [text for level, _title, text in posted if level == Level.INFO]
    assert said[-1] == (
        "The article's older text is back; the title “Bob's title” and the source address,"
        " changed since, perhaps in another window, were kept."
    )
    assert not [text for level, _title, text in posted if level == Level.ERROR]
