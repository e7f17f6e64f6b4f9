"""Export a project as REFI-QDA: a whole project (``.qdpx``) or its codebook (``.qdc``).

What goes where (QDA-XML 1.0, ``Project-mrt2019.xsd``):

- each coder is a ``User`` (guid from the coders table); passages without a known coder
  belong to one stand-in user, :data:`STAND_IN_USER_GUID`, which the importer maps back
  to "no coder". The project's ``creatingUserGUID`` is the coder exporting it (when they
  coded in the project), else the coder of most passages exported;
- each tag is a ``Code`` (guid = tag uuid, ``#RRGGBB`` colour, sub-tags nested inside)
  and its description the ``Description``. A ``Code`` holds nothing else: its memo is a
  ``Note`` tied to it by a ``Link`` (see :data:`TAG_MEMO_LINK`), never a ``NoteRef`` inside
  the ``Code``. QualCoder keeps a code only if its children are a ``Description`` and
  ``Code`` elements: it drops a code holding a ``NoteRef`` with every passage coded with
  it, and turns the ``NoteRef`` of a code with sub-codes into a code of its own;
- each article is a ``TextSource`` (guid = article uuid, name = title, made a file's name:
  :mod:`diptych.storage.refiqda_names`) whose display text
  is ``sources/<guid>.txt`` in UTF-8; its memo is a ``Note`` referenced from it, and
  also its ``Description`` (QualCoder's document memo); its source address, the page it
  was saved from, is the ``TextValue`` of its ``VariableValue`` for the project's one
  ``Variable``, "Source address" (:data:`SOURCE_ADDRESS_GUID`), written only when an
  article has one;
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

Here are the project document and the codebook; the text sources with their selections
are written by :mod:`diptych.storage.export_refiqda_sources`, from the pieces (GUIDs,
notes, times) of :mod:`diptych.storage.export_refiqda_elements`, and the bytes of the
files by :mod:`diptych.storage.export_refiqda_files`.
"""

from __future__ import annotations

from collections import Counter
from xml.etree import ElementTree as ET

from diptych.storage.codebook import MAX_TAG_LEVELS, Codebook
from diptych.storage.errors import InputError
from diptych.storage.export_refiqda_elements import Guids, Notes, origin, set_time, text_child
from diptych.storage.export_refiqda_files import ZIP_DATE as ZIP_DATE  # named here too
from diptych.storage.export_refiqda_files import XmlWriter, xml_bytes, zip_files
from diptych.storage.export_refiqda_sources import SourceWriter
from diptych.storage.exporting import ExportData, Progress, ProgressMeter
from diptych.storage.model import MemoKind, Tag
from diptych.storage.refiqda_common import (
    CODEBOOK_NS,
    PROJECT_ENTRY,
    PROJECT_NS,
    SOURCE_ADDRESS_GUID,
    SOURCE_ADDRESS_NAME,
    SOURCES_FOLDER,
    STAND_IN_USER_GUID,
    STAND_IN_USER_NAME,
    stable_guid,
    xml_text,
)

TAG_MEMO_LINK = "Memo"
"""The ``name`` of the ``Link`` that ties a tag's memo to its code.

A tag memo is a ``Note`` in ``Notes``, and in ``Links`` (after ``Notes``, as the schema
orders them) a ``<Link name="Memo" direction="OneWay" originGUID="<code>"
targetGUID="<note>"/>``. On import, any link between a code and a note (either way round,
whatever its name) makes the note that code's memo, and so does a ``NoteRef`` inside the
code, as other programs and earlier versions of Diptych write it.
"""


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
    for file_name, text in builder.sources.files.items():
        files[f"{SOURCES_FOLDER}/{file_name}"] = text.encode("utf-8")
    archive = zip_files(files)
    meter.finish()
    return archive


def export_qdc(data: ExportData) -> bytes:
    """The codebook as a REFI-QDA codebook file (``.qdc``).

    Raises:
        InputError: the project has no tags (a codebook must hold at least one code).
    """
    codebook = written_codebook(data)
    if not len(codebook):
        raise InputError(
            "the project has no tags, so there is no codebook to export",
            advice="Create tags first, or export the whole project.",
        )
    root = ET.Element("CodeBook", {"xmlns": CODEBOOK_NS, "origin": origin()})
    codes = ET.SubElement(root, "Codes")
    guids = Guids()
    for tag in codebook.children(None):
        _code(codes, tag, codebook, guids)
    return xml_bytes(root)


