"""The project file's schema, owned by migrations.

Each migration runs in one transaction with the record of it having been applied
(sqlite-utils ``Migrations``). ``PRAGMA user_version`` mirrors the number of migrations so
that a file from a newer Diptych can be recognised before anything touches it, and
``PRAGMA application_id`` marks the file as a Diptych project.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from diptych.storage.connection import Database
from diptych.storage.search_folds import (
    VIEWS,
    fold_dotless_letters,
    fold_marked_letters,
    fold_raised_numbers_apart,
    fold_search,
    fold_stroked_letters,
)

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x44505459  # "DPTY" in the file header marks a Diptych project
SCHEMA_VERSION = 10  # the number of migrations below; tests keep them in step
MIGRATION_SET = "diptych"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records applied migrations

CORE_TABLES = ("project_info", "articles", "tags", "annotations", "annotation_tags", "memos")

_CORE = [
    """CREATE TABLE project_info (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        source_name TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL,
        encoding TEXT NOT NULL DEFAULT 'utf-8',
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        original_text TEXT NOT NULL,
        display_text TEXT NOT NULL,
        characters INTEGER NOT NULL DEFAULT 0,
        blocks TEXT NOT NULL DEFAULT '[]',
        sort_order INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE tags (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        color TEXT NOT NULL CHECK (color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
        parent_id INTEGER REFERENCES tags(id),
        description TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX tags_sibling_name ON tags (ifnull(parent_id, 0), name COLLATE NOCASE)",
    """CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        start_pos INTEGER NOT NULL CHECK (start_pos >= 0),
        end_pos INTEGER NOT NULL CHECK (end_pos > start_pos),
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        coder TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphan'))
    )""",
    "CREATE INDEX annotations_article ON annotations (article_id, start_pos)",
    """CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id),
        PRIMARY KEY (annotation_id, tag_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id)",
    """CREATE TABLE memos (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('project', 'article', 'tag')),
        article_id INTEGER REFERENCES articles(id),
        tag_id INTEGER REFERENCES tags(id),
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX memos_target ON memos (kind, ifnull(article_id, 0), ifnull(tag_id, 0))",
    """CREATE TABLE coders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE
    )""",
]


def _core(db: sqlite_utils.Database) -> None:
    for statement in _CORE:
        db.execute(statement)


_SEARCH = [
    # External-content full-text indexes, kept in step with their tables by triggers.
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, display_text, content='articles', content_rowid='id', tokenize='unicode61')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, display_text)
        VALUES (new.id, new.title, new.display_text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, display_text)
        VALUES ('delete', old.id, old.title, old.display_text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, display_text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, display_text)
        VALUES ('delete', old.id, old.title, old.display_text);
        INSERT INTO articles_fts(rowid, title, display_text)
        VALUES (new.id, new.title, new.display_text);
    END""",
    """CREATE VIRTUAL TABLE annotations_fts USING fts5(
        exact, note, content='annotations', content_rowid='id', tokenize='unicode61')""",
    """CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotations_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
    END""",
    """CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
        INSERT INTO annotations_fts(annotations_fts, rowid, exact, note)
        VALUES ('delete', old.id, old.exact, old.note);
    END""",
    """CREATE TRIGGER annotations_fts_update AFTER UPDATE OF exact, note ON annotations BEGIN
        INSERT INTO annotations_fts(annotations_fts, rowid, exact, note)
        VALUES ('delete', old.id, old.exact, old.note);
        INSERT INTO annotations_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
    END""",
]


def _search(db: sqlite_utils.Database) -> None:
    for statement in _SEARCH:
        db.execute(statement)
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    db.execute("INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild')")


_MEMO_SEARCH = [
    # Memos are searched as articles and passages are: an analyst looks for what they wrote.
    """CREATE VIRTUAL TABLE memos_fts USING fts5(
        text, content='memos', content_rowid='id', tokenize='unicode61')""",
    """CREATE TRIGGER memos_fts_insert AFTER INSERT ON memos BEGIN
        INSERT INTO memos_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER memos_fts_delete AFTER DELETE ON memos BEGIN
        INSERT INTO memos_fts(memos_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER memos_fts_update AFTER UPDATE OF text ON memos BEGIN
        INSERT INTO memos_fts(memos_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO memos_fts(rowid, text) VALUES (new.id, new.text);
    END""",
]


def _memo_search(db: sqlite_utils.Database) -> None:
    for statement in _MEMO_SEARCH:
        db.execute(statement)
    db.execute("INSERT INTO memos_fts(memos_fts) VALUES ('rebuild')")  # the memos written


def _source_addresses(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE articles ADD COLUMN source_url TEXT NOT NULL DEFAULT ''")


def _passages_to_check(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE passages_to_check (
            annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            since TEXT NOT NULL,
            quoted TEXT NOT NULL DEFAULT ''
        )"""
    )


_STEPS: tuple[tuple[str, Callable[[sqlite_utils.Database], None]], ...] = (
    ("0001_core", _core),
    ("0002_search", _search),
    ("0003_memo_search", _memo_search),
    # Words in compatibility forms (ＡＰＥＣ, ﬁ) found as written plainly, and the other way
    # round: the indexes hold folded words (see diptych.storage.search_folds).
    ("0004_folded_search", fold_search),
    # A footnote number in superscript after a word (began¹) folded apart from it, so that
    # the word is found: the texts kept folded that have one folded again.
    ("0005_raised_numbers_apart", fold_raised_numbers_apart),
    # The address each article was saved from, for citing it.
    ("0006_source_addresses", _source_addresses),
    # A letter with a stroke (Ø, Ł) found by the plain one, as an accented one is: the
    # texts that have one indexed by their folded words.
    ("0007_stroked_letters", fold_stroked_letters),
    # Words found without the marks the index does not take off itself (Βουλη finds
    # Βουλή, объем объём, Nguyen Nguyễn, الرئيس الرَّئِيسُ): the texts that have one
    # indexed by their folded words.
    ("0008_marked_letters", fold_marked_letters),
    # The passages an update of their article found only approximately, kept until the
    # analyst has looked at them: why, since which update, and what they quoted before.
    ("0009_passages_to_check", _passages_to_check),
    # The dotless ı of Turkish as i (ışık, Işık, IŞIK and isik find each other): the texts
    # that have one indexed by their folded words.
    ("0010_dotless_letters", fold_dotless_letters),
)


# Indexes that only make reading faster. They are not part of the file's format: any
# writable opening creates those missing, and a Diptych that does not know them opens a
# file holding them all the same, so they need no migration (and no version number that
# would shut an older Diptych out of the file). A read-only file goes without.
READING_INDEXES = {
    # The library's summaries read these columns from the index alone: in the table they
    # come after the texts, so reaching them meant reading every text's overflow pages.
    "articles_library": """CREATE INDEX IF NOT EXISTS articles_library ON articles (
        sort_order, id, uuid, title, source_name, format, encoding, imported_at, updated_at,
        characters)""",
    # Orphans are few: counting an article's finds them without visiting its passages.
    "annotations_orphans": """CREATE INDEX IF NOT EXISTS annotations_orphans
        ON annotations (article_id) WHERE status = 'orphan'""",
}


def missing_reading_indexes(db: Database) -> list[str]:
    """The statements creating the reading indexes the file does not have yet."""
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    present = {name for (name,) in rows}
    return [sql for name, sql in READING_INDEXES.items() if name not in present]


@cache
def migrations() -> Migrations:
    """The migration set (sqlite-utils is imported only when a file must be created or
    brought up to date)."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for name, step in _STEPS:
        steps(name=name)(step)
    return steps


def apply_migrations(db: Database) -> None:
    """Bring a project file to the current schema and stamp its version."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations().apply(db.utils())
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def needs_migration(db: Database) -> bool:
    """True if the file is older than this version of Diptych."""
    if _applied(db) == [name for name, _ in _STEPS]:
        return False  # the usual case, answered without sqlite-utils
    return bool(migrations().pending(db.utils()))


def _applied(db: Database) -> list[str]:
    if MIGRATIONS_TABLE not in db.table_names():
        return []
    rows = db.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [name for (name,) in rows]


def is_diptych_schema(db: Database) -> bool:
    """True if the database holds Diptych's migration record and core tables."""
    names = set(db.table_names())
    if MIGRATIONS_TABLE not in names or not set(CORE_TABLES) <= names:
        return False
    return "0001_core" in _applied(db)


KNOWN_TRIGGERS = frozenset(
    f"{table}_fts_{event}"
    for table in ("articles", "annotations", "memos")
    for event in ("insert", "delete", "update")
)


def unknown_schema_objects(db: Database) -> list[str]:
    """Triggers and views that Diptych did not create (a file tampered with elsewhere)."""
    rows = db.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')")
    known = {"trigger": KNOWN_TRIGGERS, "view": VIEWS}
    return [f"{kind} {name}" for kind, name in rows if name not in known[kind]]
