"""Where the keyboard focus goes when a dialog closes or a panel is hidden: back where the
user was, never nowhere (a screen reader then says nothing, and keys do nothing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def answer_next_modal(act: Callable[[QWidget], None]) -> list[str]:
    """Let ``act`` drive the next modal dialog once its loop runs; its type is recorded."""
    seen: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, run)
            return
        seen.append(type(dialog).__name__)
        try:
            act(dialog)
        finally:
            if dialog.isVisible() and isinstance(dialog, QDialog):
                dialog.reject()  # never leave a test hanging in a modal loop

    QTimer.singleShot(0, run)
    return seen


def focus_after(qtbot: QtBot, window: MainWindow) -> QWidget | None:
    """The widget with the focus once the window is active again."""
    active(qtbot, window)
    return QApplication.focusWidget()


def test_focus_comes_back_to_the_library_after_renaming_and_removing(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    library = window.library
    library.view.setFocus()
    # Chosen as a plain click chooses: setCurrentIndex alone would read the modifier keys
    # a test before left held (Ctrl of a Ctrl+T) and select nothing.
    library.view.select_only(library.proxy.index(1, 0))
    seen = answer_next_modal(lambda d: d.accept())  # type: ignore[attr-defined]
    qtbot.keyClick(library.view, Qt.Key.Key_F2)
    assert seen == ["QInputDialog"]
    assert focus_after(qtbot, window) is library.view

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    seen = answer_next_modal(yes)
    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    assert seen == ["QMessageBox"]
    assert focus_after(qtbot, window) is library.view


def test_focus_comes_back_to_the_codebook_after_editing_and_deleting(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    tree = window.tags.view
    tree.setFocus()
    tree.setCurrentIndex(window.tags.model.index(0, 0))
    seen = answer_next_modal(lambda d: d.accept())  # type: ignore[attr-defined]
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert seen == ["TagDialog"]
    assert focus_after(qtbot, window) is tree

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    seen = answer_next_modal(yes)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert seen == ["QMessageBox"]
    assert focus_after(qtbot, window) is tree


def test_focus_comes_back_to_the_article_after_the_export_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    pane = window.area.panes()[0]
    pane.view.setFocus()
    window.actions_.export.trigger()
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert focus_after(qtbot, window) is pane.view


def test_focus_goes_to_the_article_when_the_panel_it_was_in_is_hidden(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    pane = window.area.current
    assert pane is not None
    for name, field in (
        ("library", window.library.filter),
        ("codebook", window.tags.view),
        ("memos", window.memos.project_memo),
    ):
        window.go_to_panel(name)
        field.setFocus()
        assert QApplication.focusWidget() is field
        window.docks[name].toggleViewAction().trigger()  # View menu, or the dock's ×
        assert not window.docks[name].isVisible()
        assert QApplication.focusWidget() is pane.view, name


def tab_chain(qtbot: QtBot, start: QWidget, presses: int) -> list[QWidget | None]:
    """The widgets that get the focus as Tab is pressed ``presses`` times from ``start``."""
    start.setFocus()
    chain: list[QWidget | None] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    return chain


def test_tab_goes_through_the_codebook_as_it_is_seen_tools_then_tags(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QToolButton

    active(qtbot, window)
    panel = window.tags
    tools = panel.findChildren(QToolButton)
    assert len(tools) == 5
    assert tab_chain(qtbot, tools[0], 5) == [*tools[1:], panel.view]


def test_tab_leaves_a_memo_for_the_next_field(qtbot: QtBot, window: MainWindow) -> None:
    active(qtbot, window)
    memos = window.memos
    window.go_to_panel("memos")
    memos.project_memo.setPlainText("Aims")
    assert tab_chain(qtbot, memos.project_memo, 1) == [memos.article_memo]
    assert memos.project_memo.toPlainText() == "Aims"  # no tab typed into it


def test_esc_closes_the_tag_palette_and_gives_the_focus_back_to_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    pane = window.area.current
    assert pane is not None
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is palette.field)
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    palette.list.setFocus()  # Esc from the list closes it too
    qtbot.keyClick(palette.list, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert focus_after(qtbot, window) is pane.view


def test_after_a_failed_export_the_keyboard_is_back_on_export_not_cancel(
    qtbot: QtBot, window: MainWindow, tmp_path
) -> None:
    """Export is turned off while it runs, which sent its focus on to Cancel: Enter
    to try again, once the destination was changed, then closed the dialog."""
    from diptych.gui.export_dialog import ExportDialog

    active(qtbot, window)
    window.actions_.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    dialog.output.setText(str(blocker / "notes.md"))
    dialog.export_button.setFocus()
    with qtbot.waitSignal(window.context.messages.posted, timeout=10_000):
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert dialog.focusWidget() is dialog.export_button
