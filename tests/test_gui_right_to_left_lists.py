"""An Arabic or Hebrew title reads as it does in its pane wherever the window lists it: the
Library, the export's list of articles and the Passages filter. Laid out left to right, a
figure at its end was split from its sign ("بنسبة 5%" read "5 … بنسبة%"). A note or memo
written in such a script is aligned right as it is typed, as its Preview shows it."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_export_dialog, open_window
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QTextCursor,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TITLE = "قمة الرياض: اتفاق على خفض الإنتاج بنسبة 5%"
HEBREW = "האינפלציה עלתה בשיעור של 5%"


def sign_beside_figure(
    shown: str, font: QFont, direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight
) -> bool:
    """Whether ``shown``, laid out in ``direction`` (a list's rows: left to right), puts
    the figure 5 and the percent sign after it side by side."""
    layout = QTextLayout(shown, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    digit = shown.index("5%")
    sign = digit + 1

    def drawn(at: int) -> tuple[float, float]:
        (run,) = layout.glyphRuns(at, 1)
        box = run.boundingRect()
        return box.left(), box.right()

    # (A number in Arabic or Hebrew text runs left to right: the sign on its right.)
    (digit_left, digit_right), (sign_left, sign_right) = drawn(digit), drawn(sign)
    gap = max(sign_left - digit_right, digit_left - sign_right)
    return gap <= QFontMetricsF(font).horizontalAdvance(" ") + 1


def type_into(field: QWidget, text: str) -> None:
    """Type ``text`` as a keyboard of its script does (QTest types only ASCII)."""
    for letter in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter)
            QApplication.sendEvent(field, event)


def window_with_titles(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    with Project.create(tmp_path / "gulf.diptych") as project:
        for name, title in (("a.txt", TITLE), ("h.txt", HEBREW), ("e.txt", "Port report")):
            text = f"{title}\n\nنص المقال. Text of the article."
            project.articles.add(parsed=parse_article(text.encode(), name=name))
    return open_window(qtbot, context, Project.open(tmp_path / "gulf.diptych"))


def test_the_library_lays_a_right_to_left_title_out_right_to_left(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = window_with_titles(qtbot, context, tmp_path)
    view = window.library.view
    model = view.model()
    directions = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        option = QStyleOptionViewItem()
        view.itemDelegateForIndex(index).initStyleOption(option, index)
        directions[option.text] = option.direction
    assert directions[TITLE] == Qt.LayoutDirection.RightToLeft
    assert directions[HEBREW] == Qt.LayoutDirection.RightToLeft
    assert directions["Port report"] == Qt.LayoutDirection.LeftToRight
    assert not sign_beside_figure(TITLE, view.font())  # what Qt showed before


def test_the_passages_filter_and_the_export_list_keep_a_figure_with_its_sign(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = window_with_titles(qtbot, context, tmp_path)
    combo = window.passages.article_combo
    shown = {combo.itemData(row): combo.itemText(row) for row in range(combo.count())}
    arabic, hebrew, english = window.session.project.articles.all()
    for article in (arabic, hebrew):
        assert sign_beside_figure(shown[article.id], combo.font()), shown[article.id]
    assert shown[english.id] == "Port report"
    combo.setCurrentIndex(combo.findData(arabic.id))
    assert sign_beside_figure(combo.currentText(), combo.font())

    dialog = open_export_dialog(qtbot, window)
    items = [dialog.articles.item(row) for row in range(dialog.articles.count())]
    texts = [item.text() for item in items]
    assert sign_beside_figure(texts[0], dialog.articles.font()), texts[0]
    assert sign_beside_figure(texts[1], dialog.articles.font()), texts[1]
    assert texts[2] == "Port report"
    assert items[0].data(Qt.ItemDataRole.AccessibleTextRole) == TITLE  # heard as written
    dialog.reject()


def test_a_note_in_arabic_is_aligned_right_as_it_is_typed(qtbot: QtBot, window: MainWindow) -> None:
    window.go_to_panel("memos")
    note = window.memos.article_memo
    qtbot.waitUntil(note.isVisible)
    note.setFocus()
    note.selectAll()
    type_into(note, "ملاحظة")
    start = QTextCursor(note.document())
    assert note.cursorRect(start).x() > note.viewport().width() * 3 // 4  # its first letter
    note.selectAll()
    type_into(note, "A note")
    assert note.cursorRect(QTextCursor(note.document())).x() < note.viewport().width() // 4


def test_an_arabic_title_in_a_pane_and_its_memo_heading_reads_right_to_left(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = window_with_titles(qtbot, context, tmp_path)
    arabic = window.session.project.articles.all()[0]
    window.area.open_article(arabic.id)
    qtbot.waitUntil(lambda: window.area.current.article_id == arabic.id)
    title = window.area.current.header.title
    assert title.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert sign_beside_figure(title.full_text(), title.font(), title.layoutDirection())
    window.go_to_panel("memos")
    heading = window.memos.article_label.full_text()
    assert heading.startswith("Memo on “") and sign_beside_figure(heading, title.font())
    assert window.memos.article_label.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_message_quoting_an_arabic_title_keeps_its_figure_with_its_sign(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = window_with_titles(qtbot, context, tmp_path)
    window.context.messages.info(f"Opened “{TITLE}” beside.")
    said = window.statusBar().currentMessage()
    assert said.startswith("Opened “") and said.endswith("” beside.")
    assert sign_beside_figure(said, window.statusBar().font())
    window.context.messages.info("Opened “Port report”.")  # left to right: as it was
    assert window.statusBar().currentMessage() == "Opened “Port report”."
