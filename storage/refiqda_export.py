"""Export a project as REFI-QDA: a whole project (``.qdpx``) or its codebook (``.qdc``).

What goes where (QDA-XML 1.0, ``Project-mrt2019.xsd``):

- each coder is a ``User`` (guid from the coders table); passages without a known coder
  belong to one stand-in user, :data:`STAND_IN_USER_GUID`, which the importer maps back
  to "no coder";
- each tag is a ``Code`` (guid = tag uuid, ``#RRGGBB`` colour, sub-tags nested inside)
  and its description the ``Description``. A ``Code`` holds nothing else: its memo is a
  ``Note`` tied to it by a ``Link`` (see :data:`TAG_MEMO_LINK`), never a ``NoteRef`` inside
  the ``Code``. QualCoder keeps a code only if its children are a ``Description`` and
  ``Code`` elements: it drops a code holding a ``NoteRef`` with every passage coded with
  it, and turns the ``NoteRef`` of a code with sub-codes into a code of its own;
- each article is a ``TextSource`` (guid = article uuid, name = title, made a file's name:
  :mod:`diptych.storage.refiqda_names`) whose display text
  is ``sources/<guid>.txt`` in UTF-8; its memo is a ``Note`` referenced from it, and
  also its ``Description`` (QualCoder's document memo);
- each anchored passage is a ``PlainTextSelection`` (guid = passage uuid) over
  ``[startPosition, endPosition)`` in code points of the display text, with one
  ``Coding`` per tag, and its note both as a ``Note`` it refers to and as its
  ``Description`` (where QualCoder and MAXQDA keep a coding's memo);
- an orphaned passage (not found again after its article changed) has no valid
  position: it is a ``Note`` on its article with the quote, tags and note, never a
  selection;
- the project memo is the project's ``Description``, which QualCoder reads as the
  project memo.

A codebook (``.qdc``) holds the codes with their names, colours, nesting and descriptions
only: the codebook schema has no notes and no links, so tag memos are not in it (a memo
folded into the description would come back as part of the description).

The bytes depend on the project only: elements and attributes come in a fixed order,
derived GUIDs are name-based UUIDs and zip entries carry a fixed date.
"""

from __future__ import annotations

from importlib import metadata
from xml.etree import ElementTree as ET

from diptych.storage.codebook import Codebook
from diptych.storage.errors import InputError
from diptych.storage.export_refiqda_files import ZIP_DATE as ZIP_DATE  # named here too
from diptych.storage.export_refiqda_files import XmlWriter, xml_bytes, zip_files
from diptych.storage.exporting import ExportData, ExportPassage, Progress, ProgressMeter
from diptych.storage.model import Article, MemoKind, Tag
from diptych.storage.refiqda_common import (
    CODEBOOK_NS,
    INTERNAL_SCHEME,
    PROJECT_ENTRY,
    PROJECT_NS,
    SOURCES_FOLDER,
    STAND_IN_USER_GUID,
    STAND_IN_USER_NAME,
    as_guid,
    stable_guid,
    to_xs_datetime,
    xml_text,
)
from diptych.storage.refiqda_names import SourceNames, file_safe_name

TAG_MEMO_LINK = "Memo"
"""The ``name`` of the ``Link`` that ties a tag's memo to its code.

A tag memo is a ``Note`` in ``Notes``, and in ``Links`` (after ``Notes``, as the schema
orders them) a ``<Link name="Memo" direction="OneWay" originGUID="<code>"
targetGUID="<note>"/>``. On import, any link between a code and a note (either way round,
whatever its name) makes the note that code's memo, and so does a ``NoteRef`` inside the
code, as other programs and earlier versions of Diptych write it.
"""

_NAME_CHARS = 80


