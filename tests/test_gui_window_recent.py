"""File > Open recent and File > New project when the file is not what the menu or the
user expected: a project moved or deleted since it was last opened is said to be so and
leaves the menu; a new project refused (its name taken) is reported as New project."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

Message = tuple[int, str, str]


def posted_by(context: AppContext) -> list[Message]:
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    return posted


def recent_names(window: MainWindow) -> list[str]:
    return [action.text() for action in window.actions_.recent.actions()]


def with_another_recent(launched: MainWindow, context: AppContext, path: Path) -> None:
    """``path``, a project opened before, listed in File > Open recent."""
    Project.create(path).close()
    context.settings.add_recent(path)
    launched.launcher._fill_recent(launched)  # type: ignore[attr-defined]
    assert any(name.startswith(path.name) for name in recent_names(launched))


def test_a_recent_project_moved_since_is_said_to_be_moved_and_leaves_the_menu(
    launched: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "Field study.diptych"
    with_another_recent(launched, context, path)
    path.rename(tmp_path / "Field study (old).diptych")
    posted = posted_by(context)

    chosen = next(a for a in launched.actions_.recent.actions() if a.text() == path.name)
    chosen.trigger()

    [(_level, title, text)] = posted
    assert title == "Open recent"
    assert text.startswith(f"Field study.diptych is no longer in {tmp_path}: it was moved")
    assert "File > Open project" in text
    assert "Check the name" not in text  # the user chose it from a menu, never typed it
    assert path.name not in recent_names(launched)
    assert launched.launcher.window is launched  # type: ignore[attr-defined]


def test_the_recent_menu_leaves_out_a_project_deleted_since_the_window_opened(
    launched: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "Field study.diptych"
    with_another_recent(launched, context, path)
    path.unlink()

    launched.actions_.recent.aboutToShow.emit()

    assert path.name not in recent_names(launched)
    assert recent_names(launched)  # the project open is still there


def test_a_new_project_whose_name_is_taken_is_reported_as_new_project(
    launched: MainWindow, context: AppContext, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "Taken.diptych"
    Project.create(path).close()
    posted = posted_by(context)

    launched.launcher.open_path(path, create=True)  # type: ignore[attr-defined]

    [(_level, title, text)] = posted
    assert title == "New project"
    assert "already exists" in text


def test_two_recent_projects_of_one_name_are_told_apart_by_their_folders(
    launched: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    first, second = tmp_path / "2025" / "Study.diptych", tmp_path / "2026" / "Study.diptych"
    for path in (first, second):
        path.parent.mkdir()
        with_another_recent(launched, context, path)

    names = recent_names(launched)
    assert f"Study.diptych — {second.parent}" in names
    assert f"Study.diptych — {first.parent}" in names
    assert "sample.diptych" in names  # a name of its own stays as it is
    assert launched.actions_.recent.toolTipsVisible()  # the full path, on hovering
