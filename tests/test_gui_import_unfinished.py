"""An import cut short (Diptych killed, a power cut) is said when its project opens again:
nothing of it is in the project, an import being one transaction, and the window said
nothing, so the articles seemed imported or the import forgotten."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def posted(window: MainWindow) -> list[tuple[int, str, str]]:
    said: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: said.append(args))
    return said


def test_an_import_is_noted_while_under_way_and_forgotten_when_it_ends(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    article = tmp_path / "field notes.txt"
    article.write_text("Field notes\n\nThe harbour was quiet that morning.\n", encoding="utf-8")
    settings, project = window.context.settings, window.session.project.path
    with qtbot.waitSignal(window.importer.imported, timeout=20_000):
        window.importer.import_files([article])
        assert settings.unfinished_import(project) == ["field notes.txt"]
    assert settings.unfinished_import(project) == []


def test_an_import_cut_short_is_said_once_as_its_project_opens_again(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    launcher = launched.launcher  # type: ignore[attr-defined]
    first = launched.session.project.path
    other = Path(shutil.copy(first, tmp_path / "fieldwork.diptych"))
    settings = launched.context.settings
    settings.set_import_under_way(other, ["a.txt", "b.md"])  # as a kill leaves it
    said = posted(launched)
    launcher.open_path(other)
    qtbot.waitExposed(launcher.window)
    warnings = [(title, text) for level, title, text in said if level == Level.WARNING]
    assert len(warnings) == 1 and warnings[0][0] == "Import not finished"
    assert "a.txt, b.md" in warnings[0][1] and "none of it was imported" in warnings[0][1]
    assert settings.unfinished_import(other) == []
    launcher.open_path(first)
    launcher.open_path(other)
    assert len([1 for level, _t, _x in said if level == Level.WARNING]) == 1  # said once
