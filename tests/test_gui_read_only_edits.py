"""A project open read-only offers no edit it would refuse: the menus' edits are greyed and
say why, the passage and codebook menus grey theirs, and the keys that would edit say so in
the status bar, before any box refuses them. Reading, searching, exporting and Save a copy
stay as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window, select_text, shown_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project

SHIFT = Qt.KeyboardModifier.ShiftModifier
CONTROL = Qt.KeyboardModifier.ControlModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article
EDITS = ("import_articles", "import_folder", "tag_selection", "delete_passage", "edit_note",
         "new_tag")  # fmt: skip
READING = ("open_project", "export", "save_copy", "find", "search", "next_passage",
           "previous_passage", "zoom_in", "show_library", "show_codebook", "new_pane")  # fmt: skip


@pytest.fixture
def read_only(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    return open_window(qtbot, context, Project.open(sample, read_only=True))


def posted_to(window: MainWindow) -> list[tuple[int, str, str]]:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    return posted


def said_read_only(posted: list[tuple[int, str, str]]) -> None:
    """One word in the status bar, saying why: no box refusing the change."""
    assert [level for level, _title, _text in posted] == [Level.INFO], posted
    assert "read-only" in posted[0][2]


def popup_menu(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def close_menu(qtbot: QtBot, menu: QMenu) -> None:
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def offered(menu: QMenu) -> dict[str, bool]:
    """Each item of the menu as it reads (without its key or key letter), and whether it is
    enabled."""
    return {shown_text(a.text()): a.isEnabled() for a in menu.actions() if a.text()}


def test_the_menus_grey_the_edits_and_say_why(read_only: MainWindow) -> None:
    actions = read_only.actions_
    for name in EDITS:
        action: QAction = getattr(actions, name)
        assert not action.isEnabled(), name
        assert "read-only project" in action.toolTip(), (name, action.toolTip())
    for name in READING:
        assert getattr(actions, name).isEnabled(), name
    tags_menu = next(
        a.menu() for a in read_only.menuBar().actions() if a.text() == "&Tags" and a.menu()
    )
    assert isinstance(tags_menu, QMenu)
    assert not any(a.isEnabled() for a in tags_menu.actions() if not a.isSeparator())


def test_a_writable_project_keeps_its_edits(window: MainWindow) -> None:
    for name in EDITS:
        action: QAction = getattr(window.actions_, name)
        assert action.isEnabled() and "read-only" not in action.toolTip(), name


def test_ctrl_t_opens_no_palette_and_tags_nothing(qtbot: QtBot, read_only: MainWindow) -> None:
    pane = keyboard_in(qtbot, read_only, 1)
    before = read_only.session.project.annotations.query()
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_T, CONTROL)
    assert not read_only.coding.palette.isVisible()
    assert read_only.session.project.annotations.query() == before


def test_the_passage_menu_offers_copy_and_greys_the_edits(
    qtbot: QtBot, read_only: MainWindow
) -> None:
    pane = keyboard_in(qtbot, read_only, 1)
    passage = next(
        p
        for p in read_only.session.project.annotations.query()
        if p.article_id == pane.article_id and p.tag_ids
    )
    select_text(pane, passage.exact)
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, SHIFT)
    menu = popup_menu(qtbot)
    items = offered(menu)
    assert items.pop("Copy") is True
    assert items and not any(items.values()), items  # tag, Tag with, remove, add, delete
    assert menu.toolTipsVisible()
    greyed = [a for a in menu.actions() if a.text() and not a.isEnabled()]
    assert all("read-only project" in a.toolTip() for a in greyed)
    close_menu(qtbot, menu)


def test_the_tag_and_delete_keys_say_why_in_the_status_bar(
    qtbot: QtBot, read_only: MainWindow
) -> None:
    pane = keyboard_in(qtbot, read_only, 1)
    passages = read_only.session.project.annotations.query()
    posted = posted_to(read_only)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    said_read_only(posted)
    assert read_only.statusBar().currentMessage() == posted[0][2]

    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # the first passage, outlined
    qtbot.waitUntil(lambda: read_only.coding.selected != 0)
    posted.clear()
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    said_read_only(posted)
    assert read_only.session.project.annotations.query() == passages


def test_delete_in_the_passages_list_says_why(qtbot: QtBot, read_only: MainWindow) -> None:
    panel = read_only.passages
    read_only.docks["passages"].show()
    read_only.docks["passages"].raise_()
    passages = read_only.session.project.annotations.query()
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.current_passage() is not None)
    posted = posted_to(read_only)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    said_read_only(posted)
    assert read_only.session.project.annotations.query() == passages


def test_the_codebook_keys_open_no_dialog_and_say_why(
    qtbot: QtBot, read_only: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diptych.gui.tag_dialog import TagDialog

    opened: list[str] = []
    monkeypatch.setattr(TagDialog, "exec", lambda _self: opened.append("dialog") or 0)
    panel = read_only.tags
    panel.confirm = lambda *_args: opened.append("confirm") or False
    read_only.docks["codebook"].show()
    tag = read_only.session.ordered_tags()[0]
    panel.select_tag(tag.id)
    panel.view.setFocus()
    posted = posted_to(read_only)
    for key in (Qt.Key.Key_F2, Qt.Key.Key_Delete):
        posted.clear()
        qtbot.keyClick(panel.view, key)
        said_read_only(posted)
    assert opened == []


def test_the_codebook_menu_greys_the_edits_and_its_tags_do_not_drag(
    qtbot: QtBot, read_only: MainWindow
) -> None:
    panel = read_only.tags
    read_only.docks["codebook"].show()
    panel.select_tag(read_only.session.ordered_tags()[0].id)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(panel.view, Qt.Key.Key_F10, SHIFT)
    menu = popup_menu(qtbot)
    items = offered(menu)
    assert items.pop("Show its passages") is True
    assert items.pop("Tag selected text") is False  # a passage made is an edit too
    assert items and not any(items.values()), items  # edit, sub-tag, merge, delete, new
    close_menu(qtbot, menu)
    assert panel.view.dragDropMode() == QAbstractItemView.DragDropMode.NoDragDrop
    assert "Drag" not in panel.view.toolTip()


def test_the_library_menu_greys_the_edits(
    qtbot: QtBot, read_only: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    for name in ("rename_article", "remove_article"):
        monkeypatch.setattr(dialogs, name, lambda *_args, n=name: asked.append(n))
    library = read_only.library
    read_only.docks["library"].show()
    articles = len(read_only.session.articles())
    first = read_only.session.articles()[0].id
    library.select_article(first)
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)
    qtbot.keyClick(library.view, Qt.Key.Key_F10, SHIFT)
    menu = popup_menu(qtbot)
    items = offered(menu)
    assert items.pop("Open") and items.pop("Open in new pane")
    assert items and not any(items.values()), items  # rename, update, remove
    close_menu(qtbot, menu)
    posted = posted_to(read_only)
    for key in (Qt.Key.Key_F2, Qt.Key.Key_Delete):
        posted.clear()
        qtbot.keyClick(library.view, key)
        said_read_only(posted)
    assert asked == [] and len(read_only.session.articles()) == articles
    import_button = next(b for b in library.findChildren(QPushButton) if b.text() == "Import…")
    assert not import_button.isEnabled() and "read-only project" in import_button.toolTip()


def test_the_note_and_the_memos_say_why_they_cannot_be_written(
    qtbot: QtBot, read_only: MainWindow
) -> None:
    pane = keyboard_in(qtbot, read_only, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, CONTROL)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # a passage in the Passage panel
    qtbot.waitUntil(lambda: read_only.coding.selected != 0)
    editor = read_only.editor
    memos = read_only.memos
    fields = (editor.note, memos.project_memo, memos.article_memo, memos.tag_memo)
    for field in fields:
        assert field.isReadOnly()
        assert "read-only project" in field.placeholderText(), field.placeholderText()
        assert "read-only project" in field.toolTip(), field.toolTip()
    for button in (editor.add_tag_button, editor.delete_button, editor.reattach_button):
        assert not button.isEnabled()
        assert "read-only project" in button.toolTip(), button.toolTip()
    memo = memos.project_memo
    before = read_only.session.memo_text(memo.kind, None)
    memo.setFocus()
    qtbot.keyClicks(memo, "typed")
    assert memo.toPlainText() == before


def test_a_writable_projects_note_and_memos_invite_writing(window: MainWindow) -> None:
    memos = window.memos
    for field in (window.editor.note, memos.project_memo, memos.article_memo, memos.tag_memo):
        assert "read-only" not in field.placeholderText() + field.toolTip()


def test_an_empty_read_only_library_does_not_invite_importing(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "empty.diptych"
    Project.create(path).close()
    window = open_window(qtbot, context, Project.open(path, read_only=True))
    hint = window.library.no_match

    assert hint.isVisibleTo(window) and hint.text().startswith("No articles yet")
    assert "Import" not in hint.text() and "drop" not in hint.text()
    assert "read-only" in hint.text()
