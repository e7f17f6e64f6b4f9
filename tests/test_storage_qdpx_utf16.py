"""A REFI-QDA source whose plain text is UTF-16 without a byte-order mark (some Windows
tools write it so) is read as UTF-16, not as UTF-8 with a replacement character between
every two letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_refiqda_import import write_qdpx

from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file
from diptych.storage.refiqda_parse import decode_source

NS = 'xmlns="urn:QDA-XML:project:1.0"'
TEXT = "Café au lait, 北京.\r\nSecond line of the interview."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.open(tmp_path / "target.diptych", create=True)
    yield opened
    opened.close()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_source_in_utf16_without_a_mark_is_read_as_utf16(
    tmp_path: Path, project: Project, codec: str
) -> None:
    qde = f"""<Project {NS} name="p"><Sources><TextSource name="Interview"
        guid="631251cc-9fb4-4131-bea8-35947084c409" plainTextPath="internal://t.txt">
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="0"
            endPosition="4"/></TextSource></Sources></Project>"""
    path = write_qdpx(tmp_path / "windows.qdpx", qde, {"sources/t.txt": TEXT.encode(codec)})
    summary = import_exchange_file(project, path=path)
    article = project.articles.get(article_id=summary.article_ids[0])
    assert (article.text, article.encoding) == (TEXT.replace("\r\n", "\n"), codec)
    assert project.annotations.query()[0].exact == "Café"


def test_text_with_a_stray_nul_is_still_read_as_utf8() -> None:
    data = "Café\x00 au lait, a longer line of ordinary text.".encode()
    assert decode_source(data) == ("Café\ufffd au lait, a longer line of ordinary text.", "utf-8")


RUSSIAN = "Протокол переговоров.\nСтороны договорились о пошлинах — 12 пунктов.\n"
GREEK = "Πρακτικά της συνάντησης.\nΟι δύο πλευρές συμφώνησαν.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [RUSSIAN, GREEK], ids=["russian", "greek"])
def test_an_article_in_another_script_in_utf16_without_a_mark_is_read(
    text: str, codec: str
) -> None:
    from diptych.storage.decoding import decode_article

    decoded = decode_article(text.encode(codec), name="minutes.txt")
    assert (decoded.text, decoded.encoding) == (text, codec)


def test_a_source_in_another_script_in_utf16_without_a_mark_is_read(
    tmp_path: Path, project: Project
) -> None:
    qde = f"""<Project {NS} name="p"><Sources><TextSource name="Протокол"
        guid="631251cc-9fb4-4131-bea8-35947084c409" plainTextPath="internal://t.txt">
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="0"
            endPosition="8"/></TextSource></Sources></Project>"""
    data = RUSSIAN.encode("utf-16-le")
    path = write_qdpx(tmp_path / "windows.qdpx", qde, {"sources/t.txt": data})
    summary = import_exchange_file(project, path=path)
    article = project.articles.get(article_id=summary.article_ids[0])
    assert (article.text, article.encoding) == (RUSSIAN, "utf-16-le")
    assert project.annotations.query()[0].exact == "Протокол"


@pytest.mark.parametrize(
    "data", [b"\x00\x00", b"\x00" * 4, b"\x00" * 8, b"\x00" * 7 + b"a", b"\x00\x00\x00a"]
)
def test_a_source_of_nul_bytes_is_not_imported_and_is_named(
    tmp_path: Path, project: Project, data: bytes
) -> None:
    qde = f"""<Project {NS} name="p"><Sources>
        <TextSource name="Broken" guid="631251cc-9fb4-4131-bea8-35947084c409"
            plainTextPath="internal://broken.txt"/>
        <TextSource name="Fine" guid="631251cc-9fb4-4131-bea8-35947084c410"
            plainTextPath="internal://fine.txt"/></Sources></Project>"""
    files = {"sources/broken.txt": data, "sources/fine.txt": b"Ordinary words."}
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "w.qdpx", qde, files))
    assert [a.title for a in project.articles.all()] == ["Fine"]
    assert summary.skipped_sources == ["“Broken” (its text file sources/broken.txt is not text)"]
