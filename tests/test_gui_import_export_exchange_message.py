"""What the window says once a REFI-QDA project is imported: the file is named once, at
the start of what it brought in, not twice in a row ("study.qdpx: study.qdpx from..."),
and on one line each sentence ends before the next ("0 memos. The project as it was")."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx


def study(tmp_path: Path) -> Path:
    """A REFI-QDA project with one article, "Field notes"."""
    with Project.create(tmp_path / "other.diptych") as other:
        text = b"Field notes\n\nThe harbour was quiet."
        other.articles.add(parsed=parse_article(text, name="field.txt"))
        path = tmp_path / "study.qdpx"
        path.write_bytes(export_qdpx(collect(other), None))
    return path


def imported(qtbot: QtBot, window: MainWindow, path: Path) -> tuple[int, str]:
    posted: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _title, text: posted.append((level, text)))
    window.importer.import_files([path])
    qtbot.waitUntil(
        lambda: any("before the import is kept" in text for _, text in posted), timeout=10_000
    )
    return next((level, text) for level, text in posted if "before the import is kept" in text)


def test_the_file_imported_is_named_once(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    level, text = imported(qtbot, window, study(tmp_path))
    assert level == Level.INFO
    assert text.startswith("study.qdpx from Diptych ")
    assert text.count("study.qdpx") == 1


def test_imported_again_each_file_is_named_once_above_what_it_left_out(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = study(tmp_path)
    imported(qtbot, window, path)
    level, text = imported(qtbot, window, path)  # its article is in the project already
    assert level == Level.WARNING
    lines = text.splitlines()
    assert lines[0].startswith("study.qdpx from Diptych ")
    assert text.count("study.qdpx") == 1
    assert lines[1].startswith("  1 article already in the project")


def test_on_one_line_the_summary_ends_its_sentence_before_the_next(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    level, text = imported(qtbot, window, study(tmp_path))
    assert level == Level.INFO and "\n" not in text
    assert text.endswith(
        " 0 memos. Edit > Undo (Ctrl+Z) takes the import back. The project as it was before"
        " the import is kept among its backups (File > Restore from backup)."
    )
