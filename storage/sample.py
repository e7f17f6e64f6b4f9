"""The built-in sample project: the two sample articles, a small codebook, a few passages.

A new user opens Diptych on this project and sees real content straight away. It ships
ready-made, as ``resources/samples/sample.diptych`` (``make sample-template`` builds it
with :func:`build_sample_project`): the first start copies it and gives the copy an
identity of its own, instead of creating the tables and importing the articles while a
new user waits for the first window. A template that does not match this version's format
is not used; the project is then built as the template was.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.anchors import find_quote
from diptych.storage.errors import DiptychError, ProjectFileError
from diptych.storage.file_names import part_name
from diptych.storage.model import MemoKind
from diptych.storage.project import Project, new_uuid
from diptych.storage.project_checks import read_header
from diptych.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from diptych.storage.tag_keys import stored_keys, write_keys

if TYPE_CHECKING:
    from collections.abc import Callable

SAMPLE_FILES = ("000_1cefcc49ccd7fc22.txt", "001_58ff977ce34ff27f.txt")
TEMPLATE = "sample.diptych"
SAMPLE_CODER = "Diptych sample"

# (name, colour, parent, description)
SAMPLE_TAGS = (
    ("Economy", "#F6C945", None, "Economic motives and outcomes"),
    ("Trade", "#F7A85C", "Economy", "Trade volumes, agreements, restrictions"),
    ("Security", "#F28C8C", None, "Military and security concerns"),
    ("Diplomacy", "#7CC6F2", None, "Diplomatic moves and signals"),
    ("Summitry", "#9FB3F5", "Diplomacy", "What happened at or around summits"),
    ("Culture & society", "#8FD694", None, "People-to-people ties, public opinion"),
    ("Evidence", "#C39BE8", None, "Claims backed by figures or named sources"),
)

# (article index, quote, tags, note)
SAMPLE_PASSAGES = (
    (
        0,
        "The bilateral trade volume between China and South Korea, which reached "
        "approximately $273 billion in 2024",
        ("Trade", "Evidence"),
        "Headline trade figure. *Check* the 2024 number against customs data before citing.",
    ),
    (
        0,
        "Just hours before the summit, North Korea launched a series of ballistic missiles",
        ("Security", "Summitry"),
        "",
    ),
    (
        0,
        "the signing of 15 high-level cooperation agreements",
        ("Summitry", "Evidence"),
        "Count of agreements: compare with the other article.",
    ),
    (
        1,
        "symbolic restart",
        ("Diplomacy",),
        "Framing used by both articles; who coined it?",
    ),
    (
        1,
        "Security cooperation: Discussions aimed at de-escalating tensions related to "
        "North Korea and regional security challenges.",
        ("Security",),
        "",
    ),
    (
        1,
        "Improved cultural exchange programs to rebuild public trust and people-to-people "
        "connections.",
        ("Culture & society",),
        "",
    ),
)

WELCOME = """\
# Welcome to Diptych

This sample project holds two articles about diplomacy in Northeast Asia, a small \
codebook and a few tagged passages. Select text in either article and press a number key \
(1-9) or Ctrl+T to tag it; click a highlight to edit its tags and note. Everything is saved \
at once.
"""


def file_given(source_name: str) -> str:
    """The name of the file an article was imported (or last updated) from, if the user
    gave it; "" for the sample's articles, which come with Diptych: their files' names are
    the program's own, no file the user ever had."""
    return "" if source_name in SAMPLE_FILES else source_name


def sample_bytes(name: str) -> bytes:
    """The bytes of one sample article shipped with Diptych."""
    return (resources.files("diptych.resources") / "samples" / name).read_bytes()


def create_sample_project(path: str | Path) -> Project:
    """Create the sample project at ``path`` (which must not exist) and return it open."""
    path = Path(path).expanduser()
    if path.exists():
        raise ProjectFileError(
            "already exists", path=path, advice="Choose another name, or open it instead."
        )
    with resources.as_file(resources.files("diptych.resources") / "samples" / TEMPLATE) as tpl:
        if _usable_template(tpl):
            return _copy_template(tpl, path)
    return build_sample_project(path)


# Columns that make a project's objects its own: given afresh to each copy of the template.
TEMPLATE_TIME = "2025-01-01T00:00:00Z"  # the template's times: each copy has its own
_IDENTITY = {
    "articles": ("imported_at", "updated_at"),
    "tags": ("created_at",),
    "annotations": ("created_at", "updated_at"),
    "memos": ("created_at", "updated_at"),
    "coders": (),
}


def _usable_template(template: Path) -> bool:
    try:
        return template.is_file() and read_header(template) == (APPLICATION_ID, SCHEMA_VERSION)
    except DiptychError:
        return False


