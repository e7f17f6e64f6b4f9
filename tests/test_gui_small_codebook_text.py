"""The Codebook's words: a tag's tooltip counts its passages in good English ("1 passage",
"2 passages", "0 passages")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from diptych.gui.main_window import MainWindow


def tooltip_lines(window: MainWindow, tag_id: int) -> list[str]:
    tip = window.tags.model.index_of(tag_id).data(Qt.ItemDataRole.ToolTipRole)
    shown = QTextDocument()
    shown.setHtml(tip)  # as Qt shows a tooltip that looks like rich text
    return shown.toPlainText().splitlines()


def test_the_tooltip_of_a_tag_says_passage_for_one_and_passages_for_more(
    window: MainWindow,
) -> None:
    usage = window.session.project.tags.usage()
    once = next(tag for tag, count in usage.items() if count == 1)
    twice = next(tag for tag, count in usage.items() if count == 2)
    unused = window.session.add_tag(name="Unused").id
    codebook = window.session.codebook()
    assert tooltip_lines(window, once)[:2] == [codebook.path(once), "1 passage"]
    assert tooltip_lines(window, twice)[:2] == [codebook.path(twice), "2 passages"]
    key = "Key 8 tags the selected text with this tag"  # the sample's seven tags, then it
    assert tooltip_lines(window, unused) == ["Unused", "0 passages", key]
