"""The Passages panel in a short or narrow dock: filters stacked, hints wrapped, and none
of them drawn over another or over the table (the panel scrolls instead)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from diptych.gui.annotations_panel import ORPHANS_TAB, PASSAGES_TAB, AnnotationsPanel
from diptych.gui.session import ProjectSession


def placed(panel: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(panel, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("tab", [PASSAGES_TAB, ORPHANS_TAB])
@pytest.mark.parametrize(("width", "height"), [(200, 160), (160, 300), (300, 120)])
def test_no_part_of_the_passages_panel_overlaps_another(
    qtbot, session: ProjectSession, width: int, height: int, tab: int
) -> None:
    panel = AnnotationsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    panel.tabs.setCurrentIndex(tab)
    parts = [
        panel.search,
        panel.tag_combo,
        panel.article_combo,
        panel.coder_combo,
        panel.tabs,
        panel.orphan_hint,
        panel.table,
    ]

    hint = panel.orphan_hint

    def laid_out() -> None:
        rects = [placed(panel, part) for part in parts if part.isVisible()]
        for i, one in enumerate(rects):
            for other in rects[i + 1 :]:
                assert not one.intersects(other), (one, other)
        if hint.isVisible():  # every line of the hint shows
            assert hint.height() >= hint.heightForWidth(hint.width())

    qtbot.waitUntil(laid_out)
    # It scrolls rather than ask for more than its share of a small screen.
    screen = panel.screen().availableGeometry().height()
    assert panel.minimumSizeHint().height() <= screen * 0.3 + 2
    assert panel.table.height() >= 3 * panel.table.verticalHeader().defaultSectionSize()
