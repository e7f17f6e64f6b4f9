"""Articles of a project: import, list, read, rename, update from a newer file, remove."""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diptych.storage.anchoring import AnchorMethod
from diptych.storage.anchors import Anchor
from diptych.storage.article_updates import (
    ReplacementPlan,
    apply_anchors,
    find_again,
    make_plan,
)
from diptych.storage.database import reader, translate_errors
from diptych.storage.document import ArticleText, blocks_from_json, blocks_to_json
from diptych.storage.errors import (
    ArticleChangedError,
    ChangedMeanwhileError,
    InputError,
    refuse_if_changed,
)
from diptych.storage.model import (
    Annotation,
    Article,
    ArticleSummary,
    Memo,
    MemoKind,
    ReanchorReport,
)

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.project import Project

CACHE_SIZE = 24

SUMMARY_SQL = """
    SELECT a.id, a.uuid, a.title, a.source_name, a.format, a.encoding, a.imported_at,
           a.updated_at, a.characters,
           (SELECT count(*) FROM annotations n WHERE n.article_id = a.id),
           (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.status = 'orphan')
    FROM articles a
"""


@dataclass(frozen=True, slots=True)
class ArticleRemoval:
    """An article removed from the project, with everything that went with it."""

    article: Article
    sort_order: int
    annotations: tuple[Annotation, ...]
    memos: tuple[Memo, ...]


