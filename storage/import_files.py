"""Which files an import reads, and which of their articles it leaves out.

What the user chose or dropped may hold folders: :func:`files_to_import` finds their
article files (in the order a file manager shows them) and says what it left out.
:func:`leave_out_duplicates` keeps an article already in the project from being added a
second time, on which the passages of the first would not be; :func:`add_new_articles`
does that and the adding in one transaction, so that two imports of the same file at the
same moment add it once. The window and ``diptych import`` use both, and
:func:`read_as_main_only` to name the pages of which only the main article was read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.changed_files import ChangedFileError, changed_version
from diptych.storage.errors import ArticleFileError, Cancelled, readable_text
from diptych.storage.folder_links import SAID, LinkTarget, link_target, links_said
from diptych.storage.importing import EXCHANGE_SUFFIXES, FORMATS, ParsedArticle, is_folder
from diptych.storage.page_folders import beside_chosen_page, page_folders
from diptych.storage.wording import counted

if TYPE_CHECKING:
    from diptych.storage.model import ArticleSummary
    from diptych.storage.project import Project

MAX_FOLDER_FILES = 5000
"""A chosen or dropped folder may hold at most this many article files (a whole home
folder dropped by mistake is refused before anything is read)."""
_MAX_FOLDER_ENTRIES = 100_000  # names looked at, articles or not, before giving up


_DOCUMENTS = frozenset((".doc", ".docx", ".odt", ".rtf", ".pdf", ".pages"))
DOCUMENT_ADVICE = (
    "To bring in a Word or LibreOffice document, save it as a web page (.htm) or as text "
    "(.txt); a PDF's text can be saved as .txt from the program that shows it."
)


@dataclass(slots=True)
class FilesToImport:
    """The article files found in chosen or dropped files and folders.

    Attributes:
        files: the files to read, each once, in the order chosen (a folder's in name
            order, its own files before its sub-folders').
        left_out: one message per folder that held files that are not articles, or
            could not be read in full.
        left_out_folders: the folder, as chosen, each message of ``left_out`` is about.
    """

    files: list[Path] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    left_out_folders: list[Path] = field(default_factory=list)


def files_to_import(
    paths: Sequence[Path], *, keep_going: Callable[[], bool] = lambda: True
) -> FilesToImport:
    """The files to import from what the user chose or dropped.

    A file is kept as it is (reading it says what is wrong with it). A folder gives its
    article files, then those of each sub-folder, in name order (numbers by value: "part
    2" before "part 10"); hidden files and folders
    (names starting with ``.``) are skipped, as is the folder of files a browser saves
    beside a page (:mod:`diptych.storage.page_folders`: ``story_files`` beside
    ``story.html``, also when both were chosen), symbolic links that lead outside the folder
    or round in a loop are skipped (:mod:`diptych.storage.folder_links`), and what is left
    out is said once per folder. A file given twice, reached again through a link, or
    inside a folder also given, is kept once.

    Args:
        paths: the files and folders.
        keep_going: asked between folders; False stops the search (Cancel).

    Raises:
        ArticleFileError: a folder holds more than :data:`MAX_FOLDER_FILES` article files.
        Cancelled: ``keep_going`` returned False.
    """
    found = FilesToImport()
    seen: set[str] = set()
    for path in paths:
        if is_folder(path) and beside_chosen_page(path, paths):
            continue  # its page's files, chosen with the page
        if is_folder(path):
            folder = _FolderSearch(path, keep_going)
            candidates = folder.files()
            said = folder.left_out()
            found.left_out.extend(said)
            found.left_out_folders.extend(path for _ in said)
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.files.append(candidate)
    return found


class AlreadyImportedError(ArticleFileError):
    """A file left out of an import: its article is in the project already.

    Attributes:
        article_id: that article.
    """

    def __init__(
        self, message: str, *, path: Path | None, article_id: int, advice: str = ""
    ) -> None:
        super().__init__(message, path=path, advice=advice)
        self.article_id = article_id


def leave_out_duplicates(
    project: Project, read: Sequence[tuple[Path, ParsedArticle]], *, advice: str
) -> tuple[list[ParsedArticle], list[ArticleFileError]]:
    """The articles whose text is not in the project yet (nor earlier in ``read``), nor
    that of an article imported from a file of the same name, changed since
    (:func:`~diptych.storage.changed_files.changed_version`), and a message for each of
    the others: importing a file again would only make a second copy, on which the
    passages of the first are not. ``advice`` says how to bring in a changed version
    instead (a changed file's message says it of its own article)."""
    by_length: dict[int, list[ArticleSummary]] = {}
    by_name: dict[str, list[ArticleSummary]] = {}
    for article in project.articles.all():
        by_length.setdefault(article.characters, []).append(article)
        by_name.setdefault(article.source_name, []).append(article)
    fresh: list[ParsedArticle] = []
    earlier: dict[str, Path] = {}
    said: list[ArticleFileError] = []
    for path, parsed in read:
        text = parsed.content.text
        twin = earlier.get(text)
        if twin is not None:
            same_as = readable_text(twin.name)
            said.append(
                ArticleFileError(
                    f"has the same text as {same_as}, which is imported once", path=path
                )
            )
            continue
        same = next(
            (
                a
                for a in by_length.get(len(text), ())
                if project.articles.get(article_id=a.id).text == text
            ),
            None,
        ) or _same_file(project, by_name, parsed)
        if same is not None:
            said.append(
                AlreadyImportedError(
                    f"is already in the project as “{same.title}”, so it was not imported again",
                    path=path,
                    advice=advice,
                    article_id=same.id,
                )
            )
            continue
        changed = changed_version(project, by_name, path, parsed)
        if changed is not None:
            said.append(changed)
            continue
        earlier[text] = path
        fresh.append(parsed)
    return fresh, said


def add_new_articles(
    project: Project,
    read: Sequence[tuple[Path, ParsedArticle]],
    *,
    advice: str,
    keep_going: Callable[[], bool] = lambda: True,
) -> tuple[list[ArticleSummary], list[ArticleFileError]]:
    """Add the articles of ``read`` that are not in the project yet, in one transaction;
    returns the new articles and a message for each article left out (see
    :func:`leave_out_duplicates`).

    The look for duplicates is made inside the write transaction: another import of the
    same file at the same moment (a second window, ``diptych import`` while the window
    imports) waits for this one to finish, then finds its article and leaves it out.

    Raises:
        Cancelled: ``keep_going``, asked once the duplicates are known, returned False;
            nothing is added.
    """
    with project.transaction():
        fresh, said = leave_out_duplicates(project, read, advice=advice)
        if not keep_going():
            raise Cancelled
        added = project.articles.add_many(parsed=fresh) if fresh else []
    return added, said


def read_as_main_only(
    read: Sequence[tuple[Path, ParsedArticle]], left_out: Sequence[ArticleFileError]
) -> list[str]:
    """The names of the files of ``read`` added (not ``left_out`` as duplicates) that were
    read as their page's main article only, for the import's message to name."""
    paths = {error.path for error in left_out}
    return [parsed.source_name for path, parsed in read if parsed.main_only and path not in paths]


def advice_once(said: Sequence[ArticleFileError]) -> tuple[list[ArticleFileError], list[str]]:
    """The messages :func:`add_new_articles` gave without their advice, and each advice
    once: how to bring in a changed version is the same for every file, said once after
    them rather than under each. A file changed since it was imported keeps its own,
    which names its article."""
    bare = [
        error
        if isinstance(error, ChangedFileError)
        else AlreadyImportedError(error.message, path=error.path, article_id=error.article_id)
        if isinstance(error, AlreadyImportedError)
        else ArticleFileError(error.message, path=error.path)
        for error in said
    ]
    shared = (e.advice for e in said if e.advice and not isinstance(e, ChangedFileError))
    return bare, list(dict.fromkeys(shared))


_NUMBER = re.compile(r"(\d+)")


def _name_order(name: str) -> tuple[tuple[tuple[int, str | int], ...], str]:
    """Sort key for file names as a file manager orders them: without case, and numbers
    by value ("part 2" before "part 10")."""
    parts = _NUMBER.split(name.casefold())
    return tuple((0, int(p)) if p.isdecimal() else (1, p) for p in parts if p), name


def _is_special(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is named as an article but is a pipe, a socket or a device."""
    if Path(entry.name).suffix.lower() not in FORMATS:
        return False
    try:
        return not entry.is_symlink() and not stat.S_ISREG(entry.stat().st_mode)
    except OSError:
        return False


class _FolderSearch:
    """The article files under one folder, and what was left out."""

    def __init__(self, root: Path, keep_going: Callable[[], bool]) -> None:
        self.root = root
        self.real_root = Path(os.path.realpath(root))
        self.keep_going = keep_going
        self.others: list[str] = []  # paths of files that are not articles
        self.reached: set[str] = set()  # real paths of the files imported through a link
        self.links: dict[LinkTarget, list[str]] = {target: [] for target in SAID}
        self.unreadable: list[Path] = []  # folders that could not be listed
        self.entries = 0
        self.found = 0

    def files(self) -> list[Path]:
        found: list[Path] = []
        visited: set[tuple[int, int]] = set()
        stack = [self.root]
        while stack:
            if not self.keep_going():
                raise Cancelled
            folder = stack.pop()
            try:
                info = folder.stat()
                if (info.st_dev, info.st_ino) in visited:  # reached again (a bind mount)
                    continue
                visited.add((info.st_dev, info.st_ino))
                real = Path(os.path.realpath(folder))
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: _name_order(e.name))
            except OSError:
                self.unreadable.append(folder)
                continue
            subfolders = self._sort(entries, found, real)
            stack.extend(reversed(subfolders))  # depth first, in name order
        self.found = len(found)
        return found

    def _sort(self, entries: list[os.DirEntry[str]], found: list[Path], real: Path) -> list[Path]:
        """Put the article files of a folder (whose real path is ``real``) in ``found``;
        return its sub-folders."""
        subfolders = []
        pages_files = page_folders(entry.name for entry in entries)
        for entry in entries:
            self.entries += 1
            if self.entries > _MAX_FOLDER_ENTRIES:
                raise self._too_many()
            if entry.name.startswith(".") or self._skip_link(entry, real):
                continue
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir and entry.name not in pages_files:
                subfolders.append(Path(entry.path))
            elif is_dir:
                continue  # a saved page's pictures, scripts and frames: not articles
            elif is_file and Path(entry.name).suffix.lower() in FORMATS:
                found.append(Path(entry.path))
                if len(found) > MAX_FOLDER_FILES:
                    raise self._too_many()
                if entry.is_symlink():
                    self.reached.add(os.path.realpath(entry.path))
            elif not is_dir and _is_special(entry):  # named as an article: reading says why
                found.append(Path(entry.path))
            else:
                self.others.append(entry.path)
        return subfolders

    def _left_out_files(self) -> list[str]:
        """The files that are not articles (but those imported through a link named as an
        article), named from the folder chosen: ``sub/README`` where it is in a sub-folder."""
        others = self.others
        if self.reached:
            others = [path for path in others if os.path.realpath(path) not in self.reached]
        return [readable_text(Path(path).relative_to(self.root).as_posix()) for path in others]

    def _skip_link(self, entry: os.DirEntry[str], real: Path) -> bool:
        """Whether ``entry`` is a link not to follow; one to outside or round in a loop is
        kept to be said."""
        try:
            if not entry.is_symlink():
                return False
        except OSError:
            return False
        target = link_target(entry.path, folder=real, root=self.real_root)
        if target in self.links:
            self.links[target].append(
                readable_text(Path(entry.path).relative_to(self.root).as_posix())
            )
        return target in self.links or target is LinkTarget.IMPORTED_THERE

    def _too_many(self) -> ArticleFileError:
        return ArticleFileError(
            f"holds more than {MAX_FOLDER_FILES:,} files, too many to import at once",
            path=self.root,
            advice="Choose a smaller folder, or the article files themselves.",
        )

    def left_out(self) -> list[str]:
        """What to say about the files not imported from this folder (nothing if none)."""
        said = []
        kinds = ", ".join(sorted(FORMATS))
        others = self._left_out_files()
        if not (self.found or others or self.unreadable or any(self.links.values())):
            said.append(
                f"{readable_text(str(self.root))}: holds no article files, so nothing was "
                f"imported from it. Choose a folder with {kinds} files."
            )
        if others:
            count = len(others)
            names = ", ".join(others[:3]) + (", …" if count > 3 else "")
            exchange = any(name.lower().endswith(EXCHANGE_SUFFIXES) for name in others)
            documents = any(Path(name).suffix.lower() in _DOCUMENTS for name in others)
            said.append(
                f"{readable_text(str(self.root))}: {counted(count, 'file')} that "
                f"{'is not an article was' if count == 1 else 'are not articles were'} "
                f"left out ({names}). Only {kinds} files are imported from a folder"
                + ("; import a REFI-QDA file (.qdpx, .qdc) on its own." if exchange else ".")
                + (f" {DOCUMENT_ADVICE}" if documents else "")
            )
        said.extend(links_said(readable_text(str(self.root)), self.links))
        for folder in self.unreadable[:1]:
            more = len(self.unreadable) - 1
            also = f" (and {counted(more, 'other folder')} in {self.root.name})" if more else ""
            said.append(
                f"{readable_text(str(folder))}{readable_text(also)}: could not be read, so "
                "the articles in it were not imported. Check that you may open the folder, "
                "then import it again."
            )
        return said


def _same_file(
    project: Project, by_name: Mapping[str, Sequence[ArticleSummary]], parsed: ParsedArticle
) -> ArticleSummary | None:
    """The article imported from a file of the same name and the same text as ``parsed``'s
    file, if any: the same file, read differently by a later Diptych (a web page's images
    now kept as their descriptions, say), which did not change since it was imported."""
    return next(
        (
            a
            for a in by_name.get(parsed.source_name, ())
            if project.articles.get(article_id=a.id).original_text == parsed.original_text
        ),
        None,
    )
