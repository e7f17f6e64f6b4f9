"""Dropping on the main window: files are imported; articles dragged from the Library open
beside the pane they are dropped on, on that side of it (a band shows which while dragging),
or in it if it is empty."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent

from diptych.gui.article_model import ARTICLE_MIME, ARTICLE_PROJECT_MIME
from diptych.gui.pane_drop import DropBand, open_beside_pane, place_under
from diptych.gui.window_parts import WindowParts
from diptych.storage.errors import readable_text


class WindowDrops(WindowParts):
    """Files and articles dropped on the window."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept article files and articles dragged from the library."""
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasFormat(ARTICLE_MIME):
            event.acceptProposedAction()
            self._show_drop_band(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Show where dragged articles would open: the band on the side of the pane under
        the pointer, or over all of it if it is empty (none with no room for another pane
        beside one showing an article: the drop says why)."""
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasFormat(ARTICLE_MIME):
            event.acceptProposedAction()
        self._show_drop_band(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """The drag left the window: no band."""
        self.drop_band.hide()
        super().dragLeaveEvent(event)

    @property
    def drop_band(self) -> DropBand:
        """The band showing where dragged articles would open (made when first needed)."""
        band = self.area.findChild(DropBand)
        return band if isinstance(band, DropBand) else DropBand(self.area)

    def _show_drop_band(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        place = None
        if event.mimeData().hasFormat(ARTICLE_MIME):
            place = place_under(self.area, self, event.position().toPoint())
        if place is not None and place[0].article_id is not None and not self.area.has_room():
            place = None  # an empty pane is filled: it needs no room for another
        if place is None:
            self.drop_band.hide()
        else:
            self.drop_band.show_beside(*place)

    def dropEvent(self, event: QDropEvent) -> None:
        """Files are imported; library articles open beside the pane they were dropped on."""
        self.drop_band.hide()
        mime = event.mimeData()
        if mime.hasFormat(ARTICLE_MIME):
            raw = bytes(mime.data(ARTICLE_MIME).data()).decode()
            ids = [int(i) for i in raw.split(",") if i.strip().isdigit()]
            if self._of_this_project(mime):
                self.open_dropped(ids, event.position().toPoint())
        elif mime.hasUrls():
            urls = mime.urls()
            paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
            remote = [u.toDisplayString() for u in urls if not u.isLocalFile()]
            if remote:  # a link dragged from a web browser: nothing would happen otherwise
                self.session.messages.warning(
                    "Only files on this computer can be imported; not "
                    + ", ".join(remote[:3])
                    + (f" and {len(remote) - 3} more" if len(remote) > 3 else "")
                    + ". Save the page as a file, then import or drop that file.",
                    "Import",
                )
            if paths:
                self.importer.import_files(paths)
        event.acceptProposedAction()

    def _of_this_project(self, mime: QMimeData) -> bool:
        """True if the articles dragged are this project's; else say why they do not open
        (dragged from the Library of a window on another project: their numbers are that
        project's, and would open this project's articles of the same numbers)."""
        raw = bytes(mime.data(ARTICLE_PROJECT_MIME).data())
        dragged = Path(os.fsdecode(raw)) if raw else None
        here = self.session.project.path
        if dragged is not None and same_file(dragged, here):
            return True
        name = "another project"
        if dragged is not None:  # by its folder too when the two files share a name
            name = readable_text(str(dragged) if dragged.name == here.name else dragged.name)
        self.session.messages.info(
            f"The articles dragged here are in {name}, not in {readable_text(here.name)}:"
            " only this project's articles open here. To read one in this project, import"
            " its file."
        )
        return False

    def open_dropped(self, article_ids: list[int], position: QPoint) -> None:
        """Open dropped articles beside the pane under ``position``, on the side (its left
        or right half) they were dropped on, or the first in it if it is empty; with no pane
        there, each in a new pane."""
        if not article_ids:
            return
        place = place_under(self.area, self, position)
        if place is None:
            self.area.open_beside(article_ids)
        else:
            open_beside_pane(self.area, article_ids, *place)


def same_file(a: Path, b: Path) -> bool:
    """True if ``a`` and ``b`` name one file (through a link or ``..`` too)."""
    try:
        return a.samefile(b)
    except OSError:  # one of them is not there (any more): the names alone tell
        return a == b
