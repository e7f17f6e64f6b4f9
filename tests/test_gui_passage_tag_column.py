"""A narrow tag column cuts a tag's parents, not its own name: "Security/Defence" and
"Security/Trade" both showed as "Security…"; now "Sec…/Defence" or "…/Defence", with
the whole paths in the cell's tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from diptych.gui import passage_tag_cell
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import Column
from diptych.gui.passage_tag_cell import TagCellDelegate, elide_tag_paths


@pytest.fixture
def metrics(qapp: object) -> QFontMetrics:
    return QFontMetrics(QFont())


def test_paths_that_fit_are_shown_whole(metrics: QFontMetrics) -> None:
    paths = ["Security/Defence", "Economy"]
    width = metrics.horizontalAdvance("Security/Defence, Economy")
    assert elide_tag_paths(paths, metrics, width) == "Security/Defence, Economy"


def test_a_narrow_cell_cuts_the_parents_and_keeps_the_name(metrics: QFontMetrics) -> None:
    width = metrics.horizontalAdvance("Security/Defence") - 1
    shown = elide_tag_paths(["Security/Defence"], metrics, width)
    assert shown.endswith("…/Defence")
    assert shown.startswith("S")  # as much of the parent as fits
    assert metrics.horizontalAdvance(shown) <= width


def test_two_sub_tags_of_one_parent_stay_told_apart(metrics: QFontMetrics) -> None:
    width = metrics.horizontalAdvance("…/Defence, …/Trade")
    shown = elide_tag_paths(["Security/Defence", "Security/Trade"], metrics, width)
    assert shown == "…/Defence, …/Trade"


def test_the_deepest_name_is_kept_below_several_parents(metrics: QFontMetrics) -> None:
    shown = elide_tag_paths(["World/Asia/Korea"], metrics, metrics.horizontalAdvance("W…/Korea"))
    assert shown.endswith("/Korea") and "Asia" not in shown


def test_the_passage_table_draws_sub_tags_with_their_names(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = window.passages.table
    model = window.passages.model
    assert isinstance(table.itemDelegateForColumn(Column.TAGS), TagCellDelegate)
    row = next(
        r for r in range(model.rowCount()) if "Economy/Trade" in model.tag_paths(model.passage(r))
    )
    index = model.index(row, Column.TAGS)
    assert "Economy/Trade" in index.data()  # the tooltip and the text keep the whole paths
    assert "Economy/Trade" in index.data(Qt.ItemDataRole.ToolTipRole)
    table.horizontalHeader().resizeSection(Column.TAGS, 80)
    drawn: list[str] = []
    elide = passage_tag_cell.elide_tag_paths

    def drawing(*args: object) -> str:
        drawn.append(elide(*args))  # type: ignore[arg-type]
        return drawn[-1]

    monkeypatch.setattr(passage_tag_cell, "elide_tag_paths", drawing)
    table.scrollTo(index)
    table.viewport().grab()
    assert any("…/Trade" in text and "Economy/Trade" not in text for text in drawn), drawn


def test_a_cell_too_narrow_for_the_cut_path_keeps_the_start_of_the_name(
    metrics: QFontMetrics,
) -> None:
    width = metrics.horizontalAdvance("…/Tra")
    shown = elide_tag_paths(["Economy/Trade", "Diplomacy"], metrics, width)
    assert shown.startswith("Tr") and shown.endswith("…")
    assert "/" not in shown  # no bare "…/" of the parent
    assert metrics.horizontalAdvance(shown) <= width


def test_the_tag_that_does_not_fit_after_others_keeps_the_start_of_its_name(
    metrics: QFontMetrics,
) -> None:
    width = metrics.horizontalAdvance("…/Trade, …/Def")
    shown = elide_tag_paths(["Economy/Trade", "Security/Defence"], metrics, width)
    assert shown.startswith("…/Trade, De") and shown.endswith("…")
    assert metrics.horizontalAdvance(shown) <= width


def test_a_very_narrow_cell_still_shows_the_first_letter_of_the_name(
    metrics: QFontMetrics,
) -> None:
    shown = elide_tag_paths(["Economy/Trade"], metrics, metrics.horizontalAdvance("…/"))
    assert shown == "T…"
