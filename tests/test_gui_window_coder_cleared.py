"""Edit > Coder name, cleared: the passages tagged next record the same name as after the
next start (the login name), and the status bar says it, rather than "—" now and the
login name after a restart."""

from __future__ import annotations

import getpass

import pytest

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow


def test_a_coder_name_cleared_is_the_login_name_now_as_after_the_next_start(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_coder", lambda _parent, current: "Ann Analyst")
    window.actions_.coder.trigger()
    assert window.session.coder == "Ann Analyst"

    monkeypatch.setattr(dialogs, "ask_coder", lambda _parent, current: "")
    window.actions_.coder.trigger()

    login = getpass.getuser()
    assert login  # the machine running the tests has a login name
    assert window.context.settings.coder() == login  # what the next start records
    assert window.session.coder == login  # what is recorded now
    assert window.coder_label.text() == f"Coder: {login}"
