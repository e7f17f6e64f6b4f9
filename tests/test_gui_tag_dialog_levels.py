"""The tag dialog refuses a parent on the deepest level tags can have, with the reason,
keeping the dialog open and what was typed; a drag in the codebook that would nest tags
too deep says why and moves nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_tag_dialog import drive_next_tag_dialog, tag_names
from test_gui_tag_dialog_names import NEW_TAG
from test_gui_tag_manager import drag_tag

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagDialog
from diptych.storage.codebook import MAX_TAG_LEVELS


def test_a_new_tag_under_the_deepest_level_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    parent_id = None
    for level in range(1, MAX_TAG_LEVELS + 1):
        parent_id = window.session.add_tag(name=f"Level {level}", parent_id=parent_id).id
    before = tag_names(window)
    said: list[tuple[bool, str, str]] = []

    def fill(dialog: TagDialog) -> None:
        dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(parent_id))
        qtbot.keyClicks(dialog.name, "Too deep")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        said.append((dialog.isVisible(), dialog.problem.text(), dialog.name.text()))

    seen = drive_next_tag_dialog(fill)
    qtbot.keyClick(window, *NEW_TAG)
    assert seen, "Ctrl+Shift+T opens the New tag dialog"
    path = "/".join(f"Level {n}" for n in range(1, MAX_TAG_LEVELS + 1))
    assert said == [
        (
            True,
            f"The tag “Too deep” under “{path}” would nest tags 65 levels deep; tags can be"
            " nested at most 64 levels deep. Choose a parent higher up in the codebook.",
            "Too deep",
        )
    ]
    assert tag_names(window) == before


def test_dragging_a_branch_below_the_deepest_level_says_why_and_moves_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    deep = None
    for level in range(1, 61):
        deep = window.session.add_tag(name=f"Level {level}", parent_id=deep).id
    branch = window.session.add_tag(name="Branch").id
    below = branch
    for level in range(1, 6):
        below = window.session.add_tag(name=f"Twig {level}", parent_id=below).id
    before, steps = tag_names(window), window.session.undo_stack.count()
    model = window.tags.model
    with qtbot.waitSignal(window.context.messages.posted) as posted:
        drag_tag(model, branch, 0, model.index_of(deep))
    level, _title, text = posted.args
    assert level == Level.ERROR
    assert text.startswith("Moving 'Branch' under 'Level 1/Level 2/")
    assert text.endswith(
        "would nest tags 66 levels deep; tags can be nested at most 64 levels deep."
        " Choose a parent higher up in the codebook."
    )
    assert tag_names(window) == before
    assert window.session.undo_stack.count() == steps
