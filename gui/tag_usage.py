"""How many passages each tag of the Codebook counts: read at once in a small project, by a
worker in a big one, and again once per burst of changes to the passages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from diptych.gui.session import ProjectSession
from diptych.storage.project import Project
from diptych.storage.tag_counts import TagCount

# A project holding more passages than this has its tags' passages counted by a worker:
# counting them with their sub-tags' takes ~15 ms for 5,000 passages under 400 nested tags
# and ~65 ms for 40,000 (more on a busy machine), on top of everything else the window
# does while it opens or a tag changes. A smaller project's counts are read at once, so
# that they are never missing from its tree.
BACKGROUND_COUNT = 5_000


def count_tag_usage(path: Path) -> dict[int, TagCount]:
    """The worker's job: how many passages each tag's row counts (see
    :meth:`~diptych.storage.tags.TagStore.usage_with_sub_tags`), read through a connection
    of its own to the project file at ``path``."""
    with Project.open(path, read_only=True, verify=False) as project:
        return project.tags.usage_with_sub_tags()


def own_usage(counts: dict[int, TagCount]) -> dict[int, int]:
    """How many passages carry each tag itself (tags on none absent)."""
    return {tag_id: count.own for tag_id, count in counts.items() if count.own}


class TagUsageCounter(QObject):
    """Counts the passages of every tag again when the passages change.

    Args:
        session: the open project.
        show: shows the counts (of each tag itself, and with its sub-tags).
        parent: the tree of tags.
    """

    def __init__(
        self,
        session: ProjectSession,
        show: Callable[[dict[int, int], dict[int, TagCount]], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._show_usage = show
        # The session has just read the list of articles: their passages, added up, say
        # whether this project's counts are read in the background.
        passages = sum(article.annotation_count for article in session.articles())
        self.in_background = passages > BACKGROUND_COUNT
        self._counts = 0  # the last count asked of a worker (0: none)
        # How the file stood when the tree was refreshed (None: unknown): a deleted, merged
        # or restored tag, or a reload, sends tagsChanged, which counts, and then
        # allPassagesChanged, which need not count again if nothing was written meanwhile.
        self._counted_at: tuple[int, int, int] | None = None
        self._usage_timer = QTimer(self)
        self._usage_timer.setSingleShot(True)
        self._usage_timer.setInterval(0)
        self._usage_timer.timeout.connect(self.on_usage_timer_timeout)
        session.passagesChanged.connect(self.on_session_passages_changed)
        session.passageUpdated.connect(self.on_session_passage_updated)
        session.allPassagesChanged.connect(self.on_session_all_passages_changed)

    def refreshed(self) -> None:
        """The tree read the codebook again (and, in a small project, its counts): in a big
        project, count in the background."""
        if self.in_background:
            self._count_in_background()
        self._counted_at = self.session.project.log_stamp()

    @property
    def counting(self) -> bool:
        """True while a worker counts the passages of each tag."""
        return self._counts != 0

    def on_session_passage_updated(self, article_id: int, _annotation_id: int) -> None:
        """One passage changed: its article's passages did."""
        self.on_session_passages_changed(article_id)

    def on_session_passages_changed(self, _article_id: int) -> None:
        """Update the passage counts: once per burst of changes (deleting a tag or a
        reload reports every article), at the end of the current event."""
        self._usage_timer.start()

    def on_session_all_passages_changed(self) -> None:
        """Update the passage counts, unless the tree counted them on its refresh and nothing was
        written to the file since (the tags' change that sent this counted them)."""
        project = self.session.project
        if project.closed or self._counted_at is None or self._counted_at != project.log_stamp():
            self._usage_timer.start()  # which leaves a closed project alone

    def on_usage_timer_timeout(self) -> None:
        """Recount the passages of every tag."""
        if self.session.project.closed:
            return  # the window closed in the meantime
        if self.in_background:
            self._count_in_background()
        else:
            self._show_counts(self.session.project.tags.usage_with_sub_tags())

    def _count_in_background(self) -> None:
        self._counts += 1
        counts, path = self._counts, self.session.project.path

        def count(_progress: object) -> tuple[int, dict[int, int], dict[int, TagCount]]:
            found = count_tag_usage(path)
            return counts, own_usage(found), found

        worker = self.session.workers.start(count)
        worker.signals.finished.connect(self.on_usage_counted)
        # Each outcome with its count's number: an older count's failure or crash must not
        # stop the newer count awaited (whose counts would then be dropped as out of date).
        worker.signals.failed.connect(lambda message: self.on_usage_not_counted(counts, message))
        worker.signals.crashed.connect(
            lambda summary, details: self.on_usage_count_crashed(counts, summary, details)
        )

    def on_usage_counted(self, result: tuple[int, dict[int, int], dict[int, TagCount]]) -> None:
        """A worker counted the passages (of each tag itself, and with its sub-tags): show
        the counts, unless a newer count is coming (the passages changed again meanwhile)
        or the window has closed."""
        counts, usage, counts_of = result
        if counts != self._counts or self.session.project.closed:
            return
        self._counts = 0
        self._show_usage(usage, counts_of)

    def on_usage_not_counted(self, counts: int, _message: str) -> None:
        """The worker of count ``counts`` could not read the file: count here (the window
        waits), unless a newer count is awaited, which brings the counts."""
        if counts != self._counts or self.session.project.closed:
            return
        self._counts = 0
        self._show_counts(self.session.project.tags.usage_with_sub_tags())

    def on_usage_count_crashed(self, counts: int, _summary: str, _details: str) -> None:
        """A bug stopped count ``counts`` (the workers report it): the counts shown stay,
        unless a newer count is awaited, which brings them."""
        if counts == self._counts:
            self._counts = 0

    def _show_counts(self, counts: dict[int, TagCount]) -> None:
        self._show_usage(own_usage(counts), counts)