def export_qdpx(data: ExportData, progress: Progress | None = None) -> bytes:
    """The project as a REFI-QDA project archive (``.qdpx``).

    Exports the articles, tags and passages in ``data``'s scope. The export time is not
    written anywhere, so the same project always gives the same bytes.

    Raises:
        ExportCancelled: ``progress`` returned False.
    """
    meter = ProgressMeter(progress, len(data.passages) + len(data.articles))
    builder = _ProjectBuilder(data, meter)
    files = {PROJECT_ENTRY: builder.project_xml()}
    for file_name, text in builder.source_files.items():
        files[f"{SOURCES_FOLDER}/{file_name}"] = text.encode("utf-8")
    archive = zip_files(files)
    meter.finish()
    return archive


def export_qdc(data: ExportData) -> bytes:
    """The codebook as a REFI-QDA codebook file (``.qdc``).

    Raises:
        InputError: the project has no tags (a codebook must hold at least one code).
    """
    codebook = Codebook(data.tags)
    if not len(codebook):
        raise InputError(
            "the project has no tags, so there is no codebook to export",
            advice="Create tags first, or export the whole project.",
        )
    root = ET.Element("CodeBook", {"xmlns": CODEBOOK_NS, "origin": _origin()})
    codes = ET.SubElement(root, "Codes")
    guids = _Guids()
    for tag in codebook.children(None):
        _code(codes, tag, codebook, guids)
    return xml_bytes(root)


