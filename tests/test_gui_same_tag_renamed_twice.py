"""The same tag renamed in two windows at once: the later rename is saved, both windows
show it, and undoing it in the window that made it gives back the other window's name,
not the one this window showed before (which would lose the other window's rename)."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues
from diptych.storage.project import Project


def name_in_file(path: Path, tag_id: int) -> str:
    with Project.open(path, read_only=True) as project:
        return project.tags.get(tag_id=tag_id).name


def shown_name(window: MainWindow, tag_id: int) -> str:
    return window.session.codebook()[tag_id].name


def test_the_later_rename_wins_and_its_undo_gives_back_the_other_windows_name(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    first = window
    second = open_window(qtbot, context, Project.open(sample))
    second.session.watch(False)  # renames before it has looked at the file again
    tag = first.session.codebook().ordered()[0]

    first.tags.update_tag(tag.id, TagValues("Alpha", tag.color, tag.parent_id, tag.description))
    second.tags.update_tag(tag.id, TagValues("Beta", tag.color, tag.parent_id, tag.description))

    assert name_in_file(sample, tag.id) == "Beta"
    qtbot.waitUntil(lambda: shown_name(first, tag.id) == "Beta", timeout=5000)
    second.session.undo_stack.undo()
    assert name_in_file(sample, tag.id) == "Alpha"  # the first window's rename, kept
    qtbot.waitUntil(lambda: shown_name(first, tag.id) == "Alpha", timeout=5000)
    first.session.undo_stack.undo()
    assert name_in_file(sample, tag.id) == tag.name
    second.close()
