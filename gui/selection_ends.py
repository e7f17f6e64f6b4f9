"""Where a passage made of selected text starts and ends.

Selecting with the keyboard takes in more than the words meant: Ctrl+Shift+Right a word
with the space after it, Shift+Down a paragraph with its line break, and a word followed
by a bracket stops after the bracket ("Economic Cooperation (" before "APEC)"). The
passage's quote, highlight and exports would carry them, so they are left out. A selection
of nothing but spaces and line breaks makes no passage.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diptych.gui.article_pane import ArticlePane

OPENING = "Ps"  # an opening bracket: ( [ { and their kin
CLOSING = "Pe"  # a closing bracket: ) ] } and their kin


def passage_ends(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` of ``text`` without the spaces and line breaks at its ends, nor
    an opening bracket left dangling at its end or a closing one at its start (with the
    spaces beside them). Quotation marks stay: the same mark opens a quote in one
    language and closes it in another. A selection of nothing but these is kept whole
    but for its spaces, so that what was selected is what is refused or tagged.
    """
    start, end = _without_spaces(text, start, end)
    trimmed_start, trimmed_end = start, end
    while trimmed_end > trimmed_start and _category(text[trimmed_end - 1]) == OPENING:
        trimmed_start, trimmed_end = _without_spaces(text, trimmed_start, trimmed_end - 1)
    while trimmed_start < trimmed_end and _category(text[trimmed_start]) == CLOSING:
        trimmed_start, trimmed_end = _without_spaces(text, trimmed_start + 1, trimmed_end)
    if trimmed_end > trimmed_start:
        return trimmed_start, trimmed_end
    return start, end


def selected_words(pane: ArticlePane) -> tuple[int, int] | None:
    """The text selected in ``pane`` (display-text code points) as a passage takes it:
    without the spaces, line breaks and dangling brackets at its ends that selecting with
    the keyboard takes in (see :func:`passage_ends`)."""
    selection = pane.selection()
    rendering = pane.loader.current
    if selection is None or rendering is None:
        return selection
    start, end = passage_ends(rendering.builder.content.text, *selection)
    return (start, end) if end > start else selection


def blank_selection(pane: ArticlePane) -> bool:
    """True if the text selected in ``pane`` is only spaces and line breaks (a line break
    taken with Shift and an arrow, a space double-clicked): no passage can be made of it."""
    selection = pane.selection()
    rendering = pane.loader.current
    if selection is None or rendering is None:
        return False
    start, end = selection
    return rendering.builder.content.text[start:end].isspace()


def _without_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _category(character: str) -> str:
    return unicodedata.category(character)
