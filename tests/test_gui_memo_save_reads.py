"""A pause in typing a memo writes it without first asking whether its article is still
there: the write itself refuses a memo on an article removed meanwhile (in another
window), and only then is what was typed given back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.articles import ArticleStore
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def typed_in_article_memo(qtbot: QtBot, window: MainWindow, text: str) -> int:
    field = window.memos.article_memo
    assert field.target_id is not None
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, text)
    return field.target_id


def test_a_pause_in_typing_writes_the_memo_without_reading_its_article_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = typed_in_article_memo(qtbot, window, "Half a thought")
    looked_up: list[object] = []
    summary = ArticleStore.summary

    def counting(store: ArticleStore, **kwargs: int) -> object:
        looked_up.append(kwargs)
        return summary(store, **kwargs)

    monkeypatch.setattr(ArticleStore, "summary", counting)
    window.memos.article_memo.save()
    assert window.session.memo_text(MemoKind.ARTICLE, article_id).endswith("Half a thought")
    assert looked_up == []


def test_a_memo_whose_article_was_removed_meanwhile_is_given_back_at_the_pause(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    article_id = typed_in_article_memo(qtbot, window, "Half a thought")
    with Project.open(sample) as other:
        other.articles.remove(article_id=article_id)
    window.memos.article_memo.save()
    given_back = [text for level, title, text in posted if title == "Memo not saved"]
    assert len(given_back) == 1 and given_back[0].endswith("Half a thought")
    assert not [text for level, _title, text in posted if level == Level.ERROR]
    assert window.memos.article_memo.toPlainText() == ""
