"""Deleting (Del in the Codebook) or merging a tag that carries many passages and has
sub-tags, then Ctrl+Z, Ctrl+Shift+Z and Ctrl+Z again: the Codebook's tree (its order,
nesting, colours and counts, the branch selected), the tag's memo in the Memos panel and
the passages' tags in the file come back exactly as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from test_gui_undo_sweep import check_window

from diptych.gui import tag_panel
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_values import TagValues
from diptych.storage.annotations import NewAnnotation
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
DIPLOMACY, SUMMITRY, SECURITY = 4, 5, 3
MEMO = "Diplomacy: *who* speaks first."


@pytest.fixture
def busy_sample(sample: Path) -> Path:
    """The sample with a sub-sub-tag, many passages tagged Diplomacy and its sub-tags, and
    a memo on Diplomacy."""
    with Project.open(sample) as project:
        seoul = project.tags.add(name="Seoul", color="#112233", parent_id=SUMMITRY).id
        items = []
        for article in project.articles.all():
            text = project.articles.get(article_id=article.id).text
            for start in range(0, min(len(text) - 10, 1500), 10):
                tags = [(DIPLOMACY,), (SUMMITRY,), (seoul, SECURITY)][start // 10 % 3]
                items.append(NewAnnotation(article.id, start, start + 8, tags, f"n{start}"))
        project.annotations.add_many(items=items)
        project.memos.set(kind=MemoKind.TAG, target_id=DIPLOMACY, text=MEMO)
    return sample


def dump(path: Path) -> dict[str, Any]:
    """The tags, their memos and the passages' tags, from the file."""
    conn = sqlite3.connect(path)
    try:
        return {
            "tags": conn.execute(
                "SELECT id, uuid, name, color, parent_id, description, sort_order FROM tags"
                " ORDER BY id"
            ).fetchall(),
            "memos": conn.execute(
                "SELECT id, uuid, tag_id, text FROM memos WHERE kind = 'tag' ORDER BY id"
            ).fetchall(),
            "tagged": conn.execute("SELECT * FROM annotation_tags ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def tree(window: MainWindow) -> list[tuple[int, str, str, bool]]:
    """The Codebook's rows as shown: depth, text with count, colour, branch unfolded."""
    model, view = window.tags.model, window.tags.view
    qtbot_rows: list[tuple[int, str, str, bool]] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            tag = model.tag(index)
            assert tag is not None
            shown = model.data(index, Qt.ItemDataRole.DisplayRole)
            qtbot_rows.append((depth, shown, tag.color, view.isExpanded(index)))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return qtbot_rows


def settled_tree(qtbot: QtBot, window: MainWindow) -> list[tuple[int, str, str, bool]]:
    model = window.tags.model
    qtbot.waitUntil(lambda: not model.counting and not model._usage_counter._usage_timer.isActive())
    return tree(window)


def memo_shown(qtbot: QtBot, window: MainWindow, tag_id: int) -> str:
    window.tags.select_tag(tag_id)
    qtbot.waitUntil(lambda: window.memos.tag_memo.target_id == tag_id)
    return window.memos.tag_memo.toPlainText()


def press(qtbot: QtBot, window: MainWindow, modifiers: Qt.KeyboardModifier) -> None:
    """Ctrl+Z (or Ctrl+Shift+Z) with the keyboard in the Codebook."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tags.view.setFocus()
    qtbot.waitUntil(window.tags.view.hasFocus)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Z, modifiers)


def check_back(qtbot: QtBot, window: MainWindow, before: dict[str, Any], rows: list) -> None:
    assert dump(window.session.project.path) == before
    assert settled_tree(qtbot, window) == rows
    assert window.tags.selected_tag() == DIPLOMACY  # what came back, for the next key
    check_window(qtbot, window)
    assert memo_shown(qtbot, window, DIPLOMACY) == MEMO


@pytest.mark.parametrize("fold", [False, True])
def test_a_busy_tag_deleted_with_del_comes_back_exactly_with_ctrl_z(
    qtbot: QtBot, context: Any, busy_sample: Path, fold: bool
) -> None:
    from gui_support import open_window

    window = open_window(qtbot, context, Project.open(busy_sample))
    window.tags.confirm = lambda *_args: True  # type: ignore[method-assign]  # Del: yes
    if fold:  # the branch folded by the user
        window.tags.view.collapse(window.tags.model.index_of(DIPLOMACY))
    before, rows = dump(busy_sample), settled_tree(qtbot, window)
    assert memo_shown(qtbot, window, DIPLOMACY) == MEMO
    window.tags.view.setFocus()
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)
    deleted = dump(busy_sample)
    assert DIPLOMACY not in [t[0] for t in deleted["tags"]]
    assert window.actions_.undo.text() == "&Undo Delete tag “Diplomacy”"

    press(qtbot, window, CONTROL)
    check_back(qtbot, window, before, rows)
    press(qtbot, window, CONTROL | SHIFT)
    assert dump(busy_sample)["tagged"] == deleted["tagged"]
    check_window(qtbot, window)
    press(qtbot, window, CONTROL)
    check_back(qtbot, window, before, rows)


def test_a_busy_tag_merged_comes_back_exactly_with_ctrl_z(
    qtbot: QtBot, context: Any, busy_sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui_support import open_window

    window = open_window(qtbot, context, Project.open(busy_sample))
    before, rows = dump(busy_sample), settled_tree(qtbot, window)
    assert memo_shown(qtbot, window, DIPLOMACY) == MEMO
    monkeypatch.setattr(tag_panel, "choose_item", lambda _p, _t, _l, items, *_a: ("Security", True))
    window.tags.merge_tag()  # Merge into… from the tag's menu
    merged = dump(busy_sample)
    assert DIPLOMACY not in [t[0] for t in merged["tags"]]
    assert window.actions_.undo.text() == "&Undo Merge tag “Diplomacy” into “Security”"

    window.tags.select_tag(SECURITY)
    press(qtbot, window, CONTROL)
    check_back(qtbot, window, before, rows)
    press(qtbot, window, CONTROL | SHIFT)
    assert dump(busy_sample)["tagged"] == merged["tagged"]
    check_window(qtbot, window)
    press(qtbot, window, CONTROL)
    check_back(qtbot, window, before, rows)


def test_a_new_tag_undone_and_redone_is_selected_again(qtbot: QtBot, window: MainWindow) -> None:
    window.tags.create_tag(TagValues("Second thoughts", "#5ED1C4", None, ""))
    new = next(t.id for t in window.session.ordered_tags() if t.name == "Second thoughts")
    press(qtbot, window, CONTROL)
    assert new not in window.tags.model.codebook
    window.tags.select_tag(SECURITY)
    press(qtbot, window, CONTROL | SHIFT)
    assert window.tags.selected_tag() == new


def test_the_memo_shown_follows_a_merge_undone_and_redone(
    qtbot: QtBot, context: Any, busy_sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui_support import open_window

    with Project.open(busy_sample) as project:
        project.memos.set(kind=MemoKind.TAG, target_id=SECURITY, text="Who arms whom.")
    window = open_window(qtbot, context, Project.open(busy_sample))
    monkeypatch.setattr(tag_panel, "choose_item", lambda _p, _t, _l, items, *_a: ("Security", True))
    window.tags.select_tag(DIPLOMACY)
    window.tags.merge_tag()
    merged = window.session.memo_text(MemoKind.TAG, SECURITY)
    assert "Who arms whom." in merged and MEMO in merged
    assert window.memos.tag_memo.toPlainText() == merged
    press(qtbot, window, CONTROL)
    assert memo_shown(qtbot, window, SECURITY) == "Who arms whom."
    press(qtbot, window, CONTROL | SHIFT)  # Security's memo in view, as the merge writes it
    assert window.memos.tag_memo.target_id == SECURITY
    assert window.memos.tag_memo.toPlainText() == merged
    press(qtbot, window, CONTROL)
    window.tags.select_tag(SECURITY)
    assert window.memos.tag_memo.toPlainText() == "Who arms whom."


def test_a_description_merged_without_a_memo_is_kept_and_redo_makes_the_same_memo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    culture, evidence = 6, 7  # the sample's: a description each, no memo
    choice = ("Evidence", True)
    monkeypatch.setattr(tag_panel, "choose_item", lambda _p, _t, _l, items, *_a: choice)
    window.tags.select_tag(culture)
    window.tags.merge_tag()
    said = (
        "*From the tag “Culture & society”, merged here.*\n\n"
        "Its description: People-to-people ties, public opinion"
    )
    assert window.session.memo_text(MemoKind.TAG, evidence) == said
    assert memo_shown(qtbot, window, evidence) == said
    made = dump(window.session.project.path)["memos"]
    assert [text for _id, _uuid, tag_id, text in made if tag_id == evidence] == [said]

    press(qtbot, window, CONTROL)
    assert dump(window.session.project.path)["memos"] == []
    assert memo_shown(qtbot, window, evidence) == ""
    press(qtbot, window, CONTROL | SHIFT)
    assert dump(window.session.project.path)["memos"] == made  # the same memo, not another
    assert memo_shown(qtbot, window, evidence) == said
