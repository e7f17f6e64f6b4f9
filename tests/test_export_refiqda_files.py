"""A REFI-QDA project document written one element at a time is the document the whole
tree makes: same elements, same indentation, same bytes."""

from __future__ import annotations

import copy
from xml.etree import ElementTree as ET

from diptych.storage.export_refiqda_files import XmlWriter, xml_bytes


def _tree() -> ET.Element:
    root = ET.Element("Project", {"xmlns": "urn:QDA-XML:project:1.0", "name": 'A "b" & <c>'})
    users = ET.SubElement(root, "Users")
    ET.SubElement(users, "User", {"guid": "1", "name": "Zoë"})
    ET.SubElement(users, "User", {"guid": "2", "name": "李雷"})
    sources = ET.SubElement(root, "Sources")
    for number in range(3):
        source = ET.SubElement(sources, "TextSource", {"guid": f"s{number}"})
        ET.SubElement(source, "Description").text = "Line one\n  indented 😀\n"
        selection = ET.SubElement(source, "PlainTextSelection", {"guid": f"p{number}"})
        coding = ET.SubElement(selection, "Coding", {"guid": f"c{number}"})
        ET.SubElement(coding, "CodeRef", {"targetGUID": "t"})
    notes = ET.SubElement(root, "Notes")
    ET.SubElement(ET.SubElement(notes, "Note", {"guid": "n"}), "PlainTextContent").text = "x"
    ET.SubElement(root, "Description").text = "Memo"
    return root


def test_written_piece_by_piece_it_is_the_whole_tree_written() -> None:
    whole = _tree()
    expected = xml_bytes(copy.deepcopy(whole))
    out = XmlWriter(whole)
    for child in whole:
        if child.tag == "Sources":
            out.open("Sources")
            for source in child:
                out.grandchild(source)
            out.close("Sources")
        else:
            out.child(child)
    assert out.finish() == expected


def test_a_root_with_one_empty_child() -> None:
    root = ET.Element("Project", {"name": "P"})
    ET.SubElement(root, "Users")
    expected = xml_bytes(copy.deepcopy(root))
    out = XmlWriter(root)
    out.child(root[0])
    assert out.finish() == expected
