"""File > Import folder… on a folder imported before, one of its files edited since: the
file is not imported a second time (the Library would read "Notes on the first week" twice,
its passages on the first only). The window asks whether to update its article from it now;
Not now leaves it out and says how to update it later, Update article brings the changes in
with its passages, as Update from newer file… does."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot
from test_import_changed_files import EDITED, OTHER_PAGE, WEEK1

from diptych.gui.main_window import MainWindow
from diptych.storage.model import ArticleSummary

QUESTION = (
    "notes-week1.md has changed since it was imported as “Notes on the first week”, so it "
    "was not imported again.\n\nUpdate the article from it now? Its passages are found "
    "again in the changed text, and Ctrl+Z undoes the update."
)


def answer_question(text: str, button: str, seen: list[list[str]]) -> None:
    """Once a question holding ``text`` is up, record its buttons (the default first) and
    click the one named ``button``."""

    def run() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or text not in box.text():
            QTimer.singleShot(5, run)
            return
        default = box.defaultButton()
        names = [b.text() for b in box.buttons()]
        # The import's progress is closed (reset: its value -1), not left over the question.
        progress = box.parentWidget().findChildren(QProgressDialog)
        left_over = ["progress left over"] if [d for d in progress if d.value() >= 0] else []
        seen.append([default.text() if default else "", *sorted(names), *left_over])
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, run)


def import_folder(qtbot: QtBot, window: MainWindow, folder: Path, then: Callable[[], bool]) -> None:
    """Choose File > Import folder… on ``folder``; wait until ``then`` holds."""
    window.actions_.import_folder.trigger()
    qtbot.waitUntil(then, timeout=10_000)


@pytest.fixture
def week(qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder imported into the window's project, with a passage on its notes, whose
    notes-week1.md was edited since."""
    folder = tmp_path / "week 1"
    folder.mkdir()
    notes = folder / "notes-week1.md"
    notes.write_text(WEEK1, encoding="utf-8")
    (folder / "index.md").write_text(OTHER_PAGE, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(folder)))
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.actions_.import_folder.trigger()
    article = notes_article(window)
    text = window.session.project.articles.get(article_id=article.id).text
    start = text.index("the new container terminal")
    window.session.project.annotations.add(
        article_id=article.id, start=start, end=start + len("the new container terminal")
    )
    notes.write_text(EDITED, encoding="utf-8")
    return folder


def notes_article(window: MainWindow) -> ArticleSummary:
    return next(a for a in window.session.articles() if a.title == "Notes on the first week")


def library_titles(window: MainWindow) -> list[str]:
    model = window.library.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_not_now_leaves_the_changed_file_out_and_says_how_to_update_it(
    qtbot: QtBot, window: MainWindow, week: Path
) -> None:
    rows = window.library.model.rowCount()
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    seen: list[list[str]] = []
    answer_question(QUESTION, "Not now", seen)

    import_folder(qtbot, window, week, lambda: len(posted) >= 2)

    assert seen == [["Not now", "Not now", "Update article"]]  # Not now is the default
    assert window.library.model.rowCount() == rows
    assert sum("Notes on the first week" in title for title in library_titles(window)) == 1
    (level, title, text), (said_level, _title, said) = posted[-2:]
    assert (level, title) == (1, "Import")
    index = week / "index.md"
    assert text == (  # the file asked about is not told of again
        "1 file was not imported, to make no second copy:\n\n"
        f"{index}: is already in the project as “Welcome to the cycling club”, so it was not "
        "imported again.\n\n"
        "To bring in a changed version of an article, use Update from newer file… in the "
        "Library's menu."
    )
    assert said_level == 0 and said == (
        "Not updated now: “Notes on the first week”. To bring in the changes later, choose "
        "Update from newer file… on the article in the Library."
    )
    article = notes_article(window)
    assert "Friday" not in window.session.project.articles.get(article_id=article.id).text


