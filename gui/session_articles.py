"""The session's article edits: each one transaction, then signals for the views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from diptych.gui.session_watch import FileWatch, text_stamp
from diptych.storage.article_removal import ArticleRemoval
from diptych.storage.article_updates import ReplacementPlan
from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.model import ArticleSummary, ReanchorReport

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle


class ArticleEdits(FileWatch):
    """Adding, removing, renaming articles and replacing their text.

    Each edit emits ``articlesChanged``, and ``passagesChanged`` for every article whose
    passages went or came with it. The stamps of the texts shown follow this window's own
    edits, so that the watch takes only other windows' for changes made elsewhere.
    """

    def add_articles(self, parsed: Sequence[ParsedArticle]) -> list[ArticleSummary]:
        """Add imported articles in one transaction."""
        added = self.project.articles.add_many(parsed=parsed)
        self._text_stamps.update({a.id: text_stamp(a) for a in added})
        self.articlesChanged.emit()
        return added

    def remove_article(
        self, article_id: int, *, expected: ArticleRemoval | None = None
    ) -> ArticleRemoval:
        """Remove an article with its passages (see :meth:`ArticleStore.remove` for
        ``expected``)."""
        removal = self.project.articles.remove(article_id=article_id, expected=expected)
        with self._telling_views([article_id]):
            self.articlesChanged.emit()
            self.passagesChanged.emit(article_id)
        return removal

    def restore_article(self, removal: ArticleRemoval) -> None:
        """Undo :meth:`remove_article`."""
        self.project.articles.restore(removal=removal)
        with self._telling_views([removal.article.id]):
            self.articlesChanged.emit()
            self.passagesChanged.emit(removal.article.id)
        self.articlesRestored.emit([removal.article.id])

    def remove_articles(
        self,
        article_ids: Sequence[int],
        *,
        unused_only: bool = False,
        expected: Sequence[ArticleRemoval] = (),
    ) -> list[ArticleRemoval]:
        """Remove several articles in one transaction (undoing an import), leaving out
        those already removed (in another window); see :meth:`ArticleStore.remove` for
        ``unused_only`` and ``expected`` (here the removals of some of the articles)."""
        removals = self.project.articles.remove_listed(
            article_ids=article_ids, unused_only=unused_only, expected=expected
        )
        self._tell_removals(removals)
        return removals

    def take_back_import(
        self, article_ids: Sequence[int], *, expected: Sequence[ArticleRemoval]
    ) -> tuple[list[ArticleRemoval], list[ChangedMeanwhileError]]:
        """Remove the articles of an import that nobody worked on since (``expected``:
        each as the import left it), in one transaction; one given passages or a memo,
        retitled or updated since (perhaps in another window) is kept, and why is
        returned with the removals. All at once when none was (the common case, quick
        for thousands); else one by one, each refused left as it is."""
        try:
            return self.remove_articles(article_ids, unused_only=True, expected=expected), []
        except ChangedMeanwhileError:
            pass
        before = {removal.article.id: removal for removal in expected}
        removals: list[ArticleRemoval] = []
        kept: list[ChangedMeanwhileError] = []
        with self.project.transaction():
            present = {a.id for a in self.project.articles.all()}
            for article_id in article_ids:
                if article_id not in present:
                    continue
                try:  # a savepoint: one refused is rolled back alone
                    removal = self.project.articles.remove(
                        article_id=article_id, unused_only=True, expected=before.get(article_id)
                    )
                except ChangedMeanwhileError as exc:
                    kept.append(exc)
                    continue
                removals.append(removal)
        self._tell_removals(removals)
        return removals, kept

    def restore_articles(self, removals: Sequence[ArticleRemoval]) -> None:
        """Undo :meth:`remove_articles`, in one transaction."""
        self.project.articles.restore_many(removals=removals[::-1])
        self._tell_removals(removals)
        self.articlesRestored.emit([r.article.id for r in removals])

    def _tell_removals(self, removals: Sequence[ArticleRemoval]) -> None:
        """The articles of ``removals`` went or came back, with their passages."""
        ids = [r.article.id for r in removals]
        with self._telling_views(ids):
            self.articlesChanged.emit()
            self._passages_changed_in(ids)

    def replace_article_text(
        self,
        article_id: int,
        parsed: ParsedArticle,
        plan: ReplacementPlan | None = None,
        *,
        expected: str | None = None,
    ) -> ReanchorReport:
        """Replace an article's text with a newer version, finding its passages again
        (where ``plan`` found them, if it still holds; see :meth:`ArticleStore.replace_text`
        for ``expected``)."""
        report = self.project.articles.replace_text(
            article_id=article_id, parsed=parsed, plan=plan, expected=expected
        )
        self._text_changed(article_id)
        return report

    def restore_article_text(self, report: ReanchorReport, *, expected: str | None = None) -> None:
        """Undo :meth:`replace_article_text` (see :meth:`ArticleStore.restore_text` for
        ``expected``); what another window changed since is kept, and said."""
        assert report.previous_article is not None
        kept = self.project.articles.restore_text(
            article=report.previous_article,
            passages=report.previous,
            expected=expected,
            left=report,
        )
        self._text_changed(report.article_id)
        if kept:
            self.show_changes_from_elsewhere()
            what = ", ".join(kept[:-1]) + " and " + kept[-1] if len(kept) > 1 else kept[0]
            self.messages.info(
                f"The article's older text is back; {what}, changed since, perhaps in another"
                f" window, {'were' if len(kept) > 1 else 'was'} kept."
            )

    def _text_changed(self, article_id: int) -> None:
        self._text_stamps[article_id] = text_stamp(
            self.project.articles.summary(article_id=article_id)
        )
        with self._telling_views([article_id]):  # the panes and the table read them once
            self.articleTextChanged.emit(article_id)
            self.articlesChanged.emit()
            self.passagesChanged.emit(article_id)

    def set_source_url(self, article_id: int, url: str, *, expected: str | None = None) -> str:
        """Give an article the address it was saved from ("" for none; see
        :meth:`ArticleStore.set_source_url` for ``expected``); the address as stored."""
        self.project.articles.set_source_url(article_id=article_id, url=url, expected=expected)
        self.articlesChanged.emit()
        return self.project.articles.source_url(article_id=article_id)

    def rename_article(
        self, article_id: int, title: str, *, expected: str | None = None
    ) -> ArticleSummary:
        """Give an article a new title (its text stays as it is shown; see
        :meth:`ArticleStore.rename` for ``expected``)."""
        before = text_stamp(self.project.articles.summary(article_id=article_id))
        summary = self.project.articles.rename(
            article_id=article_id, title=title, expected=expected
        )
        if self._text_stamps.get(article_id) == before:  # else: changed elsewhere, unseen yet
            self._text_stamps[article_id] = text_stamp(summary)
        self.articlesChanged.emit()
        return summary
