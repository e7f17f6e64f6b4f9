"""File > Export driven like a user: format, scope, grouping, where to save, cancel, errors."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path
from typing import Any

import pytest
from gui_support import finish_jobs_as_they_start, open_export_dialog, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QListWidget, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from diptych.gui.context import AppContext
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.note_html import text_to_html
from diptych.storage.annotations import NewAnnotation
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

SHIFTING = "The Shifting Landscape: Evidence of a New Diplomatic Era"
XI_VISIT = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"


def toggle(qtbot: QtBot, checklist: QListWidget, label: str) -> Qt.CheckState:
    """Select an item and press Space, which toggles its check box; its new state."""
    item = next(
        checklist.item(row)
        for row in range(checklist.count())
        if checklist.item(row).text().strip() == label
    )
    checklist.setCurrentItem(item)
    checklist.setFocus()
    qtbot.keyClick(checklist, Qt.Key.Key_Space)
    return item.checkState()


def uncheck(qtbot: QtBot, checklist: QListWidget, label: str) -> None:
    assert toggle(qtbot, checklist, label) == Qt.CheckState.Unchecked


def check_states(checklist: QListWidget) -> dict[str, bool]:
    return {
        checklist.item(row).text().strip(): checklist.item(row).checkState()
        == Qt.CheckState.Checked
        for row in range(checklist.count())
    }


def push_button(dialog: ExportDialog, text: str) -> QPushButton:
    """The first button labelled ``text`` (the articles' column comes before the tags')."""
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def save_to(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, str(path))


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def messages_of(window: MainWindow) -> list[tuple[int, str, str]]:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    return posted


def test_csv_of_one_article_without_one_tag_grouped_by_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.output.text().endswith(".csv")
    uncheck(qtbot, dialog.articles, XI_VISIT)
    uncheck(qtbot, dialog.tags, "Evidence")
    qtbot.mouseClick(dialog.by_article, Qt.MouseButton.LeftButton)
    target = tmp_path / "out" / "passages.csv"
    target.parent.mkdir()
    save_to(qtbot, dialog, target)
    posted = messages_of(window)

    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert exported.args == [str(target), target.stat().st_size]
    rows = csv_rows(target)
    # Only the checked article; Evidence is gone, a passage's other tags stay; by position.
    assert [(r["article"], r["start"], r["tag path"]) for r in rows] == [
        (SHIFTING, "996", "Economy/Trade"),
        (SHIFTING, "1593", "Diplomacy/Summitry"),
        (SHIFTING, "3331", "Security"),
        (SHIFTING, "3331", "Diplomacy/Summitry"),
    ]
    assert rows[0]["quote"].startswith("The bilateral trade volume")
    assert posted and posted[-1][0] == Level.INFO and str(target) in posted[-1][2]
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())  # closed


def test_markdown_grouped_by_tag_holds_every_tag_heading(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    target = tmp_path / "notes.md"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Sample project: tagged notes",
        "## Economy", "### Trade", "## Security", "## Diplomacy", "### Summitry",
        "## Culture & society", "## Evidence",
    ]  # fmt: skip
    assert "symbolic restart" in text and "who coined it?" in text


def test_an_unchecked_sub_tag_is_left_out_though_its_parent_stays_checked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    uncheck(qtbot, dialog.tags, "Trade")
    assert check_states(dialog.tags)["Economy"]
    target = tmp_path / "notes.md"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Sample project: tagged notes",
        "## Security", "## Diplomacy", "### Summitry", "## Culture & society", "## Evidence",
    ]  # fmt: skip
    assert "Trade" not in text.replace("The bilateral trade", "")  # filed under Evidence only
    assert (
        "- Scope: every article, tags Economy; Security; Diplomacy; Diplomacy/Summitry; "
        "Culture & society; Evidence (sub-tags not listed are left out), and untagged passages\n"
    ) in text


def test_untagged_passages_stay_in_when_a_tag_is_left_out_until_unchecked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Leaving out one tag used to leave out every untagged passage too, unsaid."""
    loose = window.session.project.annotations.add(article_id=1, start=0, end=20, note="loose")

    def export(name: str, *unchecked: str) -> set[str]:
        dialog = window.on_export_triggered()  # File > Export, a new dialog each time
        qtbot.waitExposed(dialog)
        assert dialog.tags.item(dialog.tags.count() - 1).text() == "Untagged passages"
        for label in unchecked:
            uncheck(qtbot, dialog.tags, label)
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        save_to(qtbot, dialog, tmp_path / name)
        with qtbot.waitSignal(dialog.exported, timeout=10_000):
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return {row["uuid"] for row in csv_rows(tmp_path / name)}

    assert loose.uuid in export("a.csv", "Trade")
    without = export("b.csv", "Trade", "Untagged passages")
    assert without and loose.uuid not in without


