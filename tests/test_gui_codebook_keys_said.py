"""A Codebook row ends in two figures, "(3) 4": the count of passages and the digit key that
tags with the tag. The row's tooltip and what a screen reader reads of it say what the key
does, and pressing the key said tags the selected text with that tag."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_key_delegate import TagKeyDelegate

QUOTE = "renewed diplomatic engagement"


def hovered_tip(qtbot: QtBot, window: MainWindow, tag_id: int) -> list[str]:
    """The lines of the tooltip shown on hovering the tag's row in the Codebook."""
    view = window.tags.view
    rect = view.visualRect(window.tags.model.index_of(tag_id))
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QTextDocument()
    shown.setHtml(QToolTip.text())
    QToolTip.hideText()
    return shown.toPlainText().splitlines()


def spoken_rows(window: MainWindow) -> list[str]:
    """What a screen reader reads of each row of the Codebook's tree."""
    interface = QAccessible.queryAccessibleInterface(window.tags.view)
    assert interface is not None
    return [
        interface.child(n).text(QAccessible.Text.Name)
        for n in range(interface.childCount())
        if interface.child(n).role() == QAccessible.Role.TreeItem
    ]


def test_the_tooltip_says_what_the_row_s_key_does_and_the_key_does_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    third = window.session.ordered_tags()[2]
    lines = hovered_tip(qtbot, window, third.id)
    assert "Key 3 tags the selected text with this tag" in lines
    delegate = window.tags.view.itemDelegate()
    assert isinstance(delegate, TagKeyDelegate)
    shown_key = delegate.key_of(window.tags.model.index_of(third.id))
    assert shown_key == 3  # the figure drawn at the row's right end

    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    article = pane.article_id or 0
    before = {p.id for p in window.session.project.annotations.query(article_id=article)}
    qtbot.keyClick(pane.view, Qt.Key.Key_3)
    added = [
        p
        for p in window.session.project.annotations.query(article_id=article)
        if p.id not in before
    ]
    assert [p.tag_ids for p in added] == [(third.id,)]


def test_a_screen_reader_reads_each_row_s_key_after_its_count_and_colour(
    window: MainWindow,
) -> None:
    spoken = spoken_rows(window)
    top_level = [t for t in window.session.ordered_tags() if t.parent_id is None]
    assert len(spoken) >= len(top_level) > 1
    first = top_level[0]
    assert spoken[0].startswith(f"{first.name}, ")
    assert spoken[0].endswith(", key 1")
    assert " passage" in spoken[0]  # the count, read before the key


def test_a_tag_beyond_the_ninth_has_no_key_said(qtbot: QtBot, window: MainWindow) -> None:
    for name in ("Eighth", "Ninth", "Tenth"):  # the sample's seven tags, and three more
        window.session.add_tag(name=name)
    tags = {t.name: t.id for t in window.session.ordered_tags()}
    assert "Key 9 tags the selected text with this tag" in hovered_tip(qtbot, window, tags["Ninth"])
    tenth = hovered_tip(qtbot, window, tags["Tenth"])
    assert tenth == ["Tenth", "0 passages"]
    spoken = window.tags.model.index_of(tags["Tenth"]).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "key" not in spoken
