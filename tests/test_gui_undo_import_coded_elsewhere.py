"""Ctrl+Z on an import after another window (or ``diptych annotate``) coded a passage in
one of its articles: the articles nobody touched are taken back, the coded one is kept and
named in the status bar, and Ctrl+Shift+Z brings the others back again."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project


def wrong_folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "wrong"
    folder.mkdir()
    for n in range(count):
        (folder / f"w{n}.md").write_text(f"# Wrong folder {n}\n\nNot for this study.\n")
    return folder


def imported(qtbot: QtBot, window: MainWindow, folder: Path, count: int) -> dict[str, int]:
    """Import ``folder`` through the window; the articles it brought, by title."""
    window.importer.import_files([folder])
    qtbot.waitUntil(
        lambda: sum(a.title.startswith("Wrong folder") for a in window.session.articles()) == count,
        timeout=10_000,
    )
    return {a.title: a.id for a in window.session.articles() if a.title.startswith("Wrong")}


def coded_elsewhere(window: MainWindow, article_id: int) -> None:
    with Project.open(window.session.project.path) as other:
        other.annotations.add(
            article_id=article_id, start=2, end=7, tag_ids=[1], note="colleague coded this"
        )


def wrong_titles(window: MainWindow) -> set[str]:
    return {a.title for a in window.session.articles() if a.title.startswith("Wrong")}


def test_undo_takes_back_the_untouched_articles_keeps_the_coded_one_and_redo_works(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _t, text: said.append((level, text)))
    ids = imported(qtbot, window, wrong_folder(tmp_path, 6), 6)
    coded_elsewhere(window, ids["Wrong folder 3"])
    said.clear()

    window.actions_.undo.trigger()  # Ctrl+Z on "Import 6 articles"

    assert wrong_titles(window) == {"Wrong folder 3"}
    assert window.session.project.annotations.query(article_id=ids["Wrong folder 3"])
    assert [level for level, _text in said] == [Level.INFO]  # no box: the status bar says
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone: 5 of the 6 articles of this import; the article")
    assert "'Wrong folder 3' was given passages" in message
    assert message.endswith("Remove it by hand if it should go.")
    assert window.session.undo_stack.canRedo()

    window.actions_.redo.trigger()  # Ctrl+Shift+Z: the five come back, once each
    assert sorted(wrong_titles(window)) == sorted(ids)
    assert len([a for a in window.session.articles() if a.title.startswith("Wrong")]) == 6

    window.actions_.undo.trigger()  # and go again, the coded one still kept
    assert wrong_titles(window) == {"Wrong folder 3"}


def test_undo_with_every_article_coded_says_nothing_was_undone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _t, text: said.append((level, text)))
    ids = imported(qtbot, window, wrong_folder(tmp_path, 1), 1)
    coded_elsewhere(window, ids["Wrong folder 0"])
    said.clear()

    window.actions_.undo.trigger()

    assert wrong_titles(window) == {"Wrong folder 0"}
    (box,) = [text for level, text in said if level >= Level.WARNING]
    assert box.startswith(
        "Nothing was undone: the 1 article of this import is still in the project; the"
        " article 'Wrong folder 0' was given passages"
    )
    window.actions_.redo.trigger()  # nothing to bring back, and nothing refused
    assert wrong_titles(window) == {"Wrong folder 0"}