def test_a_tag_checks_its_sub_tags_and_a_sub_tag_can_be_checked_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    uncheck(qtbot, dialog.tags, "Diplomacy")
    assert not check_states(dialog.tags)["Summitry"]  # its sub-tag followed
    assert toggle(qtbot, dialog.tags, "Summitry") == Qt.CheckState.Checked
    assert not check_states(dialog.tags)["Diplomacy"]
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    target = tmp_path / "summitry.csv"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    rows = csv_rows(target)
    assert "Diplomacy/Summitry" in {r["tag path"] for r in rows}
    assert "Diplomacy" not in {r["tag path"] for r in rows}
    assert (XI_VISIT, "169") not in {(r["article"], r["start"]) for r in rows}  # Diplomacy's


def test_raw_html_in_a_note_is_exported_to_markdown_as_text(
    qtbot: QtBot, tmp_path: Path, context: AppContext
) -> None:
    path = tmp_path / "html-note.diptych"
    with create_sample_project(path) as project:
        passage = project.annotations.query()[0]
        note = "Line one *kept*\nLine two <script>alert(1)</script> and <b>bold</b>"
        project.annotations.set_note(annotation_id=passage.id, note=note)
    window = open_window(qtbot, context, Project.open(path))
    dialog = open_export_dialog(qtbot, window)
    target = tmp_path / "notes.md"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    # After the quote, outside it, each line break kept (two spaces end the first line).
    assert (
        "\n\nLine one *kept*  \nLine two \\<script>alert(1)\\</script> and \\<b>bold\\</b>\n"
        in text
    )
    assert "<script>" not in text.replace("\\<script>", "")


def test_long_titles_are_elided_with_the_full_title_as_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_export_dialog(qtbot, window)
    articles = dialog.articles
    tips = [articles.item(r).toolTip() for r in range(articles.count())]
    assert tips == [  # escaped, in full (the sample's articles name no file of the user's)
        text_to_html(SHIFTING),
        text_to_html(XI_VISIT),
    ]
    assert not articles.horizontalScrollBar().isVisible()  # elided, not scrolled sideways
    dialog.reject()


def test_format_sets_the_suffix_and_browse_keeps_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_export_dialog(qtbot, window)
    beside = window.session.project.path.parent
    assert dialog.output.text() == str(beside / "Sample project.md")
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.output.text() == str(beside / "Sample project.html")
    chosen = tmp_path / "report"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(chosen), "*.html"))
    )
    browse = next(
        b for b in dialog.findChildren(type(dialog.export_button)) if b.text() == "&Browse…"
    )
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert dialog.output.text() == str(chosen) + ".html"
    dialog.reject()