class _Guids:
    """Hands out each GUID once: a clash (possible after importing odd files) gets a
    GUID derived from the first, so that every element stays addressable."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, value: str, *salt: str) -> str:
        guid = as_guid(value)
        while guid in self._taken:
            guid = stable_guid("clash", guid, *salt)
        self._taken.add(guid)
        return guid


class _ProjectBuilder:
    def __init__(self, data: ExportData, meter: ProgressMeter) -> None:
        self.data = data
        self.meter = meter
        self.codebook = Codebook(data.tags)  # the tags in scope; their paths come from data
        self.passages: dict[int, list[ExportPassage]] = {}
        for passage in data.passages:
            self.passages.setdefault(passage.article.id, []).append(passage)
        self.guids = _Guids()
        self.source_files: dict[str, str] = {}
        self.source_names = SourceNames()
        self.users: dict[str, str] = {}  # coder name -> user guid ("" -> stand-in)
        self.tag_guids: dict[int, str] = {}
        self.notes: list[ET.Element] = []
        self.links: list[ET.Element] = []

    def project_xml(self) -> bytes:
        """``project.qde``, each text source written out as soon as it is built.

        Sources hold nearly all of a project (every passage is a selection in one), so
        they are never all in memory as elements at once, and writing them is what the
        progress follows. The bytes are those of the whole tree indented and written.
        """
        info = self.data.project
        attrs = {"xmlns": PROJECT_NS, "name": xml_text(info.name) or "Diptych project"}
        root = ET.Element("Project", {**attrs, "origin": _origin()})
        users = self._users()
        root.set("creatingUserGUID", next(iter(self.users.values())))
        _set_time(root, "creationDateTime", info.created_at)
        out = XmlWriter(root)
        out.child(users)
        memo_notes = self._tag_memo_notes()
        if len(self.codebook):
            codebook = ET.Element("CodeBook")
            codes = ET.SubElement(codebook, "Codes")
            for tag in self.codebook.children(None):
                _code(codes, tag, self.codebook, self.guids, self.tag_guids)
            out.child(codebook)
        for tag in self.codebook.ordered():
            if tag.id in memo_notes:
                self._tag_memo_link(self.tag_guids[tag.id], memo_notes[tag.id])
        if self.data.articles:
            out.open("Sources")
            for article in self.data.articles:
                out.grandchild(self._text_source(article))
            out.close("Sources")
        for name, elements in (("Notes", self.notes), ("Links", self.links)):
            if elements:
                group = ET.Element(name)
                group.extend(elements)
                out.child(group)
        memo = self.data.memo(MemoKind.PROJECT)
        if memo is not None:
            description = ET.Element("Description")
            description.text = xml_text(memo.text)
            out.child(description)
        return out.finish()

    def _users(self) -> ET.Element:
        for coder in sorted(self.data.coders, key=lambda c: (c.name, c.uuid)):
            self.users[coder.name] = self.guids.claim(coder.uuid, "user")
        coded_by = {p.annotation.coder for p in self.data.passages}
        if not self.users or not coded_by <= set(self.users):
            self.users[""] = self.guids.claim(STAND_IN_USER_GUID)
        element = ET.Element("Users")
        for name, guid in self.users.items():
            label = xml_text(name) or STAND_IN_USER_NAME
            ET.SubElement(element, "User", {"guid": guid, "name": label})
        return element

    def _user(self, coder: str) -> str:
        return self.users.get(coder) or self.users[""]

    def _tag_memo_notes(self) -> dict[int, str]:
        refs = {}
        for tag in self.codebook.ordered():
            memo = self.data.memo(MemoKind.TAG, tag.id)
            if memo is not None:
                refs[tag.id] = self._note(
                    memo.uuid,
                    f"Memo on {tag.name}",
                    memo.text,
                    created=memo.created_at,
                    modified=memo.updated_at,
                )
        return refs

    def _tag_memo_link(self, code_guid: str, note_guid: str) -> None:
        """Tie a tag memo's note to its code (:data:`TAG_MEMO_LINK`)."""
        guid = self.guids.claim(stable_guid("tag memo link", code_guid, note_guid))
        attrs = {
            "guid": guid,
            "name": TAG_MEMO_LINK,
            "direction": "OneWay",
            "originGUID": code_guid,
            "targetGUID": note_guid,
        }
        self.links.append(ET.Element("Link", attrs))

    def _note(
        self,
        key: str,
        name: str,
        text: str,
        *,
        created: str,
        modified: str,
        user: str | None = None,
    ) -> str:
        guid = self.guids.claim(key, "note")
        note = ET.Element("Note", {"guid": guid, "name": _short(name)})
        if user:
            note.set("creatingUser", user)
        _set_time(note, "creationDateTime", created)
        if user:
            note.set("modifyingUser", user)
        _set_time(note, "modifiedDateTime", modified)
        _text_child(note, "PlainTextContent", text)
        self.notes.append(note)
        return guid

    def _source_name(self, article: Article, file_name: str) -> str:
        """A name no other source has, that can be a file's name (QualCoder copies each
        source to a file of its name, and keeps one document per name: it dropped a second
        of the same name with all its codings). Articles of one title are told apart by
        their file's name (as the reports do), then by a number."""
        fallback = file_safe_name(xml_text(article.source_name), fallback=file_name)
        return self.source_names.claim(xml_text(self.data.title(article)), fallback=fallback)

    def _text_source(self, article: Article) -> ET.Element:
        guid = self.guids.claim(article.uuid, "article")
        file_name = f"{guid}.txt"
        self.source_files[file_name] = article.text
        attrs = {
            "guid": guid,
            "name": self._source_name(article, file_name),
            "plainTextPath": INTERNAL_SCHEME + file_name,
        }
        source = ET.Element("TextSource", attrs)
        _set_time(source, "creationDateTime", article.imported_at)
        _set_time(source, "modifiedDateTime", article.updated_at)
        refs = []
        memo = self.data.memo(MemoKind.ARTICLE, article.id)
        if memo is not None:
            # Also as the description, which QualCoder reads as the document's memo (it
            # reads a note on a source only if the note holds a selection).
            _text_child(source, "Description", memo.text)
            refs.append(
                self._note(
                    memo.uuid,
                    f"Memo on {article.title}",
                    memo.text,
                    created=memo.created_at,
                    modified=memo.updated_at,
                )
            )
        for passage in self.meter.track(self.passages.get(article.id, ())):
            if passage.annotation.is_orphan:
                # An orphan's offsets no longer point at its quote (the text changed and
                # the passage was not found again). A selection would mark the wrong
                # words in the other program, so the passage travels as a note on the
                # article, with its quote, tags and note.
                refs.append(self._orphan_note(passage))
            else:
                self._selection(source, article, passage)
        for ref in refs:
            ET.SubElement(source, "NoteRef", {"targetGUID": ref})
        self.meter.step()
        return source

    def _selection(self, source: ET.Element, article: Article, item: ExportPassage) -> None:
        passage = item.annotation
        guid = self.guids.claim(passage.uuid, "passage")
        user = self._user(passage.coder)
        quote = article.text[passage.start : passage.end]
        attrs = {
            "guid": guid,
            "name": _short(quote),
            "startPosition": str(passage.start),
            "endPosition": str(passage.end),
            "creatingUser": user,
        }
        selection = ET.SubElement(source, "PlainTextSelection", attrs)
        _set_time(selection, "creationDateTime", passage.created_at)
        selection.set("modifyingUser", user)
        _set_time(selection, "modifiedDateTime", passage.updated_at)
        if passage.note.strip():
            # QualCoder and MAXQDA keep a coding's memo in the selection's description
            # and ignore a note referred to from a selection; the note is written too.
            _text_child(selection, "Description", passage.note)
        for tag_id in item.tag_ids:
            coding_guid = self.guids.claim(stable_guid("coding", guid, self.tag_guids[tag_id]))
            coding = ET.SubElement(selection, "Coding", {"guid": coding_guid, "creatingUser": user})
            _set_time(coding, "creationDateTime", passage.created_at)
            ET.SubElement(coding, "CodeRef", {"targetGUID": self.tag_guids[tag_id]})
        if passage.note.strip():
            ref = self._note(
                stable_guid("note", guid),
                f"Note on “{_short(quote)}”",
                passage.note,
                created=passage.created_at,
                modified=passage.updated_at,
                user=user,
            )
            ET.SubElement(selection, "NoteRef", {"targetGUID": ref})

    def _orphan_note(self, item: ExportPassage) -> str:
        passage = item.annotation
        tags = ", ".join(self.data.tag_path(t) for t in item.tag_ids)
        lines = ["Passage no longer found in the article:", f"“{passage.exact}”"]
        if tags:
            lines += ["", f"Tags: {tags}"]
        if passage.note.strip():
            lines += ["", passage.note]
        return self._note(
            stable_guid("note", passage.uuid),
            f"Orphaned passage “{_short(passage.exact)}”",
            "\n".join(lines),
            created=passage.created_at,
            modified=passage.updated_at,
            user=self._user(passage.coder),
        )


