"""Several articles at once in the Library: Ctrl+click, Shift+click, Shift+arrows and
Ctrl+A select them; the filter leaves hidden rows out of the selection; Enter, Shift+Enter,
"Open beside" and the menu open each in a pane of its own, up to the pane limit, saying
which were left out; renaming stays one article at a time.

Clicks go to the list's viewport at the centre of each row, keys to the list, as a user's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import shown_text, shown_texts
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.library_panel import LibraryPanel
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_area import MAX_PANES
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

EXTRA = ("Alpha report", "Bravo report", "Charlie notes", "Delta report", "Echo notes")
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def add_articles(path: Path) -> None:
    """The sample project (two articles, open side by side) and five more, each with a
    passage with a note, the first also with a memo."""
    with create_sample_project(path) as project:
        files = [
            parse_article(f"# {title}\n\nWhat {title.lower()} says about trade.\n".encode(),
                          name=f"{n}.md")
            for n, title in enumerate(EXTRA)
        ]  # fmt: skip
        added = project.articles.add_many(parsed=files)
        for article in added:
            project.annotations.add(
                article_id=article.id, start=0, end=4, note=f"On {article.title}."
            )
        project.memos.set(kind=MemoKind.ARTICLE, target_id=added[0].id, text="Read it twice.")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """Seven articles (see :func:`add_articles`); the shared ``window`` opens it."""
    path = tmp_path / "several.diptych"
    add_articles(path)
    return path


def shown_titles(library: LibraryPanel) -> list[str]:
    return [library.proxy.index(row, 0).data() for row in range(library.proxy.rowCount())]


def article_id(window: MainWindow, title: str) -> int:
    return next(a.id for a in window.session.articles() if a.title == title)


def click(
    qtbot: QtBot, library: LibraryPanel, title: str, modifier: Qt.KeyboardModifier = NONE
) -> None:
    """Click an article's row, with Ctrl or Shift held if asked."""
    index = library.proxy.index(shown_titles(library).index(title), 0)
    library.view.scrollTo(index)
    qtbot.waitUntil(lambda: library.view.visualRect(index).isValid())
    point = library.view.visualRect(index).center()
    qtbot.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def selected_titles(window: MainWindow) -> list[str]:
    titles = {a.id: a.title for a in window.session.articles()}
    return [titles[i] for i in window.library.selected_articles()]


def shown(window: MainWindow) -> list[int | None]:
    return [pane.article_id for pane in window.area.panes()]


