"""Questions about something with no passages do not count them ("and its 0 passages")."""

from __future__ import annotations

import pytest

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article


def test_removing_an_article_without_passages_does_not_count_them(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_plain", lambda _p, _t, text: asked.append(text) or False)
    (bare,) = window.session.add_articles(
        [parse_article(b"Bare note\n\nNo passage.", name="b.txt")]
    )
    with_passages = next(a for a in window.session.articles() if a.annotation_count == 3)

    dialogs.remove_article(window, window.session, bare.id)
    dialogs.remove_article(window, window.session, with_passages.id)

    assert asked[0].startswith("Remove “Bare note” from the project?")
    assert "passage" not in asked[0]
    assert f"Remove “{with_passages.title}” and its 3 passages from the project?" in asked[1]


def test_deleting_a_tag_on_no_passage_says_so_in_words(window: MainWindow) -> None:
    asked: list[str] = []
    window.tags.confirm = lambda _p, _t, text: asked.append(text) or False
    unused = window.session.add_tag(name="Unused").id
    window.tags.select_tag(unused)

    window.tags.delete_tag()

    assert "It is on no passage." in asked[0] and "0 passages" not in asked[0]
