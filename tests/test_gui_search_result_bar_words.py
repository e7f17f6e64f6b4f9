"""A search's result that is not a match in its article's text (a passage, an article
found by its title) and a passage clicked in the Passages list leave no earlier search's
words in the find bar saying a red "No matches" over the article shown: the bar holds the
new search's words where the article has them (F3 steps on from the passage), and is
closed where it has none."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_gui_search_memos import activate_with_the_keyboard

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

HARBOUR = "Harbour notes\n\nThe quokka sat by the harbour wall."
PELICANS = "Pelican report\n\nA pelican landed. Then a second pelican came. A third pelican left."
TITLED = "Untitled\n\nOnly the title names the animal here."


def make_window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    """Three articles: a quokka's, a pelicans' with a passage on the second pelican
    (its note "seabird"), and one whose title alone says Platypus, with a passage on
    "animal" (the window shows the first two)."""
    with Project.create(tmp_path / "animals.diptych") as project:
        project.articles.add(parsed=parse_article(HARBOUR.encode(), name="harbour.txt"))
        birds = project.articles.add(parsed=parse_article(PELICANS.encode(), name="birds.txt"))
        titled = project.articles.add(parsed=parse_article(TITLED.encode(), name="t.txt"))
        project.articles.rename(article_id=titled.id, title="Platypus")
        text = project.articles.get(article_id=birds.id).text
        second = text.index("pelican", text.index("second"))
        project.annotations.add(
            article_id=birds.id, start=second, end=second + len("pelican"), note="seabird"
        )
        text = project.articles.get(article_id=titled.id).text
        animal = text.index("animal")
        project.annotations.add(article_id=titled.id, start=animal, end=animal + len("animal"))
    return open_window(qtbot, context, Project.open(tmp_path / "animals.diptych"))


def open_result(qtbot: QtBot, window: MainWindow, query: str, heading: str) -> ArticlePane:
    """Search ``query`` and open the result whose heading starts with ``heading``."""
    window.actions_.search.trigger()
    headings = search_for(qtbot, window.search, query)
    row = next(i for i, h in enumerate(headings) if h.startswith(heading))
    activate_with_the_keyboard(qtbot, window.search, row)
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading and pane.view.hasFocus())
    return pane


def quokka_found(qtbot: QtBot, window: MainWindow) -> ArticlePane:
    pane = open_result(qtbot, window, "quokka", "Article · Harbour")
    qtbot.waitUntil(lambda: pane.find_bar.count.text() == "1 of 1")
    assert pane.find_bar.field.text() == "quokka"
    return pane


def test_a_passage_found_gives_the_bar_the_search_words_or_closes_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = make_window(qtbot, context, tmp_path)
    quokka_found(qtbot, window)

    pane = open_result(qtbot, window, "seabird", "Passage")  # found by its note alone
    assert pane.article_id == window.session.project.articles.all()[1].id
    assert window.coding.selected == 1  # the passage shown
    assert not pane.find_bar.isVisible()  # not "quokka — No matches"
    assert pane.find_bar.count.text() != "No matches"

    quokka_found(qtbot, window)
    pane = open_result(qtbot, window, "pelican", "Passage")
    qtbot.waitUntil(pane.find_bar.isVisible)
    assert pane.find_bar.field.text() == "pelican"
    assert pane.find_bar.count.text() == "3 of 4"  # the passage's (the title has one)
    caret = pane.view.textCursor().position()
    assert window.coding.selected == 1 and pane.view.hasFocus()  # the passage stays shown
    qtbot.keyClick(pane.view, Qt.Key.Key_F3)  # on from the passage's own
    assert pane.view.textCursor().selectedText() == "pelican"
    assert pane.view.textCursor().selectionStart() > caret
    assert pane.find_bar.count.text() == "4 of 4"
    qtbot.keyClick(pane.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.view.textCursor().selectionStart() == caret  # back to it
    assert pane.find_bar.count.text() == "3 of 4"


def test_an_article_found_by_its_title_leaves_no_earlier_words(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = make_window(qtbot, context, tmp_path)
    quokka_found(qtbot, window)
    pane = open_result(qtbot, window, "Platypus", "Article · Platypus")
    assert pane.article_id == window.session.project.articles.all()[2].id
    assert not pane.find_bar.isVisible()
    assert pane.find_bar.field.text() == ""
    qtbot.keyClick(pane.view, Qt.Key.Key_F3)  # nothing to find again: as Ctrl+F
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    assert pane.find_bar.count.text() == ""


def test_a_passage_clicked_in_the_list_leaves_no_search_words(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = make_window(qtbot, context, tmp_path)
    pane = quokka_found(qtbot, window)
    window.docks["passages"].show()
    window.docks["passages"].raise_()
    table = window.passages.table
    qtbot.waitUntil(table.isVisible)
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.passage(r).id == 2)
    rect = table.visualRect(model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    titled = window.session.project.articles.all()[2].id
    qtbot.waitUntil(lambda: pane.article_id == titled and not pane.is_loading)
    assert not pane.find_bar.isVisible()  # not "quokka — No matches" over it
    assert pane.find_bar.count.text() == ""
    assert table.hasFocus() or not pane.view.hasFocus()  # the keyboard left in the list
