"""Exporting tagged notes: the formats, their writers' progress, and the export itself.

An export is two steps. :func:`collect` reads everything a writer needs in one read
transaction and returns an :class:`ExportData`; a writer turns that into bytes, without
touching the project again. :func:`export_project` does both::

    data = export_project(project, fmt="md", options=ExportOptions(group_by="article"))

Writers are looked up in :data:`FORMATS` and imported only when used, so that listing
the formats (the command line's help, the window's menu) stays cheap. A writer has the
signature ``writer(data: ExportData, progress: Progress | None) -> bytes`` and reports
progress through a :class:`ProgressMeter`.

The scope and the data (:class:`ExportOptions`, :class:`ExportData`) live in
:mod:`diptych.storage.exporting_data`, reading them from the project (:func:`collect`) in
:mod:`diptych.storage.exporting_snapshot`; they are named here too, so that callers and
writers import everything about exporting from this one module.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from diptych.storage.control_characters import TEXT_FILE_CONTROLS, replaced
from diptych.storage.errors import Cancelled, InputError
from diptych.storage.exporting_data import (
    DEFAULT_OPTIONS,
    ExportData,
    ExportOptions,
    ExportPassage,
    TagGroup,
)
from diptych.storage.exporting_snapshot import collect, tag_scope

if TYPE_CHECKING:
    from diptych.storage.codebook import Codebook
    from diptych.storage.project import Project

__all__ = [
    "DEFAULT_OPTIONS",
    "FORMATS",
    "PROGRESS_EVERY",
    "PROGRESS_SECONDS",
    "ExportCancelled",
    "ExportData",
    "ExportFormat",
    "ExportOptions",
    "ExportPassage",
    "Progress",
    "ProgressMeter",
    "TagGroup",
    "collect",
    "encoded_lines",
    "export_notes",
    "export_project",
]

T = TypeVar("T")

Progress = Callable[[int, int], bool]
"""``progress(done, total)``; returning False cancels the export."""

PROGRESS_EVERY = 1000
"""Writers report progress after about this many passages..."""
PROGRESS_SECONDS = 0.1
"""...or after this long, whichever comes first: a thousand passages with long notes take
minutes, in which the progress bar stood still and Cancel was not heard."""
_now = time.monotonic  # the clock the meter reads (a test's own, in the tests)


class ExportCancelled(Cancelled):
    """The export was cancelled through its progress callback; nothing was written."""


class ProgressMeter:
    """Reports a writer's progress about every :data:`PROGRESS_EVERY` steps, and every
    :data:`PROGRESS_SECONDS` between them: a cancel is heard as soon.

    Args:
        progress: the caller's callback, or None.
        total: the number of steps the writer will take.

    Raises:
        ExportCancelled: from :meth:`step` or :meth:`finish` when the callback returns False.
    """

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self.total = total
        self.done = 0
        self._reported = 0
        self._reported_at = 0.0
        self._report()

    def step(self, count: int = 1) -> None:
        """Count ``count`` more steps done."""
        self.done += count
        if self.done - self._reported >= PROGRESS_EVERY or (
            self._progress is not None and _now() - self._reported_at >= PROGRESS_SECONDS
        ):
            self._report()

    def finish(self) -> None:
        """Report that every step is done."""
        self.done = self.total
        self._report()

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Yield ``items``, counting one step after each."""
        for item in items:
            yield item
            self.step()

    def _report(self) -> None:
        self._reported = self.done
        self._reported_at = _now()
        if self._progress is not None and not self._progress(self.done, self.total):
            raise ExportCancelled()


def encoded_lines(lines: Iterable[str], *, text_file: bool = False) -> bytes:
    """``"\\n".join(lines)`` in UTF-8, each line encoded as it comes.

    A writer's output as one string first would take up to four bytes a character (one
    emoji in a quote is enough), then a copy, then the bytes: about ten times the file's
    size at once, a gigabyte for 100,000 passages. This holds the bytes, about twice.
    With ``text_file``, control characters become U+FFFD, as a browser shows a NUL.
    """
    out = bytearray()
    for line in lines:
        if text_file:
            line = replaced(line, TEXT_FILE_CONTROLS)
        out += line.encode("utf-8")
        out += b"\n"
    del out[-1:]
    return bytes(out)


Writer = Callable[[ExportData, Progress | None], bytes]


@dataclass(frozen=True)
class ExportFormat:
    """One export format as the menu and the command line show it.

    Attributes:
        label: its name for the user, e.g. "Markdown tagged notes".
        suffix: the file name suffix, e.g. ".md".
        mime: its media type.
        writer: ``writer(data, progress) -> bytes``.
    """

    label: str
    suffix: str
    mime: str
    writer: Writer


def _lazy(module: str, function: str, *, reports_progress: bool = True) -> Writer:
    """A writer importing ``diptych.storage.<module>`` only when first called."""

    def write(data: ExportData, progress: Progress | None) -> bytes:
        target = getattr(importlib.import_module(f"diptych.storage.{module}"), function)
        if reports_progress:
            return bytes(target(data, progress))
        meter = ProgressMeter(progress, 1)
        result = bytes(target(data))
        meter.finish()
        return result

    write.__qualname__ = write.__name__ = f"{module}.{function}"
    return write


