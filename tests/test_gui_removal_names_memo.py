"""Removing an article that has a memo says so: the question and the status line name the
memo with the passages (it is removed with them, and Ctrl+Z brings it back), where they
named the passages only; several articles' memos are counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from test_gui_a11y_focus import answer_next_modal

from diptych.gui.library_panel import removal_question
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind


def remove(dialog: QWidget) -> str:
    """Answer Remove to the question asked; its text."""
    assert isinstance(dialog, QMessageBox)
    text = dialog.text()
    dialog.button(QMessageBox.StandardButton.Yes).click()
    return text


def test_removing_an_article_names_its_memo(qtbot: QtBot, window: MainWindow) -> None:
    article = window.session.articles()[1]
    passages = article.annotation_count
    assert passages
    window.session.set_memo(MemoKind.ARTICLE, article.id, "Ask the pilot about the quay")
    library = window.library
    library.select_article(article.id)
    library.view.setFocus()
    asked: list[str] = []

    answer_next_modal(lambda dialog: asked.append(remove(dialog)))
    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(asked))
    said = f", its {passages} passages and its memo"
    assert asked[0].startswith(f"Remove “{article.title}”{said} from the project?")
    qtbot.waitUntil(lambda: article.id not in [a.id for a in window.session.articles()])
    assert window.statusBar().currentMessage() == (
        f"“{article.title}”{said} removed — Ctrl+Z to undo"
    )
    assert window.session.project.memos.get(kind=MemoKind.ARTICLE, target_id=article.id) is None
    window.actions_.undo.trigger()
    assert window.session.memo_text(MemoKind.ARTICLE, article.id) == "Ask the pilot about the quay"


def test_several_articles_removed_count_their_memos(qtbot: QtBot, window: MainWindow) -> None:
    bare, other = window.session.add_articles(
        [parse_article(f"Bare {n}\n\nNo passage.".encode(), name=f"{n}.txt") for n in (1, 2)]
    )
    window.session.set_memo(MemoKind.ARTICLE, bare.id, "Read again")
    assert removal_question(window.session, [bare.id, other.id]).startswith(
        "Remove these 2 articles and their 1 memo from the project? They have no passages."
    )
    articles = window.session.articles()
    window.session.set_memo(MemoKind.ARTICLE, articles[0].id, "Check the figures")
    passages = sum(a.annotation_count for a in articles)
    ids = [a.id for a in articles]
    assert removal_question(window.session, ids).startswith(
        f"Remove these 4 articles, their {passages} passages and their 2 memos from the project?"
    )
    window.library.view.setFocus()
    answer_next_modal(remove)
    window.library.view.selectAll()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not window.session.articles())
    assert window.statusBar().currentMessage() == (
        f"4 articles removed with {passages} passages and 2 memos — Ctrl+Z to undo"
    )