def test_a_typed_file_name_with_another_suffix_chooses_that_format(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    assert dialog.fmt() == "md"
    target = tmp_path / "scoped.csv"
    save_to(qtbot, dialog, target)
    assert dialog.fmt() == "csv" and dialog.format.currentText() == "CSV table (Excel) (.csv)"
    assert dialog.output.text() == str(target)  # what was typed, untouched
    dialog.output.setFocus()
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    rows = csv_rows(target)
    assert len(rows) == 9 and rows[0]["tag path"] == "Economy/Trade"  # a CSV table


def test_a_file_name_with_no_format_suffix_keeps_the_format(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    save_to(qtbot, dialog, tmp_path / "notes.txt")
    assert dialog.fmt() == "md" and dialog.output.text() == str(tmp_path / "notes.txt")
    dialog.reject()


def test_a_browsed_file_name_with_another_suffix_chooses_that_format(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_export_dialog(qtbot, window)
    chosen = tmp_path / "annotations.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(chosen), "*.md"))
    )
    qtbot.mouseClick(push_button(dialog, "&Browse…"), Qt.MouseButton.LeftButton)
    assert dialog.output.text() == str(chosen) and dialog.fmt() == "json"
    dialog.reject()


def test_nothing_chosen_to_export_is_a_hint_and_export_waits_for_a_choice(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A choice still to be made is no error: no red box when Export is pressed, but
    Export greyed, and a plain hint in the dialog saying what to choose."""
    dialog = open_export_dialog(qtbot, window)
    posted: list[int] = []
    window.context.messages.posted.connect(lambda level, _title, _text: posted.append(level))
    assert dialog.export_button.isEnabled() and dialog.choice_hint.isHidden()
    qtbot.mouseClick(push_button(dialog, "None"), Qt.MouseButton.LeftButton)  # no article
    assert dialog.articles.checked() == ()
    target = tmp_path / "empty.md"
    save_to(qtbot, dialog, target)
    assert not dialog.export_button.isEnabled()
    assert dialog.choice_hint.isVisible() and "at least one article" in dialog.choice_hint.text()
    assert "at least one article" in dialog.export_button.toolTip()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert posted == [] and dialog.worker is None and not target.exists()

    qtbot.mouseClick(push_button(dialog, "All"), Qt.MouseButton.LeftButton)
    assert dialog.export_button.isEnabled() and dialog.choice_hint.isHidden()
    no_tags = [b for b in dialog.findChildren(QPushButton) if b.text() == "None"][1]
    qtbot.mouseClick(no_tags, Qt.MouseButton.LeftButton)  # nor Untagged passages
    assert not dialog.export_button.isEnabled() and dialog.choice_hint.isVisible()
    assert toggle(qtbot, dialog.tags, "Untagged passages") == Qt.CheckState.Checked
    assert dialog.export_button.isEnabled() and dialog.choice_hint.isHidden()
    dialog.format.setCurrentIndex(dialog.format.findData("qdc"))  # a codebook: tags alone
    assert not dialog.export_button.isEnabled()
    assert "at least one tag" in dialog.choice_hint.text()
    dialog.output.clear()
    assert not dialog.export_button.isEnabled() and "where to save" in dialog.choice_hint.text()
    assert posted == []
    dialog.reject()


@pytest.fixture
def large(tmp_path: Path) -> Path:
    """The sample project with thousands of passages: an export that takes a while."""
    path = tmp_path / "large.diptych"
    with create_sample_project(path) as project:
        tags = [t.id for t in project.tags.all()]
        length = len(project.articles.get(article_id=1).text)
        items = [
            NewAnnotation(1, start, start + 12, (tags[start % len(tags)],), note=f"Note {start}")
            for start in range(0, length - 12, 2)
        ]
        project.annotations.add_many(items=items)
    return path


def test_cancel_during_a_long_export_writes_nothing(
    qtbot: QtBot, tmp_path: Path, context: AppContext, large: Path
) -> None:
    window = open_window(qtbot, context, Project.open(large))
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    target = tmp_path / "report.html"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(window.context.messages.posted, timeout=20_000) as posted:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible() and not dialog.export_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert posted.args[2] == "Export cancelled; nothing was written."
    assert not target.exists()
    assert not list(tmp_path.glob(".report.html*"))  # no part file either
    # The dialog stays, ready to try again; Cancel now closes it.
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())


@pytest.fixture
def held_export(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Exports that stop once everything is collected: ``(collected, carry_on)``.

    ``collected`` is set when an export has read the project and made its bytes; the export
    then waits (up to ten seconds) for ``carry_on`` before the file is written.
    """
    from diptych.gui import export_dialog

    collected, carry_on = threading.Event(), threading.Event()
    original = export_dialog.export_project

    def slow_export(*args: Any, **kwargs: Any) -> bytes:
        data = original(*args, **kwargs)
        collected.set()
        carry_on.wait(10)
        return data

    monkeypatch.setattr(export_dialog, "export_project", slow_export)
    return collected, carry_on


def test_cancel_as_the_file_is_about_to_be_written_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    held_export: tuple[threading.Event, threading.Event],
) -> None:
    """Cancel pressed after the last progress report, before the file is written."""
    collected, carry_on = held_export
    dialog = open_export_dialog(qtbot, window)
    target = tmp_path / "late.md"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(window.context.messages.posted, timeout=10_000) as posted:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(collected.is_set)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        carry_on.set()
    assert posted.args[2] == "Export cancelled; nothing was written."
    assert not target.exists()


def test_closing_the_dialog_during_an_export_stops_it(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    held_export: tuple[threading.Event, threading.Event],
) -> None:
    collected, carry_on = held_export
    dialog = open_export_dialog(qtbot, window)
    target = tmp_path / "closed.md"
    save_to(qtbot, dialog, target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(collected.is_set)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    carry_on.set()
    qtbot.waitUntil(lambda: not window.workers.busy, timeout=5000)
    assert not target.exists()


def test_an_unwritable_destination_is_reported_and_the_dialog_stays_usable(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "passages.csv"  # a folder where the file should go
    folder.mkdir()
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    save_to(qtbot, dialog, folder)
    with qtbot.waitSignal(window.context.messages.posted, timeout=10_000) as posted:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    level, title, text = posted.args
    assert (level, title) == (Level.ERROR, "Export")
    assert str(folder) in text and "cannot be written" in text and "Choose another" in text
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not dialog.progress.isVisible()
    assert folder.is_dir() and not list(folder.iterdir())

    target = tmp_path / "passages2.csv"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(csv_rows(target)) == 9  # one row per passage and tag


def test_a_file_in_place_of_the_folder_is_a_known_error(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    dialog = open_export_dialog(qtbot, window)
    save_to(qtbot, dialog, blocker / "notes.md")
    with qtbot.waitSignal(window.context.messages.posted, timeout=10_000) as posted:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "notes.md: cannot be written" in posted.args[2]
    assert dialog.export_button.isEnabled()


def test_a_quick_export_is_not_lost(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result of a job quicker than the dialog's next lines still reaches the dialog."""
    finish_jobs_as_they_start(monkeypatch, 300)
    dialog = open_export_dialog(qtbot, window)
    target = tmp_path / "quick.md"
    save_to(qtbot, dialog, target)
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()


def test_an_existing_file_is_never_replaced_without_asking(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from diptych.gui.export_dialog import ExportDialog

    existing = Path.home() / "Sample project.md"
    existing.write_text("my own notes", encoding="utf-8")
    questions: list[str] = []
    answers = iter([False, True])

    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return next(answers)

    dialog = ExportDialog(window.session, window.workers, window, confirm=confirm)
    qtbot.addWidget(dialog)
    assert dialog.output.text() == str(Path.home() / "Sample project (2).md")  # a free name
    dialog.output.setText(str(existing))
    dialog.start()  # asked, and refused: nothing written
    assert questions and "already exists" in questions[0]
    assert existing.read_text(encoding="utf-8") == "my own notes"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.start()  # asked again, and accepted
    assert existing.read_text(encoding="utf-8").startswith("# ")
