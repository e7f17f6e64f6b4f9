"""Every control a keyboard reaches is read by a screen reader with a name.

Orca and NVDA read what Qt's accessibility interface gives as a widget's name; a control
without one is read as its role alone ("push button", "text"), which tells a listener
nothing. A placeholder text is not a name: it is gone once something is typed.
"""

from __future__ import annotations

from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name).strip()


def unnamed(top: QWidget) -> list[str]:
    """The visible controls under ``top`` that take keyboard focus, and the buttons (a
    screen reader's review keys reach those the Tab key does not), that have no name."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if not focusable and not isinstance(widget, QAbstractButton):
            continue
        if isinstance(widget.parent(), QLineEdit):
            continue  # Qt's own clear button, which the keyboard never reaches
        if widget.focusProxy() is not None:
            continue  # the proxy is what the keyboard reaches
        if not spoken_name(widget):
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} "
                f"tooltip={widget.toolTip()!r} in {type(widget.parent()).__name__}"
            )
    return found


def test_every_control_of_the_window_is_named(qtbot: QtBot, window: MainWindow) -> None:
    assert unnamed(window) == []


def test_every_control_of_the_passage_panel_is_named(qtbot: QtBot, window: MainWindow) -> None:
    passage = window.session.project.annotations.query()[0]
    window.on_coding_passage_selected(passage.id)
    qtbot.waitUntil(lambda: window.editor.isVisible())
    assert unnamed(window.editor) == []


def test_every_control_of_the_search_and_memos_tabs_is_named(
    qtbot: QtBot, window: MainWindow
) -> None:
    search = window.search
    window.docks["search"].raise_()
    search.field.setText("the")
    with qtbot.waitSignal(search.searched):
        search.run()
    qtbot.waitUntil(search.results.isVisible)
    assert unnamed(window.docks["search"]) == []
    window.docks["memos"].raise_()
    qtbot.waitUntil(window.memos.isVisible)
    assert unnamed(window.docks["memos"]) == []


def test_every_control_of_the_export_dialog_is_named(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_export_dialog(qtbot, window)
    assert unnamed(dialog) == []
    dialog.reject()


def test_every_control_of_the_new_tag_dialog_is_named(qtbot: QtBot, window: MainWindow) -> None:
    dialog = TagDialog(window.session.codebook(), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    dialog.reject()
    assert QApplication.instance() is not None


def test_an_article_text_is_named_after_its_article(qtbot: QtBot, window: MainWindow) -> None:
    for pane in window.area.panes():
        assert pane.article_id is not None
        title = window.session.project.articles.summary(article_id=pane.article_id).title
        assert spoken_name(pane.view) == f"Article “{title}”"
    window.on_new_pane_triggered()
    empty = [p for p in window.area.panes() if p.article_id is None]
    assert [spoken_name(p.view) for p in empty] == ["Empty pane"]


def test_the_note_preview_of_the_passage_panel_is_named(qtbot: QtBot, window: MainWindow) -> None:
    passage = window.session.project.annotations.query()[0]
    window.on_coding_passage_selected(passage.id)
    editor = window.editor
    qtbot.waitUntil(editor.isVisible)
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.preview.isVisible)
    assert unnamed(editor) == []
    assert spoken_name(editor.preview) == "Note on the passage, as it reads"
