"""File > Export says, for REFI-QDA, when tags share a name: QualCoder keeps one code per
name, so the passages of the others would lose their code there."""

from __future__ import annotations

from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_export_dialog import toggle, uncheck

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def choose(dialog: ExportDialog, key: str) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(key))


def test_tags_sharing_a_name_are_named_when_refi_qda_is_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    economy = session.project.tags.find(name="Economy")
    security = session.project.tags.find(name="Security")
    assert economy is not None and security is not None
    session.add_tag(name="Other <b>", parent_id=economy.id)
    session.add_tag(name="Other <b>", parent_id=security.id)

    dialog = open_export_dialog(qtbot, window)
    choose(dialog, "md")
    assert not dialog.qualcoder.isVisible()
    choose(dialog, "qdpx")
    assert dialog.qualcoder.isVisible()
    text = dialog.qualcoder.text()
    assert "“Economy/Other <b>” and “Security/Other <b>”" in text
    assert "QualCoder keeps one code per name" in text
    assert dialog.qualcoder.textFormat() == Qt.TextFormat.PlainText
    choose(dialog, "qdc")
    assert dialog.qualcoder.isVisible()
    choose(dialog, "csv")
    assert not dialog.qualcoder.isVisible()
    dialog.reject()


def test_a_codebook_of_distinct_names_says_nothing(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_export_dialog(qtbot, window)
    choose(dialog, "qdpx")
    assert not dialog.qualcoder.isVisible() and dialog.qualcoder.text() == ""
    dialog.reject()


def test_only_the_tags_checked_and_their_parents_are_checked_for_shared_names(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    economy = session.project.tags.find(name="Economy")
    security = session.project.tags.find(name="Security")
    assert economy is not None and security is not None
    session.add_tag(name="Other", parent_id=economy.id)
    session.add_tag(name="Other", parent_id=security.id)

    dialog = open_export_dialog(qtbot, window)
    choose(dialog, "qdpx")
    assert dialog.qualcoder.isVisible()
    uncheck(qtbot, dialog.tags, "Security")  # and its sub-tags: one Other is left
    assert not dialog.qualcoder.isVisible()
    choose(dialog, "qdc")
    assert not dialog.qualcoder.isVisible()
    uncheck(qtbot, dialog.tags, "Economy")
    # Economy's Other alone: Economy is written as its parent, but Security is not.
    assert toggle(qtbot, dialog.tags, "Other") == Qt.CheckState.Checked
    assert not dialog.qualcoder.isVisible()
    assert toggle(qtbot, dialog.tags, "Security") == Qt.CheckState.Checked
    assert dialog.qualcoder.isVisible()
    assert "“Economy/Other” and “Security/Other”" in dialog.qualcoder.text()
    dialog.reject()
