"""Renaming an article shows its whole title in the field, not just its end."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow


def test_the_rename_field_is_as_wide_as_the_title(qtbot: QtBot, window: MainWindow) -> None:
    article = max(window.session.articles(), key=lambda a: len(a.title))
    seen: list[tuple[int, int, str]] = []

    def look_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
            QTimer.singleShot(10, look_then_cancel)
            return
        field = dialog.findChild(QLineEdit)
        assert field is not None
        text_width = field.fontMetrics().horizontalAdvance(field.text())
        seen.append((field.contentsRect().width(), text_width, field.text()))
        dialog.reject()

    QTimer.singleShot(0, look_then_cancel)
    dialogs.rename_article(window, window.session, article.id)
    assert seen, "the rename dialog was not shown"
    field_width, text_width, text = seen[0]
    assert text == article.title
    assert field_width >= text_width + 8  # the whole title, with the field's own margins
    renamed = window.session.project.articles.summary(article_id=article.id).title
    assert renamed == article.title  # cancelled: nothing renamed
