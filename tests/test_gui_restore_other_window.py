"""File > Restore from backup while a second window has the same project open: the state
replaced is kept first (with what the second window saved), the second window shows the
restored project at its next look at the file, and what it saves next is kept in it."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagValues
from diptych.storage.backup_folders import list_backups
from diptych.storage.project import Project


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {t.name for t in project.tags.all()}


def shown_tags(window: MainWindow) -> set[str]:
    model = window.tags.model
    return {model.index(row, 0).data() for row in range(model.rowCount())}


def test_a_restore_reaches_the_second_window_and_keeps_what_it_saved_before_and_after(
    qtbot: QtBot, launched: MainWindow, context: AppContext, sample: Path
) -> None:
    first = launched
    launcher: Launcher = first.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: first.backups.last is not None, timeout=5000)
    backup = first.backups.last
    assert backup is not None
    second = open_window(qtbot, context, Project.open(sample))
    second.tags.create_tag(TagValues("From the second window", "#5ED1C4", None, ""))
    qtbot.waitUntil(lambda: "From the second window" in shown_tags(first), timeout=5000)

    launcher.restore(first, backup)

    restored = launcher.window
    assert restored is not None and restored is not first
    qtbot.waitUntil(lambda: "From the second window" not in shown_tags(second), timeout=5000)
    assert "From the second window" not in tag_names(sample)
    folder = context.paths.backups / restored.session.project.info().uuid
    safety = [b for b in list_backups(folder) if b.reason == "before-restore"]
    assert len(safety) == 1 and "From the second window" in tag_names(safety[0].path)

    second.tags.create_tag(TagValues("After the restore", "#5ED1C4", None, ""))
    qtbot.waitUntil(lambda: "After the restore" in shown_tags(restored), timeout=5000)
    assert "After the restore" in tag_names(sample)
    second.close()
    restored.close()
    assert "After the restore" in tag_names(sample)


def test_undoing_in_the_second_window_a_deletion_the_restore_took_back_keeps_one_passage(
    qtbot: QtBot, launched: MainWindow, context: AppContext, sample: Path
) -> None:
    first = launched
    launcher: Launcher = first.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: first.backups.last is not None, timeout=5000)
    backup = first.backups.last
    assert backup is not None
    second = open_window(qtbot, context, Project.open(sample))
    passage = second.session.project.annotations.query()[0]
    second.area.set_current(second.area.pane_for(passage.article_id))
    second.coding.select_passage(passage.id, scroll=True)  # outlined in the current pane
    second.actions_.delete_passage.trigger()
    assert passage.id not in {p.id for p in second.session.project.annotations.query()}
    said: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: said.append(args))

    launcher.restore(first, backup)  # the passage is back in the file
    qtbot.waitUntil(
        lambda: passage.id in {p.id for p in second.session.article_passages(passage.article_id)},
        timeout=5000,
    )
    second.actions_.undo.trigger()

    with Project.open(sample, read_only=True) as project:
        assert [p.id for p in project.annotations.query()].count(passage.id) == 1
        assert project.annotations.get(annotation_id=passage.id).exact == passage.exact
    refused = [text for level, _title, text in said if level == Level.ERROR]
    assert len(refused) == 1 and "brought back since" in refused[0]
    assert "in another window" in refused[0]
    assert "nothing was changed" in refused[0]
    assert not second.session.undo_stack.canUndo()  # the step left the stack
    second.close()
