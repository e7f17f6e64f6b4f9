"""The layout pacer follows the document it lays out now: an earlier one deleted (its
pane closed) stops nothing, or the view would wait for a place never put back."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from diptych.gui.layout_pacer import LayoutPacer


def shown(qtbot: QtBot, lines: int) -> tuple[QTextEdit, QTextDocument]:
    view = QTextEdit()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    document = QTextDocument(view)
    document.setPlainText("\n".join(f"line {i} " * 8 for i in range(lines)))
    view.setDocument(document)
    qtbot.waitExposed(view)
    return view, document


def test_an_earlier_document_deleted_does_not_stop_the_pacing_of_the_next(
    qtbot: QtBot,
) -> None:
    first_view, first = shown(qtbot, 20_000)
    _second_view, second = shown(qtbot, 20_000)
    pacer = LayoutPacer()
    pacer.pace(first)
    pacer.pace(second)  # on to the next document, as a pane shows another article
    assert pacer.is_pacing()
    with qtbot.waitSignal(first.destroyed):
        first_view.deleteLater()  # the earlier one goes, with its pane
    assert pacer.is_pacing()
    qtbot.waitUntil(lambda: not pacer.is_pacing(), timeout=30_000)  # laid out to the end
    layout = second.documentLayout()
    assert layout.blockBoundingRect(second.lastBlock()).bottom() > 0
