"""The tag manager driven like a user: create, edit, nest, merge, delete, and undo each.

Every change is checked in the project file (through a second, read-only connection) and,
where it changes colours, in the pixels of every pane that shows an affected passage.

Nesting: the offscreen platform ends every QDrag at once with no drop, so a real drag
cannot be simulated. The tests take the MIME data from the model exactly as the view's
``startDrag`` does (``model.mimeData(selected indexes)``) and hand it to
``model.dropMimeData`` with the row and parent the tree view computes for a drop on an
item (row -1, the item as parent) or between two items (the row below, their parent).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import (
    blended,
    close_to,
    painted_row,
    select_text,
)
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QDragMoveEvent, QHelpEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QPushButton,
    QToolButton,
    QToolTip,
)
from pytestqt.qtbot import QtBot

from diptych.gui import tag_panel
from diptych.gui.highlighter import blend
from diptych.gui.icons import NAMES, icon
from diptych.gui.main_window import MainWindow
from diptych.gui.note_html import text_to_html
from diptych.gui.tag_dialog import TagDialog, TagValues
from diptych.gui.tag_model import TAG_MIME, TagTreeModel
from diptych.gui.tag_panel import TagPanel
from diptych.storage.model import MemoKind, Tag
from diptych.storage.palette import PALETTE
from diptych.storage.project import Project

UNTAGGED = "#C8C8C8"  # how a passage whose last tag was deleted is painted


# -- reading what was saved --------------------------------------------------------------
@pytest.fixture
def messages_seen(window: MainWindow) -> list[str]:
    seen: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: seen.append(text))
    return seen


def saved_tags(path: Path) -> dict[str, Tag]:
    """The tags in the project file, by name, read through a connection of their own."""
    with Project.open(path, read_only=True) as project:
        return {t.name: t for t in project.tags.all()}


def saved_passage_tags(path: Path) -> dict[str, set[str]]:
    """Each passage's quote (its first 20 characters) with the names of its tags."""
    with Project.open(path, read_only=True) as project:
        codebook = project.tags.codebook()
        return {
            p.exact[:20]: {codebook[t].name for t in p.tag_ids} for p in project.annotations.query()
        }


def tree_children(model: TagTreeModel, parent: QModelIndex = QModelIndex()) -> list[str]:
    """Names shown under ``parent`` in the tree, in order."""
    return [
        model.index(row, 0, parent).data(Qt.ItemDataRole.EditRole)
        for row in range(model.rowCount(parent))
    ]


def tag_id(window: MainWindow, name: str) -> int:
    return next(t.id for t in window.session.ordered_tags() if t.name == name)


def tool(panel: TagPanel, tip_start: str) -> QToolButton:
    return next(b for b in panel.findChildren(QToolButton) if b.toolTip().startswith(tip_start))


# -- what is painted ---------------------------------------------------------------------
def passage_range(window: MainWindow, quote_start: str) -> tuple[int, int, int]:
    """Article id, start and end of the passage whose quote starts with ``quote_start``."""
    passage = next(
        p for p in window.session.project.annotations.query() if p.exact.startswith(quote_start)
    )
    return passage.article_id, passage.start, passage.end


def wait_painted(qtbot: QtBot, window: MainWindow, quote_start: str, colors: list[str]) -> None:
    """Wait until the passage is painted in ``colors``: in its colour where it has one, in
    stripes of each colour where it has several, and never in their average."""
    article_id, start, end = passage_range(window, quote_start)
    pane = window.area.pane_for(article_id)
    assert pane is not None
    pane.go_to_offset(start)
    viewport = pane.view.viewport()
    base = viewport.palette().color(viewport.backgroundRole())
    fills = [blended(color, 170, base) for color in colors]
    average = blended(blend(colors).name(), 170, base)

    def check() -> None:
        seen = Counter(c.name() for c in painted_row(pane, start, min(end, start + 30)))
        assert seen, "the passage is visible"
        if len(fills) == 1:
            common = QColor(seen.most_common(1)[0][0])
            assert close_to(common, fills[0]), (quote_start, common.name(), fills[0].name())
            return
        # close (periwinkle and lavender) colours have an average close to each: exactly
        for fill in fills:
            assert any(close_to(QColor(name), fill, 3) for name in seen), (quote_start, seen)
        assert not any(close_to(QColor(name), average, 3) for name in seen), (quote_start, seen)

    qtbot.waitUntil(check, timeout=3000)


