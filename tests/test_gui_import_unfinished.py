"""An import cut short (Diptych killed, a power cut) is said when its project opens again:
nothing of it is in the project, an import being one transaction, and the window said
nothing, so the articles seemed imported or the import forgotten."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui import launcher as launcher_module
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


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


def test_an_import_that_finished_after_its_window_closed_is_not_said_unfinished(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    # The window was closed (Ctrl+Q) while the import's last step went on: it never heard
    # the end, but the articles are in the project.
    launcher = launched.launcher  # type: ignore[attr-defined]
    first = launched.session.project.path
    other = Path(shutil.copy(first, tmp_path / "fieldwork.diptych"))
    settings = launched.context.settings
    with Project.open(other) as project:
        newest = project.articles.newest_id()
        settings.set_import_under_way(other, ["big.txt"], newest=newest)
        project.articles.add(parsed=parse_article(b"Big report\n\nLong.", name="big.txt"))
    said = posted(launched)
    launcher.open_path(other)
    qtbot.waitExposed(launcher.window)
    assert [text for level, _title, text in said if level == Level.WARNING] == []
    assert settings.unfinished_import(other) == []


def test_an_import_another_diptych_is_running_is_not_said_unfinished(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    launcher = launched.launcher  # type: ignore[attr-defined]
    other = Path(shutil.copy(launched.session.project.path, tmp_path / "fieldwork.diptych"))
    settings = launched.context.settings
    importing = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", "diptych"])
    try:
        settings.set_import_under_way(other, ["big.txt"], newest=99, pid=importing.pid)
        said = posted(launched)
        launcher.open_path(other)
        qtbot.waitExposed(launcher.window)
        assert [text for level, _title, text in said if level == Level.WARNING] == []
        assert settings.unfinished_import(other) == ["big.txt"]  # for that one to clear
    finally:
        importing.kill()
        importing.wait()
    assert not launcher_module.diptych_running(importing.pid)  # ended


def test_only_a_running_diptych_is_taken_for_one() -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert not launcher_module.diptych_running(sleeper.pid)  # another program
    finally:
        sleeper.kill()
        sleeper.wait()
