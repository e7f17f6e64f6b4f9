"""Files that are an article of the project changed, and files that are not the article
they are to update: both told apart by :mod:`diptych.storage.text_likeness`.

An import leaves out a file named as an article already in the project whose text is
close to that article's (:func:`changed_version`): imported again, it would be a second
copy holding none of the first's passages; Update from newer file… brings the changes in
with them. An update from a file whose text shares almost nothing with the article's (a
file of the article's own name must share even less: ``index.html`` of another folder), or
from a file named otherwise that holds none of its passages (:func:`unrelated_file`), is
asked about in the window, and refused by ``diptych reimport`` without ``--force``: every
passage would be orphaned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.errors import Advice, ArticleFileError
from diptych.storage.sample import file_given
from diptych.storage.text_likeness import close, unrelated
from diptych.storage.wording import counted

if TYPE_CHECKING:
    from diptych.storage.article_updates import ReplacementPlan
    from diptych.storage.importing import ParsedArticle
    from diptych.storage.model import ArticleSummary
    from diptych.storage.project import Project


class ChangedFileError(ArticleFileError):
    """A file left out of an import: it is an article of the project, changed since.

    Attributes:
        article_id: the article it is a newer version of.
        title: that article's title.
        older: the file was saved before the article was imported, yet its text is not the
            article's: the article was updated since from another file, and this one is
            most likely an older version (the one first imported, left untouched).
    """

    def __init__(self, path: Path, *, article_id: int, title: str, older: bool = False) -> None:
        said = (
            f"differs from “{title}” but was saved before it was imported (the article was"
            " updated since from another file): most likely an older version"
            if older
            else f"has changed since it was imported as “{title}”"
        )
        super().__init__(
            f"{said}, so it was not imported again",
            path=path,
            advice=Advice(
                "To bring in the changes with its passages, use: diptych reimport PROJECT "
                f"{article_id} FILE",
                "To bring in the changes with its passages, use Update from newer file… on it.",
            ),
        )
        self.article_id = article_id
        self.title = title
        self.older = older


def changed_version(
    project: Project,
    by_name: Mapping[str, Sequence[ArticleSummary]],
    path: Path,
    parsed: ParsedArticle,
) -> ChangedFileError | None:
    """The error leaving ``parsed`` (read from ``path``) out if an article imported from
    a file of the same name (``by_name``: the project's articles by ``source_name``) has
    a text close to its, else None (another page that happens to share the name, such as
    two ``index.html``, is imported)."""
    for article in by_name.get(parsed.source_name, ()):
        text = project.articles.get(article_id=article.id).text
        if close(text, parsed.content.text):
            older = saved_before(path, article.imported_at)
            return ChangedFileError(path, article_id=article.id, title=article.title, older=older)
    return None


def saved_before(path: Path, moment: str) -> bool:
    """Whether the file at ``path`` was last saved before ``moment`` (ISO 8601, to the
    second: a file saved within that second is not taken to be before it)."""
    try:
        saved = path.stat().st_mtime
        when = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except (OSError, ValueError):
        return False
    return saved < when.timestamp()


@dataclass(frozen=True, slots=True)
class UnrelatedFile:
    """A file chosen to update an article that is not that article.

    Attributes:
        file_name: the file's name.
        title: the article's title.
        source_name: the name of the file the article was imported (or last updated) from,
            if the user gave it (see :func:`~diptych.storage.sample.file_given`), else "".
        passages: the article's passages.
        orphaned: how many of them the update would orphan.
        shares_little: whether the texts share almost nothing (else the file holds none
            of the article's passages, though it shares some of its text).
    """

    file_name: str
    title: str
    source_name: str
    passages: int
    orphaned: int
    shares_little: bool = True

    def question(self) -> str:
        """What the window asks before updating the article all the same."""
        return f"{self.said()}. Update it anyway?"

    def refusal(self) -> ArticleFileError:
        """What ``diptych reimport`` says when it refuses to update without ``--force``."""
        return ArticleFileError(
            f"{self.said()}, so it was not updated",
            advice="If it is the article's newer version all the same, run the command again "
            "with --force.",
        )

    def said(self) -> str:
        """The file, the article, and what updating it from the file would do."""
        if self.source_name == self.file_name:
            source = " (though named as the file it was imported from)"
        elif self.source_name:
            source = f" (imported from {self.source_name})"
        else:
            source = ""
        if not self.shares_little:  # a passage at least that was not an orphan already
            lost = (
                "its passage is not in it: it would be orphaned"
                if self.passages == 1
                else f"none of its {self.passages} passages are in it: they would all be orphaned"
            )
            named = f"{self.file_name} is named otherwise than the file of “{self.title}”"
            return f"{named}{source}, and {lost}"
        return f"{self.file_name} shares almost nothing with “{self.title}”{source}: {self._lost()}"

    def _lost(self) -> str:
        if not self.passages:
            return "its text would be replaced by another article's"
        if self.passages == 1:
            return (
                "its passage would be orphaned" if self.orphaned else "its text would be replaced"
            )
        if self.orphaned == self.passages:
            return f"its {self.passages} passages would all be orphaned"
        return f"{self.orphaned} of its {counted(self.passages, 'passage')} would be orphaned"


def unrelated_file(
    article: ArticleSummary, parsed: ParsedArticle, plan: ReplacementPlan
) -> UnrelatedFile | None:
    """What to ask before updating ``article`` from ``parsed`` as ``plan`` (made for it)
    says, if their texts share almost nothing (however short the file; a file of the
    article's own name must share even less, its name vouching for it a little), or if the
    file is named otherwise and the update would orphan every passage of the article; None
    if it may be updated without asking (the article's text changed, however much)."""
    same_name = parsed.source_name == article.source_name
    shares_little = unrelated(plan.old_text, plan.new_text, same_name=same_name)
    if not shares_little and (same_name or not plan.loses_every_passage):
        return None
    orphaned = sum(result.anchor is None for result in plan.results)
    return UnrelatedFile(
        parsed.source_name,
        article.title,
        file_given(article.source_name),  # not a name of the sample's own files
        len(plan.passages),
        orphaned,
        shares_little,
    )
