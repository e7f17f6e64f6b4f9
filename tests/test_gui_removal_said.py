"""Deleting a tag and removing articles say what was done, and that Ctrl+Z undoes it, in
the status bar, as tagging and deleting a passage do: the status bar stayed empty."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.library_panel import remove_articles
from diptych.gui.main_window import MainWindow


def test_deleting_a_tag_is_said(window: MainWindow) -> None:
    panel = window.tags
    security = next(t.id for t in window.session.ordered_tags() if t.name == "Security")
    panel.confirm = lambda *_args: True
    panel.select_tag(security)
    panel.delete_tag()
    assert window.statusBar().currentMessage() == "Tag “Security” deleted — Ctrl+Z to undo"


def test_removing_articles_is_said(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)  # Remove, answered Yes
    articles = window.session.articles()
    passages = sum(a.annotation_count for a in articles)
    remove_articles(window, window.session, [a.id for a in articles])
    assert window.statusBar().currentMessage() == (
        f"2 articles removed with {passages} passages — Ctrl+Z to undo"
    )
    window.actions_.undo.trigger()
    assert len(window.session.articles()) == 2


def test_removing_one_article_is_said(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    article = window.session.articles()[0]
    dialogs.remove_article(window, window.session, article.id)
    said = window.statusBar().currentMessage()
    assert said.startswith(f"“{article.title}” and its ") and said.endswith(" — Ctrl+Z to undo")
