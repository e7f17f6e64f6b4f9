"""Every shortcut of the window reaches exactly one action, whatever the platform's keys."""

from __future__ import annotations

from collections import Counter

from gui_support import select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

Key = QKeySequence.StandardKey


def window_shortcuts(window: MainWindow) -> dict[str, list[str]]:
    """Each action's shortcuts, by action text (actions without shortcuts left out)."""
    return {
        f"{action.text()} #{number}": [key.toString() for key in action.shortcuts()]
        for number, action in enumerate(window.findChildren(QAction))
        if action.shortcuts()
    }


def test_no_action_lists_a_key_twice_and_no_two_actions_share_one(window: MainWindow) -> None:
    shortcuts = window_shortcuts(window)
    listed_twice = {name: keys for name, keys in shortcuts.items() if len(set(keys)) < len(keys)}
    assert listed_twice == {}
    uses = Counter(key for keys in shortcuts.values() for key in keys)
    shared = {key: [n for n, keys in shortcuts.items() if key in keys] for key in uses}
    assert {key: names for key, names in shared.items() if len(names) > 1} == {}


def test_actions_take_every_binding_the_platform_gives_their_standard_key(
    window: MainWindow,
) -> None:
    a = window.actions_
    standard = {a.undo: Key.Undo, a.redo: Key.Redo, a.close_pane: Key.Close,
                a.zoom_in: Key.ZoomIn, a.zoom_out: Key.ZoomOut, a.find: Key.Find,
                a.new_project: Key.New, a.open_project: Key.Open, a.quit: Key.Quit}  # fmt: skip
    for action, key in standard.items():
        platform = [k.toString() for k in QKeySequence.keyBindings(key)]
        assert set(platform) <= {k.toString() for k in action.shortcuts()}, action.text()
    # The explicit keys stay, each once, beside the platform's.
    redo = [k.toString() for k in a.redo.shortcuts()]
    assert redo[0] == "Ctrl+Shift+Z" and redo.count("Ctrl+Shift+Z") == 1
    assert "Ctrl+=" in [k.toString() for k in a.zoom_in.shortcuts()]


def test_ctrl_shift_z_redoes_what_ctrl_z_undid(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()  # window shortcuts need the active window (on X11 too)
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    select_text(pane, "undeniable economic reality")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    passages = window.session.project.annotations.query
    assert [p.exact for p in passages()].count("undeniable economic reality") == 1
    control = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, control)
    assert [p.exact for p in passages()].count("undeniable economic reality") == 0
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier)
    assert [p.exact for p in passages()].count("undeniable economic reality") == 1