def test_update_article_brings_the_changes_in_with_the_passages(
    qtbot: QtBot, window: MainWindow, week: Path
) -> None:
    rows = window.library.model.rowCount()
    article = notes_article(window)
    seen: list[list[str]] = []
    answer_question(QUESTION, "Update article", seen)

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000) as updated:
        window.actions_.import_folder.trigger()

    assert updated.args == [article.id]
    assert window.library.model.rowCount() == rows
    project = window.session.project
    text = project.articles.get(article_id=article.id).text
    assert "Friday: the local paper" in text
    (passage,) = project.annotations.query(article_id=article.id)
    assert not passage.is_orphan
    assert text[passage.start : passage.end] == "the new container terminal"
    assert window.session.undo_stack.undoText().startswith("Update")
    window.actions_.undo.trigger()
    assert "Friday" not in project.articles.get(article_id=article.id).text


def test_several_changed_files_are_updated_each_in_a_step_of_its_own(
    qtbot: QtBot, window: MainWindow, week: Path
) -> None:
    other = next(a for a in window.session.articles() if a.title == "Welcome to the cycling club")
    index = week / "index.md"
    added = "\nNew this year: a ride on the first Monday.\n"
    index.write_text(OTHER_PAGE + added, encoding="utf-8")
    notes = notes_article(window)
    seen: list[list[str]] = []
    answer_question("2 files have changed since they were imported", "Update 2 articles", seen)
    updated: list[int] = []
    window.importer.reimported.connect(updated.append)

    window.actions_.import_folder.trigger()
    qtbot.waitUntil(lambda: len(updated) == 2, timeout=20_000)

    assert seen == [["Not now", "Not now", "Update 2 articles"]]
    assert sorted(updated) == sorted([notes.id, other.id])
    project = window.session.project
    assert "Friday: the local paper" in project.articles.get(article_id=notes.id).text
    assert "first Monday" in project.articles.get(article_id=other.id).text
    (passage,) = project.annotations.query(article_id=notes.id)
    assert not passage.is_orphan
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()
    assert "Friday" not in project.articles.get(article_id=notes.id).text
    assert "first Monday" not in project.articles.get(article_id=other.id).text


def test_the_progress_of_one_file_is_gone_before_the_question(
    qtbot: QtBot, window: MainWindow, week: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One file shows a busy bar, which never ends by itself: it was left over the question,
    # its Cancel doing nothing.
    notes = week / "notes-week1.md"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(notes)], ""))
    )
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    seen: list[list[str]] = []
    answer_question(QUESTION, "Not now", seen)
    window.actions_.import_articles.trigger()
    qtbot.waitUntil(lambda: bool(posted), timeout=10_000)
    assert seen == [["Not now", "Not now", "Update article"]]
    assert [text for _level, _title, text in posted] == [
        "Not updated now: “Notes on the first week”. To bring in the changes later, choose "
        "Update from newer file… on the article in the Library."
    ]


def test_a_file_saved_before_its_article_was_imported_is_asked_about_as_an_older_version(
    qtbot: QtBot, window: MainWindow, week: Path
) -> None:
    # The folder's file left as it was first imported, the article updated since from a
    # newer copy elsewhere: the file differs, and it was saved before the import.
    notes = week / "notes-week1.md"
    an_hour_before = notes.stat().st_mtime - 3600
    os.utime(notes, (an_hour_before, an_hour_before))
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    seen: list[list[str]] = []
    older = (
        "notes-week1.md differs from “Notes on the first week”, but it was saved before the"
        " article was imported: the article was updated since from another file, so this one"
        " is most likely an older version. It was not imported again.\n\nUpdate the article"
        " from it all the same? Its passages on text this file lacks would be orphaned;"
        " Ctrl+Z undoes the update."
    )
    answer_question(older, "Not now", seen)

    import_folder(qtbot, window, week, lambda: len(posted) >= 2)

    assert seen == [["Not now", "Not now", "Update article"]]  # Not now is the default
    article = notes_article(window)
    assert "Friday" not in window.session.project.articles.get(article_id=article.id).text
