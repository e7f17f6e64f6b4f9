"""The library from the keyboard: F2 renames the selected article and Delete removes it
(after asking), as in the codebook; both undo with Ctrl+Z. Shift+Enter opens it beside,
and Shift+F10 or the Menu key opens its menu (Update from newer file… has no other way)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import menu_item
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.library_panel import LibraryPanel
from diptych.gui.main_window import MainWindow
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

XI_VISIT = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.articles.all()]


def test_f2_renames_and_delete_removes_the_selected_article(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def get_text(_parent, _title, _label, text="", *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Beijing and Seoul", True

    def question(_parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(dialogs, "ask_plain", question)
    library = window.library
    library.select_article(2)
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_F2)
    assert asked == [XI_VISIT]
    assert titles(sample)[1] == "Beijing and Seoul"
    assert library.selected_article() == 2

    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    assert asked[-1].startswith("Remove “Beijing and Seoul”")
    assert "Beijing and Seoul" not in titles(sample)
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()
    assert titles(sample)[1] == XI_VISIT

    library.filter.setFocus()
    qtbot.keyClicks(library.filter, "Xi")
    qtbot.keyClick(library.filter, Qt.Key.Key_Delete)  # in the filter, Delete edits the text
    assert titles(sample)[1] == XI_VISIT and len(asked) == 2


def test_after_a_removal_the_next_article_is_selected_for_the_next_key(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    library = window.library
    library.view.setFocus()
    first, second = (a.id for a in window.session.articles()[:2])
    library.select_article(first)
    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    assert library.selected_article() == second  # it took the removed one's row
    window.actions_.undo.trigger()
    assert [a.id for a in window.session.articles()][:2] == [first, second]
    # Undo puts back what was there: the article in its pane, and so selected again.
    assert library.selected_article() == first


def test_shift_enter_opens_the_selected_article_beside(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    first = window.session.articles()[0].id
    panes = len(window.area.panes())
    library.select_article(first)
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.area.panes()) == panes + 1
    assert window.area.current is not None and window.area.current.article_id == first


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_the_menu_keys_open_the_selected_articles_menu_and_update_it_from_a_newer_file(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    source = window.session.project.articles.summary(article_id=2).source_name
    newer = tmp_path / source  # its own file's newer version, asked nothing
    text = window.session.project.articles.get(article_id=2).text
    newer.write_text(f"{text}\n\nAn editor's note.\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(newer), ""))
    )
    library = window.library
    library.select_article(2)
    library.view.setFocus()
    qtbot.keyClick(library.view, key, modifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    row = library.view.visualRect(library.view.currentIndex())
    assert row.contains(library.view.viewport().mapFromGlobal(menu.pos()))  # at the article
    update = menu_item(menu, "Update from newer file…")
    menu.close()
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000) as reimported:
        update.trigger()
    assert reimported.args == [2]
    assert window.session.project.articles.get(article_id=2).text.endswith("An editor's note.")


def test_the_menu_key_names_the_selected_article_even_before_the_list_is_laid_out(
    qtbot: QtBot, session: ProjectSession
) -> None:
    files = [
        parse_article(f"# Article {n}\n\nText {n}.\n".encode(), name=f"{n}.md") for n in range(400)
    ]
    session.project.articles.add_many(parsed=files)
    session.articlesChanged.emit()
    library = LibraryPanel(session)
    qtbot.addWidget(library)
    library.resize(260, 400)
    library.show()
    qtbot.waitExposed(library)
    last = session.project.articles.all()[-1]
    renamed: list[int] = []
    library.renameRequested.connect(renamed.append)
    library.activateWindow()
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)
    session.articlesChanged.emit()  # a reset: the rows are measured again, in batches
    library.select_article(last.id)
    assert not library.view.visualRect(library.view.currentIndex()).isValid()  # not yet
    qtbot.keyClick(library.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    rename = menu_item(menu, "Rename…")
    menu.close()
    rename.trigger()
    assert renamed == [last.id]
