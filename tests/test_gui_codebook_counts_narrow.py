"""A narrow Codebook cuts a long tag name, never the count of its passages: the count
keeps its place at the right of the row, before the tag's key, where counts line up."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.annotations import NewAnnotation

LONG = "Economic interdependence and the politics of trade between neighbours"


def drawn_texts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QRect, str]]:
    """Texts the delegate draws itself (the name is drawn by the style)."""
    texts: list[tuple[QRect, str]] = []
    draw = QPainter.drawText

    def spy(painter: QPainter, *args: Any) -> Any:
        if len(args) == 3 and isinstance(args[2], str):
            texts.append((QRect(args[0]), args[2]))
        return draw(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", spy)
    return texts


def test_a_narrow_codebook_keeps_each_tags_count_whole(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, panel = window.session, window.tags
    tag = session.add_tag(name=LONG).id
    article = session.project.articles.all()[0]
    text = session.project.articles.get(article_id=article.id).text
    session.project.annotations.add_many(
        items=[
            NewAnnotation(article.id, start, start + 5, (tag,), "")
            for start in (i * 7 % (len(text) - 5) for i in range(12_345))
        ]
    )
    session.allPassagesChanged.emit()
    model, view = panel.model, panel.view
    row = next(
        model.index(r, 0, QModelIndex())
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.EditRole) == LONG
    )
    qtbot.waitUntil(lambda: "(12345)" in row.data())  # counted, as the model says

    window.docks["codebook"].show()
    view.setFixedWidth(180)  # far too narrow for the name
    view.scrollTo(row)
    texts = drawn_texts(monkeypatch)
    view.viewport().repaint()
    rect = view.visualRect(row)
    counts = [(r, t) for r, t in texts if t == "(12345)"]
    assert counts, texts  # drawn whole, not elided with the name
    drawn = counts[-1][0]
    width = view.fontMetrics().horizontalAdvance("(12345)")
    assert drawn.right() <= view.viewport().width()  # inside the visible row
    assert drawn.width() >= width
    assert rect.top() <= drawn.center().y() <= rect.bottom()
    key = [r for r, t in texts if t.isdigit() and rect.top() <= r.center().y() <= rect.bottom()]
    assert not key or drawn.right() < key[-1].right()  # the key, if any, stays last
