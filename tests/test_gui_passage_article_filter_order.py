"""The Passages panel's list of articles puts those with passages first (in a corpus of
hundreds, the ones to filter by) and names each as the Library does, two of one title
told apart by their files."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article


def test_articles_with_passages_come_first_and_namesakes_are_told_apart(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    for name in ("a.md", "b.md"):  # without passages, first in the Library's order
        article = project.articles.add(parsed=parse_article(b"# Visit to Korea\n\nW.", name=name))
        with project.transaction():
            project.db.execute("UPDATE articles SET sort_order = -1 WHERE id = ?", [article.id])
    window.session.reload_all()
    assert window.session.articles()[0].title == "Visit to Korea"
    combo = window.passages.article_combo
    shown = [combo.itemText(i) for i in range(combo.count())]
    coded = [a.title for a in window.session.articles() if a.annotation_count]
    assert shown[0] == "All articles"
    assert shown[1 : 1 + len(coded)] == coded
    assert shown[1 + len(coded) :] == ["Visit to Korea (a.md)", "Visit to Korea (b.md)"]
