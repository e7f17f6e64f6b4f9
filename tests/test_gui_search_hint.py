"""The project search says how to write a search where it can be read in a narrow dock."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QStyleOptionFrame

from diptych.gui.search_panel import SearchPanel
from diptych.gui.session import ProjectSession

DOCK_WIDTH = 300  # the Search panel beside the articles on a laptop screen


def shown_panel(qtbot, session: ProjectSession) -> SearchPanel:
    panel = SearchPanel(session)
    qtbot.addWidget(panel)
    panel.resize(DOCK_WIDTH, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_empty_search_field_shows_its_whole_placeholder(qtbot, session: ProjectSession) -> None:
    panel = shown_panel(qtbot, session)
    field = panel.field
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    room = room.width() - 2 * 2 - 24  # Qt's text margins and the clear button
    assert field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room


def test_how_to_write_a_search_is_shown_until_there_is_a_search(
    qtbot, session: ProjectSession
) -> None:
    panel = shown_panel(qtbot, session)
    hint = panel.status
    for syntax in ('"exact phrase"', " OR ", "trade*", "-word"):
        assert syntax in hint.text()
    assert hint.isVisible() and hint.height() >= hint.heightForWidth(hint.width())  # all of it
    panel.field.setText("korea")
    with qtbot.waitSignal(panel.searched):
        panel.run()
    assert "trade*" not in hint.text() and "passage" in hint.text()
    panel.field.clear()
    with qtbot.waitSignal(panel.searched):
        panel.run()
    assert "trade*" in hint.text()
