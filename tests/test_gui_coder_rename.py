"""Edit > Coder name… with passages already signed with the old name (the login name)
offers to sign them with the new one too, as one undo step, so that a brief names one
analyst once; the old name leaves the project's coders (the REFI-QDA users) and undo
puts it back with its uuid. Declined, only the passages made from now on carry the new
name."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.passage_coders import sign
from diptych.storage.project import Project


def tag(qtbot: QtBot, window: MainWindow, quote: str) -> int:
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, quote)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    return window.coding.selected


def signed(window: MainWindow, ids: list[int]) -> list[str]:
    return [window.session.project.annotations.get(annotation_id=i).coder for i in ids]


def coders(window: MainWindow) -> dict[str, str]:
    return {c.name: c.uuid for c in window.session.project.annotations.coders()}


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(dialogs, "ask_coder", lambda _parent, current: "Jane Analyst")
    return []


def test_the_passages_signed_with_the_old_name_are_signed_with_the_new_one_too(
    qtbot: QtBot, window: MainWindow, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.session.coder = "root"  # the login name, as on a first start
    ids = [tag(qtbot, window, "delicate choreography"), tag(qtbot, window, "middle powers")]
    times = [window.session.passage(i).updated_at for i in ids]
    before = coders(window)
    assert "root" in before
    monkeypatch.setattr(
        dialogs,
        "ask_named",
        lambda _parent, _title, text, *, do, keep: asked.append(f"{text} [{do}] [{keep}]") or True,
    )
    window.actions_.coder.trigger()
    assert asked == [
        "2 passages of this project are signed “root”. Sign them “Jane Analyst” too? The exports"
        " name the coder of each passage. [&Sign them too] [&Only new passages]"
    ]
    assert signed(window, ids) == ["Jane Analyst", "Jane Analyst"]
    assert [window.session.passage(i).updated_at for i in ids] == times  # not an edit
    assert "root" not in coders(window) and "Jane Analyst" in coders(window)
    jane = {c.name: c for c in window.session.project.annotations.coders()}["Jane Analyst"]
    assert window.session.undo_stack.undoText() == "Sign 2 passages “Jane Analyst”"
    assert (
        window.statusBar().currentMessage() == "2 passages signed “Jane Analyst” — Ctrl+Z to undo"
    )
    # The Passages list's coders follow.
    combo = window.passages.coder_combo
    listed = [combo.itemText(i) for i in range(combo.count())]
    assert "Jane Analyst" in listed and "root" not in listed

    window.actions_.undo.trigger()
    assert signed(window, ids) == ["root", "root"]
    assert coders(window)["root"] == before["root"]  # the same REFI-QDA user
    assert "Jane Analyst" not in coders(window)
    window.actions_.redo.trigger()
    assert signed(window, ids) == ["Jane Analyst", "Jane Analyst"]
    redone = {c.name: c for c in window.session.project.annotations.coders()}["Jane Analyst"]
    assert redone == jane  # the same id and REFI-QDA user, not another


def test_declined_only_new_passages_carry_the_new_name(
    qtbot: QtBot, window: MainWindow, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.session.coder = "root"
    first = tag(qtbot, window, "delicate choreography")
    monkeypatch.setattr(dialogs, "ask_named", lambda *_args, **_keys: False)
    steps = window.session.undo_stack.count()
    window.actions_.coder.trigger()
    assert window.session.undo_stack.count() == steps  # nothing to undo
    second = tag(qtbot, window, "middle powers")
    assert signed(window, [first, second]) == ["root", "Jane Analyst"]


def test_nothing_is_asked_without_passages_signed_with_the_old_name(
    qtbot: QtBot, window: MainWindow, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.session.coder = "nobody yet"
    monkeypatch.setattr(dialogs, "ask_named", lambda *_args, **_keys: asked.append("?") or True)
    window.actions_.coder.trigger()
    assert asked == []
    assert window.session.coder == "Jane Analyst"


def test_undo_of_signing_keeps_a_name_another_window_gave_since_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    sample: Path,
    asked: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.session.coder = "root"
    ids = [tag(qtbot, window, "delicate choreography"), tag(qtbot, window, "middle powers")]
    monkeypatch.setattr(dialogs, "ask_named", lambda *_args, **_kw: True)
    window.actions_.coder.trigger()
    assert signed(window, ids) == ["Jane Analyst", "Jane Analyst"]
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    with Project.open(sample) as other:  # another window signs the first one meanwhile
        sign(other, ids[:1], "Ben")

    window.actions_.undo.trigger()

    assert signed(window, ids) == ["Ben", "root"]
    said = [text for level, _title, text in posted if level == Level.INFO]
    assert said == [
        "1 passage signed with another name since, perhaps in another window, keeps that name."
    ]