def written_codebook(data: ExportData) -> Codebook:
    """The codes a REFI-QDA file of ``data`` holds: the tags in scope, inside their
    ancestors, so that a sub-tag chosen alone keeps its place (the ancestors carry no
    coding and no memo: those are of the tags in scope only).

    Raises:
        InputError: the tags are nested deeper than :data:`MAX_TAG_LEVELS` (a file made
            by an older version): Diptych could not read such a file back.
    """
    codebook = data.codebook.with_ancestors(t.id for t in data.tags)
    levels = codebook.levels()
    if levels > MAX_TAG_LEVELS:
        raise InputError(
            f"the tags to export are nested {levels} levels deep; a REFI-QDA file holds"
            f" at most {MAX_TAG_LEVELS} levels of tags",
            advice="Move the deepest tags higher up in the codebook, or export fewer tags.",
        )
    return codebook


class _ProjectBuilder:
    def __init__(self, data: ExportData, meter: ProgressMeter) -> None:
        self.data = data
        self.meter = meter
        self.codebook = written_codebook(data)
        self.guids = Guids()
        self.addresses = any(article.source_url for article in data.articles)
        if self.addresses:
            self.guids.claim(SOURCE_ADDRESS_GUID)  # first, so that it is not changed
        self.users: dict[str, str] = {}  # coder name -> user guid ("" -> stand-in)
        self.tag_guids: dict[int, str] = {}
        self.notes = Notes(self.guids)
        self.links: list[ET.Element] = []
        # Given the users and codes as they are filled, before the first source is built.
        self.sources = SourceWriter(
            data,
            meter,
            guids=self.guids,
            notes=self.notes,
            users=self.users,
            tag_guids=self.tag_guids,
        )

    def project_xml(self) -> bytes:
        """``project.qde``, each text source written out as soon as it is built.

        Sources hold nearly all of a project (every passage is a selection in one), so
        they are never all in memory as elements at once, and writing them is what the
        progress follows. The bytes are those of the whole tree indented and written.
        """
        info = self.data.project
        attrs = {"xmlns": PROJECT_NS, "name": xml_text(info.name) or "Diptych project"}
        root = ET.Element("Project", {**attrs, "origin": origin()})
        users = self._users()
        root.set("creatingUserGUID", self._creating_user())
        set_time(root, "creationDateTime", info.created_at)
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
        if self.addresses:
            out.child(_address_variable())
        if self.data.articles:
            out.open("Sources")
            for article in self.data.articles:
                out.grandchild(self.sources.text_source(article))
            out.close("Sources")
        for name, elements in (("Notes", self.notes.elements), ("Links", self.links)):
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

    def _creating_user(self) -> str:
        """The GUID of the user the project names as its maker: the coder exporting it
        when they are one of the file's users, else the coder of most exported passages
        (the first by name of those tied), else the first user."""
        exporting = self.data.options.coder
        if exporting and exporting in self.users:
            return self.users[exporting]
        counts = Counter(p.annotation.coder for p in self.data.passages if p.annotation.coder)
        if counts:
            return self.users[max(self.users, key=lambda name: counts[name])]
        return next(iter(self.users.values()))

    def _tag_memo_notes(self) -> dict[int, str]:
        refs = {}
        for tag in self.codebook.ordered():
            memo = self.data.memo(MemoKind.TAG, tag.id)
            if memo is not None:
                refs[tag.id] = self.notes.add(
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


def _code(
    parent: ET.Element,
    tag: Tag,
    codebook: Codebook,
    guids: Guids,
    tag_guids: dict[int, str] | None = None,
) -> None:
    """The tag as a ``Code`` whose children are only its ``Description`` and sub-codes."""
    guid = guids.claim(tag.uuid, "tag")
    if tag_guids is not None:
        tag_guids[tag.id] = guid
    attrs = {"guid": guid, "name": xml_text(tag.name), "isCodable": "true", "color": tag.color}
    code = ET.SubElement(parent, "Code", attrs)
    if tag.description.strip():
        text_child(code, "Description", tag.description)
    for child in codebook.children(tag.id):
        _code(code, child, codebook, guids, tag_guids)


def _address_variable() -> ET.Element:
    """The ``Variables`` of a project: the one whose value on a source is its address."""
    variables = ET.Element("Variables")
    attrs = {"guid": SOURCE_ADDRESS_GUID, "name": SOURCE_ADDRESS_NAME, "typeOfVariable": "Text"}
    variable = ET.SubElement(variables, "Variable", attrs)
    text_child(variable, "Description", "The web address the article was saved from.")
    return variables
