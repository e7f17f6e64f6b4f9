"""Articles of a project: import, list, read, rename, update from a newer file, remove.

The store is the way in; the work behind it lives beside it: the texts last read kept in
:mod:`~diptych.storage.article_texts`, rows written and read in
:mod:`~diptych.storage.article_rows`, updating from a newer file in
:mod:`~diptych.storage.article_replacement`, removing in :mod:`~diptych.storage.article_removal`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from diptych.storage.anchors import Anchor
from diptych.storage.article_removal import ArticleRemoval, remove_articles, restore_articles
from diptych.storage.article_replacement import replace_article_text, restore_article_text
from diptych.storage.article_rows import (
    LIST_ADVICE,
    SUMMARY_SQL,
    article_row,
    insert_article,
    read_article,
)
from diptych.storage.article_texts import ArticleTexts
from diptych.storage.article_titles import one_line
from diptych.storage.article_updates import ReplacementPlan, make_plan
from diptych.storage.bulk_rows import IDS, listed
from diptych.storage.errors import (
    InputError,
    refuse_if_changed,
)
from diptych.storage.model import Annotation, Article, ArticleSummary, ReanchorReport
from diptych.storage.source_addresses import web_address

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.project import Project


class ArticleStore:
    """The articles of one project."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._texts = ArticleTexts(project)

    def add(self, *, parsed: ParsedArticle, uuid: str | None = None) -> ArticleSummary:
        """Add one imported article; returns its summary."""
        return self.add_many(parsed=[parsed], uuids=[uuid] if uuid else None)[0]

    def add_many(
        self, *, parsed: Sequence[ParsedArticle], uuids: Sequence[str] | None = None
    ) -> list[ArticleSummary]:
        """Add several articles in one transaction (all or none)."""
        from diptych.storage.project import new_uuid

        now = self._project.now()
        ids = []
        with self._project.transaction():
            order = self._next_order()
            for index, item in enumerate(parsed):
                row = article_row(item, now=now, sort_order=order + index)
                row["uuid"] = uuids[index] if uuids else new_uuid()
                ids.append(insert_article(self._project.db, row))
        return [self.summary(article_id=i) for i in ids]

    def _next_order(self) -> int:
        row = self._project.db.execute(
            "SELECT ifnull(max(sort_order), -1) FROM articles"
        ).fetchone()
        return int(row[0]) + 1

    def newest_id(self) -> int:
        """The id of the article added last (0: none yet): articles added later have
        greater ids (ids are never given again, see :meth:`added_since`)."""
        with self._project.reading() as db:
            return int(db.execute("SELECT ifnull(max(id), 0) FROM articles").fetchone()[0])

    def added_since(self, newest_id: int) -> bool:
        """Whether an article was added after the one :meth:`newest_id` gave."""
        with self._project.reading() as db:
            row = db.execute("SELECT 1 FROM articles WHERE id > ? LIMIT 1", [newest_id])
            return row.fetchone() is not None

    def all(self) -> list[ArticleSummary]:
        """Every article in library order."""
        with self._project.reading() as db:
            rows = db.execute(SUMMARY_SQL + " ORDER BY a.sort_order, a.id").fetchall()
        return [ArticleSummary(*row) for row in rows]

    def summary(self, *, article_id: int) -> ArticleSummary:
        """One article's summary."""
        with self._project.reading() as db:
            row = db.execute(SUMMARY_SQL + " WHERE a.id = ?", [article_id]).fetchone()
        if row is None:
            raise InputError(f"there is no article {article_id}", advice=LIST_ADVICE)
        return ArticleSummary(*row)

    def with_text(self, *, text: str) -> list[ArticleSummary]:
        """The articles whose text (as shown) is ``text``: an import redone leaves out an
        article imported again meanwhile, as an import does."""
        with self._project.reading() as db:
            rows = db.execute(
                SUMMARY_SQL + " WHERE a.characters = ? AND a.display_text = ? ORDER BY a.id",
                [len(text), text],
            ).fetchall()
        return [ArticleSummary(*row) for row in rows]

    def holds_words(self, *, article_id: int, words: str) -> bool:
        """True if the article's current text has ``words`` (an orphan's quote) somewhere,
        read without loading the text."""
        with self._project.reading() as db:
            row = db.execute(
                "SELECT instr(display_text, ?) > 0 FROM articles WHERE id = ?", [words, article_id]
            ).fetchone()
        return bool(row and row[0])

    def get_many(self, *, article_ids: Sequence[int]) -> list[Article]:
        """The articles of ``article_ids`` still in the project, with their texts, read
        at once and not kept (what undoing an import a worker wrote is to find)."""
        found = []
        with self._project.reading() as db:
            for article_id in article_ids:
                try:
                    found.append(read_article(db.conn, article_id))
                except InputError:  # removed meanwhile, in another window
                    continue
        return found

    def get(self, *, article_id: int) -> Article:
        """One article with its text (kept in a small cache)."""
        return self._texts.get(article_id)

    def text_changed_since_read(self, *, article_id: int) -> bool:
        """True if the file's text of an article is not the one this project first read of
        it since the last True (see :meth:`ArticleTexts.changed_since_read`)."""
        return self._texts.changed_since_read(article_id)

    def is_cached(self, *, article_id: int) -> bool:
        """True if :meth:`get` would answer without reading the file."""
        return self._texts.holds(article_id)

    def remember(self, article: Article, *, read_at: int | None = None) -> None:
        """Keep an article read elsewhere (by
        :func:`~diptych.storage.article_rows.load_article` in a worker) in the cache.

        Args:
            read_at: :meth:`Project.data_version` taken before the article was read, if known.
        """
        self._texts.remember(article, read_at=read_at)

    def confirm_text(self, *, article_id: int, anchor: Anchor) -> None:
        """Check, inside a write transaction, that the file's text reads ``anchor`` there
        (see :meth:`ArticleTexts.confirm`)."""
        self._texts.confirm(article_id, anchor)

    def forget_cached(self) -> None:
        """Drop cached texts so that the next read sees the file."""
        self._texts.clear()

    def rename(self, *, article_id: int, title: str, expected: str | None = None) -> ArticleSummary:
        """Give an article a new title. With ``expected`` (undo and redo), only if the title
        still reads so: a title given meanwhile, in another window, is refused rather than
        thrown away. Control characters and bidi overrides become spaces, as in a title
        read from a file."""
        title = one_line(title)
        if not title:
            raise InputError("an article title cannot be empty")
        with self._project.transaction():
            if expected is not None:
                row = self._project.db.execute(
                    "SELECT title FROM articles WHERE id = ?", [article_id]
                ).fetchone()
                if row is None:
                    raise InputError(
                        "the article was removed, perhaps in another window",
                        advice="Undo the removal in the window that removed it.",
                    )
                refuse_if_changed(row[0], expected, "the article's title")
            self._project.db.execute(
                "UPDATE articles SET title = ?, updated_at = ? WHERE id = ?",
                [title, self._project.now(), article_id],
            )
        self._texts.drop(article_id)
        return self.summary(article_id=article_id)

    def source_url(self, *, article_id: int) -> str:
        """The address the article was saved from ("" if not known), without reading its
        text; InputError if there is no such article."""
        row = self._project.db.execute(
            "SELECT source_url FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise InputError(f"there is no article {article_id}", advice=LIST_ADVICE)
        return str(row[0])

    def set_source_url(self, *, article_id: int, url: str, expected: str | None = None) -> None:
        """Give an article the address it was saved from ("" for none). With ``expected``
        (undo and redo), only if the address still reads so: one given meanwhile, in
        another window, is refused rather than thrown away.

        Raises:
            InputError: ``url`` is not an http or https address.
        """
        address = web_address(url)
        if url.strip() and not address:
            raise InputError(
                f"{url.strip()[:80]!r} is not a web address",
                advice="Give the page's address as the browser shows it, beginning with "
                "https:// or http://, or leave it empty.",
            )
        with self._project.transaction():
            if expected is not None:
                row = self._project.db.execute(
                    "SELECT source_url FROM articles WHERE id = ?", [article_id]
                ).fetchone()
                if row is None:
                    raise InputError(
                        "the article was removed, perhaps in another window",
                        advice="Undo the removal in the window that removed it.",
                    )
                refuse_if_changed(row[0], expected, "the article's source address")
            self._project.db.execute(
                "UPDATE articles SET source_url = ?, updated_at = ? WHERE id = ?",
                [address, self._project.now(), article_id],
            )
        self._texts.drop(article_id)

    def plan_replacement(
        self,
        *,
        article_id: int,
        parsed: ParsedArticle,
        keep_going: Callable[[], bool] | None = None,
    ) -> ReplacementPlan:
        """Find an article's passages in a newer text without changing anything.

        The slow part of :meth:`replace_text` (seconds on a long article with many
        passages), so that it can run on a worker's own connection; ``keep_going`` is asked
        between passages (False: :class:`~diptych.storage.errors.Cancelled`).
        """
        with self._project.reading() as db:
            old_text = read_article(db.conn, article_id).text
        passages = self._project.annotations.query(article_id=article_id)
        return make_plan(article_id, old_text, parsed.content.text, passages, keep_going)

    def replace_text(
        self,
        *,
        article_id: int,
        parsed: ParsedArticle,
        plan: ReplacementPlan | None = None,
        expected: str | None = None,
    ) -> ReanchorReport:
        """Replace an article's text with a newer version and find every passage again.

        Passages that cannot be found become orphans: kept, with their quote and note. What
        is replaced is read inside the same transaction, so that a passage another window
        adds meanwhile is re-anchored too (and restored by :meth:`restore_text`).

        With a ``plan`` (:meth:`plan_replacement`), the passages are put where it found
        them if the article still has the text and the passages it was made for; otherwise
        (another window changed them since) they are looked for again here.

        With ``expected`` (redo: the text undo put back), only if the article still reads
        so: a text another window put in meanwhile is refused rather than replaced.
        """
        with self._project.transaction():
            self._texts.drop(article_id)
            old = self.get(article_id=article_id)
            report = replace_article_text(
                self._project, old=old, parsed=parsed, plan=plan, expected=expected
            )
        self._texts.drop(article_id, read_too=True)  # the views are to read the new text
        return report

    def restore_text(
        self,
        *,
        article: Article,
        passages: Sequence[Annotation],
        expected: str | None = None,
        left: ReanchorReport | None = None,
    ) -> tuple[str, ...]:
        """Undo :meth:`replace_text`: the old text back, every passage where it was.

        A passage added on the newer text since (in another window: this one undoes it
        first) is found again in the old text, as :meth:`replace_text` finds passages in a
        new one, rather than keeping offsets that point elsewhere in the old text. With
        ``expected`` (the text the replacing wrote), only if the article still reads so: a
        text another window put in meanwhile is refused rather than thrown away.

        With ``left`` (the report of the update being undone), what another window changed
        since is kept: a title or source address given since, and a passage re-attached on
        the newer text (found again in the old text, as one added is). Returns those kept,
        in the user's words ("the title “…”"), for the undo to say so.
        """
        kept = restore_article_text(
            self._project, article=article, passages=passages, expected=expected, left=left
        )
        self._texts.drop(article.id, read_too=True)  # the views are to read the old text again
        return kept

    def remove(
        self,
        *,
        article_id: int,
        unused_only: bool = False,
        expected: ArticleRemoval | None = None,
    ) -> ArticleRemoval:
        """Remove an article with its passages and memos; returns what is needed to undo.

        The snapshot is read inside the deleting transaction: nothing another window adds
        meanwhile can be deleted without being in it. With ``unused_only`` (undoing an
        import), an article given passages or a memo since, in another window, is refused
        (:class:`ChangedMeanwhileError`) rather than removed with that work; with
        ``expected`` (redoing a removal: what the first removal took), so is one given
        passages or a memo beyond those, or whose passages were given notes, tags or
        places since. An article whose text is not ``expected``'s (if it has one) was
        updated from a newer file since: it is refused too, rather than lose the update.
        """
        return self._remove([article_id], [expected], unused_only=unused_only)[0]

    def remove_many(self, *, expected: Sequence[ArticleRemoval]) -> list[ArticleRemoval]:
        """Remove articles as :meth:`remove` with ``expected`` does (each as a step left
        it), all or none, their rows deleted in a few statements for all of them (undoing
        an import of hundreds of articles); an article refused is named, and nothing is
        removed."""
        return self._remove([r.article.id for r in expected], expected)

    def remove_listed(
        self,
        *,
        article_ids: Sequence[int],
        unused_only: bool = False,
        expected: Sequence[ArticleRemoval] = (),
    ) -> list[ArticleRemoval]:
        """Remove articles as :meth:`remove` does, each with its removal among ``expected``
        if it has one there (redo), all or none, in a few statements for all of them
        (hundreds removed from the Library at once); those already removed (in another
        window) are left out. The first refused, in the order given, is named."""
        with self._project.transaction():
            ids = listed(article_ids)
            rows = self._project.db.execute(f"SELECT id FROM articles WHERE id IN {IDS}", [ids])
            present = {article_id for (article_id,) in rows}
            before = {removal.article.id: removal for removal in expected}
            wanted = [i for i in dict.fromkeys(article_ids) if i in present]
            return self._remove(wanted, [before.get(i) for i in wanted], unused_only=unused_only)

    def _remove(
        self,
        article_ids: Sequence[int],
        expected: Sequence[ArticleRemoval | None],
        *,
        unused_only: bool = False,
    ) -> list[ArticleRemoval]:
        """Remove the articles of ``article_ids`` (each still there), each checked against
        its ``expected``, in one transaction (see :meth:`remove`)."""
        if not article_ids:
            return []
        with self._project.transaction():
            articles = []
            for article_id in article_ids:
                self._texts.drop(article_id)
                articles.append(self.get(article_id=article_id))
            removals = remove_articles(
                self._project, articles=articles, expected=expected, unused_only=unused_only
            )
        for article_id in article_ids:
            self._texts.drop(article_id)
        return removals

    def restore(self, *, removal: ArticleRemoval) -> None:
        """Put back an article removed by :meth:`remove`, with the same ids."""
        self.restore_many(removals=[removal])

    def restore_many(self, *, removals: Sequence[ArticleRemoval]) -> None:
        """Put back articles removed by :meth:`remove`, with the same ids, all or none, in
        a few statements for all of them (redoing an import of hundreds of articles)."""
        restore_articles(self._project, removals=removals)
