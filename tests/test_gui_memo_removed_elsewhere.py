"""An article removed in another window while its memo is being typed here: its pane
closes and the memo field moves on, with no error about the project file, and what was
typed is given back in a message."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def test_typing_the_memo_of_an_article_removed_elsewhere_reports_no_error(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    left, right = window.area.panes()
    window.area.set_current(left)
    removed = left.article_id
    assert removed is not None
    field = window.memos.article_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Half a thought")
    with Project.open(sample) as other:  # another window removes the article meanwhile
        other.articles.remove(article_id=removed)
    window.session.on_watch_timeout()  # this window notices (it polls every 1.5 s)
    qtbot.waitUntil(lambda: window.area.panes() == [right], timeout=5000)
    assert window.memos.article_memo.target_id == right.article_id
    assert [text for level, _title, text in posted if level == Level.ERROR] == []
    warnings = [(title, text) for level, title, text in posted if level == Level.WARNING]
    assert len(warnings) == 1 and warnings[0][0] == "Memo not saved"
    assert "removed in another window" in warnings[0][1]
    assert warnings[0][1].endswith("\n\nHalf a thought")
    assert field.toPlainText() == ""  # the other article's memo, empty
    with Project.open(sample, read_only=True) as project:
        assert project.memos.get(kind=MemoKind.ARTICLE, target_id=removed) is None
        assert removed not in {a.id for a in project.articles.all()}
