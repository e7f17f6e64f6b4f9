"""The project open when Diptych was last closed, since moved or deleted: the next start
opens the project before it (or the sample project) and says what happened to the last
one, instead of silently showing another project."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.app import start
from diptych.gui.context import AppContext
from diptych.gui.messages import Level

Message = tuple[int, str, str]


def test_a_last_project_moved_away_is_said_to_be_so_and_the_one_before_opens(
    qtbot: QtBot, context: AppContext, sample: Path, tmp_path: Path
) -> None:
    earlier = tmp_path / "Earlier.diptych"
    shutil.copy(sample, earlier)
    last = tmp_path / "study" / "Field study.diptych"
    last.parent.mkdir()
    shutil.copy(sample, last)
    context.settings.add_recent(earlier)
    context.settings.add_recent(last)
    last.rename(tmp_path / "Field study (moved).diptych")
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))

    launcher = start(context, None)

    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.project.path == earlier.resolve()
    warnings = [m for m in posted if m[0] == Level.WARNING]
    assert len(warnings) == 1
    _level, title, text = warnings[0]
    assert title == "Open project"
    assert text.startswith("Field study.diptych, the project open when Diptych was last closed")
    assert str(last.parent) in text and "Earlier.diptych was opened instead" in text


def test_a_last_project_still_there_opens_without_a_word(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    context.settings.add_recent(sample)
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))

    launcher = start(context, None)

    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert launcher.window.session.project.path == sample.resolve()
    assert [m for m in posted if m[0] > Level.INFO] == []