def _copy_template(template: Path, path: Path) -> Project:
    """A copy of the template with new uuids and times (two users' sample projects, or two
    sample projects of one user, never share an identity in their exports)."""
    part = part_name(path)
    try:
        shutil.copyfile(template, part)
        part.replace(path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ProjectFileError(
            f"could not be created ({exc.strerror})",
            path=path,
            advice="Check that the folder is writable and the disk not full.",
        ) from exc
    project = Project.open(path)
    try:
        now = project.now()
        with project.transaction():
            _give_identity(project, lambda _table, _id: new_uuid(), now)
        # The file itself, not only its log, now says which project it is: whether another
        # file was written over it is told from that (``file_overwritten.overwritten``).
        project.fold_log()
    except BaseException:
        project.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return project


def _give_identity(project: Project, uuid_of: Callable[[str, int], str], now: str) -> None:
    """Give the project, and each of its rows that has one, the uuid ``uuid_of(table, id)``
    and the time ``now`` (the tags' keys follow their tags' new uuids)."""
    db = project.db
    for key, value in (("uuid", uuid_of("project_info", 0)), ("created_at", now)):
        db.execute("UPDATE project_info SET value = ? WHERE key = ?", [value, key])
    keys = stored_keys(db)  # by the tags' uuids, which change below
    old_uuids = dict(db.execute("SELECT id, uuid FROM tags").fetchall())
    for table, times in _IDENTITY.items():
        sets = ", ".join(["uuid = ?", *(f"{column} = ?" for column in times)])
        ids = [row[0] for row in db.execute(f"SELECT id FROM {table}").fetchall()]
        db.conn.executemany(
            f"UPDATE {table} SET {sets} WHERE id = ?",
            [(uuid_of(table, i), *(now for _ in times), i) for i in ids],
        )
    if keys is not None:
        new_uuids = dict(db.execute("SELECT id, uuid FROM tags").fetchall())
        moved = {old_uuids[i]: new_uuids[i] for i in old_uuids}
        write_keys(db, {key: moved[uuid] for key, uuid in keys.items() if uuid in moved})


def build_sample_project(path: str | Path) -> Project:
    """Build the sample project at ``path`` from its articles (which must not exist)."""
    project = Project.create(path, name="Sample project")
    try:
        with project.transaction():
            _fill(project)
    except BaseException:
        project.close()
        Path(path).unlink(missing_ok=True)
        raise
    return project


def _fill(project: Project) -> None:
    from diptych.storage.importing import parse_article  # the readers: only to create it

    parsed = [parse_article(sample_bytes(name), name=name) for name in SAMPLE_FILES]
    articles = project.articles.add_many(parsed=parsed)
    tag_ids: dict[str, int] = {}
    for name, color, parent, description in SAMPLE_TAGS:
        parent_id = tag_ids[parent] if parent else None
        tag = project.tags.add(name=name, color=color, parent_id=parent_id, description=description)
        tag_ids[name] = tag.id
    for index, quote, tags, note in SAMPLE_PASSAGES:
        article = project.articles.get(article_id=articles[index].id)
        anchor = find_quote(article.text, quote)
        project.annotations.add(
            article_id=article.id,
            start=anchor.start,
            end=anchor.end,
            tag_ids=[tag_ids[t] for t in tags],
            note=note,
            coder=SAMPLE_CODER,
        )
    project.memos.set(kind=MemoKind.PROJECT, text=WELCOME)


def build_template(target: Path) -> None:
    """Write the sample project's template (``make sample-template``): built, compacted,
    one plain file (no -wal) that a first start copies. Its uuids and times are fixed, so
    that building it again, with nothing changed, writes the same bytes (each copy a first
    start makes is given its own)."""
    import tempfile
    import uuid

    with (
        tempfile.TemporaryDirectory() as folder,
        build_sample_project(Path(folder) / TEMPLATE) as project,
    ):
        with project.transaction():
            _give_identity(
                project,
                lambda table, i: str(uuid.uuid5(uuid.NAMESPACE_URL, f"diptych:sample/{table}/{i}")),
                TEMPLATE_TIME,
            )
            if project.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'"
            ).fetchone():
                project.db.execute(
                    "UPDATE _sqlite_migrations SET applied_at = ?", ["2025-01-01 00:00:00+00:00"]
                )
        target.unlink(missing_ok=True)
        project.db.execute("VACUUM INTO ?", [str(target)])
    with Project.open(target) as written:
        written.db.execute("PRAGMA journal_mode = DELETE")


if __name__ == "__main__":
    import sys

    build_template(Path(sys.argv[1]))
