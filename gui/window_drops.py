"""Dropping on the main window: files are imported; articles dragged from the Library open
in the pane they are dropped on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from diptych.gui.article_model import ARTICLE_MIME
from diptych.gui.window_parts import WindowParts


class WindowDrops(WindowParts):
    """Files and articles dropped on the window."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept article files and articles dragged from the library."""
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasFormat(ARTICLE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files are imported; a library article opens in the pane it was dropped on."""
        mime = event.mimeData()
        if mime.hasFormat(ARTICLE_MIME):
            raw = bytes(mime.data(ARTICLE_MIME).data()).decode()
            ids = [int(i) for i in raw.split(",") if i.strip().isdigit()]
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

    def open_dropped(self, article_ids: list[int], position: QPoint) -> None:
        """Open dropped articles: the first on the pane under ``position`` and the others
        beside it; with no pane there, each in a new pane of its own."""
        if not article_ids:
            return
        target = next(
            (p for p in self.area.panes() if p.rect().contains(p.mapFrom(self, position))), None
        )
        if target is None:
            self.area.open_beside(article_ids)
            return
        first, *rest = article_ids
        target.show_article(first)
        self.area.set_current(target)
        if rest:
            self.area.open_beside(rest, shown=1)
