"""Opening from the Library an article another window removed since this one last looked
at the file: said by its title, and the Library shows the project as it is at once, where
the window said "There is no article 1", a number the user never sees, and went on
listing the article until its next look."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.errors import DamagedProjectError
from diptych.storage.project import Project


@pytest.mark.parametrize("beside", [False, True], ids=["Enter", "Shift+Enter"])
def test_an_article_removed_in_another_window_is_said_to_be_gone(
    qtbot: QtBot, window: MainWindow, sample: Path, beside: bool
) -> None:
    if not beside:  # Enter on an article open in a pane goes to that pane
        window.area.close_pane(window.area.panes()[0])
    said: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    title = window.session.articles()[0].title
    with Project.open(sample) as other:  # another window
        other.articles.remove(article_id=1)
    library = window.library
    library.select_article(1)  # as this window still shows it
    window.activateWindow()
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)

    modifier = Qt.KeyboardModifier.ShiftModifier if beside else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(library.view, Qt.Key.Key_Return, modifier)

    assert said == [
        f"“{title}” was removed, perhaps in another window, so it cannot be opened. "
        "The window now shows the project as it is."
    ]
    assert library.proxy.rowCount() == 1
    assert [pane.article_id for pane in window.area.panes()] == [2]  # no empty pane left


def test_a_pane_reloaded_once_its_file_cannot_be_read_says_why_without_a_crash(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article the file cannot give (damaged, or closed under a window that gets one last
    change of appearance) is said as the file's error, not taken for an article removed
    elsewhere: finding out which articles there are would ask the file again, and fail."""
    path = window.session.project.path
    damaged = DamagedProjectError("The project file is damaged.", path=path)

    def unreadable(*_args: object, **_kwargs: object) -> None:
        raise damaged

    monkeypatch.setattr(window.session.project.articles, "summary", unreadable)
    monkeypatch.setattr(window.session, "articles", unreadable)
    said: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: said.append(text))

    window.area.panes()[0].reload()

    assert len(said) == 1
    assert path.name in said[0]
    assert "damaged" in said[0]
