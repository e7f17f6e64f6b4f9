"""Writing a REFI-QDA file's bytes: its XML documents, and the zip of a ``.qdpx``.

The XML is UTF-8 with the namespace as a plain ``xmlns`` attribute on the root and every
element unqualified, indented two spaces. A project document is written one top-level
element at a time (:class:`XmlWriter`), so that its text sources, which hold nearly all
of it, need never be in memory as elements all at once. Zip entries carry a fixed date,
so that the same project always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Date of every zip entry (the earliest a zip can hold), so that exports are reproducible."""


def xml_bytes(root: ET.Element) -> bytes:
    """The whole document under ``root``, indented, in UTF-8.

    The namespace is a plain ``xmlns`` attribute of the root, with every element
    unqualified: ElementTree's own default_namespace option refuses the unqualified
    attributes that QDA-XML uses.
    """
    ET.indent(root, space="  ")
    buffer = io.BytesIO()
    buffer.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
    # Written as UTF-8 piece by piece: the document as one string first would take up to
    # four bytes a character (one emoji in it is enough), twice over, for 100 MB of XML.
    ET.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=False)
    buffer.write(b"\n")
    return buffer.getvalue()


class XmlWriter:
    """Writes a document the way :func:`xml_bytes` does, one top-level element at a time.

    The root's start tag comes first; each element given is indented as
    :func:`ElementTree.indent` would indent it in the whole tree, written, and can then
    be dropped. :meth:`open` and :meth:`close` write an element whose children are given
    one by one with :meth:`grandchild`.
    """

    def __init__(self, root: ET.Element) -> None:
        self._out = io.BytesIO()
        self._out.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
        shell = ET.Element(root.tag, root.attrib)
        self._end = f"</{root.tag}>".encode()
        self._out.write(self._element(shell, short_empty=False).removesuffix(self._end))

    def child(self, element: ET.Element) -> None:
        """Write a child of the root, with everything in it."""
        ET.indent(element, space="  ", level=1)
        self._out.write(b"\n  " + self._element(element))

    def open(self, tag: str) -> None:
        """Start a child of the root whose children come with :meth:`grandchild`."""
        self._out.write(f"\n  <{tag}>".encode())

    def grandchild(self, element: ET.Element) -> None:
        """Write a child of the element :meth:`open` started."""
        ET.indent(element, space="  ", level=2)
        self._out.write(b"\n    " + self._element(element))

    def close(self, tag: str) -> None:
        """End the element :meth:`open` started (it has at least one child)."""
        self._out.write(f"\n  </{tag}>".encode())

    def finish(self) -> bytes:
        """End the root; the whole document."""
        self._out.write(b"\n" + self._end + b"\n")
        return self._out.getvalue()

    @staticmethod
    def _element(element: ET.Element, *, short_empty: bool = True) -> bytes:
        buffer = io.BytesIO()
        ET.ElementTree(element).write(
            buffer, encoding="utf-8", xml_declaration=False, short_empty_elements=short_empty
        )
        return buffer.getvalue()


def zip_files(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` (name to bytes), in name order, deflated, dated :data:`ZIP_DATE`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform that wrote it
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()
