"""Articles with the same title (two outlets' copies of one wire story) are told apart in
the Library by their file's name, as in the export dialog; the filter still reads titles."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RenameArticle
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow


def shown(window: MainWindow) -> list[str]:
    proxy = window.library.proxy
    return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]


def import_copies(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    for name, body in (("reuters.txt", "The port reopened."), ("ap.txt", "Ships sail again.")):
        (tmp_path / name).write_text(f"Harbour reopens\n\n{body}\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([tmp_path / "reuters.txt", tmp_path / "ap.txt"])


def test_articles_with_the_same_title_are_told_apart_by_their_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester: object
) -> None:
    import_copies(qtbot, window, tmp_path)
    lines = shown(window)
    assert "Harbour reopens (reuters.txt)" in lines and "Harbour reopens (ap.txt)" in lines
    assert "Harbour reopens" not in lines
    assert all("(" not in line for line in lines[:2])  # a title of its own stays bare
    qtmodeltester.check(window.library.model)  # type: ignore[attr-defined]

    window.library.filter.setText("reuters")  # a file name is not a title
    assert shown(window) == []
    window.library.filter.setText("harbour")
    assert len(shown(window)) == 2


def test_renamed_apart_the_titles_stand_alone_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import_copies(qtbot, window, tmp_path)
    ids = [a.id for a in window.session.articles() if a.title == "Harbour reopens"]
    assert perform(window.session, RenameArticle(window.session, ids[1], "Harbour reopens, AP"))
    qtbot.waitUntil(lambda: "Harbour reopens, AP" in shown(window))
    assert "Harbour reopens" in shown(window)
