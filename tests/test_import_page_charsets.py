"""Web pages in the older encodings of East Asia and elsewhere, named in their ``<meta>``
by any of the names browsers know, keep every letter: browsers read such a page in the
encoding's Windows form (Shift_JIS as Windows-31J, EUC-KR as Windows-949, GB2312 as
GB18030), whose letters pages written on Windows hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.importing import parse_article
from diptych.storage.reading_notes import reading_notes


def page(label: str, text: str, codec: str, *, http_equiv: bool = False) -> bytes:
    if http_equiv:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
    else:
        meta = f'<meta charset="{label}">'
    return f"<html><head>{meta}<title>T</title></head><body><p>{text}</p></body></html>".encode(
        codec
    )


@pytest.mark.parametrize(
    ("label", "text", "codec"),
    [
        # Circled numbers, the wave dash and 髙 are Windows-31J's, not Shift_JIS's.
        ("shift_jis", "手順①と②を見る、髙橋さん～", "cp932"),
        ("Shift_JIS", "ｶﾀｶﾅの記事", "cp932"),
        ("x-sjis", "東京の天気", "cp932"),
        ("windows-31j", "東京の天気①", "cp932"),
        ("ms_kanji", "東京の天気①", "cp932"),
        ("euc-jp", "東京の天気", "euc_jp"),
        # 똠 and 똘 are Windows-949's, not EUC-KR's.
        ("euc-kr", "똠방각하 똘똘이 서울", "cp949"),
        ("ks_c_5601-1987", "똠방각하 서울", "cp949"),
        ("windows-949", "똠방각하 서울", "cp949"),
        ("gb2312", "北京欢迎你 €5", "gb18030"),
        ("gbk", "北京欢迎你 €5", "gb18030"),
        ("x-gbk", "北京欢迎你", "gb18030"),
        ("GB18030", "北京欢迎你 𠀀", "gb18030"),
        ("big5", "香港 粵語 綫", "big5hkscs"),
        ("windows-874", "ภาษาไทย", "cp874"),
        ("x-mac-roman", "café “quoted”", "mac_roman"),
        ("iso-8859-8-i", "שלום עולם", "iso8859_8"),
    ],
)
def test_a_page_in_a_named_older_encoding_keeps_every_letter(
    label: str, text: str, codec: str
) -> None:
    for http_equiv in (False, True):
        parsed = parse_article(page(label, text, codec, http_equiv=http_equiv), name="p.html")
        assert parsed.content.text == text, (label, parsed.encoding)


def test_bytes_the_named_encoding_cannot_read_are_told_not_hidden(tmp_path: Path) -> None:
    # Copied from a Japanese template, written in Windows-1252: 0xFD-0xFF are no
    # Windows-31J bytes, so those letters cannot show as written.
    data = b'<meta charset="shift_jis"><p>na\xefve caf\xe9 \xff\xfe end</p>'
    parsed = parse_article(data, name="menu.html")
    assert parsed.encoding == "cp932+replaced"
    assert parsed.content.text.endswith(" end")
    [note] = reading_notes([("menu.html", parsed.encoding)], window=False)
    assert note.startswith("menu.html was read as Shift_JIS (Windows-31J), as it says, but some")
    assert "\ufffd" in note and "save it as UTF-8" in note and "diptych reimport" in note

    (tmp_path / "menu.html").write_bytes(data)
    code, out, err = run("import", tmp_path / "p.diptych", tmp_path / "menu.html")
    assert code == 0, err
    assert "# menu.html was read as Shift_JIS (Windows-31J), as it says" in out


@pytest.mark.parametrize(
    ("name", "declaration", "text", "codec"),
    [
        ("chapter.xhtml", '<?xml version="1.0" encoding="Shift_JIS"?>', "東京の天気①", "cp932"),
        ("seoul.html", "<?xml version='1.0' encoding='euc-kr' ?>", "서울의 날씨 똠", "cp949"),
    ],
)
def test_an_xhtml_page_named_in_its_xml_declaration_keeps_every_letter(
    name: str, declaration: str, text: str, codec: str
) -> None:
    # EPUB chapters and other XHTML say their encoding in the XML declaration, not a <meta>.
    page = f'{declaration}\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{text}</p>'
    parsed = parse_article(f"{page}</body></html>".encode(codec), name=name)
    assert parsed.content.text == text


@pytest.mark.parametrize("label", ["windows-1252", "iso-8859-1", "latin1"])
def test_a_page_read_as_the_windows_1252_it_names_is_not_told(label: str) -> None:
    data = f'<meta charset="{label}"><p>Café “talks”</p>'.encode("cp1252")
    parsed = parse_article(data, name="memo.htm")
    assert parsed.encoding == "windows-1252"
    assert parsed.content.text == "Café “talks”"
    assert reading_notes([("memo.htm", parsed.encoding)], window=True) == []


def test_files_read_as_windows_1252_for_want_of_another_reading_are_told() -> None:
    page = parse_article("<p>Café “talks”</p>".encode("cp1252"), name="page.html")
    text = parse_article("Café “talks”\n".encode("cp1252"), name="notes.txt")
    assert page.encoding == text.encoding == "cp1252"
    [one] = reading_notes([("notes.txt", "cp1252")], window=True)
    assert "if its letters look wrong, save it as UTF-8" in one
    [both] = reading_notes([("page.html", "cp1252"), ("notes.txt", "cp1252")], window=True)
    assert both.startswith("page.html, notes.txt were not UTF-8 and were read as Windows-1252")
    assert "if their letters look wrong, save them as UTF-8" in both
