"""Edit tag… writes only what was changed in the dialog, and a name and a parent changed
together are saved as the codebook allows: a tag renamed as a tag beside it is called while
moved elsewhere is moved, then renamed; what cannot be saved is said in the dialog, which
stays open with what was typed.

The dialog is opened with F2 in the Codebook and filled in through its fields; another
window's changes are made through a connection of its own while the dialog is open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_tag_dialog_key import drive_next_dialog, tag_id

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagDialog
from diptych.storage.project import Project


def edit_with_f2(
    qtbot: QtBot, window: MainWindow, tag: int, act: Callable[[TagDialog], None]
) -> None:
    """Select ``tag`` in the Codebook, press F2 and let ``act`` fill in the dialog."""
    window.tags.select_tag(tag)
    window.tags.view.setFocus()
    qtbot.waitUntil(window.tags.view.hasFocus)
    drive_next_dialog(act)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_F2)


def choose_parent(dialog: TagDialog, parent: int | None) -> None:
    dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(parent))


def saved_paths(sample: Path) -> dict[int, str]:
    with Project.open(sample, read_only=True) as project:
        codebook = project.tags.codebook()
        return {t.id: codebook.path(t.id) for t in codebook.ordered()}


def test_a_tag_renamed_as_its_sibling_is_called_and_moved_away_is_moved_then_renamed(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    economy, security = tag_id(window, "Economy"), tag_id(window, "Security")
    tariffs = window.session.add_tag(name="Tariffs", parent_id=economy).id
    before = saved_paths(sample)
    steps = window.session.undo_stack.count()

    def rename_and_move(dialog: TagDialog) -> None:
        qtbot.keyClicks(dialog.name, "Trade")  # as Economy/Trade beside it is called
        dialog.description.setPlainText("Careful description typed")
        choose_parent(dialog, security)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edit_with_f2(qtbot, window, tariffs, rename_and_move)
    assert saved_paths(sample)[tariffs] == "Security/Trade"
    with Project.open(sample, read_only=True) as project:
        assert project.tags.get(tag_id=tariffs).description == "Careful description typed"
    assert window.session.undo_stack.count() == steps + 1  # one step
    assert window.statusBar().currentMessage() == "Tag “Security/Trade” changed — Ctrl+Z to undo"
    window.actions_.undo.trigger()
    assert saved_paths(sample) == before


def test_a_rename_and_move_the_codebook_cannot_take_is_said_in_the_dialog_with_all_kept(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """Renamed as a tag beside it is called and moved beside a tag of its own name:
    neither can be done first. The dialog says so, and keeps what was typed."""
    economy, security = tag_id(window, "Economy"), tag_id(window, "Security")
    tariffs = window.session.add_tag(name="Tariffs", parent_id=economy).id
    window.session.add_tag(name="Tariffs", parent_id=security)
    before = saved_paths(sample)
    seen: list[tuple[bool, str, str, str]] = []

    def rename_and_move(dialog: TagDialog) -> None:
        qtbot.keyClicks(dialog.name, "Trade")
        dialog.description.setPlainText("Careful description typed")
        choose_parent(dialog, security)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen.append(
            (
                dialog.isVisible(),
                dialog.problem.text() if dialog.problem.isVisible() else "",
                dialog.name.text(),
                dialog.description.toPlainText(),
            )
        )

    steps = window.session.undo_stack.count()
    edit_with_f2(qtbot, window, tariffs, rename_and_move)
    ((open_, problem, name, description),) = seen
    assert open_ and (name, description) == ("Trade", "Careful description typed")
    assert problem.startswith("“Tariffs” cannot be renamed “Trade” and moved at once")
    assert saved_paths(sample) == before
    assert window.session.undo_stack.count() == steps


def test_a_rename_keeps_the_parent_colour_and_description_another_window_gave_meanwhile(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    trade, diplomacy = tag_id(window, "Trade"), tag_id(window, "Diplomacy")

    def rename(dialog: TagDialog) -> None:
        with Project.open(sample) as other:  # another window, while the dialog is open
            other.tags.move(tag_id=trade, parent_id=diplomacy)
            other.tags.update(tag_id=trade, color="#123456", description="set elsewhere")
        window.session.show_changes_from_elsewhere()
        qtbot.keyClicks(dialog.name, "Commerce")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edit_with_f2(qtbot, window, trade, rename)
    with Project.open(sample, read_only=True) as project:
        tag = project.tags.get(tag_id=trade)
        path = project.tags.codebook().path(trade)
    assert (path, tag.color, tag.description) == ("Diplomacy/Commerce", "#123456", "set elsewhere")
    assert window.session.undo_stack.undoText() == "Rename tag “Diplomacy/Trade” to “Commerce”"


def test_a_new_parent_keeps_the_colour_another_window_gave_meanwhile(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    trade, security = tag_id(window, "Trade"), tag_id(window, "Security")

    def move(dialog: TagDialog) -> None:
        with Project.open(sample) as other:
            other.tags.update(tag_id=trade, color="#123456")
        window.session.show_changes_from_elsewhere()
        choose_parent(dialog, security)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edit_with_f2(qtbot, window, trade, move)
    with Project.open(sample, read_only=True) as project:
        tag = project.tags.get(tag_id=trade)
        path = project.tags.codebook().path(trade)
    assert (path, tag.color) == ("Security/Trade", "#123456")