# -- modal dialogs -----------------------------------------------------------------------
def answer_next_dialog(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Let ``act`` drive the next modal dialog of type ``kind`` once its loop runs."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, kind), dialog
            act(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never leave a test hanging in a modal loop

    QTimer.singleShot(0, run)


def test_every_tool_button_shows_an_icon_drawn_like_the_toolbars(window: MainWindow) -> None:
    buttons = window.tags.findChildren(QToolButton)
    assert [b.toolTip().split(" (")[0] for b in buttons] == [
        "New tag", "New sub-tag of the selected tag", "Edit the selected tag",
        "Merge the selected tag into another", "Delete the selected tag",
    ]  # fmt: skip
    # Not a few symbols, each as big as the font it falls back to draws it, beside the
    # style's own bin: one set of line icons, each button the same size.
    for button in buttons:
        assert button.icon().cacheKey() in drawn_icon_keys(), button.toolTip()
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert len({b.sizeHint().toTuple() for b in buttons}) == 1
    assert len({b.iconSize().toTuple() for b in buttons}) == 1


def drawn_icon_keys() -> set[int]:
    """The cache keys of Diptych's own icons (each is built once per name and colour)."""
    return {icon(name).cacheKey() for name in NAMES}


def test_tag_tree_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    model = window.tags.model
    qtmodeltester.check(model)
    assert tree_children(model) == [
        "Economy", "Security", "Diplomacy", "Culture & society", "Evidence",
    ]  # fmt: skip
    # No passage of its own, one of its sub-tag's: counted as the Passages panel lists it.
    assert model.index(0, 0).data() == "Economy  (1)"
    assert model.index(1, 0).data() == "Security  (2)"
    window.tags.create_tag(TagValues("Method", "#5ED1C4", tag_id(window, "Evidence"), ""))
    qtmodeltester.check(model)


def test_create_tag_saves_selects_and_undoes(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel, stack = window.tags, window.session.undo_stack
    panel.create_tag(TagValues("Sanctions", "#5ED1C4", None, "Restrictive measures"))
    tag = saved_tags(sample)["Sanctions"]
    assert (tag.color, tag.parent_id, tag.description) == ("#5ED1C4", None, "Restrictive measures")
    assert tree_children(panel.model)[-1] == "Sanctions"
    assert panel.selected_tag() == tag.id
    assert stack.undoText() == "New tag “Sanctions”"

    # The new tag is the eighth in codebook order: key 8 applies it, painted in its colour.
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, "period of strained ties")
    qtbot.keyClick(pane.view, Qt.Key.Key_8)
    assert saved_passage_tags(sample)["period of strained t"] == {"Sanctions"}
    wait_painted(qtbot, window, "period of strained ties", ["#5ED1C4"])

    window.actions_.undo.trigger()  # the passage
    window.actions_.undo.trigger()  # the tag
    assert "Sanctions" not in saved_tags(sample)
    assert "Sanctions" not in tree_children(panel.model)
    window.actions_.redo.trigger()
    assert saved_tags(sample)["Sanctions"].id == tag.id


def test_new_tag_dialog_creates_a_described_sub_tag(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel = window.tags
    economy = tag_id(window, "Economy")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        assert dialog.windowTitle() == "New tag"
        assert not dialog.ok_button.isEnabled()  # no name yet
        qtbot.keyClicks(dialog.name, "Sanctions")
        swatch = next(b for b in dialog.findChildren(QPushButton) if b.toolTip() == PALETTE[6])
        qtbot.mouseClick(swatch, Qt.MouseButton.LeftButton)
        assert dialog.color_button.text() == PALETTE[6]
        dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(economy))
        qtbot.keyClicks(dialog.description, "Measures that restrict trade")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_next_dialog(TagDialog, fill)
    qtbot.mouseClick(tool(panel, "New tag"), Qt.MouseButton.LeftButton)

    tag = saved_tags(sample)["Sanctions"]
    assert (tag.color, tag.parent_id) == (PALETTE[6], economy)
    assert tag.description == "Measures that restrict trade"
    assert tree_children(panel.model, panel.model.index_of(economy)) == ["Trade", "Sanctions"]
    assert panel.selected_tag() == tag.id
    window.actions_.undo.trigger()
    assert "Sanctions" not in saved_tags(sample)


def test_cancelling_the_dialog_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    stack = window.session.undo_stack

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        qtbot.keyClicks(dialog.name, "Never")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_next_dialog(TagDialog, cancel)
    window.actions_.new_tag.trigger()
    assert window.session.project.tags.find(name="Never") is None
    assert stack.count() == 0


def edit_with_dialog(
    qtbot: QtBot, panel: TagPanel, tag: int, act: Callable[[TagDialog], None]
) -> None:
    """Select ``tag`` in the tree and press F2; ``act`` fills the dialog."""

    def run(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        assert dialog.windowTitle() == "Edit tag"
        act(dialog)

    panel.select_tag(tag)
    panel.view.setFocus()
    answer_next_dialog(TagDialog, run)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)


def test_rename_and_recolour_repaint_both_panes_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel, stack = window.tags, window.session.undo_stack
    security = tag_id(window, "Security")
    summitry = saved_tags(sample)["Summitry"].color
    # Security is on a passage in each article: alone on one, with Summitry on the other.
    wait_painted(qtbot, window, "Security cooperation", ["#F28C8C"])
    wait_painted(qtbot, window, "Just hours before", ["#F28C8C", summitry])
    new_color = "#2E7D32"

    def rename(dialog: TagDialog) -> None:
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Defence")
        dialog.set_color(new_color)  # what the colour picker reports
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edit_with_dialog(qtbot, panel, security, rename)

    tag = saved_tags(sample)["Defence"]
    assert (tag.id, tag.color) == (security, new_color)
    assert "Security" not in saved_tags(sample)
    assert panel.model.index_of(security).data() == "Defence  (2)"
    assert stack.count() == 1 and stack.undoText() == "Edit tag “Security”"
    wait_painted(qtbot, window, "Security cooperation", [new_color])
    wait_painted(qtbot, window, "Just hours before", [new_color, summitry])

    window.actions_.undo.trigger()
    assert saved_tags(sample)["Security"].color == "#F28C8C"
    wait_painted(qtbot, window, "Security cooperation", ["#F28C8C"])
    wait_painted(qtbot, window, "Just hours before", ["#F28C8C", summitry])


def test_accepting_the_dialog_unchanged_adds_no_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    stack = window.session.undo_stack
    edit_with_dialog(
        qtbot,
        window.tags,
        tag_id(window, "Evidence"),
        lambda dialog: qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton),
    )
    assert stack.count() == 0
    assert not window.actions_.undo.isEnabled()


def test_renaming_to_a_sibling_name_is_refused_inside_the_dialog(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    stack = window.session.undo_stack
    shown: list[tuple[bool, str, str]] = []

    def rename(dialog: TagDialog) -> None:
        dialog.name.setText("security")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        shown.append((dialog.isVisible(), dialog.problem.text(), dialog.description.toPlainText()))
        dialog.name.setText("Evidence")  # its own name stays its own: no namesake of itself
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        shown.append((dialog.isVisible(), "", ""))

    evidence = tag_id(window, "Evidence")
    edit_with_dialog(qtbot, window.tags, evidence, rename)
    assert shown == [
        (True, "A tag called “Security” already exists at the top level. Choose another name, "
         "or another parent.", window.session.codebook()[evidence].description),
        (False, "", ""),
    ]  # fmt: skip
    assert {"Evidence", "Security"} <= set(saved_tags(sample))
    assert stack.count() == 0  # nothing changed, so there is nothing to undo


def test_renaming_and_moving_in_one_edit_undoes_together(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    evidence, diplomacy = tag_id(window, "Evidence"), tag_id(window, "Diplomacy")

    def change(dialog: TagDialog) -> None:
        dialog.name.setText("Sources")
        dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(diplomacy))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edit_with_dialog(qtbot, window.tags, evidence, change)
    assert saved_tags(sample)["Sources"].parent_id == diplomacy
    assert window.session.undo_stack.count() == 1
    window.actions_.undo.trigger()
    tag = saved_tags(sample)["Evidence"]
    assert (tag.id, tag.parent_id) == (evidence, None)


def test_description_shows_in_the_tree_tooltip(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel = window.tags
    security = tag_id(window, "Security")

    def describe(dialog: TagDialog) -> None:
        dialog.description.selectAll()
        qtbot.keyClicks(dialog.description, "Armed forces, missiles, alliances")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edit_with_dialog(qtbot, panel, security, describe)
    assert saved_tags(sample)["Security"].description == "Armed forces, missiles, alliances"

    # Hovering the tag in the tree shows its path, its count, its key and its description.
    rect = panel.view.visualRect(panel.model.index_of(security))
    viewport = panel.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    key = "Key 3 tags the selected text with this tag"
    lines = f"Security\n2 passages\n{key}\nArmed forces, missiles, alliances"
    assert QToolTip.text() == text_to_html(lines)  # escaped, as rich text
    QToolTip.hideText()


def drag_tag(model: TagTreeModel, tag: int, row: int, parent: QModelIndex) -> None:
    """Drop a tag where a drag in the tree drops it (see the module docstring)."""
    data = model.mimeData([model.index_of(tag)])
    assert data.formats() == [TAG_MIME]
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)
    assert model.flags(model.index_of(tag)) & Qt.ItemFlag.ItemIsDragEnabled
    model.dropMimeData(data, Qt.DropAction.MoveAction, row, -1, parent)


def test_a_tag_description_that_looks_like_html_is_shown_as_text(window: MainWindow) -> None:
    hostile = "<img src=file:///etc/passwd> & <b>bold</b>"
    tag = window.session.add_tag(name="Hostile", description=hostile)
    tip = window.tags.model.index_of(tag.id).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "<b>" not in tip
    assert "&lt;img src=file:///etc/passwd&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in tip
    shown = QTextDocument()
    shown.setHtml(tip)  # how Qt reads a tooltip that looks like rich text
    key = "Key 8 tags the selected text with this tag"  # the sample's seven tags, then it
    assert shown.toPlainText().splitlines() == ["Hostile", "0 passages", key, hostile]


def test_dropping_a_tag_on_another_nests_it(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    model, panel = window.tags.model, window.tags
    evidence, security = tag_id(window, "Evidence"), tag_id(window, "Security")
    drag_tag(model, evidence, -1, model.index_of(security))
    assert saved_tags(sample)["Evidence"].parent_id == security
    assert tree_children(model) == ["Economy", "Security", "Diplomacy", "Culture & society"]
    assert tree_children(model, model.index_of(security)) == ["Evidence"]
    assert panel.view.isExpanded(model.index_of(security))
    assert panel.selected_tag() == evidence
    assert "Security/Evidence" in model.index_of(evidence).data(Qt.ItemDataRole.ToolTipRole)
    # Keys 1-9 follow codebook order: Evidence is now the fourth tag.
    assert [t.name for t in window.session.ordered_tags()][3] == "Evidence"

    window.actions_.undo.trigger()
    assert saved_tags(sample)["Evidence"].parent_id is None
    assert tree_children(model)[-1] == "Evidence"


@pytest.mark.parametrize(
    ("name", "row", "order"),
    [
        # Dropped below Diplomacy (row 3): it lands between Diplomacy and Culture & society.
        ("Economy", 3, ["Security", "Diplomacy", "Economy", "Culture & society", "Evidence"]),
        ("Evidence", 0, ["Evidence", "Economy", "Security", "Diplomacy", "Culture & society"]),
        ("Security", 5, ["Economy", "Diplomacy", "Culture & society", "Evidence", "Security"]),
    ],
)
def test_dropping_a_tag_between_two_others_puts_it_there(
    window: MainWindow, sample: Path, name: str, row: int, order: list[str]
) -> None:
    model = window.tags.model
    drag_tag(model, tag_id(window, name), row, QModelIndex())
    assert tree_children(model) == order
    with Project.open(sample, read_only=True) as project:
        assert [t.name for t in project.tags.codebook().children(None)] == order
    window.actions_.undo.trigger()
    assert tree_children(model)[:2] == ["Economy", "Security"]


def test_dropping_a_tag_into_its_own_sub_tag_is_refused(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    model = window.tags.model
    economy, trade = tag_id(window, "Economy"), tag_id(window, "Trade")
    with qtbot.waitSignal(window.context.messages.posted) as posted:
        drag_tag(model, economy, -1, model.index_of(trade))
    assert "inside itself" in posted.args[2]
    assert saved_tags(sample)["Economy"].parent_id is None
    assert window.session.undo_stack.count() == 0


def test_dropping_a_tag_where_it_already_is_does_nothing(
    qtbot: QtBot, window: MainWindow, messages_seen: list[str]
) -> None:
    model = window.tags.model
    security = tag_id(window, "Security")
    drag_tag(model, security, -1, model.index_of(security))  # released on itself
    drag_tag(model, security, 1, QModelIndex())  # just above itself
    drag_tag(model, security, 2, QModelIndex())  # just below itself
    assert tree_children(model)[1] == "Security"
    assert window.session.undo_stack.count() == 0
    assert messages_seen == []


def test_merge_moves_the_passages_and_updates_counts(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel, model = window.tags, window.tags.model
    summitry, economy = tag_id(window, "Summitry"), tag_id(window, "Economy")
    colors = {t.name: t.color for t in saved_tags(sample).values()}
    offered: list[list[str]] = []

    def choose(_parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return "Economy", True

    monkeypatch.setattr(tag_panel, "choose_item", choose)
    panel.select_tag(summitry)
    qtbot.mouseClick(tool(panel, "Merge"), Qt.MouseButton.LeftButton)

    assert "Diplomacy/Summitry" not in offered[0] and "Economy/Trade" in offered[0]
    assert "Summitry" not in saved_tags(sample)
    passages = saved_passage_tags(sample)
    assert passages["the signing of 15 hi"] == {"Economy", "Evidence"}
    assert passages["Just hours before th"] == {"Security", "Economy"}
    assert model.index_of(economy).data() == "Economy  (3)"  # and its sub-tag Trade's
    assert model.index_of(tag_id(window, "Diplomacy")).data() == "Diplomacy  (1)"
    assert tree_children(model, model.index_of(tag_id(window, "Diplomacy"))) == []
    assert panel.selected_tag() == economy
    wait_painted(qtbot, window, "the signing of 15", [colors["Economy"], colors["Evidence"]])

    window.actions_.undo.trigger()
    passages = saved_passage_tags(sample)
    assert passages["the signing of 15 hi"] == {"Summitry", "Evidence"}
    assert model.index_of(economy).data() == "Economy  (1)"  # its sub-tag Trade's
    assert model.index_of(summitry).data() == "Summitry  (2)"
    wait_painted(qtbot, window, "the signing of 15", [colors["Summitry"], colors["Evidence"]])


def test_delete_asks_with_the_passage_count_and_undo_restores(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel = window.tags
    security = tag_id(window, "Security")
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(_parent, title: str, text: str) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(answers)

    panel.confirm = confirm
    panel.select_tag(security)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # answered No
    assert "Security" in saved_tags(sample)
    assert "“Security”" in asked[0] and "on 2 passages" in asked[0]

    qtbot.mouseClick(tool(panel, "Delete"), Qt.MouseButton.LeftButton)  # answered Yes
    assert "Security" not in saved_tags(sample)
    passages = saved_passage_tags(sample)
    assert passages["Security cooperation"] == set()  # kept, untagged
    assert passages["Just hours before th"] == {"Summitry"}
    assert "Security" not in tree_children(panel.model)
    wait_painted(qtbot, window, "Security cooperation", [UNTAGGED])
    wait_painted(qtbot, window, "Just hours before", ["#9FB3F5"])

    window.actions_.undo.trigger()
    assert saved_tags(sample)["Security"].id == security
    assert saved_passage_tags(sample)["Security cooperation"] == {"Security"}
    assert panel.model.index_of(security).data() == "Security  (2)"
    wait_painted(qtbot, window, "Security cooperation", ["#F28C8C"])
    wait_painted(qtbot, window, "Just hours before", ["#F28C8C", "#9FB3F5"])


def test_deleting_a_parent_says_its_sub_tags_move_up(window: MainWindow, sample: Path) -> None:
    panel = window.tags
    economy = tag_id(window, "Economy")
    asked: list[str] = []
    panel.confirm = lambda _parent, _title, text: asked.append(text) or True
    panel.select_tag(economy)
    panel.delete_tag()
    assert "It is on no passage." in asked[0] and "Its 1 sub-tag moves up one level" in asked[0]
    assert saved_tags(sample)["Trade"].parent_id is None
    assert "Trade" in tree_children(panel.model)
    window.actions_.undo.trigger()
    assert saved_tags(sample)["Trade"].parent_id == economy
    assert tree_children(panel.model, panel.model.index_of(economy)) == ["Trade"]


def test_deleting_a_tag_with_a_memo_says_the_memo_goes_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.tags
    security = tag_id(window, "Security")
    window.session.project.memos.set(kind=MemoKind.TAG, target_id=security, text="Why it matters")
    asked: list[str] = []
    panel.confirm = lambda _parent, _title, text: asked.append(text) or True
    panel.select_tag(security)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert "Its memo is deleted with it" in asked[0]
    window.actions_.undo.trigger()
    assert window.session.memo_text(MemoKind.TAG, security) == "Why it matters"

    panel.select_tag(tag_id(window, "Evidence"))  # no memo: nothing said of one
    panel.delete_tag()
    assert "memo" not in asked[1]


def test_a_rename_to_a_name_taken_where_it_was_is_done_where_the_edit_moves_it(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """Security is taken at the top level, where Evidence was, not under Diplomacy, where
    the same edit moves it: it is moved, then renamed, in one step (renamed first, the
    edit was refused after OK, and all typed in the dialog was lost)."""
    evidence, diplomacy = tag_id(window, "Evidence"), tag_id(window, "Diplomacy")

    def change(dialog: TagDialog) -> None:
        dialog.name.setText("Security")
        dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(diplomacy))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edit_with_dialog(qtbot, window.tags, evidence, change)
    assert window.session.codebook().path(evidence) == "Diplomacy/Security"
    stack = window.session.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "Edit tag “Evidence”")
    stack.undo()
    assert saved_tags(sample)["Evidence"].parent_id is None


def test_dragging_a_tag_over_its_own_sub_tag_says_why_it_cannot_go_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.tags.view
    model = window.tags.model
    economy = window.session.codebook().find("Economy")[0].id
    trade = window.session.codebook().find("Trade")[0].id
    security = window.session.codebook().find("Security")[0].id
    view.setCurrentIndex(model.index_of(economy))  # the tag being dragged
    data = model.mimeData([model.index_of(economy)])

    def drag_over(tag_id: int) -> QDragMoveEvent:
        point = view.visualRect(model.index_of(tag_id)).center()
        event = QDragMoveEvent(
            point, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        view.dragMoveEvent(event)
        return event

    refused = drag_over(trade)
    assert not refused.isAccepted()
    assert window.statusBar().currentMessage() == (
        "“Economy” cannot go inside its own sub-tag: drop it on another tag, or between tags."
    )
    window.statusBar().clearMessage()
    drag_over(security)  # another tag: nothing said
    assert window.statusBar().currentMessage() == ""
