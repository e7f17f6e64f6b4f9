"""A file that is not UTF-8 is read as Windows-1252 (Western European); the message after
the import names it and says what to do if its letters look wrong (a Thai file in an
old encoding comes out garbled that way). A Russian, Greek, Hebrew, Arabic, Chinese,
Japanese or Korean file in its old encoding is read in it, which the message says."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_the_import_message_names_the_files_read_as_windows_1252(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    (tmp_path / "bangkok.txt").write_bytes("ข่าวจากกรุงเทพ\n\nการประชุมจบลงแล้ว\n".encode("cp874"))
    (tmp_path / "seoul.txt").write_text("Notes from Seoul\n\nAll well.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([tmp_path / "bangkok.txt", tmp_path / "seoul.txt"])
    text = posted[-1][2]
    assert text.startswith("Imported 2 articles.")
    assert "bangkok.txt was not UTF-8" in text and "seoul.txt" not in text
    assert "Windows-1252" in text and "save it as UTF-8" in text
    assert "Update from newer file" in text


def test_utf_8_files_get_the_short_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    (tmp_path / "seoul.txt").write_text("Notes from Seoul\n\nAll well.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([tmp_path / "seoul.txt"])
    assert posted[-1][2] == "Imported 1 article."


def test_utf_8_with_a_few_stray_bytes_keeps_its_letters_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    (tmp_path / "paris.txt").write_bytes(
        "Notes de Paris\n\nLe café « Flore », déjà.\n".encode() + b"He said \x93yes\x94.\n"
    )
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([tmp_path / "paris.txt"])
    text = posted[-1][2]
    assert text.startswith("Imported 1 article.")
    assert "paris.txt was UTF-8 except for a few bytes" in text
    assert "read as Windows-1252" in text and "Update from newer file" in text
    [article_id] = imported.args[0]
    shown = window.session.project.articles.get(article_id=article_id).text
    assert "Le café « Flore », déjà." in shown and "He said “yes”." in shown


def test_update_from_newer_file_says_so_too(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    article = window.session.project.articles.all()[0]
    text = window.session.project.articles.get(article_id=article.id).text
    newer = tmp_path / "newer.txt"
    newer.write_bytes(text.encode() + "\n\nUn café, déjà ".encode() + b"\x93vu\x94.\n")
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
    said = posted[-1][2]
    assert said.startswith(f"Updated “{article.title}”:")
    assert "newer.txt was UTF-8 except for a few bytes" in said
    shown = window.session.project.articles.get(article_id=article.id).text
    assert shown.endswith("Un café, déjà “vu”.")


def test_a_page_read_as_the_windows_1252_it_names_is_not_named(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    memo = "<meta charset=windows-1252><h1>Memo</h1><p>Café “talks”</p>"
    (tmp_path / "memo.htm").write_bytes(memo.encode("cp1252"))
    (tmp_path / "notes.txt").write_bytes("Notes\n\nCafé “talks”\n".encode("cp1252"))
    (tmp_path / "more.txt").write_bytes("More\n\nNaïve “words”\n".encode("cp1252"))
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([tmp_path / n for n in ("memo.htm", "notes.txt", "more.txt")])
    text = posted[-1][2]
    assert "notes.txt, more.txt were not UTF-8" in text and "memo.htm" not in text
    assert "if their letters look wrong, save them as UTF-8" in text


def test_a_russian_file_in_its_old_encoding_is_read_in_it_and_said(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    text = "Правительство объявило о новых мерах\n\nВстреча прошла спокойно.\n"
    (tmp_path / "moscow.txt").write_bytes(text.encode("cp1251"))
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([tmp_path / "moscow.txt"])
    said = posted[-1][2]
    assert "moscow.txt was not UTF-8 and was read as Windows-1251 (Cyrillic)" in said
    assert "save it as UTF-8" in said and "Update from newer file" in said
    [article_id] = imported.args[0]
    article = window.session.project.articles.get(article_id=article_id)
    assert article.title == "Правительство объявило о новых мерах"
    assert "Встреча прошла спокойно." in article.text


@pytest.mark.parametrize(
    ("name", "text", "codec", "said"),
    [
        ("beijing.txt", "北京新闻\n\n外交部发言人答记者问。", "gbk", "GB18030 (Chinese)"),
        ("tokyo.txt", "東京からの便り\n\n会議は終わった。", "euc_jp", "EUC-JP (Japanese)"),
    ],
)
def test_a_chinese_or_japanese_file_in_its_old_encoding_is_read_in_it_and_said(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, name: str, text: str, codec: str, said: str
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    (tmp_path / name).write_bytes(text.encode(codec))
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([tmp_path / name])
    message = posted[-1][2]
    assert f"{name} was not UTF-8 and was read as {said}, as its letters show" in message
    assert "a few bytes" not in message and "Update from newer file" in message
    [article_id] = imported.args[0]
    article = window.session.project.articles.get(article_id=article_id)
    assert article.title == text.split("\n")[0]
    assert text.split("\n")[-1] in article.text
