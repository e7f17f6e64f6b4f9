"""Importing a file whose article is already in the project makes no second copy (on
which none of the first copy's passages would be): the message names the file and the
article, and says once, after the files, how to bring in a changed version instead."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.import_jobs import ImportResult
from diptych.gui.import_messages import LISTED_IN_FULL, not_imported_message
from diptych.gui.main_window import MainWindow
from diptych.storage.errors import ArticleFileError
from diptych.storage.project import Project

MINUTES = "Minutes of the trade talks\n\nBoth sides agreed.\n"


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.articles.all()]


def test_importing_the_same_file_again_adds_no_second_copy_and_says_why(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([minutes])
    assert titles(sample).count("Minutes of the trade talks") == 1

    copy = tmp_path / "minutes (1).txt"  # the same article, downloaded twice
    copy.write_text(MINUTES, encoding="utf-8")
    other = tmp_path / "agenda.txt"
    other.write_text("Agenda\n\nTariffs first.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([minutes, copy, other])
    assert titles(sample).count("Minutes of the trade talks") == 1
    assert "Agenda" in titles(sample)
    assert window.library.model.rowCount() == 4
    level, title, text = posted[-2]
    assert (level, title) == (1, "Import")
    assert text == (
        "2 files were not imported, to make no second copy:\n\n"
        f"{minutes}: is already in the project as “Minutes of the trade talks”, so it was not "
        "imported again.\n\n"
        f"{copy}: is already in the project as “Minutes of the trade talks”, so it was not "
        "imported again.\n\n"
        "To bring in a changed version of an article, use Update from newer file… in the "
        "Library's menu."
    )
    assert posted[-1][2] == "Imported 1 article."


def test_the_same_text_twice_in_one_import_is_imported_once(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text(MINUTES, encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([first, second, first])
    assert titles(sample).count("Minutes of the trade talks") == 1
    assert window.session.undo_stack.undoText() == "Import article “Minutes of the trade talks”"
    assert posted[-2][2] == (
        "1 file was not imported, to make no second copy:\n\n"
        f"{second}: has the same text as a.txt, which is imported once."
    )


def test_many_files_already_in_the_project_are_listed_with_the_advice_once_after_them(
    tmp_path: Path,
) -> None:
    advice = "To bring in a changed version of an article, use Update from newer file…"
    duplicates = [
        ArticleFileError(
            "is already in the project as “Minutes”, so it was not imported again",
            path=tmp_path / f"minutes {number}.txt",
            advice=advice,
        )
        for number in range(LISTED_IN_FULL + 3)
    ]

    text = not_imported_message(ImportResult(duplicates=duplicates))

    assert text.count(advice) == 1
    assert text.endswith(f"minutes 7.txt.\n\n{advice}")  # the last of the files named by name
