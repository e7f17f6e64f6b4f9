"""The export dialog gives article titles, which are long, more of its width than tag
names, which are short: the sample's titles are read whole or nearly."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def test_the_articles_have_the_wider_column(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.articles.width() > dialog.tags.width() * 1.3
    metrics = dialog.articles.fontMetrics()
    widest_tag = max(
        metrics.horizontalAdvance(dialog.tags.item(r).text()) for r in range(dialog.tags.count())
    )
    assert widest_tag + 60 < dialog.tags.viewport().width()  # the tags still show whole
    shortest = min(window.session.articles(), key=lambda a: len(a.title)).title
    shown = dialog.articles.visualItemRect(dialog.articles.item(0)).width()
    assert metrics.horizontalAdvance(shortest) * 0.75 < shown
