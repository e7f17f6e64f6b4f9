"""The texts the user reads never end an ellipsis with a full stop ("Import…." read as a
typing slip)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.project import Project

GUI = Path(__file__).resolve().parent.parent / "gui"


def test_open_beside_in_an_empty_library_names_import_without_a_stray_stop(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    from gui_support import open_window

    window = open_window(qtbot, context, Project.create(tmp_path / "e.diptych", name="Empty"))
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    button = next(b for b in window.library.findChildren(QPushButton) if b.text() == "Open beside")

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    (message,) = [text for _level, _title, text in posted]
    assert "Import…" in message
    assert "…." not in message


def test_no_text_of_the_window_has_a_full_stop_after_an_ellipsis() -> None:
    doubled = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and ("…." in text or "...." in text):
                doubled.append(f"{path.name}:{node.lineno}: {text!r}")
    assert doubled == []
