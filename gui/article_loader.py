"""Putting an article into a view without ever holding up the window.

A short article is built at once. A long one shows its first blocks at once, while the
whole document is built detached from the view in slices between events (appending to a
shown document would make Qt lay out everything before each insertion), then swapped in;
but an article holding a long table grows in the shown document, slice by slice, each laid
out as it goes in (see :meth:`diptych.gui.article_rendering.Rendering.grow_slice`). An
article over :data:`BACKGROUND_CHARS` is first read from the file in a worker, so that even
decoding its blocks happens off the GUI thread.

The passages are painted into each document while it is still detached, where painting
costs next to nothing, and the document's layout is created quietly just before the view
takes it (see :meth:`diptych.gui.render.DocumentBuilder.prepare_for_view`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from diptych.gui.article_rendering import Rendering, wrap_mode
from diptych.gui.article_view import ArticleView
from diptych.gui.passage_index import PassageIndex
from diptych.gui.render_tables import holds_long_table, set_document_font
from diptych.gui.session import ProjectSession
from diptych.gui.table_fit import fit_short_tables
from diptych.storage.article_rows import load_article
from diptych.storage.errors import DiptychError, InputError
from diptych.storage.model import Article
from diptych.storage.offsets import PositionMap

SYNC_BLOCKS = 400  # articles this small are built at once
SYNC_CHARS = 150_000
PREVIEW_BLOCKS = 60  # enough to fill a screen while the rest is built
FIRST_SLICE_DELAY_MS = 15
BACKGROUND_CHARS = 2_000_000  # longer articles are read from the file in a worker


class BackgroundRead(QObject):
    """One reading of a long article in a worker, and what it was for.

    The worker's signals go to this object's methods rather than to functions holding the
    loader: as a child of the loader, it dies with the loader's pane, and Qt drops its
    connections then, so a read that ends after the pane was closed reaches nothing.

    Args:
        loader: the loader that asked for the article (the parent).
        title: the article's title.
        read_at: the file's data version taken before the worker started reading.
    """

    def __init__(self, loader: ArticleLoader, title: str, read_at: int | None) -> None:
        super().__init__(loader)
        self.loader = loader
        self.title = title
        self.read_at = read_at

    def on_finished(self, article: Article) -> None:
        """The article was read."""
        self.loader.on_article_read(self, article)

    def on_failed(self, message: str) -> None:
        """A known error (the file, and what to do) stopped the read."""
        self.loader.on_article_read_failed(self, message)

    def on_crashed(self, summary: str, details: str) -> None:
        """An unexpected error (a bug) stopped the read."""
        self.loader.on_article_read_crashed(self, summary, details)


class ArticleLoader(QObject):
    """Loads articles into one view.

    Args:
        session: the open project.
        view: the view to fill.
        font: the reading font at the pane's zoom.

    Signals:
        opening(int, str, str): an article is being opened (id, title, source file name).
        presented(object): the article (an Article) is known; its first screen follows.
        progressed(int, int): blocks built so far, and in all.
        shown(): the first screen (or all) of the article is in the view.
        loaded(): the whole article is in the view, with its passages painted.
        unavailable(): the article being read could not be read; the view is left empty,
            with no article (the user was told why).
    """

    opening = Signal(int, str, str)
    presented = Signal(object)
    progressed = Signal(int, int)
    shown = Signal()
    loaded = Signal()
    unavailable = Signal()

    def __init__(
        self, session: ProjectSession, view: ArticleView, font: Callable[[], QFont]
    ) -> None:
        super().__init__(view)
        self.session = session
        self.view = view
        self.font = font
        self.article_id: int | None = None
        self.current: Rendering | None = None  # what the view shows
        self.pending: Rendering | None = None  # the full article, while it is being built
        self.growing: Rendering | None = None  # the shown article, while blocks are added
        self._generation = 0
        self._reading: BackgroundRead | None = None  # the read whose article is awaited
        self._placeholder: QTextDocument | None = None  # shown meanwhile

    @property
    def is_loading(self) -> bool:
        """True while the article is being read or its full document built."""
        return self.pending is not None or self.growing is not None or self._reading is not None

    def renderings(self) -> list[Rendering]:
        """The documents of the article: shown, and being built."""
        return [r for r in (self.current, self.pending) if r is not None]

    def open(self, article_id: int) -> None:
        """Open an article (a long one is read in the background first)."""
        articles = self.session.project.articles
        try:
            summary = articles.summary(article_id=article_id)
            cached = articles.is_cached(article_id=article_id)
            if summary.characters < BACKGROUND_CHARS or cached:
                self.present(articles.get(article_id=article_id))
                return
        except DiptychError as exc:
            self._refused(article_id, exc)
            return
        self._generation += 1
        self._clear_view()  # nothing of the previous article stays selectable meanwhile
        self.article_id = article_id
        version = self.session.project.data_version()  # before the worker reads
        read = BackgroundRead(self, summary.title, version)
        self._await(read)
        self.opening.emit(article_id, summary.title, summary.source_name)
        path = self.session.project.path
        worker = self.session.workers.start(lambda _p: load_article(path, article_id=article_id))
        worker.signals.finished.connect(read.on_finished)
        worker.signals.failed.connect(read.on_failed)
        worker.signals.crashed.connect(read.on_crashed)

    def _refused(self, article_id: int, exc: DiptychError) -> None:
        """Say why the article could not be opened: one another window removed since this
        one last looked is named by its title (not "there is no article 2"), and the views
        show the project as it is at once."""
        if not isinstance(exc, InputError):  # the file itself (closed, damaged, busy)
            self.session.messages.known_error(exc)
            return
        shown = {a.id: a.title for a in self.session.articles()}
        if article_id not in shown or self._there(article_id):
            self.session.messages.known_error(exc)
            return
        self.session.show_changes_from_elsewhere()
        self.session.messages.info(
            f"“{shown[article_id]}” was removed, perhaps in another window, so it cannot be"
            " opened. The window now shows the project as it is."
        )

    def _there(self, article_id: int) -> bool:
        """True if the file still holds the article ``article_id``."""
        try:
            self.session.project.articles.summary(article_id=article_id)
        except InputError:
            return False
        return True

    def _await(self, read: BackgroundRead | None) -> None:
        """Wait for ``read`` (None: for no read); a read waited for before is abandoned."""
        if self._reading is not None:
            self._reading.deleteLater()  # its worker's late report then reaches nothing
        self._reading = read

    def _clear_view(self) -> None:
        self._drop_pending()
        old, self.current = self.current, None
        self.view.index = None
        self.view.positions = PositionMap("")
        if self._placeholder is None:
            self._placeholder = QTextDocument(self.view)
        self.view.setDocument(self._placeholder)
        if old is not None:
            old.document.deleteLater()

    def _drop_pending(self) -> None:
        self.growing = None  # its slices stop: it is the shown document, dropped with it
        if self.pending is not None:
            self.pending.document.deleteLater()
            self.pending = None

    def on_article_read(self, read: BackgroundRead, article: Article) -> None:
        """A long article was read in the background: show it, if it is still wanted."""
        if read is not self._reading or self.session.project.closed:
            return  # another article was asked for meanwhile; or the window went
        self.session.project.articles.remember(article, read_at=read.read_at)
        self.present(article)

    def on_article_read_failed(self, read: BackgroundRead, message: str) -> None:
        """Reading a long article failed: say why (unless another was asked for since)."""
        if read is self._reading:
            self._give_up_reading()
            self.session.messages.error(message)

    def on_article_read_crashed(self, read: BackgroundRead, summary: str, _details: str) -> None:
        """Reading a long article hit a bug: stop waiting, and say which article is not shown.

        The bug itself (log, crash dialog) is reported once for every worker, by
        :class:`diptych.gui.workers.Workers`: reporting it here too would show it twice.
        """
        if read is self._reading:
            self._give_up_reading()
            self.session.messages.info(f"“{read.title}” could not be opened: {summary}")

    def _give_up_reading(self) -> None:
        """The awaited article will not come: leave the view empty, with no article."""
        self._await(None)
        self.article_id = None  # opening it again tries again
        self.progressed.emit(1, 1)
        self.unavailable.emit()

    def present(self, article: Article) -> None:
        """Show an article already read (replacing the one shown)."""
        self._generation += 1
        self._await(None)
        self._drop_pending()  # a document of the previous article, still being built
        self.article_id = article.id
        index = PassageIndex(article.content.blocks)
        index.reset(self.session.marks(article.id))
        self.view.index = index
        wrap = wrap_mode(article.content)  # the view gives its own to each document shown
        if self.view.wordWrapMode() != wrap:
            self.view.setWordWrapMode(wrap)
        self.presented.emit(article)
        blocks, characters = len(article.content.blocks), len(article.text)
        if blocks <= SYNC_BLOCKS and characters <= SYNC_CHARS:
            full = Rendering(article.content, index, self)
            full.builder.build()
            full.paint_all_marked()
            self._show(full)
            self.shown.emit()
            self.loaded.emit()
            return
        preview = Rendering(article.content, index, self)
        preview.builder.add_blocks(PREVIEW_BLOCKS)
        preview.paint_all_marked()
        self._show(preview)
        self.shown.emit()
        generation = self._generation
        if holds_long_table(article.content.blocks):
            self.growing = preview  # the rest goes into the document shown
            QTimer.singleShot(FIRST_SLICE_DELAY_MS, self, lambda: self._grow_slice(generation))
            return
        full = Rendering(article.content, index, self)
        self.pending = full
        self.apply_font(full.document)
        # The first slice waits for the first screen to be painted.
        QTimer.singleShot(FIRST_SLICE_DELAY_MS, self, lambda: self._build_slice(generation))

    def _show(self, rendering: Rendering, *, keep_view: bool = False) -> None:
        """Put a rendering in the view; ``keep_view`` keeps the scroll position and cursor
        (when the full article replaces its own first screen)."""
        old = self.current
        scroll = self.view.verticalScrollBar().value()
        cursor = self.view.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self.current = rendering
        self.apply_font(rendering.document)
        self.view.positions = rendering.positions
        self.view.setDocument(rendering.document)
        if not keep_view:
            self.view.verticalScrollBar().setValue(0)  # a new article starts at its top
        else:
            restored = QTextCursor(rendering.document)
            last = rendering.document.characterCount() - 1
            restored.setPosition(min(anchor, last))
            restored.setPosition(min(position, last), QTextCursor.MoveMode.KeepAnchor)
            self.view.setTextCursor(restored)
            self.view.verticalScrollBar().setValue(scroll)
        if old is not None and old is not rendering:
            old.document.deleteLater()

    def _build_slice(self, generation: int) -> None:
        rendering = self.pending
        if rendering is None or generation != self._generation:
            return  # another article was opened meanwhile
        rendering.build_slice()
        self.progressed.emit(*rendering.builder.progress)
        if rendering.painted:
            self.pending = None
            self._show(rendering, keep_view=True)
            self.loaded.emit()
        else:
            # 1 ms rather than 0: lets timers and paint events in between the slices.
            QTimer.singleShot(1, self, lambda: self._build_slice(generation))

    def _grow_slice(self, generation: int) -> None:
        """Add the next blocks of an article holding a long table to the document shown
        (see :meth:`diptych.gui.article_rendering.Rendering.grow_slice`)."""
        rendering = self.growing  # always the one shown: dropped as the view is cleared
        if rendering is None or generation != self._generation:
            return  # another article was opened meanwhile
        rendering.grow_slice()
        builder = rendering.builder
        self.progressed.emit(*builder.progress)
        if builder.done:
            self.growing = None
            self.loaded.emit()
        else:
            QTimer.singleShot(1, self, lambda: self._grow_slice(generation))

    def repaint(self, blocks: range) -> None:
        """Repaint display blocks in every document of the article."""
        for rendering in self.renderings():
            rendering.highlighter.repaint_blocks(blocks)

    def apply_font(self, document: QTextDocument | None = None) -> None:
        """Give one document (default: every document) the reading font at the pane's zoom."""
        font = self.font()
        documents = [document] if document is not None else [r.document for r in self.renderings()]
        for doc in documents:
            if doc.defaultFont() != font:  # setting it lays the whole document out again
                fit = partial(fit_short_tables, doc, doc.textWidth(), font)
                set_document_font(doc, font, also=fit)
