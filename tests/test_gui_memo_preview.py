"""A memo is Markdown, as a passage's note is: Preview beside its heading shows it
rendered (links live, nothing loaded), Edit goes back to writing it, and the preview
follows undo and the article of the current pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_the_project_memo_reads_rendered_and_goes_back_to_writing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.go_to_panel("memos")  # behind the Passages tab, its contents are hidden
    panel = window.memos
    box = panel.project_preview
    assert box.button.text() == "Preview"
    assert panel.project_memo.toPlainText().startswith("# Welcome to Diptych")
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    assert box.stack.currentWidget() is box.browser and box.browser.isVisible()
    assert not panel.project_memo.isVisible()
    assert box.button.text() == "Edit"
    shown = box.browser.toPlainText()
    assert shown.startswith("Welcome to Diptych")  # rendered, not "# Welcome"
    # A bold line, as the HTML report shows a memo's heading, not a large heading.
    first = box.browser.document().firstBlock()
    assert first.blockFormat().headingLevel() == 0
    assert first.begin().fragment().charFormat().font().bold()
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    assert box.stack.currentWidget() is panel.project_memo and panel.project_memo.isVisible()
    assert box.button.text() == "Preview"


def test_a_memo_typed_then_previewed_is_saved_and_shown_and_follows_undo(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.memos
    left = window.area.panes()[0]
    window.area.set_current(left)
    field, box = panel.article_memo, panel.article_preview
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Cites **customs** data")
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    assert window.session.memo_text(field.kind, left.article_id) == "Cites **customs** data"
    assert box.browser.toPlainText() == "Cites customs data"
    window.actions_.undo.trigger()
    assert box.browser.toPlainText() == ""
    window.actions_.redo.trigger()
    assert box.browser.toPlainText() == "Cites customs data"
    right = window.area.panes()[1]
    window.area.set_current(right)  # another article's memo, empty: so is its preview
    assert box.browser.toPlainText() == ""
    window.area.set_current(left)
    assert box.browser.toPlainText() == "Cites customs data"


def test_going_to_the_memos_while_previewing_puts_the_keyboard_in_the_preview(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.area.set_current(window.area.panes()[0])
    box = window.memos.article_preview
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    window.go_to_panel("memos")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.browser)


def test_each_memo_preview_is_heard_as_what_it_shows(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.memos
    left = window.area.panes()[0]
    window.area.set_current(left)
    project, article = panel.project_preview, panel.article_preview
    names = [spoken_name(project.button), spoken_name(article.button)]
    assert names == ["Preview the project memo", "Preview the article memo"]
    qtbot.mouseClick(article.button, Qt.MouseButton.LeftButton)
    assert spoken_name(article.button) == "Edit the article memo"
    title = window.session.project.articles.summary(article_id=left.article_id).title
    assert spoken_name(article.browser) == f"Memo on “{title}”, as it reads"
    window.area.set_current(window.area.panes()[1])
    other = window.session.project.articles.summary(article_id=window.area.panes()[1].article_id)
    assert spoken_name(article.browser) == f"Memo on “{other.title}”, as it reads"
