"""Chinese, Japanese and Korean files in their older encodings, named nowhere in the file:
read in the encoding whose characters they are, and said so; a file most of whose bytes
beyond ASCII are not UTF-8 is never called UTF-8 with a few stray bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.decoding import decode_article, decode_cp1252
from diptych.storage.reading_notes import reading_notes

DATA = Path(__file__).parent / "data" / "cjk"

CHINESE = (
    "北京2025年3月5日电，国务院总理在政府工作报告中表示，中国将继续推进高水平对外开放。"
    "报告指出，今年经济增长目标为5%左右。"
)
TAIWANESE = (
    "台北3月5日電——行政院長在立法院表示，政府將繼續推動經濟發展。專家認為，今年的成長率將達到三。"
)
JAPANESE = (
    "東京、2025年1月24日――日本銀行は金融政策決定会合で、政策金利を0.25%から0.5%に"
    "引き上げることを決めた。エコノミストの多くは、次の利上げは年後半になると予想している。"
)
KOREAN = (
    "서울, 2025년 3월 - 한국은행은 기준금리를 3.0%로 동결했다. "
    "총재는 기자회견에서 물가 안정을 강조했다."
)


@pytest.mark.parametrize(
    ("text", "written_in", "read_in"),
    [
        (CHINESE, "gb2312", "gb18030"),
        (CHINESE, "gbk", "gb18030"),
        (CHINESE, "gb18030", "gb18030"),
        (TAIWANESE, "big5", "big5hkscs"),
        (JAPANESE, "shift_jis", "cp932"),
        (JAPANESE, "cp932", "cp932"),
        (JAPANESE, "euc_jp", "euc_jp"),
        (KOREAN, "euc_kr", "cp949"),
    ],
    ids=["gb2312", "gbk", "gb18030", "big5", "shift_jis", "cp932", "euc_jp", "euc_kr"],
)
def test_an_old_chinese_japanese_or_korean_encoding_is_read_in_it(
    text: str, written_in: str, read_in: str
) -> None:
    decoded = decode_article(f"# {text[:10]}\n\n{text}\n".encode(written_in), name="a.txt")
    assert decoded.encoding == read_in + "+letters"
    assert decoded.text == f"# {text[:10]}\n\n{text}\n"


@pytest.mark.parametrize(
    ("name", "read_in", "starts"),
    [
        ("zh_gb18030.txt", "gb18030", "# 中国外交政策(GB)的新方向"),
        ("zh_gbk.txt", "gb18030", "# 北京新闻：外交部发言人答记者问"),
        ("ja_eucjp.txt", "euc_jp", "# 日本銀行、政策金利を0.5%に引き上げ"),
        ("ja_sjis.txt", "cp932", "# 日銀(SJIS)、政策金利を0.5%に引き上げ"),
    ],
)
def test_files_once_taken_for_utf_8_or_windows_1252_are_read_in_their_encoding(
    name: str, read_in: str, starts: str
) -> None:
    decoded = decode_article((DATA / name).read_bytes(), name=name)
    assert decoded.encoding == read_in + "+letters"
    assert decoded.text.startswith(starts + "\n")


def test_a_page_naming_no_encoding_is_read_so_too() -> None:
    page = f"<html><head><title>北京新闻</title></head><body><p>{CHINESE}</p></body></html>"
    decoded = decode_article(page.encode("gbk"), name="page.html", html=True)
    assert decoded.encoding == "gb18030+letters"
    assert CHINESE in decoded.text


def test_a_page_naming_its_encoding_is_read_as_it_says_and_not_told() -> None:
    page = f'<meta charset="Shift_JIS"><p>{JAPANESE}</p>'
    decoded = decode_article(page.encode("cp932"), name="page.html", html=True)
    assert decoded.encoding == "cp932"
    assert reading_notes([("page.html", decoded.encoding)], window=True) == []


def test_a_file_read_in_such_an_encoding_is_named_with_it() -> None:
    read = [("zh.txt", "gb18030+letters"), ("ja.txt", "cp932+letters")]
    first, second = reading_notes(read, window=False)
    assert first.startswith("zh.txt was not UTF-8 and was read as GB18030 (Chinese), as its")
    assert second.startswith("ja.txt was not UTF-8 and was read as Shift_JIS (Japanese), as")
    assert "diptych reimport" in first and "diptych reimport" in second


def test_the_command_line_import_names_the_encoding(tmp_path: Path) -> None:
    (tmp_path / "zh_gb18030.txt").write_bytes((DATA / "zh_gb18030.txt").read_bytes())
    code, out, err = run("import", tmp_path / "p.diptych", tmp_path / "zh_gb18030.txt")
    assert code == 0, err
    assert "# zh_gb18030.txt was not UTF-8 and was read as GB18030 (Chinese)" in out
    assert "a few bytes" not in out


@pytest.mark.parametrize("name", ["zh_gb18030.txt", "ja_eucjp.txt"])
def test_mostly_stray_bytes_are_never_utf_8_with_a_few_stray_bytes(name: str) -> None:
    # A byte past the part looked at that the file's encoding has not: not read in that
    # encoding, lest the byte be lost, nor as UTF-8 for the few UTF-8 characters it holds
    # by chance ("\xd6\xd0" is "Ö" in UTF-8, and "\xb9\xfa" is not UTF-8).
    data = (DATA / name).read_bytes() * 300 + b"\x80"
    assert len(data) > 64 * 1024
    decoded = decode_article(data, name=name)
    assert (decoded.encoding, decoded.text) == ("cp1252", decode_cp1252(data))
    [note] = reading_notes([(name, decoded.encoding)], window=True)
    assert note.startswith(f"{name} was not UTF-8 and was read as Windows-1252")
    assert "if its letters look wrong" in note


@pytest.mark.parametrize(
    "text",
    [
        "Élection à Besançon: résultat 52 % pour M. Lefèvre, qui a déjà été élu.",
        "Größere Straßenbahnen fahren über die Brücke; Bürger äußern Ärger.",
        "Ça coûte très cher, dit-il. Señor Núñez añade: ¿qué pasó en Málaga?",
        "Æble, Øl og Åbenrå: Søren købte æbler på torvet i går.",
    ],
)
def test_western_european_text_is_not_taken_for_chinese_or_japanese(text: str) -> None:
    assert decode_article(text.encode("cp1252"), name="a.txt").encoding == "cp1252"


def test_utf_8_with_a_bom_and_stray_bytes_is_still_utf_8() -> None:
    data = codecs.BOM_UTF8 + "東京 ".encode() + b"caf\xe9"
    assert decode_article(data, name="a.txt").encoding == "utf-8+cp1252"
