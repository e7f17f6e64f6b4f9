"""Undo commands for articles: import, remove (one or several), rename, give the address
it was saved from, update from a newer file."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from diptych.gui.commands import SessionCommand, quote_start
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import named, tag_path
from diptych.gui.text_commands import SetText
from diptych.storage.article_removal import ArticleRemoval, as_added
from diptych.storage.article_updates import ReplacementPlan
from diptych.storage.document import ArticleText
from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.model import ArticleSummary, MemoKind, ReanchorReport
from diptych.storage.wording import counted, sentence, were

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle


def article_named(text: str, title: str, after: str = "") -> str:
    """The Undo menu's name for a step on one article: ``text``, the article's title
    (shortened as a passage's quote is) and ``after`` ("Remove article “Harbour
    reopens”"); ``text`` alone for an article no longer listed."""
    return f"{text} “{quote_start(title)}”{after}" if title else f"{text}{after}"


def title_of(session: ProjectSession, article_id: int) -> str:
    """The article's title as the Library lists it ("" if it is gone)."""
    return next((a.title for a in session.articles() if a.id == article_id), "")


def import_name(titles: Sequence[str]) -> str:
    """The Undo menu's name for importing articles titled ``titles``: the one, or how many."""
    if len(titles) == 1:
        return article_named("Import article", titles[0])
    return f"Import {counted(len(titles), 'article')}"


class ImportArticles(SessionCommand):
    """Add imported articles to the project.

    Args:
        session: the open project.
        parsed: the articles to add, or () with ``added`` for articles an import worker
            already added through its own connection (the step then only records them).
        added: articles already in the project.
    """

    def __init__(
        self,
        session: ProjectSession,
        parsed: Sequence[ParsedArticle] = (),
        *,
        added: Sequence[ArticleSummary] = (),
    ) -> None:
        super().__init__(session, import_name([a.title for a in (parsed or added)]))
        self.parsed = list(parsed)
        self.added: list[ArticleSummary] = list(added)
        self.removals: list[ArticleRemoval] = []
        self.texts: dict[int, tuple[str, ArticleText]] = {}  # the texts written, by article
        self.addresses: dict[int, str] = {}  # the source addresses given, by article
        # By article undone: the others of the same text then (imported again in this
        # window, before), which its redo does not count as imported meanwhile.
        self.twins: dict[int, set[int]] = {}

    def _do(self) -> None:
        if self.parsed:
            self.added = self.session.add_articles(self.parsed)
            self.texts = {
                a.id: (p.original_text, p.content)
                for a, p in zip(self.added, self.parsed, strict=True)
            }
            articles = self.session.project.articles
            self.addresses = {a.id: articles.source_url(article_id=a.id) for a in self.added}
        else:
            self.session.changed_by_worker(articles_only=True)
            found = self.session.project.articles.get_many(article_ids=[a.id for a in self.added])
            self.texts = {a.id: (a.original_text, a.content) for a in found}
            self.addresses = {a.id: a.source_url for a in found}

    # An article imported again meanwhile (in another window, its text the same) is left
    # out and named, as an import leaves out one already in the project; if all are, the
    # redo is refused.
    def _redo(self) -> None:
        if not self.removals:  # the undo kept them all: nothing to bring back
            return
        twins = {r.article.id: self._imported_meanwhile(r) for r in self.removals}
        said = [
            f"“{removal.article.title}” is in the project again as “{twin.title}”, imported"
            " since, perhaps in another window, so it was not imported a second time"
            for removal in self.removals
            if (twin := twins[removal.article.id]) is not None
        ]
        back = [r for r in self.removals if twins[r.article.id] is None]
        if not back:
            raise ChangedMeanwhileError("; ".join(said), advice="Nothing was changed.")
        self.session.restore_articles(back)
        self.removals = back
        self.added = [a for a in self.added if twins.get(a.id) is None]
        if said:
            self.session.messages.info(sentence("; ".join(said)) + ".")

    def _undo(self) -> None:
        # All at once: a step half undone (the file busy half-way) could not be tried again.
        # One that another window gave passages or a memo, retitled or updated from a
        # newer file meanwhile is kept, and named; the others are taken back (and come
        # back with redo).
        ids = [a.id for a in self.added]
        expected = [self._as_imported(a) for a in self.added]
        self.removals, kept = self.session.take_back_import(ids, expected=expected)
        if kept:  # in the status bar, or a box if nothing at all was taken back
            self.session.show_changes_from_elsewhere()
            if self.removals:
                self.session.messages.info(self._kept_said(kept))
            else:
                self.session.messages.warning(self._kept_said(kept), "Undo/redo failed")
        articles = self.session.project.articles
        self.twins = {
            r.article.id: {a.id for a in articles.with_text(text=r.article.text)}
            for r in self.removals
        }

    def _kept_said(self, kept: Sequence[ChangedMeanwhileError], shown: int = 3) -> str:
        """What undoing the import took back and what it kept, and why ("Undone: 59 of
        the 60 articles of this import; the article 'Wrong folder 7' was given passages …
        so it was kept …")."""
        who = self.session.changed_since(self._seen)
        why = [(exc if who is None else exc.by(who)).message for exc in kept[:shown]]
        if len(kept) > shown:
            more = len(kept) - shown
            why.append(f"{counted(more, 'more article')} {were(more)} kept as well")
        taken = len(self.removals)
        if taken:
            done = f"Undone: {taken} of the {counted(len(self.added), 'article')} of this import"
        else:
            done = (
                f"Nothing was undone: the {counted(len(self.added), 'article')} of this import"
                f" {'is' if len(self.added) == 1 else 'are'} still in the project"
            )
        advices = {exc.window_advice for exc in kept}
        advice = (
            advices.pop()
            if len(advices) == 1 and len(kept) == 1
            else ("Remove them from the Library if they should go.")
        )
        return f"{done}; {'; '.join(why)}. {advice}"

    def _imported_meanwhile(self, removal: ArticleRemoval) -> ArticleSummary | None:
        """An article of ``removal``'s text imported since the undo, if there is one."""
        before = self.twins.get(removal.article.id, set())
        found = self.session.project.articles.with_text(text=removal.article.text)
        return next((a for a in found if a.id not in before), None)

    def _as_imported(self, summary: ArticleSummary) -> ArticleRemoval:
        """What undoing the import of ``summary`` is to take: the article as imported,
        with the text it was given, to tell an update from a newer file since by, and the
        source address, to tell one given since by."""
        removal = as_added(summary)
        if summary.id not in self.texts:
            return removal
        original_text, content = self.texts[summary.id]
        address = self.addresses.get(summary.id, "")
        article = replace(
            removal.article, original_text=original_text, content=content, source_url=address
        )
        return replace(removal, article=article)


class RemoveArticle(SessionCommand):
    """Remove an article and its passages."""

    PUTS_BACK = "undo"

    def __init__(self, session: ProjectSession, article_id: int) -> None:
        super().__init__(session, article_named("Remove article", title_of(session, article_id)))
        self.article_id = article_id
        self.removal: ArticleRemoval | None = None

    def _do(self) -> None:
        self.removal = self.session.remove_article(self.article_id)

    # Redo takes no more than the first removal did: an article given passages, or whose
    # passages were changed, in another window after the undo, is kept.
    def _redo(self) -> None:
        self.removal = self.session.remove_article(self.article_id, expected=self.removal)

    def _undo(self) -> None:
        assert self.removal is not None
        self.session.restore_article(self.removal)

    def _gone(self, *, undoing: bool) -> str | None:
        if self.removal is None:
            return None
        return self._article_gone(self.article_id, self.removal.article.title)


BUSY_FROM = 50  # articles removed or put back at once from this many: a busy cursor meanwhile


@contextlib.contextmanager
def busy(count: int) -> Iterator[None]:
    """A busy cursor while ``count`` articles are removed or put back, if that is many
    (a second or more with their passages in a big project), so that the window is not
    taken for hung."""
    if count < BUSY_FROM:
        yield
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class RemoveArticles(SessionCommand):
    """Remove several articles with their passages and memos, as one step (and one
    transaction: a busy file removes none of them, and undo puts all of them back).

    Articles removed meanwhile in another window are left out.
    """

    def __init__(self, session: ProjectSession, article_ids: Sequence[int]) -> None:
        super().__init__(session, f"Remove {len(article_ids)} articles")
        self.article_ids = list(article_ids)
        self.removals: list[ArticleRemoval] = []

    def _do(self) -> None:
        with busy(len(self.article_ids)):
            self.removals = self.session.remove_articles(self.article_ids)

    def _redo(self) -> None:  # as RemoveArticle's: no more than the first removal took
        with busy(len(self.removals)):
            self.removals = self.session.remove_articles(
                [r.article.id for r in self.removals], expected=self.removals
            )

    def _undo(self) -> None:
        with busy(len(self.removals)):
            self.session.restore_articles(self.removals)


class RenameArticle(SessionCommand):
    """Give an article a new title."""

    def __init__(self, session: ProjectSession, article_id: int, title: str) -> None:
        super().__init__(session, "Rename article")
        self.article_id = article_id
        self.new = title
        self.old = ""

    def _do(self) -> None:
        self.old = self.session.project.articles.summary(article_id=self.article_id).title
        self.new = self.session.rename_article(self.article_id, self.new).title  # as stored
        self.setText(article_named("Rename article", self.old, f" to “{quote_start(self.new)}”"))

    # A title given meanwhile in another window is not written over: the step is refused.
    def _redo(self) -> None:
        self.session.rename_article(self.article_id, self.new, expected=self.old)

    def _undo(self) -> None:
        self.session.rename_article(self.article_id, self.old, expected=self.new)

    # Named by the title it bore when it went: the new one while the step is done.
    def _gone(self, *, undoing: bool) -> str | None:
        return self._article_gone(self.article_id, self.new if undoing else self.old)


class SetSourceAddress(SessionCommand):
    """Give an article the address of the page it was saved from, or clear it."""

    def __init__(self, session: ProjectSession, article_id: int, url: str) -> None:
        super().__init__(session, "Set source address")
        self.article_id = article_id
        self.new = url
        self.old = ""
        self.title = title_of(session, article_id)  # named by it if it goes

    def _do(self) -> None:
        self.old = self.session.project.articles.source_url(article_id=self.article_id)
        self.new = self.session.set_source_url(self.article_id, self.new)  # as stored
        what = "Set source address of" if self.new else "Clear source address of"
        self.setText(article_named(what, self.title))

    # An address given meanwhile in another window is not written over: the step is refused.
    def _redo(self) -> None:
        self.session.set_source_url(self.article_id, self.new, expected=self.old)

    def _undo(self) -> None:
        self.session.set_source_url(self.article_id, self.old, expected=self.new)

    def _gone(self, *, undoing: bool) -> str | None:
        return self._article_gone(self.article_id, self.title)


class ReplaceArticleText(SessionCommand):
    """Update an article from a newer file; its passages are found again or orphaned."""

    def __init__(
        self,
        session: ProjectSession,
        article_id: int,
        parsed: ParsedArticle,
        plan: ReplacementPlan | None = None,
    ) -> None:
        title = title_of(session, article_id)  # kept by the update
        super().__init__(session, article_named("Update article", title, " from newer file"))
        self.article_id = article_id
        self.parsed = parsed
        # Where the passages are in the new text, found in the background; kept for redo,
        # where it still holds once undo has put the old text and passages back.
        self.plan = plan
        self.report: ReanchorReport | None = None

    def _do(self) -> None:
        self.report = self.session.replace_article_text(self.article_id, self.parsed, self.plan)

    # A text another window put in meanwhile (a newer file still) is not replaced by undo
    # or redo: the step is refused.
    def _redo(self) -> None:
        assert self.report is not None and self.report.previous_article is not None
        expected = self.report.previous_article.text
        self.report = self.session.replace_article_text(
            self.article_id, self.parsed, self.plan, expected=expected
        )

    def _undo(self) -> None:
        assert self.report is not None
        self.session.restore_article_text(self.report, expected=self.parsed.content.text)

    def _gone(self, *, undoing: bool) -> str | None:
        previous = self.report.previous_article if self.report is not None else None
        title = previous.title if previous is not None else self.parsed.title
        return self._article_gone(self.article_id, title)


class SetMemo(SetText):
    """Write the memo on the project, an article or a tag."""

    MERGE_ID = 1002
    WHAT = "memo"

    def __init__(
        self,
        session: ProjectSession,
        kind: MemoKind,
        target_id: int | None,
        text: str,
        sitting: int = 0,
    ) -> None:
        super().__init__(session, "Edit memo", (kind, target_id), text, sitting)
        self.kind, self.target_id = kind, target_id
        self.name = self._name()  # the article's title or the tag's path, as last written
        self.setText(self._label())

    def _label(self) -> str:
        """The Undo menu's name for the step, saying which of the memos it changes."""
        if self.kind == MemoKind.PROJECT:
            return "Edit project memo"
        if self.kind == MemoKind.ARTICLE:
            return f"Edit memo on article “{quote_start(self.name)}”" if self.name else "Edit memo"
        return named("Edit memo on tag", self.name) if self.name else "Edit memo"

    def _read(self) -> str:
        return self.session.memo_text(self.kind, self.target_id)

    def _write(self, text: str, expected: str | None = None) -> None:
        self.session.set_memo(self.kind, self.target_id, text, expected=expected)
        self.name = self._name()

    def _name(self) -> str:
        """The article's title or the tag's path, as the window shows it now."""
        if self.kind == MemoKind.ARTICLE:
            titles = {a.id: a.title for a in self.session.articles()}
            return titles.get(self.target_id or 0, "")
        if self.kind == MemoKind.TAG and self.target_id is not None:
            return tag_path(self.session, self.target_id)
        return ""

    def _tag_shown(self, *, undone: bool) -> int:
        # A tag's memo is shown while its tag is selected: the tag whose memo changed is
        # selected, so that the change is seen even while another tag's memo was shown.
        return (self.target_id or 0) if self.kind == MemoKind.TAG else 0

    def _gone(self, *, undoing: bool) -> str | None:
        if self.target_id is None:
            return None  # the project's memo
        if self.kind == MemoKind.ARTICLE:
            return self._article_gone(self.target_id, self.name)
        return self._tag_gone(self.target_id, self.name)
