"""What each cell of the passage table shows: its text, tooltip, colour and sort key (the
data of each role); :mod:`~diptych.gui.passage_tag_cell` draws the tag column."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from diptych.gui.note_html import note_to_html, note_to_plain, text_to_html
from diptych.gui.tag_colors import color_icon
from diptych.storage.codebook import Codebook
from diptych.storage.model import Annotation, ArticleSummary, CheckReason, PassageCheck


class Column(IntEnum):
    """The columns of the passage table."""

    ARTICLE = 0
    TAGS = 1
    QUOTE = 2
    NOTE = 3
    CODER = 4
    UPDATED = 5


HEADERS = ("Article", "Tags", "Quote", "Note", "Coder", "Updated")
PASSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
TAG_PATHS_ROLE = Qt.ItemDataRole.UserRole + 5  # a passage's tags as paths, in a list
TAG_COLORS_ROLE = Qt.ItemDataRole.UserRole + 6  # their colours, in the same order
TO_CHECK_MARK = "≈"  # before the quote of a passage an update found approximately


def check_said(check: PassageCheck) -> str:
    """Why a passage is to be checked, and since when, as its tooltip says it."""
    when = local_time(check.since)
    if check.reason == CheckReason.APPROXIMATE:
        said = f"Found approximately after the update of {when}: check it."
    else:  # a reason a newer Diptych gave
        said = f"Worth a look since the update of {when} ({check.reason}): check it."
    before = f" Before, it quoted “{one_line(check.quoted)}”." if check.quoted else ""
    return f"{said}{before} Ctrl+K marks it as checked."


def one_line(text: str, limit: int = 200) -> str:
    """``text`` with its line breaks as spaces, cut at ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@lru_cache(maxsize=4096)
def _plain_note(note: str) -> str:
    """A note's words (remembered: the table asks on every repaint)."""
    return note_to_plain(note)


def local_time(iso: str) -> str:
    """A stored UTC time as local ``YYYY-MM-DD HH:MM``."""
    try:
        local = datetime.fromisoformat(iso).astimezone()
    except (ValueError, OverflowError, OSError):  # not a time, or one no clock can show
        return iso
    return local.isoformat(sep=" ", timespec="minutes")[:16]  # four-digit years, always


class PassageCells:
    """The cells of a passage's row, drawn from the articles and the codebook.

    The table reads the articles (:meth:`read_articles`) and the codebook
    (:meth:`read_codebook`) again when they change.
    """

    def __init__(self) -> None:
        self.titles: dict[int, str] = {}
        self.article_order: dict[int, int] = {}  # article id -> place in the library
        self.codebook = Codebook([])
        self._tag_order: dict[int, int] = {}
        self._tag_text: dict[tuple[int, ...], str] = {}
        self._tag_paths: dict[tuple[int, ...], list[str]] = {}
        self._icons: dict[str, QIcon] = {}

    def read_articles(self, articles: Sequence[ArticleSummary]) -> None:
        """Take the articles' titles and library order."""
        self.titles = {a.id: a.title for a in articles}
        self.article_order = {a.id: i for i, a in enumerate(articles)}

    def read_codebook(self, codebook: Codebook) -> None:
        """Take the tags' names, colours and order."""
        self.codebook = codebook
        self._tag_order = {tag.id: i for i, tag in enumerate(codebook.ordered())}
        self._tag_text.clear()
        self._tag_paths.clear()

    def tag_ids(self, passage: Annotation) -> list[int]:
        """The passage's tags that are in the codebook, in codebook order."""
        order = self._tag_order
        return sorted((t for t in passage.tag_ids if t in order), key=order.__getitem__)

    def tag_paths(self, passage: Annotation) -> list[str]:
        """The passage's tags as paths, in codebook order."""
        paths = self._tag_paths.get(passage.tag_ids)
        if paths is None:
            paths = [self.codebook.path(t) for t in self.tag_ids(passage)]
            self._tag_paths[passage.tag_ids] = paths
        return list(paths)

    def tag_colors(self, passage: Annotation) -> list[str]:
        """The colours of the passage's tags, in codebook order."""
        return [self.codebook[t].color for t in self.tag_ids(passage)]

    def data(self, passage: Annotation, column: int, role: int) -> Any:
        """What the cell of ``passage`` in ``column`` gives for ``role`` (None: nothing)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(passage, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(passage, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.TAGS:
            return self.first_tag_icon(passage)
        if role == TAG_PATHS_ROLE and column == Column.TAGS:
            return self.tag_paths(passage)
        if role == TAG_COLORS_ROLE and column == Column.TAGS:
            return self.tag_colors(passage)
        if role == PASSAGE_ID_ROLE:
            return passage.id
        if role == ARTICLE_ID_ROLE:
            return passage.article_id
        if role == ANNOTATION_ROLE:
            return passage
        if role == SORT_ROLE:
            return self.sort_key(passage, column)
        return None

    def display(self, passage: Annotation, column: int) -> str:
        """The text of a cell."""
        if column == Column.ARTICLE:
            return self.titles.get(passage.article_id, "")
        if column == Column.TAGS:
            text = self._tag_text.get(passage.tag_ids)
            if text is None:
                text = ", ".join(self.tag_paths(passage))
                self._tag_text[passage.tag_ids] = text
            return text
        if column == Column.QUOTE:
            quote = one_line(passage.exact)
            return f"{TO_CHECK_MARK} {quote}" if passage.check is not None else quote
        if column == Column.NOTE:
            return one_line(_plain_note(passage.note))
        if column == Column.CODER:
            return passage.coder
        return local_time(passage.updated_at)

    def tooltip(self, passage: Annotation, column: int) -> str | None:
        """The tooltip of a cell (rich text), if it has one."""
        if column == Column.QUOTE:
            orphan = "<p><i>Orphan: not placed in the article's current text.</i></p>"
            check = passage.check
            said = f"<p><i>{html.escape(check_said(check))}</i></p>" if check else ""
            return text_to_html(passage.exact) + (orphan if passage.is_orphan else "") + said
        if column == Column.NOTE:
            return note_to_html(passage.note) or None
        if column == Column.TAGS:
            return text_to_html("\n".join(self.tag_paths(passage))) if passage.tag_ids else None
        if column == Column.UPDATED:
            updated, created = local_time(passage.updated_at), local_time(passage.created_at)
            return f"Updated {updated}\nCreated {created}"
        shown = self.display(passage, column)
        return text_to_html(shown) if shown else None

    def first_tag_icon(self, passage: Annotation) -> QIcon | None:
        """The colour of the passage's first tag, for the tag column."""
        tags = self.tag_ids(passage)
        if not tags:
            return None
        color = self.codebook[tags[0]].color
        icon = self._icons.get(color)
        if icon is None:
            icon = self._icons[color] = color_icon(color)  # true on selected rows too
        return icon

    def sort_key(self, passage: Annotation, column: int) -> str:
        """What a column sorts the passage by."""
        if column == Column.UPDATED:
            return passage.updated_at
        if column == Column.QUOTE:
            return passage.exact.casefold()
        if column == Column.NOTE:  # the note as written: rendering each one would be slow
            return passage.note.casefold()
        return self.display(passage, column).casefold()
