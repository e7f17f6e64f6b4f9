"""Text copied from an article keeps its lists' bullets and numbers, as the pane draws them
and the exports quote them: Qt's own plain text of a selection drops them (a numbered list
pasted into a text editor had no numbers) and began a selection taken from the start of a
list item with an empty line."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument, QTextListFormat

from diptych.storage.item_markers import BULLET

_INDENT = "    "
_BULLETS = frozenset(
    {
        QTextListFormat.Style.ListDisc,
        QTextListFormat.Style.ListCircle,
        QTextListFormat.Style.ListSquare,
    }
)


def shaped_text(document: QTextDocument, start: int, end: int) -> str | None:
    """The text of ``document`` from ``start`` to ``end`` with each list item taken from its
    start led by its marker ("•", "3.") and indented by its level; None where the selection
    touches no list item (Qt's own text is right there; in a list item, even part of one,
    it begins with a line break)."""
    block = document.findBlock(start)
    lines: list[str] = []
    listed = False
    while block.isValid() and block.position() <= end:
        text = block.text()
        first = max(start, block.position()) - block.position()
        last = min(end, block.position() + block.length() - 1) - block.position()
        # A selection that ends where a block starts (a triple click takes an item with its
        # line end) holds nothing of that block: no marker of an item not selected.
        taken = first == 0 and block.position() < end
        marker = _marker(block) if taken else ""
        listed = listed or block.textList() is not None
        lines.append(marker + text[first:last])
        if block.position() + block.length() > end:
            break
        block = block.next()
    return "\n".join(lines) if listed else None


def _marker(block: QTextBlock) -> str:
    """The marker the pane draws before a list item (with its level's indent), or ""."""
    text_list = block.textList()
    if text_list is None:
        return ""
    list_format = text_list.format()
    indent = _INDENT * max(list_format.indent() - 1, 0)
    if list_format.style() in _BULLETS:
        return f"{indent}{BULLET} "
    return f"{indent}{text_list.itemText(block)} "
