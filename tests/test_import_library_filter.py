"""The Library's filter finds a title however its letters are typed: straight quotes for
curly ones, without accents, in any case (ß as ss)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.library_panel import LibraryPanel
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.sample import create_sample_project

XI_VISIT = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
REUNION = "Réunion à Séoul sur la Straße"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project and an article whose title has accents and a ß."""
    path = tmp_path / "library.diptych"
    with create_sample_project(path) as project:
        text = f"# {REUNION}\n\nLes deux délégations se sont vues.\n".encode()
        project.articles.add_many(parsed=[parse_article(text, name="reunion.md")])
    return path


def shown(library: LibraryPanel) -> list[str]:
    return [library.proxy.index(row, 0).data() for row in range(library.proxy.rowCount())]


def type_filter(qtbot: QtBot, library: LibraryPanel, text: str) -> list[str]:
    library.filter.clear()
    library.filter.setFocus()
    if text.isascii():
        qtbot.keyClicks(library.filter, text)
    else:  # QTest types only what a keyboard has keys for; an input method inserts the rest
        library.filter.insert(text)
    return shown(library)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("xi's", XI_VISIT),  # the apostrophe on a keyboard is straight, the title's curly
        ("Xi’s", XI_VISIT),
        ("reunion a seoul", REUNION),
        ("RÉUNION", REUNION),
        ("strasse", REUNION),
        ("STRAßE", REUNION),
    ],
)
def test_the_filter_finds_a_title_as_typed_on_a_keyboard(
    qtbot: QtBot, window: MainWindow, typed: str, found: str
) -> None:
    library = window.library
    assert type_filter(qtbot, library, typed) == [found]
    assert not library.no_match.isVisibleTo(library)
    qtbot.keyClick(library.filter, Qt.Key.Key_Down)  # then on into the list of matches
    assert library.view.hasFocus()
    assert library.view.currentIndex().data() == found
    qtbot.keyClick(library.view, Qt.Key.Key_Return)
    assert window.area.current is not None
    assert window.area.current.article_id == library.selected_article()


def test_a_filter_of_spaces_hides_nothing_and_words_not_in_a_title_hide_all(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    assert len(type_filter(qtbot, library, "   ")) == 3
    assert type_filter(qtbot, library, "seoul x") == []
    assert library.no_match.text() == "No article title contains every word of “seoul x”."


def test_an_article_imported_while_the_filter_would_hide_it_is_shown_and_selected(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    library = window.library
    assert type_filter(qtbot, library, "korea") == [XI_VISIT]
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes of the trade talks\n\nBoth sides agreed.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([minutes])
    assert library.filter.text() == ""
    assert "Minutes of the trade talks" in shown(library)
    assert library.selected_article() == imported.args[0][0]

    # A rename or a passage leaves the filter alone.
    assert type_filter(qtbot, library, "korea") == [XI_VISIT]
    window.session.rename_article(imported.args[0][0], "Minutes, revised")
    assert library.filter.text() == "korea"


def test_enter_in_the_filter_opens_the_match_and_shift_enter_opens_it_beside(
    qtbot: QtBot, window: MainWindow
) -> None:
    library, area = window.library, window.area
    panes = len(area.panes())
    assert type_filter(qtbot, library, "reunion") == [REUNION]
    qtbot.keyClick(library.filter, Qt.Key.Key_Return)
    assert len(area.panes()) == panes
    assert area.current is not None and area.current.article_id == 3
    assert type_filter(qtbot, library, "shifting") == [
        "The Shifting Landscape: Evidence of a New Diplomatic Era"
    ]
    qtbot.keyClick(library.filter, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert len(area.panes()) == panes + 1
    assert area.current is not None and area.current.article_id == 1
    assert type_filter(qtbot, library, "nothing like this") == []
    qtbot.keyClick(library.filter, Qt.Key.Key_Return)  # no match: nothing opens
    assert len(area.panes()) == panes + 1 and area.current.article_id == 1
