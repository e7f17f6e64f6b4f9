"""A key learnt stays with its tag: adding a sub-tag, deleting a tag or another window's
change of the codebook leaves keys 1-9 with the tags they had, in the article, the
Codebook's key column, the tag palette and the menu.

In the sample, keys 1-7 are Economy, Trade, Security, Diplomacy, Summitry, Culture &
society and Evidence; a coder has learnt 4 as Diplomacy.
"""

from __future__ import annotations

from pathlib import Path

from gui_support import keyboard_in, open_window, select_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from diptych.gui.coding import no_tag_with_key
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog
from diptych.gui.tag_palette import KEY_ROLE, TAG_ROLE
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def tag_id(window: MainWindow, name: str) -> int:
    return next(t.id for t in window.session.ordered_tags() if t.name == name)


def passage_tags(sample: Path, quote: str) -> set[str]:
    with Project.open(sample, read_only=True) as project:
        codebook = project.tags.codebook()
        (passage,) = [p for p in project.annotations.query() if p.exact == quote]
        return {codebook[t].name for t in passage.tag_ids}


def add_sub_tag_with_the_dialog(qtbot: QtBot, window: MainWindow, parent: str, name: str) -> None:
    """Select ``parent`` in the Codebook and create ``name`` under it with New sub-tag."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, TagDialog)
            qtbot.keyClicks(dialog.name, name)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        finally:
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

    window.tags.select_tag(tag_id(window, parent))
    QTimer.singleShot(0, fill)
    window.tags.new_subtag()


def test_after_a_new_sub_tag_and_a_deleted_tag_key_4_still_applies_diplomacy(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    diplomacy, security = tag_id(window, "Diplomacy"), tag_id(window, "Security")
    add_sub_tag_with_the_dialog(qtbot, window, "Economy", "Tariffs")  # second in the tree
    window.tags.confirm = lambda *_args: True  # type: ignore[method-assign]
    window.tags.select_tag(tag_id(window, "Summitry"))
    window.tags.delete_tag()

    model = window.tags.model
    assert (model.key(security), model.key(diplomacy)) == (3, 4)  # the Codebook's key column
    assert model.key(tag_id(window, "Tariffs")) == 8  # the lowest free key
    said = model.index_of(diplomacy).data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.endswith(", key 4")

    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_4)
    assert passage_tags(sample, QUOTE) == {"Diplomacy"}
    qtbot.keyClick(pane.view, Qt.Key.Key_3)  # onto the passage just made
    assert passage_tags(sample, QUOTE) == {"Diplomacy", "Security"}

    steps = window.session.undo_stack.count()
    select_text(pane, "symbolic restart")
    qtbot.keyClick(pane.view, Qt.Key.Key_5)  # Summitry's key, free since it was deleted
    assert window.statusBar().currentMessage() == no_tag_with_key(5)
    assert window.session.undo_stack.count() == steps

    for _ in range(3):  # the two tags put on, then the deletion: Summitry has its key again
        window.actions_.undo.trigger()
    assert model.key(tag_id(window, "Summitry")) == 5
    assert model.key(diplomacy) == 4


def test_the_palette_and_the_menu_name_the_keys_the_tags_keep(
    qtbot: QtBot, window: MainWindow
) -> None:
    add_sub_tag_with_the_dialog(qtbot, window, "Economy", "Tariffs")
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    shown = {
        palette.model.item(row).data(TAG_ROLE): palette.model.item(row).data(KEY_ROLE)
        for row in range(palette.model.rowCount())
    }
    palette.hide()
    assert shown[tag_id(window, "Diplomacy")] == 4
    assert shown[tag_id(window, "Tariffs")] == 8
    assert shown[tag_id(window, "Trade")] == 2


def test_keys_another_window_gives_show_here_after_the_refresh(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    security = tag_id(window, "Security")
    with Project.open(sample) as other:  # another window gives Security key 1
        other.tags.set_keys(keys={1: security})
    window.session.show_changes_from_elsewhere()
    assert window.tags.model.key(security) == 1
    assert window.tags.model.key(tag_id(window, "Economy")) is None
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert passage_tags(sample, QUOTE) == {"Security"}


def test_a_read_only_project_shows_the_keys_it_keeps_and_writes_none(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    with Project.open(sample) as project:
        economy = project.tags.find(name="Economy")
        assert economy is not None
        tariffs = project.tags.add(name="Tariffs", parent_id=economy.id)
        trade = project.tags.find(name="Trade")
        assert trade is not None
    before = sample.read_bytes()
    window = open_window(qtbot, context, Project.open(sample, read_only=True))
    assert window.tags.model.key(tariffs.id) == 8
    assert window.tags.model.key(trade.id) == 2
    window.close()
    assert sample.read_bytes() == before
