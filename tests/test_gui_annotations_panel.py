"""The passage table model, its filters, and the annotations panel driven like a user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QToolButton

from diptych.gui.annotations_panel import ORPHANS_TAB, PASSAGES_TAB, AnnotationsPanel
from diptych.gui.commands import perform
from diptych.gui.indented_rows import DEPTH_ROLE
from diptych.gui.passage_cells import (
    ANNOTATION_ROLE,
    ARTICLE_ID_ROLE,
    PASSAGE_ID_ROLE,
    SORT_ROLE,
    Column,
)
from diptych.gui.passage_commands import DeletePassage, SetPassageNote, SetPassageTags
from diptych.gui.passage_editor import PassageEditor
from diptych.gui.passage_filter import OrphanFilter, PassageFilter
from diptych.gui.passage_model import PassageTableModel
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

ORPHAN_QUOTE = "symbolic restart"


@pytest.fixture
def panel(qtbot, session: ProjectSession) -> AnnotationsPanel:
    widget = AnnotationsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tag_id(session: ProjectSession, name: str) -> int:
    return session.codebook().find(name)[0].id


def shown(panel: AnnotationsPanel) -> list[Annotation]:
    """The passages the table shows, top to bottom."""
    proxy = panel.table.model()
    return [proxy.index(r, 0).data(ANNOTATION_ROLE) for r in range(proxy.rowCount())]


def shown_quotes(panel: AnnotationsPanel) -> set[str]:
    return {p.exact for p in shown(panel)}


def make_orphan(session: ProjectSession) -> Annotation:
    """Update the second sample article so that one passage's text is gone."""
    article = session.project.articles.all()[1]
    text = sample_bytes(SAMPLE_FILES[1]).decode().replace(ORPHAN_QUOTE, "fresh beginning")
    parsed = parse_article(text.encode(), name=SAMPLE_FILES[1])
    session.project.articles.replace_text(article_id=article.id, parsed=parsed)
    session.passagesChanged.emit(article.id)
    orphans = [p for p in session.project.annotations.query() if p.is_orphan]
    assert [p.exact for p in orphans] == [ORPHAN_QUOTE]
    return orphans[0]


def row_center(panel: AnnotationsPanel, row: int, column: Column = Column.QUOTE):
    return panel.table.visualRect(panel.table.model().index(row, column)).center()


# -- models ------------------------------------------------------------------------------
def test_table_model_passes_the_model_tester(qtmodeltester, session: ProjectSession) -> None:
    model = PassageTableModel(session)
    qtmodeltester.check(model, force_py=True)  # and it keeps checking the changes below
    assert model.rowCount() == 6
    assert model.headerData(Column.TAGS, Qt.Orientation.Horizontal) == "Tags"
    model.sort(Column.NOTE, Qt.SortOrder.DescendingOrder)
    passage = model.passage(2)
    session.set_passage_note(passage.id, "")
    session.delete_passage(passage.id)
    session.restore_passage(passage)
    session.update_tag(tag_id(session, "Trade"), name="Commerce")
    model.sort(-1)
    assert model.rowCount() == 6
    notes = [model.passage(r).note for r in range(6)]
    assert notes != sorted(notes, reverse=True)  # back in article and text order


def test_filtered_model_passes_the_model_tester(qtmodeltester, session: ProjectSession) -> None:
    model = PassageTableModel(session)
    model.set_filter(PassageFilter(tag_id=tag_id(session, "Diplomacy")))
    model.sort(Column.QUOTE)
    qtmodeltester.check(model, force_py=True)  # and it keeps checking the changes below
    assert model.rowCount() == 3
    quotes = [model.passage(r).exact.casefold() for r in range(3)]
    assert quotes == sorted(quotes)
    hidden = next(p for p in session.project.annotations.query() if model.row_of(p.id) < 0)
    session.set_passage_tags(hidden.id, [tag_id(session, "Diplomacy")])  # comes into view
    assert model.rowCount() == 4
    assert model.row_of(hidden.id) >= 0
    session.set_passage_tags(hidden.id, [tag_id(session, "Evidence")])  # and goes again
    assert model.rowCount() == 3
    assert model.find(hidden.id) is not None  # hidden, still known
    evidence = {p.id for p in session.project.annotations.query(tag_id=tag_id(session, "Evidence"))}
    assert not evidence <= {model.passage(r).id for r in range(model.rowCount())}
    session.move_tag(tag_id(session, "Evidence"), tag_id(session, "Diplomacy"))  # a sub-tag now
    assert {model.passage(r).id for r in range(model.rowCount())} >= evidence
    model.set_filter(PassageFilter())
    assert model.rowCount() == 6


