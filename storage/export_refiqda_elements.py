"""The pieces a REFI-QDA export builds its elements from: GUIDs handed out once each,
the notes of a project (memos, passages' notes, orphaned passages), and times, texts and
short names in the form the schema wants them.
"""

from __future__ import annotations

from importlib import metadata
from xml.etree import ElementTree as ET

from diptych.storage.refiqda_common import as_guid, stable_guid, to_xs_datetime, xml_text

NAME_CHARS = 80
"""About how many characters of a quote or title an element's ``name`` holds."""


class Guids:
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


class Notes:
    """The ``Note`` elements of a project document, in the order they were written."""

    def __init__(self, guids: Guids) -> None:
        self.guids = guids
        self.elements: list[ET.Element] = []

    def add(
        self,
        key: str,
        name: str,
        text: str,
        *,
        created: str,
        modified: str,
        user: str | None = None,
    ) -> str:
        """A note with its GUID (claimed from ``key``); returns the GUID to refer to it."""
        guid = self.guids.claim(key, "note")
        note = ET.Element("Note", {"guid": guid, "name": short(name)})
        if user:
            note.set("creatingUser", user)
        set_time(note, "creationDateTime", created)
        if user:
            note.set("modifyingUser", user)
        set_time(note, "modifiedDateTime", modified)
        text_child(note, "PlainTextContent", text)
        self.elements.append(note)
        return guid


def text_child(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, name).text = xml_text(text)


def set_time(element: ET.Element, attribute: str, stored: str) -> None:
    value = to_xs_datetime(stored) if stored else None
    if value:
        element.set(attribute, value)


def short(text: str) -> str:
    """``text`` on one line, cut to about :data:`NAME_CHARS` characters."""
    line = xml_text(" ".join(text.split()))
    return line if len(line) <= NAME_CHARS else line[: NAME_CHARS - 1] + "…"


def origin() -> str:
    """The program that wrote the file, for the root's ``origin``."""
    try:
        return f"Diptych {metadata.version('diptych')}"
    except metadata.PackageNotFoundError:
        return "Diptych"