def _code(
    parent: ET.Element,
    tag: Tag,
    codebook: Codebook,
    guids: _Guids,
    tag_guids: dict[int, str] | None = None,
) -> None:
    """The tag as a ``Code`` whose children are only its ``Description`` and sub-codes."""
    guid = guids.claim(tag.uuid, "tag")
    if tag_guids is not None:
        tag_guids[tag.id] = guid
    attrs = {"guid": guid, "name": xml_text(tag.name), "isCodable": "true", "color": tag.color}
    code = ET.SubElement(parent, "Code", attrs)
    if tag.description.strip():
        _text_child(code, "Description", tag.description)
    for child in codebook.children(tag.id):
        _code(code, child, codebook, guids, tag_guids)


def _text_child(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, name).text = xml_text(text)


def _set_time(element: ET.Element, attribute: str, stored: str) -> None:
    value = to_xs_datetime(stored) if stored else None
    if value:
        element.set(attribute, value)


def _short(text: str) -> str:
    """``text`` on one line, cut to about :data:`_NAME_CHARS` characters."""
    line = xml_text(" ".join(text.split()))
    return line if len(line) <= _NAME_CHARS else line[: _NAME_CHARS - 1] + "…"


def _origin() -> str:
    try:
        return f"Diptych {metadata.version('diptych')}"
    except metadata.PackageNotFoundError:
        return "Diptych"
