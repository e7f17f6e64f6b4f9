"""A tag's memo follows the tag selected in the codebook, to be read and written there."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def tag_memo_in_file(path: Path, tag_id: int) -> str:
    with Project.open(path, read_only=True) as project:
        memo = project.memos.get(kind=MemoKind.TAG, target_id=tag_id)
        return memo.text if memo else ""


def test_the_tag_selected_in_the_codebook_shows_its_memo_to_write(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    memos = window.memos
    window.session.set_memo(MemoKind.TAG, 3, "Deterrence first")
    name_3 = window.session.project.tags.get(tag_id=3).name
    name_4 = window.session.project.tags.get(tag_id=4).name
    window.go_to_panel("memos")
    assert not memos.tag_preview.isVisible()  # no tag selected

    window.tags.select_tag(3)
    assert memos.tag_preview.isVisible()
    assert memos.tag_label.full_text() == f"Memo on tag “{name_3}”"
    assert memos.tag_memo.toPlainText() == "Deterrence first"
    field = memos.tag_memo
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " and wombats")
    memos.save()
    assert tag_memo_in_file(sample, 3) == "Deterrence first and wombats"
    window.actions_.undo.trigger()
    assert tag_memo_in_file(sample, 3) == "Deterrence first"
    assert field.toPlainText() == "Deterrence first"

    window.tags.select_tag(4)
    assert memos.tag_label.full_text() == f"Memo on tag “{name_4}”"
    assert field.target_id == 4 and field.toPlainText() == ""
    qtbot.keyClicks(field, "Only the second")
    window.tags.view.setCurrentIndex(window.tags.model.index_of(3))  # another tag saves it
    assert tag_memo_in_file(sample, 4) == "Only the second"
    assert field.toPlainText() == "Deterrence first"


def test_a_tag_renamed_in_another_window_reads_its_memo_heading_as_one_renamed_here(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memos = window.memos
    window.tags.select_tag(3)
    read: list[int | None] = []
    tag_name = memos._tag_name

    def counting(tag_id: int | None) -> str | None:
        read.append(tag_id)
        return tag_name(tag_id)

    monkeypatch.setattr(memos, "_tag_name", counting)
    window.session.update_tag(3, name="Deterrence")
    assert memos.tag_label.full_text() == "Memo on tag “Deterrence”"
    here, read[:] = len(read), []
    with Project.open(sample) as other:
        other.tags.update(tag_id=3, name="Détente")
    window.session.show_changes_from_elsewhere()  # as the next look at the file does
    assert memos.tag_label.full_text() == "Memo on tag “Détente”"
    assert read and len(read) == here  # the file's change is told as the codebook's, once
