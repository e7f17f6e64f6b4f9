"""Importing article files: from a path or bytes to display text, blocks and a title.

This is the one entry point the rest of Diptych uses. It reads the file safely (size limit,
no folders or devices), decodes it (:mod:`diptych.storage.decoding`), picks the format from
the file's suffix and hands the text to that format's reader:

- ``"text"``: plain text as scraped from the web (:mod:`diptych.storage.import_text`);
- ``"markdown"``: Markdown (:mod:`diptych.storage.import_markdown`);
- ``"html"``: web pages (:mod:`diptych.storage.import_html`);
- ``"plain"``: verbatim text whose display text is the text itself, for text whose
  offsets must not move (REFI-QDA sources).

A file named like a Diptych project (``.diptych``) is never imported: a project is to be
opened, another program's database only named so is said to be one, and a text file only
named so is told to be renamed for what it holds, as a file without an extension is.

Every known problem raises :class:`ArticleFileError`, whose message names the file and
says what to do.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diptych.storage.article_titles import article_title, front_matter_title
from diptych.storage.decoding import SUPPORTED_ADVICE, decode_article, normalise_newlines
from diptych.storage.document import ArticleText, check_layout
from diptych.storage.errors import Advice, ArticleFileError, readable_text
from diptych.storage.held_files import read_start
from diptych.storage.import_text import parse_plain, parse_text
from diptych.storage.project import PROJECT_SUFFIX
from diptych.storage.project_checks import EXCHANGE_SUFFIXES as EXCHANGE_SUFFIXES
from diptych.storage.project_checks import SQLITE_MAGIC, saved_by_diptych
from diptych.storage.source_addresses import front_matter_address, page_address

MAX_ARTICLE_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused (a 64 MiB article is not an article)."""

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
"""File suffix (lower case) -> format."""
# EXCHANGE_SUFFIXES: REFI-QDA project and codebook files, imported whole, never as articles.
_RENAME = "rename it to end in .txt, .md or .html and import it again"


def _parse_markdown(text: str) -> ArticleText:
    from diptych.storage.import_markdown import parse_markdown  # markdown-it: loaded on use

    return parse_markdown(text)


def _parse_html(text: str) -> ArticleText:
    from diptych.storage.import_html import parse_html

    return parse_html(text)


