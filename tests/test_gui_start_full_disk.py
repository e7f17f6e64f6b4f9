"""Starting when the per-user folders cannot be written (a full disk, a read-only home):
a message naming the folder and what to do, and exit status 2, never a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from gui_support import make_context
from PySide6.QtWidgets import QApplication, QMessageBox

from diptych.gui import app as app_module
from diptych.gui import project_opening
from diptych.gui.context import AppContext
from diptych.storage.errors import ProjectFileError


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> list[str]:
    """The texts of the message boxes shown (none is left waiting for a click)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    names = qapp.applicationName(), qapp.organizationName(), qapp.applicationDisplayName()
    yield shown
    qapp.setApplicationName(names[0])
    qapp.setOrganizationName(names[1])
    qapp.setApplicationDisplayName(names[2])


def test_a_data_folder_that_cannot_be_created_is_a_message_not_a_traceback(
    boxes: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full_disk() -> AppContext:
        raise OSError(errno.ENOSPC, "No space left on device", "/home/ana/.local/share/Diptych")

    monkeypatch.setattr(AppContext, "standard", staticmethod(full_disk))
    assert app_module.run_application(None) == 2
    assert len(boxes) == 1
    assert "/home/ana/.local/share/Diptych (No space left on device)" in boxes[0]
    assert "Free some disk space" in boxes[0]
    assert boxes[0] in capsys.readouterr().err


def test_a_sample_project_that_cannot_be_created_at_first_start_is_a_known_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = make_context(tmp_path / "user")
    sample = context.paths.sample_project

    def full_disk(path: Path) -> None:
        raise ProjectFileError("could not be created (No space left on device)", path=path)

    monkeypatch.setattr(project_opening, "create_sample_project", full_disk)
    with pytest.raises(ProjectFileError) as refused:
        app_module.start(context, None)
    assert str(sample) in str(refused.value) and "No space left" in str(refused.value)
    assert not sample.exists()
