"""The tag dialog's parent list: the parent chosen is shown by its path, which tells two
namesakes apart, and the open list shows the codebook's tree, each name under its parent."""

from __future__ import annotations

from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import TagDialog


def tag_named(session: ProjectSession, name: str) -> int:
    return next(t.id for t in session.codebook().ordered() if t.name == name)


def test_the_chosen_parent_reads_as_its_path(qtbot: QtBot, session: ProjectSession) -> None:
    session.add_tag(name="Other", parent_id=tag_named(session, "Economy"))
    other = session.add_tag(name="Other", parent_id=tag_named(session, "Diplomacy"))
    dialog = TagDialog(session.codebook(), parent_id=other.id)  # a new sub-tag of it
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.parent_box
    assert box.currentText() == "Diplomacy/Other"  # not "    Other", nor which Other?
    assert box.currentData() == other.id


def test_the_open_list_shows_the_tree(qtbot: QtBot, session: ProjectSession) -> None:
    book = session.codebook()
    dialog = TagDialog(book)
    qtbot.addWidget(dialog)
    box = dialog.parent_box
    delegate = box.view().itemDelegate()
    shown = []
    for row in range(box.count()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, box.model().index(row, 0))
        shown.append(option.text)
    assert shown == ["(top level)"] + ["    " * depth + tag.name for tag, depth in book.walk()]
    assert [box.itemText(row) for row in range(1, box.count())] == [
        book.path(tag.id) for tag, _depth in book.walk()
    ]
