"""The passage table's tag column: a colour swatch for each tag, and how a narrow cell
cuts its tags' paths (their own names kept)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from diptych.gui.passage_cells import TAG_COLORS_ROLE, TAG_PATHS_ROLE

ELLIPSIS = "…"
SWATCH = 12  # a tag's swatch, as high as the Codebook's (pixels)
NARROW_SWATCH = 5  # each swatch's width when a passage has several: two as wide as one
SWATCH_GAP = 2  # between two swatches, and before "+N"
TEXT_GAP = 4  # between the swatches and the names
SWATCH_SHARE = 0.5  # of a cell's width the swatches may take: the names keep the rest


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


@dataclass(frozen=True, slots=True)
class Swatches:
    """How a tag cell shows its tags' colours, left of their names.

    Attributes:
        shown: how many swatches are drawn (those of the first tags, in codebook order).
        each: the width of each swatch, in pixels.
        more: what is said of the tags without a swatch after them ("+2"), if any.
        width: the pixels the swatches and ``more`` take in all.
    """

    shown: int = 0
    each: int = 0
    more: str = ""
    width: int = 0


def fit_swatches(count: int, room: int, metrics: QFontMetrics) -> Swatches:
    """A swatch for each of ``count`` tags in a cell ``room`` pixels wide: as many as fit in
    :data:`SWATCH_SHARE` of it (the names keep the rest), the others said as "+N"; at
    least one swatch. One tag has a square swatch, as in the Codebook; several have
    narrower ones, side by side, so that two take the room of one."""
    if count <= 0:
        return Swatches()
    each = SWATCH if count == 1 else NARROW_SWATCH
    limit = int(room * SWATCH_SHARE)

    def row(shown: int) -> int:
        return shown * each + (shown - 1) * SWATCH_GAP

    if count == 1 or row(count) <= limit:
        return Swatches(count, each, "", row(count))
    shown = count - 1
    while shown > 1 and row(shown) + SWATCH_GAP + _advance(metrics, count - shown) > limit:
        shown -= 1
    width = row(shown) + SWATCH_GAP + _advance(metrics, count - shown)
    return Swatches(shown, each, f"+{count - shown}", width)


def _advance(metrics: QFontMetrics, left_out: int) -> int:
    return metrics.horizontalAdvance(f"+{left_out}")


class TagCellDelegate(QStyledItemDelegate):
    """Draws the tag column: a swatch for each tag (see :func:`fit_swatches`; the style
    draws one icon, that of the first tag, and a passage's other tags did not show at a
    glance), then the tag paths cut in their parents (see :func:`elide_tag_paths`) rather
    than at their end, where the tags' own names are."""

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
        colors: list[str] = index.data(TAG_COLORS_ROLE) or []
        paths: list[str] = index.data(TAG_PATHS_ROLE) or []
        item.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        item.icon = QIcon()
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        # Qt keeps this margin on either side of a cell's text (and icon).
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        room = item.rect.adjusted(margin, 0, -margin, 0)
        swatches = fit_swatches(len(colors), room.width(), item.fontMetrics)
        painter.save()
        self._draw_swatches(painter, room, colors[: swatches.shown], swatches.each)
        painter.setFont(item.font)
        painter.setPen(_text_color(item))
        align = int(item.displayAlignment) | int(Qt.TextFlag.TextSingleLine)
        if swatches.more:  # after the swatches and a gap
            more = room.adjusted(swatches.shown * (swatches.each + SWATCH_GAP), 0, 0, 0)
            painter.drawText(more, align, swatches.more)
        text = room.adjusted(swatches.width + TEXT_GAP if swatches.width else 0, 0, 0, 0)
        if paths and text.width() > 0:
            names = elide_tag_paths(paths, item.fontMetrics, text.width())
            # cut at the end as the style cuts any cell's text, if still too long (one name)
            names = item.fontMetrics.elidedText(names, Qt.TextElideMode.ElideRight, text.width())
            painter.drawText(text, align, names)
        painter.restore()

    @staticmethod
    def _draw_swatches(painter: QPainter, room: QRect, colors: Sequence[str], each: int) -> None:
        """Draw a swatch of each of ``colors`` from the left of ``room``, as the Codebook's
        are drawn (see :func:`~diptych.gui.tag_colors.color_icon`)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = room.top() + (room.height() - SWATCH) // 2
        for number, color in enumerate(colors):
            left = room.left() + number * (each + SWATCH_GAP)
            painter.setBrush(QColor(color))
            painter.setPen(QColor(color).darker(140))
            painter.drawRoundedRect(QRectF(left + 0.5, top + 0.5, each - 1, SWATCH - 1), 2, 2)


def _text_color(item: QStyleOptionViewItem) -> QColor:
    """The colour Qt draws the text of ``item``'s cell in (selected or not, with focus or
    not)."""
    state = item.state
    group = QPalette.ColorGroup.Normal
    if not state & QStyle.StateFlag.State_Enabled:
        group = QPalette.ColorGroup.Disabled
    elif not state & QStyle.StateFlag.State_Active:
        group = QPalette.ColorGroup.Inactive
    selected = bool(state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return item.palette.color(group, role)