def test_model_shows_tags_quote_note_and_roles(session: ProjectSession) -> None:
    model = PassageTableModel(session)
    first = next(r for r in range(6) if model.passage(r).exact.startswith("The bilateral"))
    passage = model.passage(first)
    assert model.index(first, Column.TAGS).data() == "Economy/Trade, Evidence"
    icon = model.index(first, Column.TAGS).data(Qt.ItemDataRole.DecorationRole)
    assert icon.pixmap(14, 14).toImage().pixelColor(7, 7).name().upper() == "#F7A85C"
    assert model.index(first, Column.NOTE).data().startswith("Headline trade figure. Check")
    assert "<em>Check</em>" in model.index(first, Column.NOTE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(first, Column.CODER).data() == "Diptych sample"
    assert model.index(first, 0).data(PASSAGE_ID_ROLE) == passage.id
    assert model.index(first, 0).data(ARTICLE_ID_ROLE) == passage.article_id
    assert model.index(first, Column.QUOTE).data(SORT_ROLE) == passage.exact.casefold()


def test_model_updates_one_article_with_row_signals_not_a_reset(
    qtbot, session: ProjectSession
) -> None:
    model = PassageTableModel(session)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    row = model.rowCount() - 1
    passage = model.passage(row)
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        session.delete_passage(passage.id)
    assert removed.args[1:] == [row, row]
    assert model.rowCount() == 5
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        session.restore_passage(passage)
    assert inserted.args[1:] == [row, row]
    with qtbot.waitSignal(model.dataChanged) as changed:
        session.set_passage_note(passage.id, "A new *note*")
    assert changed.args[0].row() == row
    assert model.index(row, Column.NOTE).data() == "A new note"
    assert resets == []


def test_model_follows_tag_renames(session: ProjectSession) -> None:
    model = PassageTableModel(session)
    session.update_tag(tag_id(session, "Economy"), name="Economics")
    assert "Economics/Trade, Evidence" in {model.index(r, Column.TAGS).data() for r in range(6)}


# -- filters -----------------------------------------------------------------------------
def test_tag_filter_includes_sub_tags(panel: AnnotationsPanel, session: ProjectSession) -> None:
    panel.set_tag_filter(tag_id(session, "Economy"))
    assert panel.tag_combo.currentText().strip() == "Economy"
    assert [p.exact[:13] for p in shown(panel)] == ["The bilateral"]  # tagged Trade only
    panel.set_tag_filter(tag_id(session, "Diplomacy"))
    assert len(shown(panel)) == 3  # Diplomacy itself, and Summitry twice
    panel.set_tag_filter(None)
    assert len(shown(panel)) == 6


def test_a_tag_filter_follows_the_codebook_when_tags_are_nested(
    panel: AnnotationsPanel, session: ProjectSession
) -> None:
    panel.set_tag_filter(tag_id(session, "Economy"))
    assert len(shown(panel)) == 1
    session.move_tag(tag_id(session, "Security"), tag_id(session, "Economy"))
    assert len(shown(panel)) == 3  # Security's two passages are now under Economy
    session.move_tag(tag_id(session, "Security"), None)
    assert len(shown(panel)) == 1


def test_tag_combo_lists_the_codebook_in_tree_order(panel: AnnotationsPanel) -> None:
    combo = panel.tag_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[:4] == ["All tags", "Economy", "Trade", "Security"]
    assert [combo.itemData(i, DEPTH_ROLE) for i in range(4)] == [0, 0, 1, 0]
    assert not combo.itemIcon(1).isNull()


def test_names_that_look_like_markup_stay_text_in_tooltips(
    panel: AnnotationsPanel, session: ProjectSession
) -> None:
    session.add_tag(name="<img src=x onerror=alert(1)>")
    combo = panel.tag_combo
    position = combo.findText("<img src=x onerror=alert(1)>")
    assert position > 0
    assert "&lt;img" in combo.itemData(position, Qt.ItemDataRole.ToolTipRole)


def test_typing_in_the_search_field_filters_quote_and_note(qtbot, panel: AnnotationsPanel) -> None:
    qtbot.keyClicks(panel.search, "MISSILES")
    assert shown_quotes(panel) == {
        "Just hours before the summit, North Korea launched a series of ballistic missiles"
    }
    panel.search.clear()
    qtbot.keyClicks(panel.search, "coined")  # only in a note
    assert shown_quotes(panel) == {ORPHAN_QUOTE}


def test_coder_and_article_filters(qtbot, panel: AnnotationsPanel, session: ProjectSession) -> None:
    article = session.project.articles.all()[1]
    session.add_passage(article_id=article.id, start=0, end=5, tag_ids=[])
    assert panel.coder_combo.findText("Tester") > 0
    panel.coder_combo.setCurrentIndex(panel.coder_combo.findText("Tester"))
    assert [p.coder for p in shown(panel)] == ["Tester"]
    panel.coder_combo.setCurrentIndex(0)
    panel.article_combo.setCurrentIndex(panel.article_combo.findData(article.id))
    assert {p.article_id for p in shown(panel)} == {article.id}
    assert len(shown(panel)) == 4


def test_the_chosen_article_stays_chosen_through_renames_and_goes_when_removed(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    first, second = session.project.articles.all()[:2]
    combo = panel.article_combo
    combo.setCurrentIndex(combo.findData(second.id))
    session.rename_article(first.id, "A <b>bold</b> new title")  # the list is refilled
    assert combo.currentData() == second.id and combo.currentText() == second.title
    assert {p.article_id for p in shown(panel)} == {second.id}
    renamed = combo.findData(first.id)
    assert combo.itemText(renamed) == "A <b>bold</b> new title"
    assert "&lt;b&gt;" in combo.itemData(renamed, Qt.ItemDataRole.ToolTipRole)
    session.rename_article(second.id, "Chosen, renamed")
    assert combo.currentData() == second.id and combo.currentText() == "Chosen, renamed"

    session.remove_article(second.id)
    assert combo.currentIndex() == 0 and combo.currentText() == "All articles"
    assert {p.article_id for p in shown(panel)} == {first.id}
    assert combo.findData(second.id) < 0


# -- orphans -----------------------------------------------------------------------------
def test_orphans_are_listed_apart_and_never_deleted(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    orphan = make_orphan(session)
    assert ORPHAN_QUOTE not in shown_quotes(panel)
    assert panel.tabs.tabText(ORPHANS_TAB) == "Orphans (1)"
    assert not panel.orphan_hint.isVisible()
    qtbot.mouseClick(panel.tabs, Qt.MouseButton.LeftButton, pos=panel.tabs.tabRect(1).center())
    assert panel.tabs.currentIndex() == ORPHANS_TAB
    assert shown_quotes(panel) == {ORPHAN_QUOTE}
    assert panel.orphan_hint.isVisible()
    editor = PassageEditor(session, panel)  # the Passage panel, whose button the hint names
    button = editor.reattach_button.text()
    assert f"“{button}”" in panel.orphan_hint.text()  # named as the button reads
    assert session.project.annotations.get(annotation_id=orphan.id).note == orphan.note


def test_the_orphans_list_is_reached_with_tab_and_its_one_row_chosen_with_space(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    orphan = make_orphan(session)
    chosen: list[int] = []
    panel.passageSelected.connect(chosen.append)
    panel.tabs.setFocus()
    qtbot.waitUntil(panel.tabs.hasFocus)
    qtbot.keyClick(panel.tabs, Qt.Key.Key_Right)  # the Orphans tab
    assert panel.tabs.currentIndex() == ORPHANS_TAB
    qtbot.keyClick(panel.tabs, Qt.Key.Key_Tab)
    assert panel.table.hasFocus()  # not a hidden scroll arrow, nor the next panel
    assert all(
        not arrow.focusPolicy() & Qt.FocusPolicy.TabFocus
        for arrow in panel.tabs.findChildren(QToolButton)
    )
    panel.table.setCurrentIndex(panel.table.model().index(0, 0))  # framed, as on arrival
    assert chosen == []
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # one row: no arrow steps onto it
    assert chosen == [orphan.id]
    assert "press Enter on it" in panel.orphan_hint.text()

    panel.tabs.setFocus()  # reached by Tab, not switched: Tab goes on out of the panel's
    qtbot.waitUntil(panel.tabs.hasFocus)  # lists (back to the list would be a loop)
    qtbot.keyClick(panel.tabs, Qt.Key.Key_Tab)
    assert not panel.table.hasFocus()


def test_select_passage_switches_to_the_orphans_tab(
    panel: AnnotationsPanel, session: ProjectSession
) -> None:
    orphan = make_orphan(session)
    assert panel.select_passage(orphan.id)
    assert panel.tabs.currentIndex() == ORPHANS_TAB
    assert panel.current_passage() == orphan.id
    anchored = next(p for p in session.project.annotations.query() if not p.is_orphan)
    assert panel.select_passage(anchored.id)
    assert panel.tabs.currentIndex() == PASSAGES_TAB
    assert panel.current_passage() == anchored.id
    assert panel.table.selectionModel().isRowSelected(panel.table.currentIndex().row())
    assert not panel.select_passage(9999)


def test_select_passage_keeps_the_users_filters(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    qtbot.keyClicks(panel.search, "summit")
    hidden = next(p for p in session.project.annotations.query() if "summit" not in p.exact)
    assert not panel.select_passage(hidden.id)
    assert panel.search.text() == "summit"
    assert panel.current_passage() is None
    assert not panel.table.selectionModel().hasSelection()


# -- activation, selection and deletion --------------------------------------------------
def test_clicking_a_row_shows_its_passage(qtbot, panel: AnnotationsPanel) -> None:
    """A click shows the passage, the keyboard staying in the list; a double-click goes to
    it, as Enter does."""
    expected = shown(panel)[2]
    with qtbot.waitSignal(panel.passageShown) as clicked:
        qtbot.mouseClick(
            panel.table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(panel, 2)
        )
    assert clicked.args == [expected.id, expected.article_id]
    with qtbot.waitSignal(panel.passageActivated) as activated:
        qtbot.mouseDClick(
            panel.table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(panel, 2)
        )
    assert activated.args == [expected.id, expected.article_id]


def test_enter_activates_and_arrows_select(qtbot, panel: AnnotationsPanel) -> None:
    rows = shown(panel)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.table.model().index(0, 0))
    with qtbot.waitSignal(panel.passageSelected) as selected:
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert selected.args == [rows[1].id]
    with qtbot.waitSignal(panel.passageActivated) as activated:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert activated.args == [rows[1].id, rows[1].article_id]


def test_delete_key_deletes_and_undo_restores(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    victim = shown(panel)[1]
    infos: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: infos.append(text))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(panel, 1))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert victim.id not in {p.id for p in session.project.annotations.query()}
    assert victim.exact not in shown_quotes(panel)
    assert infos == ["Passage deleted — Ctrl+Z to undo"]
    session.undo_stack.undo()
    assert session.project.annotations.get(annotation_id=victim.id).tag_ids == victim.tag_ids
    assert victim.exact in shown_quotes(panel)


def test_delete_key_moves_on_to_the_next_row_and_selects_it(qtbot, panel: AnnotationsPanel) -> None:
    rows = shown(panel)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(panel, 1))
    with qtbot.waitSignal(panel.passageSelected) as selected:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert selected.args == [rows[2].id]
    assert panel.current_passage() == rows[2].id


def test_rows_going_away_select_no_other_passage(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    rows = shown(panel)
    selections: list[int] = []
    panel.passageSelected.connect(selections.append)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(panel, 1))
    assert selections == [rows[1].id]

    # A passage removed by the program (here an undo): the row below becomes current in Qt,
    # but nobody chose it.
    perform(session, DeletePassage(session, rows[1].id))
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert selections == [rows[1].id]
    assert panel.current_passage() is None
    assert not panel.table.selectionModel().hasSelection()

    # The chosen row filtered out, then shown again: nothing else is chosen meanwhile.
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(panel, 0))
    qtbot.keyClicks(panel.search, "no passage says this")
    panel.search.clear()
    assert selections == [rows[1].id, rows[0].id]
    assert panel.current_passage() == rows[0].id


def click_header(qtbot, panel: AnnotationsPanel, column: Column) -> None:
    header = panel.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_table_is_sortable_by_clicking_a_header(qtbot, panel: AnnotationsPanel) -> None:
    natural = [p.id for p in shown(panel)]
    click_header(qtbot, panel, Column.QUOTE)
    first = [p.exact.casefold() for p in shown(panel)]
    assert first in (sorted(first), sorted(first, reverse=True))
    assert [p.id for p in shown(panel)] != natural
    click_header(qtbot, panel, Column.QUOTE)
    assert [p.exact.casefold() for p in shown(panel)] == list(reversed(first))


def test_sorted_rows_stay_sorted_and_selected_as_passages_change(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    panel.table.sortByColumn(Column.NOTE, Qt.SortOrder.AscendingOrder)
    target = shown(panel)[0]
    panel.select_passage(target.id)
    perform(session, SetPassageNote(session, target.id, "zzz last"))
    assert shown(panel)[-1].id == target.id  # moved to its new place...
    assert panel.current_passage() == target.id  # ...and still the selected row
    article = session.project.articles.all()[0]
    added = session.add_passage(article_id=article.id, start=0, end=4, tag_ids=[], note="mmm")
    notes = [p.note.casefold() for p in shown(panel)]
    assert notes == sorted(notes)
    assert added.id in {p.id for p in shown(panel)}


def test_selection_survives_a_note_edit(panel: AnnotationsPanel, session: ProjectSession) -> None:
    target = shown(panel)[3]
    panel.select_passage(target.id)
    perform(session, SetPassageNote(session, target.id, "Edited while selected"))
    perform(session, SetPassageTags(session, target.id, [tag_id(session, "Evidence")]))
    assert panel.current_passage() == target.id
    assert panel.table.currentIndex() != QModelIndex()


def test_filter_model_orphan_switch(session: ProjectSession) -> None:
    make_orphan(session)
    model = PassageTableModel(session)
    assert model.rowCount() == 6
    model.set_filter(PassageFilter(orphans=OrphanFilter.ORPHANS))
    assert model.rowCount() == 1
    model.set_filter(PassageFilter(orphans=OrphanFilter.ANCHORED))
    assert model.rowCount() == 5
    assert model.orphan_count() == 1  # counts the project's orphans, shown or not


def test_counts_and_coders_follow_every_change(qtbot, panel: AnnotationsPanel, session) -> None:
    def stored() -> tuple[int, list[str]]:
        passages = session.project.annotations.query()
        names = sorted({p.coder for p in passages if p.coder}, key=str.casefold)
        return sum(p.is_orphan for p in passages), names

    article = session.project.articles.all()[1]
    added = session.add_passage(article_id=article.id, start=0, end=5, tag_ids=[])
    assert (panel.model.orphan_count(), panel.model.coders()) == stored()
    assert panel.coder_combo.findText("Tester") > 0
    make_orphan(session)
    assert (panel.model.orphan_count(), panel.model.coders()) == stored() != (0, [])
    assert panel.tabs.tabText(ORPHANS_TAB) == "Orphans (1)"
    session.delete_passage(added.id)  # the only passage "Tester" coded
    assert (panel.model.orphan_count(), panel.model.coders()) == stored()
    assert panel.coder_combo.findText("Tester") < 0
    session.restore_passage(added)
    assert panel.coder_combo.findText("Tester") > 0
    removal = session.remove_article(article.id)
    assert (panel.model.orphan_count(), panel.model.coders()) == stored() == (0, stored()[1])
    session.restore_article(removal)
    assert (panel.model.orphan_count(), panel.model.coders()) == stored()
    assert panel.tabs.tabText(ORPHANS_TAB) == "Orphans (1)"


def test_renaming_an_article_keeps_the_selected_row_and_shows_the_new_title(
    qtbot, panel: AnnotationsPanel, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = shown(panel)[4]
    panel.select_passage(target.id)
    with monkeypatch.context() as patch:
        patch.setattr(session.project.annotations, "query", None)  # reading them would fail
        session.rename_article(target.article_id, "Renamed article")
    assert panel.current_passage() == target.id
    row = panel.table.currentIndex().row()
    assert panel.model.index(row, Column.ARTICLE).data() == "Renamed article"


def test_a_renamed_tag_is_shown_in_the_tags_column(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    row = next(r for r, p in enumerate(shown(panel)) if p.exact.startswith("The bilateral"))
    cell = panel.model.index(row, Column.TAGS)
    assert cell.data() == "Economy/Trade, Evidence"
    repainted: list[tuple[int, int]] = []
    panel.model.dataChanged.connect(lambda a, b: repainted.append((a.column(), b.column())))
    session.update_tag(tag_id(session, "Trade"), name="Commerce")
    assert cell.data() == "Economy/Commerce, Evidence"
    assert repainted == [(Column.TAGS, Column.TAGS)]  # the tags column, nothing else


@pytest.mark.parametrize("change", ["move", "delete"])
def test_a_sub_tag_leaving_the_filtered_tag_while_sorted_by_tags(
    qtbot, panel: AnnotationsPanel, session: ProjectSession, change: str
) -> None:
    """The rows follow the codebook in one reset, the selected row included."""
    panel.set_tag_filter(tag_id(session, "Diplomacy"))  # with its sub-tag Summitry
    panel.table.sortByColumn(Column.TAGS, Qt.SortOrder.AscendingOrder)
    summitry = tag_id(session, "Summitry")
    only_below = [p for p in shown(panel) if tag_id(session, "Diplomacy") not in p.tag_ids]
    assert only_below and all(summitry in p.tag_ids for p in only_below)
    panel.select_passage(only_below[0].id)
    if change == "move":
        session.move_tag(summitry, None)  # no longer under Diplomacy
    else:
        session.delete_tag(summitry)
    assert {p.id for p in only_below}.isdisjoint(p.id for p in shown(panel))
    tags = [panel.model.index(r, Column.TAGS).data().casefold() for r in range(len(shown(panel)))]
    assert tags == sorted(tags)
    assert panel.current_passage() is None  # the chosen passage is filtered out now


@pytest.mark.parametrize(
    ("column", "order", "shown"),
    [
        (-1, Qt.SortOrder.AscendingOrder, PassageFilter()),
        (Column.NOTE, Qt.SortOrder.DescendingOrder, PassageFilter(text="the")),
        (Column.TAGS, Qt.SortOrder.AscendingOrder, PassageFilter(orphans=OrphanFilter.ANCHORED)),
        (Column.UPDATED, Qt.SortOrder.DescendingOrder, PassageFilter(coder="Tester")),
    ],
)
def test_rows_followed_one_change_at_a_time_are_the_rows_read_afresh(
    session: ProjectSession, column: int, order: Qt.SortOrder, shown: PassageFilter
) -> None:
    model = PassageTableModel(session, shown)
    model.sort(column, order)
    articles = [a.id for a in session.project.articles.all()]
    evidence, trade = tag_id(session, "Evidence"), tag_id(session, "Trade")

    def afresh() -> list[int]:
        oracle = PassageTableModel(session, shown)
        oracle.sort(column, order)
        ids = [oracle.passage(r).id for r in range(oracle.rowCount())]
        oracle.deleteLater()
        return ids

    def check() -> None:
        assert [model.passage(r).id for r in range(model.rowCount())] == afresh()
        assert all(model.row_of(model.passage(r).id) == r for r in range(model.rowCount()))

    added = [
        session.add_passage(article_id=articles[n % 2], start=40 * n, end=40 * n + 12,
                            tag_ids=[evidence], note=f"the note {n}")
        for n in range(4)
    ]  # fmt: skip
    check()
    for n, passage in enumerate(added):
        session.set_passage_note(passage.id, f"{'zz' if n % 2 else 'aa'} the note")
        check()
        session.set_passage_tags(passage.id, [trade] if n % 2 else [evidence, trade])
        check()
    session.delete_passage(added[1].id)
    check()
    session.restore_passage(added[1])
    check()
    first = session.project.annotations.query()[0]
    session.set_passage_note(first.id, "")
    check()


def test_the_orphans_tab_counts_the_orphans_the_filters_leave(
    qtbot, panel: AnnotationsPanel, session: ProjectSession
) -> None:
    """Under a filter, the Orphans tab says how many of its orphans match, as its hint
    does: "(3)" with one matching sent the analyst looking for two that were not there."""
    make_orphan(session)
    assert panel.tabs.tabText(ORPHANS_TAB) == "Orphans (1)"
    qtbot.keyClicks(panel.search, "no such words anywhere")
    qtbot.waitUntil(lambda: panel.tabs.tabText(ORPHANS_TAB) == "Orphans (0 of 1)")
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.tabs.tabText(ORPHANS_TAB) == "Orphans (1)")
    panel.tabs.setCurrentIndex(ORPHANS_TAB)
    qtbot.keyClicks(panel.search, ORPHAN_QUOTE.split()[0])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.tabs.tabText(ORPHANS_TAB) == "Orphans (1)"  # all of them match
    panel.search.clear()
    qtbot.keyClicks(panel.search, "no such words anywhere")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.tabs.tabText(ORPHANS_TAB) == "Orphans (0 of 1)"
