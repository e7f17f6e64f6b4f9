"""The summary of an exchange file's import: what it brought into the project, what it
left out, and the lines that tell people so. Filled in by
:func:`~diptych.storage.refiqda_import.import_exchange_file`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diptych.storage.wording import counted


@dataclass
class ExchangeImportSummary:
    """What an exchange file brought into the project, and what it left out.

    Attributes:
        path: the file imported, as text to show (bytes that are not UTF-8 as U+FFFD).
        kind: ``"project"`` (a ``.qdpx``) or ``"codebook"`` (a ``.qdc``).
        origin: the program that wrote it, as the file says ("" if it does not).
        article_ids: the new articles, in the file's order.
        tags_created: tags added to the codebook.
        tags_reused: codes matched to a tag of the same name already there.
        renamed_tags: "old -> new" for codes given a numbered name.
        tags_kept: the tags codes were matched to whose name or colour the file gives
            otherwise, each with the file's: kept as they are in the project.
        passages: passages added.
        notes: passages that came with a note.
        memos: project, article and tag memos written or added to.
        coders: the coders of the new passages, by name.
        skipped: how many of each kind of thing were not imported.
        skipped_sources: each source not imported, by name, with the reason.
        outside_text: per article (by the source's name), how many selections fell
            outside its text: positions that do not fit, often a sign of a text changed
            after coding.
        words_cut: per article (by the source's name), how many passages begin or end
            inside a word where the file's positions could be counted more than one way:
            perhaps placed a character off.
        known_sources: the sources whose text an article of the project already has, by
            name: not added again, their codings merged into that article.
        changed_sources: the sources that are an article of the project (their GUID names
            it) with another text, by name: not added again, their codings found in the
            article's text and merged into it.
        orphans_added: passages of those whose words the article's text no longer has,
            added as orphans (with their quote) to re-attach.
        codings_added: codings (a tag on some words, or a note on words without a tag)
            of those sources that the article did not hold, now added.
        codings_present: codings of those sources that the article already held.
        notes_added: notes of those sources added to a passage already there.
    """

    path: str
    kind: str = "project"
    origin: str = ""
    article_ids: list[int] = field(default_factory=list)
    tags_created: int = 0
    tags_reused: int = 0
    renamed_tags: list[str] = field(default_factory=list)
    tags_kept: list[str] = field(default_factory=list)
    passages: int = 0
    notes: int = 0
    memos: int = 0
    coders: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_sources: list[str] = field(default_factory=list)
    outside_text: dict[str, int] = field(default_factory=dict)
    words_cut: dict[str, int] = field(default_factory=dict)
    known_sources: list[str] = field(default_factory=list)
    changed_sources: list[str] = field(default_factory=list)
    orphans_added: int = 0
    codings_added: int = 0
    codings_present: int = 0
    notes_added: int = 0

    def describe(self) -> list[str]:
        """The summary as lines for people, in Diptych's words (articles, passages, tags);
        the REFI-QDA names of the file's parts only for what was not imported."""
        origin = f" from {self.origin}" if self.origin else ""
        brought = self._codebook() if self.kind == "codebook" else self._project()
        lines = [f"{Path(self.path).name}{origin}: {brought}"]
        if self.coders:
            lines.append("coders: " + ", ".join(self.coders))
        lines.extend(f"renamed tag {change}" for change in self.renamed_tags)
        if self.tags_kept:
            lines.append(
                "tags kept as they are here, which the file names or colours otherwise: "
                + _listed(self.tags_kept)
            )
        if self.known_sources:
            lines.append(self._known())
        if self.changed_sources:
            lines.append(self._changed())
        if self.skipped:
            parts = [f"{what} ×{count}" for what, count in sorted(self.skipped.items())]
            lines.append("not imported: " + "; ".join(parts))
        if self.skipped_sources:
            lines.append("not imported as articles: " + _listed(self.skipped_sources))
        if self.outside_text:
            counts = [f"“{name}” ×{count}" for name, count in self.outside_text.items()]
            lines.append("selections outside their text, in: " + _listed(counts))
        if self.words_cut:
            counts = [f"“{name}” ×{count}" for name, count in self.words_cut.items()]
            lines.append(
                "passages beginning or ending inside a word, perhaps a character off (the"
                " file does not say how it counts characters; check them), in: " + _listed(counts)
            )
        return lines

    def unread_sources(self) -> str | None:
        """Why the file brought nothing into the project, when its sources could not be
        read (their text files missing, say) and it brought nothing else either: no
        article, tag, passage, memo or note. None if it brought something, or if there was
        nothing to read (no source at all, or only sources already in the project)."""
        if not self.skipped_sources or self.brought_anything():
            return None
        count = len(self.skipped_sources)
        which = "its source" if count == 1 else f"its {count} sources"
        return f"{which} could not be read: {_listed(self.skipped_sources)}"

    def brought_anything(self) -> bool:
        """True if the import added anything to the project."""
        return bool(
            self.article_ids or self.tags_created or self.passages or self.memos
            or self.codings_added or self.notes_added or self.orphans_added
        )  # fmt: skip

    def _project(self) -> str:
        """What a project brought in: every count, so that a nought shows what it lacked."""
        return (
            f"{_many(len(self.article_ids), 'article')},"
            f" {_many(self.tags_created, 'new tag')} ({self.tags_reused} already in the"
            f" codebook), {_many(self.passages, 'passage')} ({self.notes} with notes),"
            f" {_many(self.memos, 'memo')}"
        )

    def _codebook(self) -> str:
        """What a codebook brought in: it holds tags only (with their descriptions), so
        nothing is said of articles, passages or memos."""
        added = _many(self.tags_created, "new tag") if self.tags_created else "no new tags"
        kept = f" ({self.tags_reused} already in the codebook)" if self.tags_reused else ""
        return f"{added}{kept}"

    def _known(self) -> str:
        """What became of the sources already in the project: the articles they are, and
        the tags on their words merged in (a note on words without a tag counts as one)."""
        count = len(self.known_sources)
        their = "its" if count == 1 else "their"
        notes = (
            f", {counted(self.notes_added, 'note')} added to passages already there"
            if self.notes_added
            else ""
        )
        return (
            f"{counted(count, 'article')} already in the project, not added again"
            f" ({_listed(self.known_sources)}): {counted(self.codings_added, 'tag')} on"
            f" {their} passages added, {self.codings_present} already there{notes}"
        )

    def _changed(self) -> str:
        """What became of the sources that are an article of the project in another
        version of its text."""
        count = len(self.changed_sources)
        their = "its" if count == 1 else "their"
        said = (
            f"{counted(count, 'article')} already in the project with another version of"
            f" {their} text, not added again ({_listed(self.changed_sources)}): {their}"
            " passages were found in the project's text and merged"
        )
        if not self.known_sources:  # the counts, which the line above would give
            tags = counted(self.codings_added, "tag")
            said += f" ({tags} added, {self.codings_present} already there)"
        if self.orphans_added:
            said += (
                f"; {counted(self.orphans_added, 'passage')} whose words it no longer has"
                f" {'is an orphan' if self.orphans_added == 1 else 'are orphans'}, to"
                " re-attach (Passages panel, Orphans tab)"
            )
        return said


def _listed(items: list[str]) -> str:
    named = items[:_NAMED_SOURCES]
    more = len(items) - len(named)
    return "; ".join(named) + (f"; and {more} more" if more else "")


_NAMED_SOURCES = 12  # more would bury the rest of the summary


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