def context_menu_at(library: LibraryPanel, title: str) -> QMenu:
    """Right-click an article's row and return the menu that pops up."""
    index = library.proxy.index(shown_titles(library).index(title), 0)
    point = library.view.visualRect(index).center()
    viewport = library.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_ctrl_click_shift_click_and_shift_arrows_select_several(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    click(qtbot, library, "Alpha report")
    click(qtbot, library, "Charlie notes", CTRL)
    assert selected_titles(window) == ["Alpha report", "Charlie notes"]
    click(qtbot, library, "Alpha report", CTRL)  # Ctrl+click again leaves it out
    assert selected_titles(window) == ["Charlie notes"]
    click(qtbot, library, "Charlie notes")
    click(qtbot, library, "Echo notes", SHIFT)  # from the last clicked to this one
    assert selected_titles(window) == ["Charlie notes", "Delta report", "Echo notes"]

    click(qtbot, library, "Alpha report")  # a plain click selects that one only
    assert selected_titles(window) == ["Alpha report"]
    qtbot.keyClick(library.view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(library.view, Qt.Key.Key_Down, SHIFT)
    assert selected_titles(window) == ["Alpha report", "Bravo report", "Charlie notes"]
    assert library.selected_article() == article_id(window, "Charlie notes")  # the current


def test_ctrl_a_selects_every_article_in_the_list_but_only_the_text_in_the_filter(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    click(qtbot, library, "Alpha report")
    qtbot.keyClick(library.view, Qt.Key.Key_A, CTRL)
    assert library.selected_articles() == [a.id for a in window.session.articles()]
    assert len(library.selected_articles()) == 7

    click(qtbot, library, "Bravo report")
    library.filter.setFocus()
    qtbot.keyClicks(library.filter, "report")
    qtbot.keyClick(library.filter, Qt.Key.Key_A, CTRL)
    assert library.filter.selectedText() == "report"
    assert selected_titles(window) == ["Bravo report"]


def test_the_filter_takes_hidden_articles_out_of_the_selection_and_actions_skip_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    click(qtbot, library, "Alpha report")
    click(qtbot, library, "Charlie notes", CTRL)
    click(qtbot, library, "Delta report", CTRL)
    qtbot.keyClicks(library.filter, "report")  # hides "Charlie notes"
    assert selected_titles(window) == ["Alpha report", "Delta report"]
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_Return, SHIFT)
    expected = [article_id(window, "Alpha report"), article_id(window, "Delta report")]
    assert shown(window)[2:] == expected  # the hidden one was not opened

    library.filter.clear()  # shown again, but not selected again behind the user's back
    assert "Charlie notes" in shown_titles(library)
    assert article_id(window, "Charlie notes") not in library.selected_articles()


def test_open_beside_opens_each_selected_article_in_a_pane_of_its_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    before = shown(window)
    click(qtbot, library, "Alpha report")
    click(qtbot, library, "Charlie notes", CTRL)
    click(qtbot, library, "Echo notes", CTRL)
    button = next(b for b in library.findChildren(QPushButton) if b.text() == "Open beside")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    opened = [article_id(window, t) for t in ("Alpha report", "Charlie notes", "Echo notes")]
    assert shown(window) == before + opened
    assert window.area.current is window.area.panes()[-1]
    assert window.statusBar().currentMessage() == ""  # nothing left out, nothing to say
    # The library follows the current pane without dropping the others opened with it...
    assert library.selected_articles() == opened
    assert library.selected_article() == opened[-1]
    window.area.set_current(window.area.panes()[2])
    assert library.selected_articles() == opened
    assert library.selected_article() == opened[0]
    # ...and follows a pane showing an article outside the selection as before.
    window.area.set_current(window.area.panes()[0])
    assert library.selected_articles() == [before[0]]


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_Return, NONE), (Qt.Key.Key_Return, SHIFT), (Qt.Key.Key_Enter, NONE)],
)
def test_enter_and_shift_enter_on_several_open_each_beside(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    library = window.library
    before = shown(window)
    click(qtbot, library, "Bravo report")
    click(qtbot, library, "Delta report", CTRL)
    qtbot.keyClick(library.view, key, modifier)
    expected = [article_id(window, "Bravo report"), article_id(window, "Delta report")]
    assert shown(window) == before + expected
    last = window.area.panes()[-1]
    assert window.area.current is last
    qtbot.waitUntil(last.view.hasFocus)  # the keys go on in the last article opened


def test_opening_more_than_the_panes_allowed_opens_what_fits_and_names_the_rest(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    assert len(window.area.panes()) == 2
    click(qtbot, library, shown_titles(library)[0])
    qtbot.keyClick(library.view, Qt.Key.Key_A, CTRL)  # seven articles, two open, room for four
    qtbot.keyClick(library.view, Qt.Key.Key_Return, SHIFT)
    ids = [a.id for a in window.session.articles()]
    assert len(window.area.panes()) == MAX_PANES
    assert shown(window) == ids[:MAX_PANES]  # the two open already not opened twice
    message = window.statusBar().currentMessage()
    assert message.startswith(
        "Opened 4 of the 7 articles (2 open already): At most 6 panes can be open"
    )
    assert message.endswith("Not opened: “Echo notes”.")

    # Room for one, and the current pane empty: it shows the first; three left out.
    for pane in window.area.panes()[2:]:
        window.area.close_pane(pane)
    window.area.add_pane()
    window.area.add_pane()
    window.area.add_pane()
    click(qtbot, library, shown_titles(library)[0])
    qtbot.keyClick(library.view, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(library.view, Qt.Key.Key_Return, SHIFT)
    assert len(window.area.panes()) == MAX_PANES
    assert (
        window.statusBar()
        .currentMessage()
        .endswith("Not opened: “Charlie notes”, “Delta report”, “Echo notes”.")
    )
    assert window.area.current is not None and window.area.current.article_id is not None


def test_the_menu_of_several_opens_and_removes_them_all_and_renames_none(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = window.library
    click(qtbot, library, "Alpha report")
    click(qtbot, library, "Bravo report", SHIFT)
    menu = context_menu_at(library, "Bravo report")
    texts = {shown_text(a.text()): a for a in menu.actions() if a.text()}
    assert list(texts) == [
        "Open 2 articles, each in a new pane",
        "Rename…",
        "Source address…",
        "Update from newer file…",
        "Remove 2 articles from project…",
    ]
    assert not texts["Rename…"].isEnabled()
    assert not texts["Source address…"].isEnabled()
    assert not texts["Update from newer file…"].isEnabled()
    menu.close()
    texts["Open 2 articles, each in a new pane"].trigger()
    ids = [article_id(window, "Alpha report"), article_id(window, "Bravo report")]
    assert shown(window)[2:] == ids

    # A row outside the selection: its own menu, as for one article.
    click(qtbot, library, "Alpha report")
    click(qtbot, library, "Bravo report", SHIFT)
    menu = context_menu_at(library, "Echo notes")
    assert [t for t in shown_texts(menu) if t][:3] == [
        "Open",
        "Open in new pane",
        "Rename…",
    ]
    menu.close()


def test_shift_f10_opens_the_menu_of_the_selection_and_f2_renames_one_only(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def get_text(_parent, _title, _label, text="", *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Renamed", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    library = window.library
    click(qtbot, library, "Charlie notes")
    click(qtbot, library, "Delta report", CTRL)
    qtbot.keyClick(library.view, Qt.Key.Key_F2)
    assert asked == []  # no article renamed, and the status bar says why
    assert window.statusBar().currentMessage() == (
        "2 articles are selected: select one to rename it."
    )
    qtbot.keyClick(library.view, Qt.Key.Key_F10, SHIFT)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    row = library.view.visualRect(library.view.currentIndex())
    assert row.contains(library.view.viewport().mapFromGlobal(menu.pos()))
    assert "Remove 2 articles from project…" in shown_texts(menu)
    menu.close()

    click(qtbot, library, "Delta report", CTRL)  # one left: F2 renames it
    qtbot.keyClick(library.view, Qt.Key.Key_F2)
    assert asked == ["Charlie notes"]
    assert "Renamed" in shown_titles(library)


def test_the_selection_stays_through_a_change_to_the_list(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    library = window.library
    click(qtbot, library, "Bravo report")
    click(qtbot, library, "Delta report", CTRL)
    chosen = library.selected_articles()
    with Project.open(sample) as other:  # another window renames an article
        other.articles.rename(article_id=article_id(window, "Echo notes"), title="Foxtrot")
    window.session.on_watch_timeout()  # its look at the file, as every 1.5 s
    assert "Foxtrot" in shown_titles(library)
    assert library.selected_articles() == chosen
    assert library.selected_article() == article_id(window, "Delta report")

    qtbot.keyClick(library.view, Qt.Key.Key_A, CTRL)
    window.session.rename_article(article_id(window, "Foxtrot"), "Golf")  # in this window
    assert library.selected_articles() == [a.id for a in window.session.articles()]


def test_one_article_selected_opens_as_before(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    area = window.area
    click(qtbot, library, "Alpha report")
    alpha = article_id(window, "Alpha report")
    area.set_current(area.panes()[1])
    qtbot.keyClick(library.view, Qt.Key.Key_Return)  # here: in the current pane
    assert len(area.panes()) == 2 and shown(window)[1] == alpha
    click(qtbot, library, "Alpha report")
    qtbot.keyClick(library.view, Qt.Key.Key_Return, SHIFT)  # beside, even if open
    assert shown(window)[1:] == [alpha, alpha]


def test_enter_in_the_filter_opens_each_selected_match_beside(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    before = shown(window)
    click(qtbot, library, "Alpha report")
    click(qtbot, library, "Echo notes", CTRL)
    library.filter.setFocus()
    qtbot.keyClicks(library.filter, "o")  # both still shown
    assert selected_titles(window) == ["Alpha report", "Echo notes"]
    qtbot.keyClick(library.filter, Qt.Key.Key_Return)
    expected = [article_id(window, "Alpha report"), article_id(window, "Echo notes")]
    assert shown(window) == before + expected
