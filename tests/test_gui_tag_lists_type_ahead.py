"""The Passages panel's tag filter and the export's Tags list find a sub-tag by the first
letters of its name, as any list does, and a sub-tag chosen in the filter shows its name
in the closed box and its path in the tooltip: the names were indented with spaces, which
typing never matched and which took the narrow box's room."""

from __future__ import annotations

from gui_support import open_export_dialog
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def type_in(qtbot: QtBot, widget: QComboBox | QListWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a new search (after the type-ahead's interval)."""
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClicks(widget, text)


def test_typing_a_sub_tags_name_in_the_passages_tag_filter_chooses_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    combo = window.passages.tag_combo
    for typed, chosen in (("Summ", "Summitry"), ("Trade", "Trade"), ("Sec", "Security")):
        combo.setCurrentIndex(0)
        type_in(qtbot, combo, typed)
        assert combo.currentText() == chosen
        assert window.session.codebook()[combo.currentData()].name == chosen


def test_a_sub_tag_chosen_shows_its_name_in_the_box_and_its_path_in_the_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    economy, security = (
        session.codebook().find("Economy")[0],
        session.codebook().find("Security")[0],
    )
    session.add_tag(name="Other", parent_id=economy.id)
    other = session.add_tag(name="Other", parent_id=security.id)
    combo = window.passages.tag_combo
    combo.setCurrentIndex(combo.findData(other.id))
    assert combo.currentText() == "Other"
    assert "Chosen: Security/Other" in combo.toolTip()
    session.update_tag(security.id, name="Safety")  # the path said follows a rename
    assert "Chosen: Safety/Other" in combo.toolTip()
    combo.setCurrentIndex(0)
    assert "Chosen" not in combo.toolTip()


def test_the_open_tag_filter_draws_a_sub_tag_under_its_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    combo = window.passages.tag_combo
    view = combo.view()
    economy = combo.model().index(
        combo.findData(window.session.codebook().find("Economy")[0].id), 0
    )
    trade = combo.model().index(combo.findData(window.session.codebook().find("Trade")[0].id), 0)

    def drawn_from(index: object) -> int:
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(economy)  # the same row box for both
        view.itemDelegate().initStyleOption(option, trade if index is trade else economy)
        return option.rect.left()

    step = view.fontMetrics().horizontalAdvance("    ")
    assert drawn_from(trade) == drawn_from(economy) + step


def test_typing_a_sub_tags_name_in_the_exports_tags_list_finds_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_export_dialog(qtbot, window)
    tags = dialog.tags
    for typed, found in (("Summ", "Summitry"), ("Trade", "Trade"), ("Sec", "Security")):
        tags.setCurrentRow(0)
        type_in(qtbot, tags, typed)
        assert tags.currentItem().text() == found
    assert "Economy/Trade" in tags.item(1).toolTip()
    dialog.reject()
