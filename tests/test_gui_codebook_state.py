"""The codebook tree keeps the analyst's place through every change and its undo/redo:
the selected tag stays selected (so that F2 and Delete go on working from the keyboard)
and a branch the analyst folded stays folded."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues
from diptych.gui.tag_model import TAG_MIME, TagTreeModel


def tag_id(window: MainWindow, name: str) -> int:
    return next(t.id for t in window.session.ordered_tags() if t.name == name)


def shown(model: TagTreeModel, parent: QModelIndex | None = None) -> list[object]:
    """The tree as shown: each row's text, followed by its children's when it has any."""
    parent = parent or QModelIndex()
    rows: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append(index.data())
        if model.rowCount(index):
            rows.append(shown(model, index))
    return rows


def drag_tag(model: TagTreeModel, tag: int, row: int, parent: QModelIndex) -> None:
    """Drop ``tag`` as the tree view does (see test_gui_tag_manager)."""
    data = model.mimeData([model.index_of(tag)])
    assert data.hasFormat(TAG_MIME)
    model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)


def test_undo_and_redo_of_a_rename_keep_the_selection_and_the_folded_branch(
    window: MainWindow,
) -> None:
    panel, model = window.tags, window.tags.model
    security, diplomacy = tag_id(window, "Security"), tag_id(window, "Diplomacy")
    panel.view.collapse(model.index_of(diplomacy))
    panel.select_tag(security)
    before = shown(model)
    panel.update_tag(security, TagValues("Safety", "#112233", None, ""))
    after = shown(model)
    assert "Safety  (2)" in after and "Security  (2)" not in after
    for _ in range(3):
        window.actions_.undo.trigger()
        assert shown(model) == before
        assert panel.selected_tag() == security
        assert not panel.view.isExpanded(model.index_of(diplomacy))
        window.actions_.redo.trigger()
        assert shown(model) == after
        assert panel.selected_tag() == security
        assert not panel.view.isExpanded(model.index_of(diplomacy))
    assert panel.view.isExpanded(model.index_of(tag_id(window, "Economy")))


def test_a_tag_nested_by_drag_stays_selected_through_undo_and_redo(window: MainWindow) -> None:
    panel, model = window.tags, window.tags.model
    evidence, diplomacy = tag_id(window, "Evidence"), tag_id(window, "Diplomacy")
    economy = tag_id(window, "Economy")
    panel.view.collapse(model.index_of(economy))
    drag_tag(model, evidence, -1, model.index_of(diplomacy))
    assert panel.selected_tag() == evidence
    nested = shown(model)
    for _ in range(3):
        window.actions_.undo.trigger()
        assert shown(model)[-1] == "Evidence  (2)"
        assert panel.selected_tag() == evidence
        assert not panel.view.isExpanded(model.index_of(economy))
        window.actions_.redo.trigger()
        assert shown(model) == nested
        assert panel.selected_tag() == evidence
        assert model.index_of(evidence).parent() == model.index_of(diplomacy)


def test_deleting_with_the_delete_key_leaves_the_next_tag_selected_for_the_next_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel, model = window.tags, window.tags.model
    panel.confirm = lambda *_args: True
    security, diplomacy = tag_id(window, "Security"), tag_id(window, "Diplomacy")
    panel.select_tag(security)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert security not in window.session.codebook()
    assert panel.selected_tag() == diplomacy  # the one that took its row
    window.actions_.undo.trigger()
    assert model.index_of(security).data() == "Security  (2)"
    window.actions_.redo.trigger()
    assert security not in window.session.codebook()
    assert panel.selected_tag() is not None


def test_undoing_a_first_sub_tag_selects_its_parent(window: MainWindow) -> None:
    panel, model = window.tags, window.tags.model
    trade = tag_id(window, "Trade")
    panel.create_tag(TagValues("Tariffs", "#5ED1C4", trade, ""))
    tariffs = tag_id(window, "Tariffs")
    assert panel.selected_tag() == tariffs
    for _ in range(3):
        window.actions_.undo.trigger()
        assert tariffs not in window.session.codebook()
        assert panel.selected_tag() == trade
        window.actions_.redo.trigger()
        assert shown(model)[1] == ["Trade  (1)", ["Tariffs"]]
        assert panel.view.isExpanded(model.index_of(trade))  # a new branch shows its tag
