"""The codes of a REFI-QDA file made tags of the project.

A code whose GUID is a tag's uuid (as Diptych exports them) is that tag; else a code
whose name a sibling tag already has reuses it, and a second code of that name at the
same level of the file gets a numbered name; a '/' in a code's name, which would read as
nesting in tag paths, becomes '∕'. The notes a code refers to become its tag's memo.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from diptych.storage.article_titles import one_line
from diptych.storage.codebook import PATH_SEPARATOR, SEPARATOR_IN_NAME, name_key
from diptych.storage.model import MemoKind, Tag
from diptych.storage.tag_checks import is_blank

if TYPE_CHECKING:
    from diptych.storage.project import Project
    from diptych.storage.refiqda_memos import MemoWriter
    from diptych.storage.refiqda_records import ExchangeCode
    from diptych.storage.refiqda_summary import ExchangeImportSummary

_TAG_NAME_CHARS = 200


class CodeWriter:
    """Makes tags of one read document's codes, counting those created and reused.

    Args:
        project: the project, inside a transaction the caller holds.
        summary: the summary to fill in.
        memos: where a code's notes are gathered into its tag's memo.

    Attributes:
        tag_ids: the tag each code became, by the code's GUID.
    """

    def __init__(self, project: Project, summary: ExchangeImportSummary, memos: MemoWriter) -> None:
        self.project = project
        self.summary = summary
        self.memos = memos
        self.tag_ids: dict[str, int] = {}  # code guid -> tag id
        self.claimed: set[int] = set()  # tags a code of this file was matched to
        self.siblings: dict[int | None, dict[str, list[Tag]]] = {}  # by name_key
        self.tag_uuids: set[str] = set()
        self.by_uuid: dict[str, Tag] = {}  # the project's tags before the import

    def write(self, codes: list[ExchangeCode]) -> None:
        """Make tags of ``codes`` and their sub-codes."""
        for tag in self.project.tags.all():
            beside = self.siblings.setdefault(tag.parent_id, {})
            beside.setdefault(name_key(tag.name), []).append(tag)
            self.tag_uuids.add(tag.uuid)
            self.by_uuid[tag.uuid] = tag
        with self.project.tags.adding_many():
            for code in codes:
                self._code(code, None)

    def _code(self, code: ExchangeCode, parent_id: int | None) -> None:
        tag = self._tag_for(code, parent_id)
        if code.guid:
            self.tag_ids.setdefault(code.guid, tag.id)
        self.memos.add(MemoKind.TAG, tag.id, self.memos.note_texts(code.note_refs))
        for child in code.children:
            self._code(child, tag.id)

    def _tag_for(self, code: ExchangeCode, parent_id: int | None) -> Tag:
        """The tag a code becomes: the tag whose uuid is the code's GUID (as Diptych
        exports them: a tag renamed or moved since is still the same tag), else a
        same-named sibling not yet matched, or a new tag."""
        known = self.by_uuid.get(code.guid) if code.guid else None
        if known is not None and known.id not in self.claimed:
            self.claimed.add(known.id)
            self.summary.tags_reused += 1
            self._differences(known, code)
            return known
        given = unicodedata.normalize("NFC", one_line(code.name))[:_TAG_NAME_CHARS]
        given = "Unnamed code" if is_blank(given) else given  # "" or only invisible characters
        base = given.replace(PATH_SEPARATOR, SEPARATOR_IN_NAME)  # a '/' would read as nesting
        siblings = self.siblings.setdefault(parent_id, {})
        name, number = base, 1
        while (found := self._namesake(siblings, name)) is not None and found.id in self.claimed:
            number += 1
            suffix = f" ({number})"
            name = base[: _TAG_NAME_CHARS - len(suffix)] + suffix
        if found is not None:
            tag = found
            self.summary.tags_reused += 1
        else:
            uuid = code.guid if code.guid and code.guid not in self.tag_uuids else None
            tag = self.project.tags.add(
                name=name,
                color=code.color,
                parent_id=parent_id,
                description=code.description.strip(),
                uuid=uuid,
            )
            siblings.setdefault(name_key(name), []).append(tag)
            self.tag_uuids.add(tag.uuid)
            self.summary.tags_created += 1
        self.claimed.add(tag.id)
        if name != given:
            why = " ('/' would read as a sub-tag)" if base != given else ""
            self.summary.renamed_tags.append(f"{given} -> {name}{why}")
        return tag

    def _differences(self, tag: Tag, code: ExchangeCode) -> None:
        """Note a code that is the project's tag (its GUID is the tag's uuid) whose name
        or colour the file gives otherwise (a colleague renamed or recoloured it): the
        tag is kept as it is here. (A code matched by name alone, from another program,
        has that program's colour, which is not worth saying.)"""
        differ = []
        given = unicodedata.normalize("NFC", one_line(code.name))
        if not is_blank(given) and given != tag.name:
            differ.append(f"named “{given}” there")
        if code.color and code.color.upper() != tag.color.upper():
            differ.append(f"coloured {code.color.upper()} there")
        if differ:
            self.summary.tags_kept.append(f"“{tag.name}” ({', '.join(differ)})")

    def _namesake(self, siblings: dict[str, list[Tag]], name: str) -> Tag | None:
        """The sibling a code called ``name`` is matched to: one not yet matched, named
        exactly so if one is; a matched one if all are (None: there is none)."""
        same = siblings.get(name_key(name), [])
        free = [t for t in same if t.id not in self.claimed]
        return next((t for t in free if t.name == name), None) or next(iter(free or same), None)
