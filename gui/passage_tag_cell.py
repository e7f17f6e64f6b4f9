"""The passage table's tag column: how a narrow cell cuts its tags' paths (their own
names kept)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from diptych.gui.passage_cells import TAG_PATHS_ROLE

ELLIPSIS = "…"


def elide_tag_paths(paths: Sequence[str], metrics: QFontMetrics, width: int) -> str:
    """A passage's tag paths as a cell ``width`` pixels wide shows them: whole if they fit;
    else each tag's parents are cut short ("Sec…/Defence", down to "…/Defence"), so that
    "Security/Defence" and "Security/Trade" do not both read "Security…". Where even
    "…/Trade" does not fit, the parents are left out and each tag's own name is cut at its
    end ("Tra…"), never down to a bare "…/"."""
    whole = ", ".join(paths)
    if metrics.horizontalAdvance(whole) <= width:
        return whole
    split = [path.rpartition("/") for path in paths]  # parents, "/", name
    nested = sum(1 for parents, _slash, _name in split if parents)
    if not nested:
        return whole
    names = ", ".join(f"{slash}{name}" for _parents, slash, name in split)
    spare = max(0, (width - metrics.horizontalAdvance(names)) // nested)
    shown = []
    for parents, slash, name in split:
        if parents:
            parents = metrics.elidedText(parents, Qt.TextElideMode.ElideRight, spare) or ELLIPSIS
        shown.append(f"{parents}{slash}{name}")
    if metrics.horizontalAdvance(", ".join(shown)) <= width:
        return ", ".join(shown)
    return _cut_at_right(shown, [name for _parents, _slash, name in split], metrics, width)


def _cut_at_right(
    shown: Sequence[str], names: Sequence[str], metrics: QFontMetrics, width: int
) -> str:
    """The tags that fit, then the names of the others from the start of the first ("Tra…"):
    cut at the right as any cell is, but never down to a bare "…/" of a tag's parents."""
    kept: list[str] = []
    for number, text in enumerate(shown):
        if metrics.horizontalAdvance(", ".join([*kept, text])) <= width:
            kept.append(text)
            continue
        rest = ", ".join(names[number:])  # the names alone from here on, cut at their end
        room = width - metrics.horizontalAdvance(", ".join([*kept, ""]))
        cut = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)
        if not cut or cut == ELLIPSIS:  # at least the name's first letter
            cut = rest[:1] + ELLIPSIS
        kept.append(cut)
        break
    return ", ".join(kept)


class TagCellDelegate(QStyledItemDelegate):
    """Draws the tag column: tag paths cut in their parents (see :func:`elide_tag_paths`)
    rather than at their end, where the tags' own names are."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        paths = index.data(TAG_PATHS_ROLE)
        if paths:
            item.text = self.shown_text(item, paths)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)

    @staticmethod
    def shown_text(item: QStyleOptionViewItem, paths: Sequence[str]) -> str:
        """The text the cell of ``item`` (its rect, font and icon set) shows of ``paths``."""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        # Qt draws the text inside this margin on either side of the text's rect.
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        return elide_tag_paths(paths, item.fontMetrics, text_rect.width() - 2 * margin)