class ArticleStore:
    """The articles of one project."""

    def __init__(self, project: Project) -> None:
        self._project = project
        # Each cached text with the file's data version taken before it was read (None:
        # unknown): unchanged since, no other connection has committed, so it is the file's.
        self._cache: OrderedDict[int, tuple[Article, int | None]] = OrderedDict()
        # The length and hash of the text first read of each article since it was last found
        # changed (what this project's readers were given), kept when the texts are dropped.
        # hash() of a string is kept by the string: no second pass over a long text.
        self._read: dict[int, tuple[int, int]] = {}

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
                row = _row(item, now=now, sort_order=order + index)
                row["uuid"] = uuids[index] if uuids else new_uuid()
                ids.append(self._insert(row))
        return [self.summary(article_id=i) for i in ids]

    def _insert(self, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self._project.db.execute(
            f"INSERT INTO articles ({columns}) VALUES ({marks})", list(row.values())
        )
        return int(cursor.lastrowid or 0)

    def _next_order(self) -> int:
        row = self._project.db.execute(
            "SELECT ifnull(max(sort_order), -1) FROM articles"
        ).fetchone()
        return int(row[0]) + 1

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
            raise InputError(f"there is no article {article_id}", advice=_LIST_ADVICE)
        return ArticleSummary(*row)

    def get(self, *, article_id: int) -> Article:
        """One article with its text (kept in a small cache)."""
        cached = self._cache.get(article_id)
        if cached is not None:
            self._cache.move_to_end(article_id)
            return cached[0]
        version = self._project.data_version()
        with self._project.reading() as db:
            article = _read_article(db.conn, article_id)
        self.remember(article, read_at=version)
        return article

    def text_changed_since_read(self, *, article_id: int) -> bool:
        """True if the file's text of an article is not the one this project first read of
        it since the last True (or none was read): what was read of it is out of date.

        A new title or date is no new text. After True, the next text read is the one
        compared with.
        """
        read = self._read.get(article_id)
        if read is not None:
            with self._project.reading() as db:
                row = db.execute(
                    "SELECT display_text FROM articles WHERE id = ?", [article_id]
                ).fetchone()
            if row is not None and (len(row[0]), hash(row[0])) == read:
                return False
        self._read.pop(article_id, None)
        return True

    def is_cached(self, *, article_id: int) -> bool:
        """True if :meth:`get` would answer without reading the file."""
        return article_id in self._cache

    def remember(self, article: Article, *, read_at: int | None = None) -> None:
        """Keep an article read elsewhere (by :func:`load_article` in a worker) in the cache.

        Args:
            read_at: :meth:`Project.data_version` taken before the article was read, if known.
        """
        self._cache[article.id] = (article, read_at)
        self._cache.move_to_end(article.id)
        self._read.setdefault(article.id, (len(article.text), hash(article.text)))
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def confirm_text(self, *, article_id: int, anchor: Anchor) -> None:
        """Check, inside a write transaction, that the file's text reads ``anchor`` there.

        An anchor is made on the text this project last read, which another window or
        program may have replaced since: saving it then would keep a quote the article no
        longer holds at those offsets. Its quote and context are compared with the file's
        text at the same place (InputError, and the cached text dropped, if they differ),
        unless no other connection has committed since the cached text was read.
        """
        cached = self._cache.get(article_id)
        if cached is not None and cached[1] == self._project.data_version():
            return  # nothing committed elsewhere since the cached text was read
        expected = anchor.prefix + anchor.exact + anchor.suffix
        first = anchor.start - len(anchor.prefix) + 1  # SQLite counts characters from 1
        row = self._project.db.execute(
            "SELECT substr(display_text, ?, ?) FROM articles WHERE id = ?",
            [first, len(expected), article_id],
        ).fetchone()
        if row is None:
            raise InputError(f"there is no article {article_id}", advice=_LIST_ADVICE)
        if row[0] != expected:
            self._cache.pop(article_id, None)
            raise ArticleChangedError(
                "the article's text was changed in another window or program since it was "
                "shown, so the passage was not saved",
                article_id=article_id,
                advice="Select the passage again in the article as it is now.",
            )

    def forget_cached(self) -> None:
        """Drop cached texts so that the next read sees the file."""
        self._cache.clear()

    def rename(self, *, article_id: int, title: str, expected: str | None = None) -> ArticleSummary:
        """Give an article a new title. With ``expected`` (undo and redo), only if the title
        still reads so: a title given meanwhile, in another window, is refused rather than
        thrown away."""
        title = title.strip()
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
        self._cache.pop(article_id, None)
        return self.summary(article_id=article_id)

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
            old_text = _read_article(db.conn, article_id).text
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
        counts = dict.fromkeys(AnchorMethod, 0)
        new_text = parsed.content.text
        with self._project.transaction():
            self._cache.pop(article_id, None)
            old = self.get(article_id=article_id)
            if expected is not None:
                _refuse_if_text_changed(old.text, expected)
            passages = self._project.annotations.query(article_id=article_id)
            if plan is None or not plan.holds(
                article_id=article_id, old_text=old.text, new_text=new_text, passages=passages
            ):
                plan = make_plan(article_id, old.text, new_text, passages)
            row = _row(parsed, now=self._project.now(), sort_order=0)
            for key in ("uuid", "title", "imported_at", "sort_order"):
                row.pop(key, None)
            sets = ", ".join(f"{k} = ?" for k in row)
            self._project.db.execute(
                f"UPDATE articles SET {sets} WHERE id = ?", [*row.values(), article_id]
            )
            for result in plan.results:
                counts[result.method] += 1
            apply_anchors(self._project, passages, plan.results)
        self._cache.pop(article_id, None)
        self._read.pop(article_id, None)  # the views are to read the new text
        return ReanchorReport(
            article_id=article_id,
            kept=counts[AnchorMethod.POSITION],
            moved=counts[AnchorMethod.QUOTE],
            fuzzy=counts[AnchorMethod.FUZZY],
            orphaned=counts[AnchorMethod.ORPHAN],
            previous=tuple(passages),
            previous_article=old,
        )

    def restore_text(
        self, *, article: Article, passages: Sequence[Annotation], expected: str | None = None
    ) -> None:
        """Undo :meth:`replace_text`: the old text back, every passage where it was.

        A passage added on the newer text since (in another window: this one undoes it
        first) is found again in the old text, as :meth:`replace_text` finds passages in a
        new one, rather than keeping offsets that point elsewhere in the old text. With
        ``expected`` (the text the replacing wrote), only if the article still reads so: a
        text another window put in meanwhile is refused rather than thrown away.
        """
        with self._project.transaction():
            db = self._project.db
            row = db.execute("SELECT display_text FROM articles WHERE id = ?", [article.id])
            newer = row.fetchone()  # the text being undone
            if expected is not None and newer is not None:
                _refuse_if_text_changed(newer[0], expected)
            known = {p.id for p in passages}
            added = [
                p
                for p in self._project.annotations.query(article_id=article.id)
                if p.id not in known
            ]
            db.execute(
                "UPDATE articles SET source_name = ?, format = ?, encoding = ?, updated_at = ?,"
                " original_text = ?, display_text = ?, characters = ?, blocks = ? WHERE id = ?",
                [article.source_name, article.format, article.encoding, article.updated_at,
                 article.original_text, article.text, len(article.text),
                 blocks_to_json(article.content.blocks), article.id],
            )  # fmt: skip
            for passage in passages:
                self._project.annotations.restore_anchor(annotation=passage)
            if added and newer is not None:
                find_again(self._project, added, article.text, old_text=newer[0])
        self._cache.pop(article.id, None)
        self._read.pop(article.id, None)  # the views are to read the old text again

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
        places since.
        """
        with self._project.transaction():
            self._cache.pop(article_id, None)
            article = self.get(article_id=article_id)
            passages = tuple(self._project.annotations.query(article_id=article_id))
            memos = tuple(
                m
                for m in self._project.memos.all()
                if m.kind is MemoKind.ARTICLE and m.target_id == article_id
            )
            if unused_only or expected is not None:
                _refuse_if_worked_on(article, passages, memos, expected)
            db = self._project.db
            order = db.execute("SELECT sort_order FROM articles WHERE id = ?", [article_id])
            sort_order = int(order.fetchone()[0])
            db.execute("DELETE FROM annotations WHERE article_id = ?", [article_id])
            db.execute("DELETE FROM memos WHERE article_id = ?", [article_id])
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        self._cache.pop(article_id, None)
        return ArticleRemoval(article, sort_order, passages, memos)

    def restore(self, *, removal: ArticleRemoval) -> None:
        """Put back an article removed by :meth:`remove`, with the same ids."""
        a = removal.article
        with self._project.transaction():
            row = {
                "id": a.id,
                "uuid": a.uuid,
                "title": a.title,
                "source_name": a.source_name,
                "format": a.format,
                "encoding": a.encoding,
                "imported_at": a.imported_at,
                "updated_at": a.updated_at,
                "original_text": a.original_text,
                "display_text": a.text,
                "characters": len(a.text),
                "blocks": blocks_to_json(a.content.blocks),
                "sort_order": removal.sort_order,
            }
            self._insert(row)
            for passage in removal.annotations:
                self._project.annotations.restore(annotation=passage)
            for memo in removal.memos:
                self._project.memos.restore(memo=memo)


def _refuse_if_worked_on(
    article: Article,
    passages: Sequence[Annotation],
    memos: Sequence[Memo],
    expected: ArticleRemoval | None,
) -> None:
    """Raise :class:`ChangedMeanwhileError` if removing the article would take away more
    than ``expected`` did (None: nothing): a passage or memo text of its own, a note, a
    tag, a place."""
    before = {p.id: p for p in expected.annotations} if expected else {}
    texts = {m.id: m.text for m in expected.memos} if expected else {}
    worked_on = any(
        p.id not in before
        or (p.note, p.exact) != (before[p.id].note, before[p.id].exact)
        or not set(p.tag_ids) <= set(before[p.id].tag_ids)
        for p in passages
    ) or any(m.text != texts.get(m.id, "") for m in memos)
    if worked_on:
        raise ChangedMeanwhileError(
            f"the article {article.title!r} was given passages or a memo, or its passages"
            " were changed, since, perhaps in another window, so it was kept rather than"
            " lose that work",
            advice="Remove it by hand if it should go.",
        )


def _refuse_if_text_changed(current: str, expected: str) -> None:
    refuse_if_changed(
        current,
        expected,
        "the article's text",
        advice="Update it from a file again if it should read otherwise.",
    )


_LIST_ADVICE = (
    "It may have been removed. The Library lists the project's articles, as does "
    "`diptych articles PROJECT`."
)


def _read_article(conn: sqlite3.Connection, article_id: int) -> Article:
    row = conn.execute(
        "SELECT id, uuid, title, source_name, format, encoding, imported_at, updated_at,"
        " original_text, display_text, blocks FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        raise InputError(f"there is no article {article_id}", advice=_LIST_ADVICE)
    content = ArticleText(row[9], blocks_from_json(row[10]))
    return Article(*row[:9], content=content)  # type: ignore[misc]


def load_article(path: Path, *, article_id: int) -> Article:
    """Read one article through a connection of its own (:func:`reader`), for a worker."""
    conn = reader(path)
    try:
        with translate_errors(path):
            article = _read_article(conn, article_id)
    finally:
        conn.close()
    hash(article.text)  # kept by the string: remembering it on the GUI thread needs no pass
    return article


def _row(parsed: ParsedArticle, *, now: str, sort_order: int) -> dict[str, Any]:
    return {
        "title": parsed.title,
        "source_name": parsed.source_name,
        "format": parsed.format,
        "encoding": parsed.encoding,
        "imported_at": now,
        "updated_at": now,
        "original_text": parsed.original_text,
        "display_text": parsed.content.text,
        "characters": len(parsed.content.text),
        "blocks": parsed.content.to_json(),
        "sort_order": sort_order,
    }
