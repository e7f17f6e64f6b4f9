"""A memo being typed while its project file cannot be read for a moment (another program
holds it) is not taken for a memo whose article was removed: the typed text stays in the
field, nothing is said about a removal, and the next save tries again."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.articles import ArticleStore
from diptych.storage.errors import ProjectBusyError


def test_a_busy_file_while_a_memo_is_typed_gives_nothing_back(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    field = window.memos.article_memo
    assert field.target_id is not None
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Half a thought")

    def busy(*_args: object, **_kwargs: object) -> None:
        raise ProjectBusyError("is busy: another program is writing to it")

    monkeypatch.setattr(ArticleStore, "summary", busy)
    assert not field.give_back_if_gone()
    assert field.toPlainText() == "Half a thought"  # kept, to be saved at the next try
    assert not [title for _level, title, _text in posted if title == "Memo not saved"]
