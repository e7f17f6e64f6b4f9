"""A memo that cannot be saved as the Memos panel goes on to another one (another program
holds the project file) is said once, not once for each try made on the way."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.errors import ProjectBusyError
from diptych.storage.memos import MemoStore


def test_a_tag_memo_refused_as_another_tag_is_selected_is_said_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    window.tags.select_tag(3)
    field = window.memos.tag_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Half a thought")

    def busy(*_args: object, **_kwargs: object) -> None:
        raise ProjectBusyError("is busy: another program is writing to it")

    monkeypatch.setattr(MemoStore, "set", busy)
    window.memos.show_tag(4)
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1 and "busy" in errors[0]
