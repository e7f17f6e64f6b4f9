"""The fields of the export, tag and restore dialogs are named for a screen reader.

A label that is not a field's buddy (a bold heading, a form row holding a layout, the
explanation above a list) is never read with the field: the keyboard does not reach it.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog
from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import TagDialog


def labels(widget: QWidget) -> list[str]:
    """The labels a screen reader reads with ``widget`` (on Linux, a combo box's name is
    its current text, and its label comes through this relation)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return [
        other.text(QAccessible.Text.Name)
        for other, _ in interface.relations(QAccessible.RelationFlag.Label)
    ]


def spoken(widget: QWidget, what: QAccessible.Text = QAccessible.Text.Name) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(what)


def test_every_field_of_the_export_dialog_is_named(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    assert labels(dialog.format) == ["Format"]
    assert spoken(dialog.articles) == "Articles to include"
    assert spoken(dialog.tags) == "Tags to include"
    assert spoken(dialog.output) == "Save to"
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() in ("All", "None")]
    assert sorted(spoken(b) for b in buttons) == [
        "Include all articles",
        "Include all tags",
        "Include no articles",
        "Include no tags",
    ]


def test_the_name_and_parent_of_a_tag_are_labelled(qtbot: QtBot, session: ProjectSession) -> None:
    dialog = TagDialog(session.codebook())
    qtbot.addWidget(dialog)
    assert labels(dialog.parent_box) == ["Parent"]
    assert labels(dialog.name) == ["Name"]


def test_the_backups_list_is_named_and_explained(qtbot: QtBot, window: MainWindow) -> None:
    dialog = RestoreDialog([], window.workers, window)
    qtbot.addWidget(dialog)
    assert spoken(dialog.list) == "Backups"
    assert spoken(dialog.list, QAccessible.Text.Description).startswith(
        "There are no backups of this project yet."
    )


def test_why_a_tag_name_is_refused_is_told_with_the_name_field(
    qtbot: QtBot, session: ProjectSession
) -> None:
    """The reason is a label below the fields; the focus stays in the name field, so a
    screen reader hears it only as that field's description."""
    book = session.codebook()
    taken = next(t for t in book.ordered() if t.parent_id is None)
    dialog = TagDialog(book)
    qtbot.addWidget(dialog)
    dialog.name.setText(taken.name)
    dialog.accept()
    assert dialog.problem.isVisibleTo(dialog)
    assert spoken(dialog.name, QAccessible.Text.Description) == dialog.problem.text()
    qtbot.keyClicks(dialog.name, "s")  # typing again clears the reason
    assert spoken(dialog.name, QAccessible.Text.Description) != dialog.problem.text()
    assert "already exists" not in spoken(dialog.name, QAccessible.Text.Description)


def test_a_sub_tag_to_export_is_read_with_its_path(qtbot: QtBot, window: MainWindow) -> None:
    """Its place under its parent is shown by indenting it, which is not heard."""
    from PySide6.QtCore import Qt

    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    book = window.session.codebook()
    spoken_rows = [
        dialog.tags.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(dialog.tags.count())
    ]
    paths = [book.path(tag.id) for tag, _depth in book.walk()]
    assert spoken_rows == [*paths, "Untagged passages"]  # the last row: passages without a tag
    assert any("/" in text for text in spoken_rows)


def test_a_parent_to_choose_is_read_with_its_path(qtbot: QtBot, session: ProjectSession) -> None:
    from PySide6.QtCore import Qt

    book = session.codebook()
    dialog = TagDialog(book)
    qtbot.addWidget(dialog)
    box = dialog.parent_box
    spoken_rows = [
        box.itemData(row, Qt.ItemDataRole.AccessibleTextRole) for row in range(1, box.count())
    ]
    assert spoken_rows == [book.path(tag.id) for tag, _depth in book.walk()]
    assert any("/" in text for text in spoken_rows)
