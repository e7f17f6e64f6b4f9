"""Text from articles and users is shown as text: titles that look like markup stay inert."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.dialogs import show_message
from diptych.gui.note_html import text_to_html
from diptych.gui.pane_header import PaneHeader

HOSTILE = '<img src="file:///etc/passwd"> & <b>bold</b>'


def test_message_boxes_show_file_names_and_titles_as_plain_text(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_message(parent, QMessageBox.Icon.Warning, "Import", f"{HOSTILE}: is empty.")
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text().startswith(HOSTILE)
    box.close()


def test_pane_title_tooltip_is_escaped(qtbot: QtBot) -> None:
    header = PaneHeader()
    qtbot.addWidget(header)
    header.set_title(HOSTILE, "source.html")
    tip = header.title.toolTip()
    assert tip == text_to_html(f"{HOSTILE}\nsource.html")
    assert "<img" not in tip and "&lt;img" in tip


def test_pane_title_itself_is_plain_text(qtbot: QtBot) -> None:
    header = PaneHeader()
    qtbot.addWidget(header)
    header.resize(900, 40)
    header.set_title(HOSTILE, "source.html")
    assert header.title.textFormat() == Qt.TextFormat.PlainText
    assert header.title.text().startswith("<img src=")  # shown as typed (elided), not loaded