_READERS: dict[str, Callable[[str], ArticleText]] = {
    "text": parse_text,
    "markdown": _parse_markdown,
    "html": _parse_html,
    "plain": parse_plain,
}


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An imported article, ready to be stored.

    Attributes:
        title: the article's title (see :func:`parse_article` for how it is found).
        source_name: the file's base name, e.g. ``"001_58ff977ce34ff27f.txt"`` (see
            :func:`readable_text` for names that are not UTF-8).
        format: ``"text"``, ``"markdown"``, ``"html"`` or ``"plain"``.
        encoding: the encoding the bytes were read in, e.g. ``"utf-8"`` or ``"cp1252"``.
        original_text: the decoded source text, newlines normalised to ``"\\n"``.
        content: the display text and its blocks.
        source_url: the address the article was saved from, if it says (a web page's
            canonical address, a Markdown file's ``source:``), else "".
        main_only: a web page read as its main article only: the words around it
            (navigation, header, footer) were left out (``original_text`` holds them).
    """

    title: str
    source_name: str
    format: str
    encoding: str
    original_text: str
    content: ArticleText
    source_url: str = ""
    main_only: bool = False


def read_article_file(path: str | Path) -> ParsedArticle:
    """Read and import the article file at ``path``.

    Raises:
        ArticleFileError: the file is missing, unreadable, a folder, too large, of an
            unsupported type, empty or not text.
    """
    path = Path(path)
    refuse_unless_file(path)  # a name mistyped is missing, whatever its extension
    if path.suffix.lower() == PROJECT_SUFFIX:
        header = _read_start(path, 100)  # a project may be larger than an article
        if header.startswith(SQLITE_MAGIC) and not saved_by_diptych(path, header):
            raise _another_programs_database(path)
        raise _named_as_project(header, path, lambda: _read_bytes(path))
    fmt = format_for(path)
    return _parse(_read_bytes(path), name=path.name, fmt=fmt, where=path)


def refuse_unless_file(path: Path) -> None:
    """Refuse ``path`` if it does not exist, or is a folder, a pipe or a device: said before
    its extension is judged (a folder's name mistyped has none). A path that cannot be
    looked at passes: reading it says why.

    Raises:
        ArticleFileError: it is missing, or not a regular file.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArticleFileError(
            "does not exist", path=path, advice="Check the file's name and folder."
        ) from None
    except OSError:
        return
    _check_kind(path, info)


def is_folder(path: Path) -> bool:
    """True for a folder; False for anything else, and for a path that cannot be looked
    at (a name too long): reading it as a file then says what is wrong."""
    try:
        return path.is_dir()
    except OSError:
        return False


def format_for(name: str | Path) -> str:
    """The format of a file, from its suffix.

    Raises:
        ArticleFileError: the suffix is not one Diptych imports.
    """
    suffix = Path(name).suffix.lower()
    fmt = FORMATS.get(suffix)
    if suffix == PROJECT_SUFFIX:  # dropped on the window to open it, most likely
        raise _a_project(name)
    if fmt is None and not suffix:
        raise ArticleFileError(
            "has no extension (such as .txt) that says what kind of file it is",
            path=name,
            advice=f"If it is plain text, Markdown or a web page, {_RENAME}.",
        )
    if fmt is None:
        kinds = ", ".join(sorted(FORMATS))
        raise ArticleFileError(
            f"is not a type of article Diptych can import (supported: {kinds}; and REFI-QDA"
            " projects, .qdpx and .qdc)",
            path=name,
            advice="Save the article as text, Markdown or HTML and import that file.",
        )
    return fmt


def parse_article(data: bytes, *, name: str, fmt: str | None = None) -> ParsedArticle:
    """Import an article from its bytes.

    The title is chosen as :mod:`diptych.storage.article_titles` says: a heading, a page
    title or the first line, else the file's name.

    Args:
        data: the file's contents.
        name: the file's base name, used for messages, the format and the title.
        fmt: the format; by default chosen from ``name``'s suffix.

    Raises:
        ArticleFileError: the data is too large, empty, not text, holds nothing to show,
            or (without ``fmt``) ``name`` has an unsupported suffix.
    """
    if fmt is None and Path(name).suffix.lower() == PROJECT_SUFFIX:
        raise _named_as_project(data, name, lambda: data)
    return _parse(data, name=name, fmt=fmt or format_for(name), where=name)


def _a_project(name: str | Path) -> ArticleFileError:
    """The error for a Diptych project chosen as an article."""
    return ArticleFileError(
        "is a Diptych project, not an article",
        path=name,
        advice=Advice(
            "Open it with File > Open project…, or name it as a diptych command's "
            "PROJECT; to bring its articles and passages into this project, export it as "
            "REFI-QDA (File > Export…, or `diptych export PROJECT -f qdpx -o FILE.qdpx`) "
            "and import that file.",
            "Open it with File > Open project…; to bring its articles and passages into "
            "this project, export it there as REFI-QDA (File > Export…) and import that "
            "file.",
        ),
    )


def _another_programs_database(name: str | Path) -> ArticleFileError:
    """The error for another program's SQLite database named like a project."""
    return ArticleFileError(
        "is named like a Diptych project but is another program's database",
        path=name,
        advice="Only its name ends in .diptych: Diptych imports articles saved as text "
        "(.txt), Markdown (.md) or web pages (.html), and REFI-QDA projects (.qdpx). "
        "Export the articles from the program that made this file into one of those.",
    )


def _named_as_project(
    start: bytes, where: str | Path, read: Callable[[], bytes]
) -> ArticleFileError:
    """The error for a file named like a project (``.diptych``), from its first bytes
    (``start``): a project (SQLite), or what :func:`_named_like_a_project` says of the
    whole file (``read``)."""
    if start.startswith(SQLITE_MAGIC):
        return _a_project(where)
    return _named_like_a_project(read(), where=where)


def _named_like_a_project(data: bytes, *, where: str | Path) -> ArticleFileError:
    """The error for a file named like a project that is not one (not SQLite): said as of
    any article file if it is empty or not text; if it is text, that it is, and how to
    import it, as a file whose name does not say what it holds is told. Its kind is never
    guessed from what it holds, here as for any other file."""
    decode_article(data, name=str(where))  # raises: empty, or not text
    return ArticleFileError(
        "is named like a Diptych project but holds plain text",
        path=where,
        advice=f"To import it as an article, {_RENAME}.",
    )


def _parse(data: bytes, *, name: str, fmt: str, where: str | Path) -> ParsedArticle:
    """:func:`parse_article`, naming the file as ``where`` in messages."""
    name = readable_text(name)
    if fmt not in _READERS:
        raise ValueError(f"unknown article format {fmt!r}")
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(where)
    decoded = decode_article(data, name=str(where), html=fmt == "html")
    named: ArticleText | None = None  # the part of the article that names it, if not all
    address = ""
    main_only = False
    if fmt == "html":
        from diptych.storage.import_html import read_page

        page = read_page(decoded.text)
        content, page_title, main_only = page.content, page.title, page.main_only
        address = page_address(decoded.text)
    elif fmt == "markdown":
        from diptych.storage.import_markdown import read_markdown

        content, named = read_markdown(normalise_newlines(decoded.text))
        page_title = front_matter_title(decoded.text)
        address = front_matter_address(decoded.text)
    else:
        content, page_title = parse_display(decoded.text, fmt), ""
    if not content.text.strip():
        raise ArticleFileError(
            "holds no text that Diptych can show",
            path=where,
            advice="If it is a web page that builds its text with scripts, save the "
            "article's text from the browser and import that.",
        )
    check_layout(content)
    title = article_title(named or content, fmt=fmt, page_title=page_title, name=name)
    return ParsedArticle(
        title, name, fmt, decoded.encoding, decoded.text, content, address, main_only
    )


def parse_display(text: str, fmt: str) -> ArticleText:
    """Turn already-decoded text into display text and blocks.

    For ``"plain"`` the display text is ``text`` itself, unchanged; the other formats
    normalise newlines first.

    Raises:
        ValueError: ``fmt`` is not a known format.
    """
    reader = _READERS.get(fmt)
    if reader is None:
        raise ValueError(f"unknown article format {fmt!r}")
    return reader(text if fmt == "plain" else normalise_newlines(text))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing folders, devices and files over the size limit."""
    data = _read_start(path, MAX_ARTICLE_BYTES + 1, size_limit=True)
    if len(data) > MAX_ARTICLE_BYTES:  # it grew since it was looked at
        raise _too_large(path)
    return data


def _read_start(path: Path, count: int, *, size_limit: bool = False) -> bytes:
    """The file's first ``count`` bytes (never more, even if the file grew), refusing
    folders, devices and (with ``size_limit``) files over the size limit."""
    try:
        info = path.stat()
        _check_kind(path, info)  # before opening: a pipe would block
        if size_limit and info.st_size > MAX_ARTICLE_BYTES:
            raise _too_large(path)
        return read_start(path, count)
    except FileNotFoundError:  # removed since it was looked at
        raise ArticleFileError(
            "does not exist", path=path, advice="Check the file's name and folder."
        ) from None
    except PermissionError:
        raise ArticleFileError(
            "cannot be read: permission denied",
            path=path,
            advice="Check that you may read the file, or copy it somewhere you can.",
        ) from None
    except OSError as error:
        raise ArticleFileError(
            f"could not be read ({error.strerror or error})",
            path=path,
            advice="Check that the file is available and try again.",
        ) from None


def _check_kind(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ArticleFileError(
            "is a folder, not an article file",
            path=path,
            advice="Choose the article files inside it instead.",
        )
    if not stat.S_ISREG(info.st_mode):
        raise ArticleFileError("is not a regular file", path=path, advice="Choose an article file.")


def _too_large(name: str | Path) -> ArticleFileError:
    mib = MAX_ARTICLE_BYTES / (1024 * 1024)
    return ArticleFileError(
        f"is larger than {mib:g} MiB, too large for an article",
        path=name,
        advice=f"Split it into smaller files. {SUPPORTED_ADVICE}",
    )
