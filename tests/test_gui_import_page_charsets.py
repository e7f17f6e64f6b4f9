"""A Japanese page in Shift_JIS, imported with File > Import, shows every letter in the
pane, Windows' own (①, 髙) too, and so does Korean text saved as UTF-16 without a mark; a
page holding bytes its named encoding cannot read is imported and the message after the
import says so, naming the file and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.main_window import MainWindow


def test_a_shift_jis_page_shows_every_letter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tenki.html"
    path.write_bytes(
        '<meta http-equiv="Content-Type" content="text/html; charset=x-sjis">'
        "<h1>東京の天気</h1><p>手順①と②、髙橋さん～</p>".encode("cp932")
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    assert pane.view.toPlainText() == "東京の天気\n手順①と②、髙橋さん～"


def test_bytes_a_page_s_encoding_cannot_read_are_named_in_the_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    (tmp_path / "menu.html").write_bytes(b'<meta charset="shift_jis"><p>caf\xe9 \xff end</p>')
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([tmp_path / "menu.html"])
    text = posted[-1][2]
    assert text.startswith("Imported 1 article.")
    assert "menu.html was read as Shift_JIS (Windows-31J), as it says, but some" in text
    assert "save it as UTF-8" in text and "Update from newer file" in text


def test_korean_text_in_utf16_without_a_mark_shows_every_letter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "seoul.txt"
    path.write_bytes("서울의 날씨\n\n서울의 날씨는 맑습니다.\n".encode("utf-16-le"))
    pane = import_page(qtbot, window, path, monkeypatch)
    assert pane.view.toPlainText() == "서울의 날씨\n서울의 날씨는 맑습니다."
