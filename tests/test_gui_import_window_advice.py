"""A file the window refuses to import is explained with the window's advice (a menu),
never a command to type: a project file dropped on the window, or chosen in File >
Import, says to open it as a project."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_a_project_file_imported_as_an_article_is_explained_with_menus(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    other = tmp_path / "colleague.diptych"
    shutil.copyfile(sample, other)
    window.importer.import_files([other])
    qtbot.waitUntil(lambda: any(str(other) in text for *_, text in posted), timeout=10_000)
    said = "\n".join(text for _level, _title, text in posted)
    assert str(other) in said
    assert "File > Open" in said
    assert not re.search(r"`diptych|diptych (import|export|open)|PROJECT", said), said
