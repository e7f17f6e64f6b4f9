"""The sample project's articles come with Diptych: no file of the user's is named for them
(their files' names are the program's own), where the user's own imports name theirs."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_export_dialog, open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.note_html import text_to_html
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.sample import SAMPLE_FILES


def with_an_import_of_the_users(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    with Project.open(sample) as project:
        parsed = parse_article(b"# My own notes\n\nA file I gave.\n", name="my-notes.md")
        project.articles.add(parsed=parsed)
    return open_window(qtbot, context, Project.open(sample))


def plain(tip: str) -> list[str]:
    shown = QTextDocument()
    shown.setHtml(tip)
    return shown.toPlainText().splitlines()


def test_the_librarys_tooltips_name_no_file_for_the_sample_only_for_the_users(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = with_an_import_of_the_users(qtbot, context, sample)
    model = window.library.model
    tips = {
        model.summary(row).title: plain(model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
        for row in range(model.rowCount())
    }
    mine = tips.pop("My own notes")
    assert mine[:2] == ["My own notes", "my-notes.md"]
    assert len(tips) == 2
    for title, lines in tips.items():
        assert not any(name in line for line in lines for name in SAMPLE_FILES)
        assert lines[0] == title
        assert lines[1].endswith("passages")  # no line left empty where the file was
        assert lines[2].startswith("Imported ")


def test_the_pane_titles_tooltip_names_no_file_for_the_sample_only_for_the_users(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = with_an_import_of_the_users(qtbot, context, sample)
    titles = {a.id: a.title for a in window.session.articles()}
    mine = next(i for i, title in titles.items() if title == "My own notes")
    for article_id in titles:
        pane = window.area.open_article(article_id)
        assert pane is not None
        qtbot.waitUntil(lambda p=pane, i=article_id: p.header.title.full_text() == titles[i])
        expected = "My own notes\nmy-notes.md" if article_id == mine else titles[article_id]
        assert pane.header.title.toolTip() == text_to_html(expected)
    # Renamed (the title shown again): still no file for the sample's article.
    sample_article = next(i for i in titles if i != mine)
    pane = window.area.open_article(sample_article)
    assert pane is not None
    window.session.rename_article(sample_article, "Renamed")
    qtbot.waitUntil(lambda: pane.header.title.full_text() == "Renamed")
    assert pane.header.title.toolTip() == text_to_html("Renamed")


def test_the_export_forms_tooltips_name_no_file_for_the_sample_only_for_the_users(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = with_an_import_of_the_users(qtbot, context, sample)
    dialog = open_export_dialog(qtbot, window)
    items = [dialog.articles.item(row) for row in range(dialog.articles.count())]
    assert len(items) == 3
    for item in items:
        title = item.text()  # no namesakes: each label is the title
        expected = "My own notes\nmy-notes.md" if title == "My own notes" else title
        assert item.toolTip() == text_to_html(expected)
    dialog.reject()
