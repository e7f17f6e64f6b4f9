"""Whose name the passages carry: after the first passage made without a coder's name of
the user's own, the window says once (ever) that it is the login name, which the exports
show, and how to give another; never again, nor once a name was given."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def said(window: MainWindow) -> list[str]:
    heard: list[str] = []
    window.session.messages.posted.connect(
        lambda level, _title, text: heard.append(text) if level == Level.INFO else None
    )
    return heard


def tag(qtbot: QtBot, window: MainWindow, quote: str) -> None:
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, quote)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)


def test_the_first_passage_says_whose_name_it_carries_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert not window.context.settings.coder_chosen()
    heard = said(window)
    tag(qtbot, window, "delicate choreography")
    login = window.session.coder
    told = [t for t in heard if t.startswith("Your passages are signed")]
    assert told == [
        f"Your passages are signed “{login}”, your login name, and the exports show it. To"
        " sign them with the name your colleagues should read, choose Edit > Coder name…"
    ]
    tag(qtbot, window, "middle powers")
    assert [t for t in heard if t.startswith("Your passages are signed")] == told  # once
    assert window.context.settings.coder_told()  # and not at the next start either


def test_nothing_is_said_once_a_name_was_given(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_coder", lambda _parent, current: "Ann Analyst")
    window.actions_.coder.trigger()
    heard = said(window)
    tag(qtbot, window, "delicate choreography")
    assert not [t for t in heard if t.startswith("Your passages are signed")]
    passages = window.session.project.annotations.query(
        article_id=window.area.panes()[0].article_id
    )
    assert "Ann Analyst" in {p.coder for p in passages}
