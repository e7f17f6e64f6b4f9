"""Decoding article bytes: encodings, newlines, and refusing what is not text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.decoding import decode_article, decode_cp1252, normalise_newlines
from diptych.storage.errors import ArticleFileError

SAMPLE = "Café “quoted” — 東京 😀\nsecond line"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32"),
    ],
)
def test_unicode_encodings_round_trip(data: bytes, encoding: str) -> None:
    decoded = decode_article(data, name="a.txt")
    assert decoded.encoding == encoding
    assert decoded.text == SAMPLE  # no BOM character left, emoji and CJK intact


def test_legacy_bytes_fall_back_to_cp1252() -> None:
    decoded = decode_article(b"caf\xe9 \x93quoted\x94 \x80", name="a.txt")
    assert decoded.encoding == "cp1252"
    assert decoded.text == "café “quoted” €"


def test_cp1252_unassigned_bytes_read_as_latin1() -> None:
    assert decode_cp1252(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])) == "\x81\x8d\x8f\x90\x9d"
    assert decode_cp1252(bytes(range(256))).encode("latin-1", errors="replace") != b""


@given(st.binary(max_size=64))
def test_cp1252_never_loses_a_byte(data: bytes) -> None:
    assert len(decode_cp1252(data)) == len(data)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a\r\nb\r\nc", "a\nb\nc"),
        (b"a\rb\rc", "a\nb\nc"),
        (b"a\r\n\r\nb\n\rc", "a\n\nb\n\nc"),
    ],
)
def test_newlines_are_normalised(raw: bytes, expected: str) -> None:
    assert decode_article(raw, name="a.txt").text == expected


def test_utf16_newlines_are_normalised_too() -> None:
    data = codecs.BOM_UTF16_LE + "one\r\ntwo\rthree".encode("utf-16-le")
    assert decode_article(data, name="a.txt").text == "one\ntwo\nthree"


def test_normalise_newlines_leaves_other_text_alone() -> None:
    assert normalise_newlines("a\tb\u2028c") == "a\tb\u2028c"


def test_html_meta_charset_is_honoured_when_not_utf8() -> None:
    page = '<html><head><meta charset="iso-8859-7"></head><body>Αθήνα</body></html>'
    decoded = decode_article(page.encode("iso-8859-7"), name="p.html", html=True)
    assert "Αθήνα" in decoded.text
    assert decoded.encoding == "iso8859-7"


def test_html_http_equiv_charset_is_honoured() -> None:
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>東京の天気</p>'
    )
    decoded = decode_article(page.encode("shift_jis"), name="p.htm", html=True)
    assert "東京の天気" in decoded.text


def test_html_latin1_label_reads_as_cp1252_like_browsers() -> None:
    page = b'<meta charset="iso-8859-1"><p>\x93hi\x94</p>'
    decoded = decode_article(page, name="p.html", html=True)
    assert decoded.encoding == "windows-1252"  # as the page says: not a guess to tell of
    assert "“hi”" in decoded.text


@pytest.mark.parametrize("label", ["utf-7", "unicode_escape", "base64", "no-such-codec"])
def test_html_unsafe_or_unknown_charset_is_ignored(label: str) -> None:
    page = f'<meta charset="{label}"><p>caf'.encode() + b"\xe9\\x41</p>"
    decoded = decode_article(page, name="p.html", html=True)
    assert decoded.encoding == "cp1252"
    assert "café\\x41" in decoded.text


def test_meta_charset_is_not_used_for_text_files() -> None:
    data = '<meta charset="iso-8859-7">Αθήνα'.encode("iso-8859-7")
    assert decode_article(data, name="a.txt").encoding == "cp1252"


def test_valid_utf8_wins_over_meta_charset() -> None:
    page = '<meta charset="windows-1251"><p>Ünïcödé</p>'.encode()
    decoded = decode_article(page, name="p.html", html=True)
    assert decoded.encoding == "utf-8"
    assert "Ünïcödé" in decoded.text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n"])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(ArticleFileError, match="is empty") as caught:
        decode_article(data, name="empty.txt")
    assert "empty.txt" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"SQLite format 3\x00\x10\x00", "SQLite"),
        (b"\x7fELF\x02\x01\x01", "ELF"),
    ],
)
def test_known_binary_formats_are_refused(data: bytes, kind: str) -> None:
    with pytest.raises(ArticleFileError, match=kind) as caught:
        decode_article(data + b"text " * 100, name="thing.txt")
    message = str(caught.value)
    assert "thing.txt" in message
    assert ".md" in message and ".html" in message  # says what Diptych can import


def test_nul_bytes_without_bom_are_refused() -> None:
    with pytest.raises(ArticleFileError, match="NUL") as caught:
        decode_article(b"hello\x00world" * 10, name="x.txt")
    assert "x.txt" in str(caught.value)


def test_nul_bytes_that_are_not_utf16_are_refused_as_binary() -> None:
    with pytest.raises(ArticleFileError, match="NUL bytes"):
        decode_article(b"hello\x00world, not UTF-16 at all\n", name="x.txt")


def test_many_control_characters_are_refused() -> None:
    data = bytes(range(1, 32)) * 50 + b"some text"
    with pytest.raises(ArticleFileError, match="control characters"):
        decode_article(data, name="x.txt")


def test_random_bytes_are_refused() -> None:
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(ArticleFileError) as caught:
        decode_article(data, name="noise.txt")
    assert "noise.txt" in str(caught.value)


def test_a_few_control_characters_are_tolerated() -> None:
    text = "A form feed\x0c and an escape \x1b[0m are fine in a long enough text. " * 5
    assert decode_article(text.encode(), name="x.txt").text == text


def test_nul_in_utf16_text_keeps_offsets() -> None:
    text = "ab\x00cd" + " and some more words" * 5
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert decode_article(data, name="x.txt").text == text.replace("\x00", "\ufffd")


@settings(max_examples=200)
@given(st.binary(max_size=300), st.booleans())
def test_any_bytes_decode_or_raise_a_known_error(data: bytes, html: bool) -> None:
    try:
        decoded = decode_article(data, name="fuzz.html", html=html)
    except ArticleFileError as error:
        assert "fuzz.html" in str(error)
    else:
        assert "\r" not in decoded.text
        assert decoded.text.strip()
        assert not decoded.text.startswith("\ufeff")


def test_utf16_without_a_byte_order_mark_is_recognised() -> None:
    from diptych.storage.decoding import decode_article

    text = "Plain words, café and 漢字.\nSecond line.\n"
    for codec in ("utf-16-le", "utf-16-be"):
        decoded = decode_article(text.encode(codec), name="a.txt")
        assert decoded.text == text and decoded.encoding == codec


# UTF-8 text into which a few Windows-1252 bytes strayed (pasted from an old program):
# the UTF-8 letters stay what they are, and only the stray bytes are read as Windows-1252.
@pytest.mark.parametrize(
    ("data", "text"),
    [
        (
            "Café “naïve” — 東京. ".encode() + b"He said \x93hi\x94.",
            "Café “naïve” — 東京. He said “hi”.",
        ),
        ("Straße ".encode() + b"caf\xe9", "Straße café"),
        ("Привет, мир, как дела? ".encode() + b"\x96 yes", "Привет, мир, как дела? – yes"),
        ("naïve\n".encode() + b"\x81\x8d", "naïve\n\x81\x8d"),
    ],
)
def test_stray_windows_1252_bytes_in_utf8_text_keep_the_utf8_letters(
    data: bytes, text: str
) -> None:
    decoded = decode_article(data, name="a.txt")
    assert decoded.text == text
    assert decoded.encoding == "utf-8+cp1252"


@pytest.mark.parametrize(
    "data",
    [
        b"caf\xe9 \x93quoted\x94 \x80",
        # Accented capitals before punctuation happen to be UTF-8 ("\xdf\x93" and
        # "\xc9\xa0"): outnumbered by the other accents, they are Windows-1252 too.
        b"Der Fu\xdf\x93 ist gro\xdf, \xe4hnlich, sch\xf6n, \xfcber",
        b"\xc9T\xc9\xa0\xbb et l\xe0-bas, d\xe9j\xe0 vu",
    ],
)
def test_windows_1252_text_is_not_taken_for_utf8_by_a_chance_sequence(data: bytes) -> None:
    decoded = decode_article(data, name="a.txt")
    assert decoded.encoding == "cp1252"
    assert decoded.text == decode_cp1252(data)


def test_a_web_page_that_names_its_encoding_is_not_read_as_utf8_with_stray_bytes() -> None:
    # "Г©" in Windows-1251 is the UTF-8 of "é": the page's <meta charset> still decides.
    page = b'<meta charset="windows-1251"><p>' + "Привет, Г© ООО".encode("cp1251")
    decoded = decode_article(page, name="a.html", html=True)
    assert decoded.encoding == "cp1251"
    assert decoded.text.endswith("Привет, Г© ООО")


@pytest.mark.parametrize(
    "data", [b"\x00\x00", b"\x00" * 4, b"\x00" * 8, b"\x00" * 7 + b"a", b"\x00\x00\x00a"]
)
def test_a_short_file_of_nul_bytes_is_refused_naming_the_file(data: bytes) -> None:
    with pytest.raises(ArticleFileError, match=r"^zeros\.txt: is not a text file"):
        decode_article(data, name="zeros.txt")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café “naïve”. ".encode() + b"He said \x93hi\x94.", "Café “naïve”. He said “hi”."),
        ("Straße ".encode() + b"caf\xe9", "Straße café"),
        # The mark says UTF-8 even where the letters alone would not.
        (b"caf\xe9 \x93quoted\x94", "café “quoted”"),
    ],
)
def test_stray_windows_1252_bytes_after_a_utf8_mark_are_read_as_without_it(
    data: bytes, text: str
) -> None:
    decoded = decode_article(codecs.BOM_UTF8 + data, name="a.txt")
    assert decoded.text == text  # the mark dropped, no byte replaced by "�"
    assert decoded.encoding == "utf-8+cp1252"


RUSSIAN = "Правительство объявило о новых мерах. Встреча прошла спокойно, сказал министр."
GREEK = "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια. Η συνάντηση ήταν ήρεμη."
HEBREW = "הממשלה הודיעה על צעדים חדשים נגד יוקר המחיה. הפגישה עברה בשקט."
ARABIC = "أعلنت الحكومة عن إجراءات جديدة لمواجهة غلاء المعيشة. وكان الاجتماع هادئا."


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        ("Уряд оголосив нові заходи. Зустріч пройшла спокійно, сказав міністр.", "cp1251"),
        (GREEK, "cp1253"),
        (HEBREW, "cp1255"),
        (ARABIC, "cp1256"),
    ],
)
def test_an_old_encoding_of_another_script_is_read_in_it(text: str, codec: str) -> None:
    decoded = decode_article(text.encode(codec), name="note.txt")
    assert (decoded.text, decoded.encoding) == (text, codec)


@pytest.mark.parametrize(
    "text",
    [
        "Élection à Besançon: résultat 52 % pour M. Lefèvre, qui a déjà été élu.",
        "Größere Straßenbahnen fahren über die Brücke; Bürger äußern Ärger.",
        "Ñúñez, año, ¿qué?",  # too few letters to tell anything but Western European
    ],
)
def test_western_european_text_stays_windows_1252(text: str) -> None:
    decoded = decode_article(text.encode("cp1252"), name="note.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


def test_japanese_in_its_old_encoding_is_not_taken_for_another_script() -> None:
    data = "東京からの便り。会議は終わった。明日また話し合う予定です。".encode("shift_jis")
    assert decode_article(data, name="tokyo.txt").encoding == "cp932+letters"


def test_a_greek_file_with_a_byte_greek_lacks_past_its_start_loses_nothing() -> None:
    data = (GREEK * 2000).encode("cp1253") + b"\xaa"  # 0xAA: no character in Windows-1253
    decoded = decode_article(data, name="note.txt")
    assert decoded.encoding == "cp1252" and len(decoded.text) == len(data)