FORMATS: dict[str, ExportFormat] = {
    "md": ExportFormat(
        "Markdown tagged notes", ".md", "text/markdown; charset=utf-8",
        _lazy("export_markdown", "export_markdown"),
    ),
    "csv": ExportFormat(
        "CSV table (Excel)", ".csv", "text/csv; charset=utf-8",
        _lazy("export_csv", "export_csv"),
    ),
    "html": ExportFormat(
        "HTML report", ".html", "text/html; charset=utf-8", _lazy("export_html", "export_html")
    ),
    "json": ExportFormat(
        "W3C Web Annotation JSON-LD", ".json",
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        _lazy("export_w3c", "export_w3c"),
    ),
    "qdpx": ExportFormat(
        "REFI-QDA project", ".qdpx", "application/zip",
        _lazy("refiqda_export", "export_qdpx"),
    ),
    "qdc": ExportFormat(
        "REFI-QDA codebook", ".qdc", "application/xml",
        _lazy("refiqda_export", "export_qdc", reports_progress=False),
    ),
}  # fmt: skip
"""Every export format by its key (the command line's ``--format``)."""


# Other names files of a format commonly end with: "report.htm" is an HTML report, not
# Markdown under a name a browser opens.
OTHER_SUFFIXES = {".htm": "html", ".markdown": "md", ".jsonld": "json"}


def format_of(name: str | Path) -> str | None:
    """The key of the format whose suffix the file ``name`` ends with (any case), if any:
    ``format_of("Brief.MD")`` is "md", and so is ``format_of("Brief.markdown")``."""
    suffix = Path(str(name).strip()).suffix.casefold()
    found = next((key for key, fmt in FORMATS.items() if fmt.suffix == suffix), None)
    return found or OTHER_SUFFIXES.get(suffix)


QUALCODER_FORMATS = ("qdpx", "qdc")  # the REFI-QDA formats, which QualCoder imports
CODEBOOK_FORMATS = ("qdc",)  # the formats of the tags alone, without passages


def shared_names(codebook: Codebook) -> list[list[str]]:
    """Paths of the tags that share their name with another tag anywhere in the codebook
    (``Economy/Other``, ``Politics/Other``), one list per name, in codebook order."""
    paths: dict[str, list[str]] = {}
    for tag, _depth in codebook.walk():
        paths.setdefault(tag.name, []).append(codebook.path(tag.id))
    return [found for found in paths.values() if len(found) > 1]


def export_notes(
    codebook: Codebook, fmt: str, options: ExportOptions = DEFAULT_OPTIONS
) -> list[str]:
    """What a user should know before exporting this codebook to ``fmt`` (mostly nothing).

    QualCoder keeps one code per name, so in a REFI-QDA file a tag named like another
    loses its passages there. Only the tags the file holds count: those in the scope of
    ``options``, with their ancestors.

    Raises:
        InputError: the options name a tag that is not in ``codebook``.
    """
    if fmt not in QUALCODER_FORMATS:
        return []
    scope = tag_scope(codebook, options.tag_ids, include_subtags=options.include_subtags)
    shared = shared_names(codebook.with_ancestors(scope))
    if not shared:
        return []
    listed = "; ".join(" and ".join(f"“{path}”" for path in paths) for paths in shared[:3])
    more = f" (and {len(shared) - 3} more names)" if len(shared) > 3 else ""
    return [
        f"Tags share a name: {listed}{more}. QualCoder keeps one code per name, so only the "
        "first of each keeps its passages there; rename the others before exporting for "
        "QualCoder. Other programs read them as they are."
    ]


def export_project(
    project: Project,
    *,
    fmt: str,
    options: ExportOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    notes: list[str] | None = None,
) -> bytes:
    """Export the project's tagged passages in format ``fmt``.

    Args:
        notes: if given, the writer's notes for the user are added to it: what they
            should know about the file (the CSV rows holding a text cut short to fit a
            spreadsheet cell, or that no passage was in the scope chosen), one sentence
            each. A caller that shows the user the result (the window, the command line)
            should pass them on.

    Raises:
        InputError: ``fmt`` is not a known format, or the options name an article or a
            tag that does not exist.
        ExportCancelled: ``progress`` returned False.
    """
    export_format = FORMATS.get(fmt)
    if export_format is None:
        raise InputError(
            f"there is no export format {fmt!r}", advice="Choose one of: " + ", ".join(FORMATS)
        )
    data = collect(project, options)
    content = export_format.writer(data, progress)
    if notes is not None:
        notes.extend(data.notes)
        if not data.passages and fmt not in CODEBOOK_FORMATS:
            notes.append(_nothing_chosen(options))
    return content


def _nothing_chosen(options: ExportOptions) -> str:
    """Why an export holds no passage: a scope that matched none is easy to miss, as the
    file is written all the same."""
    if options.article_ids is None and options.tag_ids is None and options.untagged:
        return "The project has no passage yet, so the file holds none."
    return "No passage of the chosen articles has the chosen tags, so the file holds none."
