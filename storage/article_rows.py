"""An article as a row of the project file: the row an article is written as, and reading
one back, also through a connection of its own for a worker."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diptych.storage.connection import Database
from diptych.storage.database import reader
from diptych.storage.document import ArticleText, blocks_from_json
from diptych.storage.errors import Advice, InputError
from diptych.storage.model import Article
from diptych.storage.sqlite_errors import translate_errors

if TYPE_CHECKING:
    from diptych.storage.importing import ParsedArticle

SUMMARY_SQL = """
    SELECT a.id, a.uuid, a.title, a.source_name, a.format, a.encoding, a.imported_at,
           a.updated_at, a.characters,
           (SELECT count(*) FROM annotations n WHERE n.article_id = a.id),
           (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.status = 'orphan')
    FROM articles a
"""

LIST_ADVICE = Advice(
    "It may have been removed. The Library lists the project's articles, as does "
    "`diptych articles PROJECT`.",
    "It may have been removed; the Library lists the project's articles.",
)


def read_article(conn: sqlite3.Connection, article_id: int) -> Article:
    """One article with its text; InputError if there is none with that id."""
    row = conn.execute(
        "SELECT id, uuid, title, source_name, format, encoding, imported_at, updated_at,"
        " original_text, display_text, blocks, source_url FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        raise InputError(f"there is no article {article_id}", advice=LIST_ADVICE)
    content = ArticleText(row[9], blocks_from_json(row[10]))
    return Article(*row[:9], content=content, source_url=row[11])  # type: ignore[misc]


def load_article(path: Path, *, article_id: int) -> Article:
    """Read one article through a connection of its own (:func:`reader`), for a worker."""
    conn = reader(path)
    try:
        with translate_errors(path):
            article = read_article(conn, article_id)
    finally:
        conn.close()
    hash(article.text)  # kept by the string: remembering it on the GUI thread needs no pass
    return article


def article_row(parsed: ParsedArticle, *, now: str, sort_order: int) -> dict[str, Any]:
    """The columns of an article read from a file, imported (or updated) at ``now``."""
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
        "source_url": parsed.source_url,
    }


def insert_article(db: Database, row: dict[str, Any]) -> int:
    """Write ``row`` as a new article; its id."""
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)
