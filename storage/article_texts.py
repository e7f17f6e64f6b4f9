"""The texts of a project's articles last read, kept so that showing one again reads
nothing from the file, and what they tell of the file since: whether an article's text
was replaced, whether a passage's anchor still reads so."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from diptych.storage.anchors import Anchor
from diptych.storage.article_rows import LIST_ADVICE, read_article
from diptych.storage.errors import ArticleChangedError, InputError
from diptych.storage.model import Article

if TYPE_CHECKING:
    from diptych.storage.project import Project

CACHE_SIZE = 24


class ArticleTexts:
    """The texts of one project's articles last read (a few of them).

    Args:
        project: the project they are read from.
    """

    def __init__(self, project: Project) -> None:
        self._project = project
        # Each cached text with the file's data version taken before it was read (None:
        # unknown): unchanged since, no other connection has committed, so it is the file's.
        self._cache: OrderedDict[int, tuple[Article, int | None]] = OrderedDict()
        # The length and hash of the text first read of each article since it was last found
        # changed (what this project's readers were given), kept when the texts are dropped.
        # hash() of a string is kept by the string: no second pass over a long text.
        self._read: dict[int, tuple[int, int]] = {}

    def get(self, article_id: int) -> Article:
        """One article with its text, from the cache if it holds it, else from the file."""
        cached = self._cache.get(article_id)
        if cached is not None:
            self._cache.move_to_end(article_id)
            return cached[0]
        version = self._project.data_version()
        with self._project.reading() as db:
            article = read_article(db.conn, article_id)
        self.remember(article, read_at=version)
        return article

    def changed_since_read(self, article_id: int) -> bool:
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

    def holds(self, article_id: int) -> bool:
        """True if :meth:`get` would answer without reading the file."""
        return article_id in self._cache

    def remember(self, article: Article, *, read_at: int | None = None) -> None:
        """Keep ``article``, read when the file's data version was ``read_at`` (if known)."""
        self._cache[article.id] = (article, read_at)
        self._cache.move_to_end(article.id)
        self._read.setdefault(article.id, (len(article.text), hash(article.text)))
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def confirm(self, article_id: int, anchor: Anchor) -> None:
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
            raise InputError(f"there is no article {article_id}", advice=LIST_ADVICE)
        if row[0] != expected:
            self._cache.pop(article_id, None)
            raise ArticleChangedError(
                "the article's text was changed in another window or program since it was "
                "shown, so the passage was not saved",
                article_id=article_id,
                advice="Select the passage again in the article as it is now.",
            )

    def drop(self, article_id: int, *, read_too: bool = False) -> None:
        """Forget the text kept of an article; with ``read_too``, also the text first read
        of it (a new text was written: the views are to read it)."""
        self._cache.pop(article_id, None)
        if read_too:
            self._read.pop(article_id, None)

    def clear(self) -> None:
        """Drop every text kept, so that the next read sees the file."""
        self._cache.clear()
