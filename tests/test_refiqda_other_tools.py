"""REFI-QDA files as other programs really write them (QualCoder, MAXQDA, NVivo, ATLAS.ti)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from test_refiqda_export import PROJECT_XSD
from test_refiqda_import import write_qdpx

from diptych.storage.errors import ExchangeFileError
from diptych.storage.exporting import collect
from diptych.storage.palette import PALETTE
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file

NS = 'xmlns="urn:QDA-XML:project:1.0"'
SOURCE_GUID = "631251cc-9fb4-4131-bea8-35947084c409"


def assert_exports_valid_refi_qda(project: Project) -> None:
    """What was imported exports again as a project both schema engines accept."""
    qdpx = export_qdpx(collect(project), None)
    qde = zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde")
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(etree.fromstring(qde)), schema.error_log
    xmlschema.XMLSchema(str(PROJECT_XSD)).validate(qde.decode("utf-8"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.open(tmp_path / "target.diptych", create=True)
    yield opened
    opened.close()


# QualCoder on Windows writes its codebook in Windows-1252 under a UTF-8 declaration
# (refi.py, export_codebook: open(filename, 'w') without an encoding).
QUALCODER_QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" \
xsi:schemaLocation="urn:QDA-XML:codebook:1.0 Codebook.xsd" \
origin="QualCoder" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<Codes>
<Code guid="9e23ad7a-000a-40cc-9225-2a862d963e51" name="Sécurité" isCodable="false">
<Description>Catégorie « principale »</Description>
<Code guid="2dfba8c9-59f5-4424-99d6-ea9bce18134b" name="Élève" isCodable="true" color="#EB7333" />
</Code>
</Codes>
</CodeBook>
"""


def test_a_qualcoder_codebook_written_in_windows_1252_imports(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "Codebook-étude.qdc"
    path.write_bytes(QUALCODER_QDC.encode("cp1252"))
    summary = import_exchange_file(project, path=path)
    codebook = project.tags.codebook()
    tags = [(codebook.path(t.id), t.description) for t in codebook.ordered()]
    assert tags == [("Sécurité", "Catégorie « principale »"), ("Sécurité/Élève", "")]
    assert (summary.kind, summary.tags_created, summary.skipped) == ("codebook", 2, {})


def test_broken_xml_in_windows_1252_is_still_refused_and_nothing_is_kept(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "broken.qdc"
    path.write_bytes(QUALCODER_QDC.replace("</Codes>", "").encode("cp1252"))
    with pytest.raises(ExchangeFileError, match=r"broken\.qdc: is not well-formed XML"):
        import_exchange_file(project, path=path)
    assert project.tags.all() == []


def test_a_file_declaring_another_encoding_is_read_in_that_encoding(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "latin.qdc"
    text = QUALCODER_QDC.replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
    path.write_bytes(text.replace(" « principale »", "").encode("latin-1"))
    import_exchange_file(project, path=path)
    assert sorted(t.name for t in project.tags.all()) == ["Sécurité", "Élève"]


# Sources Diptych cannot import are named in the summary, with the reason ------------

MIXED_SOURCES = f"""<?xml version="1.0" encoding="utf-8"?>
<Project {NS} name="Study" origin="MAXQDA 2022 (Release 22.7.0)">
<Sources>
  <TextSource guid="{SOURCE_GUID}" name="Interview 1.txt" plainTextPath="internal://one.txt">
    <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="0"
        endPosition="5" name="Hello"/>
  </TextSource>
  <PDFSource guid="142eb46d-612e-4593-a385-d0e5d04d1288" name="Focus group.pdf"
      path="internal://142eb46d-612e-4593-a385-d0e5d04d1288.pdf">
    <Representation guid="142eb46d-612e-4593-a385-d0e5d04d1289"
        plainTextPath="internal://142eb46d-612e-4593-a385-d0e5d04d1289.txt"/>
  </PDFSource>
  <PictureSource guid="361bcdb8-7d11-4343-a4cd-4130693eff76" name="Whiteboard"
      path="internal://361bcdb8-7d11-4343-a4cd-4130693eff76.png"/>
  <TextSource guid="9ddd19c4-168c-4103-bbad-08d4bd10a145" name="Field notes"
      plainTextPath="relative:///notes/field.txt"/>
  <TextSource guid="9ddd19c4-168c-4103-bbad-08d4bd10a146" name="Interview 2.txt"
      plainTextPath="internal://two.txt"/>
  <TextSource guid="9ddd19c4-168c-4103-bbad-08d4bd10a147" name="Blank page"
      plainTextPath="internal://blank.txt"/>
</Sources>
</Project>"""


def test_each_source_not_imported_is_named_with_the_reason(
    tmp_path: Path, project: Project
) -> None:
    files = {"Sources/one.txt": b"Hello world.", "Sources/blank.txt": b" \r\n "}
    path = write_qdpx(tmp_path / "study.qdpx", MIXED_SOURCES, files)
    summary = import_exchange_file(project, path=path)
    assert [a.title for a in project.articles.all()] == ["Interview 1.txt"]
    assert summary.skipped_sources == [
        "“Focus group.pdf” (PDF source)",
        "“Whiteboard” (picture source)",
        "“Field notes” (its text relative:///notes/field.txt is outside the exchange file)",
        "“Interview 2.txt” (its text file sources/two.txt is not in the exchange file)",
        "“Blank page” (its text is empty)",
    ]
    lines = summary.describe()
    assert lines[-1] == "not imported as articles: " + "; ".join(summary.skipped_sources)
    assert summary.skipped["PDF source"] == 1  # the counts stay as they were
    assert_exports_valid_refi_qda(project)


def test_a_long_list_of_sources_not_imported_is_cut(tmp_path: Path, project: Project) -> None:
    pictures = "".join(
        f'<PictureSource guid="361bcdb8-7d11-4343-a4cd-{n:012d}" name="Photo {n}"'
        f' path="internal://{n}.png"/>'
        for n in range(20)
    )
    qde = f"""<Project {NS} name="p"><Sources>{pictures}
        <TextSource guid="{SOURCE_GUID}" name="t"><PlainTextContent>Text.</PlainTextContent>
        </TextSource></Sources></Project>"""
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "photos.qdpx", qde))
    assert len(summary.skipped_sources) == 20
    line = summary.describe()[-1]
    assert line.startswith("not imported as articles: “Photo 0” (picture source);")
    assert line.endswith("“Photo 11” (picture source); and 8 more")


def test_a_very_long_source_name_is_cut_in_the_summary(tmp_path: Path, project: Project) -> None:
    qde = f"""<Project {NS} name="p"><Sources>
        <AudioSource guid="{SOURCE_GUID}" name="{"Interview " * 1000}" path="internal://a.m4a"/>
        </Sources></Project>"""
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "audio.qdpx", qde))
    (label,) = summary.skipped_sources
    assert label == "“" + ("Interview " * 8)[:79] + "…” (audio source)"


# Paths to a source's text, written in other ways --------------------------------------


@pytest.mark.parametrize(
    ("location", "member"),
    [
        ("internal://t.txt", "Sources/T.TXT"),  # MAXQDA and QualCoder write "Sources"
        ("internal:///t.txt", "sources/t.txt"),  # three slashes, as in "relative:///x"
        ("internal://Focus%20group%20(1).txt", "sources/Focus group (1).txt"),  # a URL
        ("internal://Focus%20group.txt", "sources/Focus%20group.txt"),  # the name as written
    ],
)
def test_internal_paths_written_in_other_ways(
    tmp_path: Path, project: Project, location: str, member: str
) -> None:
    qde = f"""<Project {NS} name="p"><Sources>
        <TextSource guid="{SOURCE_GUID}" name="t" plainTextPath="{location}">
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="6"
            endPosition="11"/></TextSource></Sources></Project>"""
    path = write_qdpx(tmp_path / "paths.qdpx", qde, {member: b"Hello world."})
    summary = import_exchange_file(project, path=path)
    assert (summary.skipped, summary.skipped_sources) == ({}, [])
    assert [p.exact for p in project.annotations.query()] == ["world"]


# A project as QualCoder exports it (refi.py, RefiExport) ------------------------------

COLIN = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
QUALCODER_TEXT = "Hello 😀 world. We trust 北京 people.\nSecond line."


def qualcoder_project(tmp_path: Path) -> Path:
    """project.qde in UTF-8 with a mark, a "Sources" folder, texts with a mark, a journal
    as a note file, and annotations as notes holding a selection of the source."""
    start = QUALCODER_TEXT.index("We")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="study.qda" origin="QualCoder 3.6" \
creatingUserGUID="{COLIN}" creationDateTime="2024-01-01T10:00:00Z" xmlns="urn:QDA-XML:project:1.0">
<Users>
<User guid="{COLIN}" name="colin" />
</Users>
<CodeBook>
<Codes>
<Code guid="2dfba8c9-59f5-4424-99d6-ea9bce18134b" name="Trust" isCodable="true" color="#EB7333" />
</Codes>
</CodeBook>
<Sources>
<TextSource richTextPath="internal://a.docx" plainTextPath="internal://b.txt" creatingUser="" \
creationDateTime="2024-01-01T10:00:00Z" guid="{SOURCE_GUID}" name="doc1.docx">
<PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="{start}" \
endPosition="{start + 11}" name="We trust 北京" creatingUser="{COLIN}" \
creationDateTime="2024-01-02T10:00:00Z">
<Coding guid="76414714-63c4-4a25-a47e-66fef80bd52e" creatingUser="{COLIN}" >
<CodeRef targetGUID="2dfba8c9-59f5-4424-99d6-ea9bce18134b" />
</Coding>
</PlainTextSelection>
<NoteRef targetGUID="0f758eeb-d61d-4e91-b250-79861c3869a6" />
</TextSource>
<TextSource plainTextPath="internal://c.txt" creatingUser="" guid="{SOURCE_GUID[:-1]}0" \
name="doc2.txt">
<NoteRef targetGUID="0f758eeb-d61d-4e91-b250-79861c3869a7" />
</TextSource>
</Sources>
<Notes>
<Note guid="4691a8a0-d67c-4dcc-91d6-e9075dc230cc" creatingUser="{COLIN}" \
creationDateTime="2024-01-01T10:00:00Z" name="Journal one"  \
plainTextPath="internal://4691a8a0-d67c-4dcc-91d6-e9075dc230cc.txt" >
<Description /></Note>
<Note guid="0f758eeb-d61d-4e91-b250-79861c3869a6" creatingUser="{COLIN}" \
creationDateTime="2024-01-03T10:00:00Z" >
<PlainTextContent>Greeting first</PlainTextContent>
<PlainTextSelection guid="d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa6" startPosition="0" endPosition="5" />
</Note>
<Note guid="0f758eeb-d61d-4e91-b250-79861c3869a7" creatingUser="{COLIN}" \
creationDateTime="2024-01-03T10:00:00Z" >
<PlainTextContent>Past the end of doc2</PlainTextContent>
<PlainTextSelection guid="d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa7" startPosition="50" \
endPosition="60" />
</Note>
<Note guid="0f758eeb-d61d-4e91-b250-79861c3869a8" creatingUser="{COLIN}" \
creationDateTime="2024-01-03T10:00:00Z" >
<PlainTextContent>Second annotation of doc1</PlainTextContent>
<PlainTextSelection guid="d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa8" startPosition="7" endPosition="8" />
</Note>
</Notes>
<Description>Project memo</Description>
</Project>"""
    bom = "\ufeff"
    files = {
        "Sources/a.docx": b"PK\x03\x04 not read",
        "Sources/b.txt": (bom + QUALCODER_TEXT).encode(),
        "Sources/c.txt": (bom + "Short.").encode(),
        "Sources/4691a8a0-d67c-4dcc-91d6-e9075dc230cc.txt": (bom + "Journal text").encode(),
    }
    return write_qdpx(tmp_path / "study.qdpx", (bom + qde).encode(), files)


def test_a_qualcoder_project_with_annotations(tmp_path: Path, project: Project) -> None:
    summary = import_exchange_file(project, path=qualcoder_project(tmp_path))
    one, two = project.articles.all()
    assert project.articles.get(article_id=one.id).text == QUALCODER_TEXT
    passages = [(p.article_id, p.exact, p.coder, p.note, p.created_at, len(p.tag_ids))
                for p in project.annotations.query()]  # fmt: skip
    assert passages == [
        (one.id, "Hello", "colin", "Greeting first", "2024-01-03T10:00:00Z", 0),
        (one.id, "We trust 北京", "colin", "", "2024-01-02T10:00:00Z", 1),
    ]
    memos = {(m.kind.value, m.target_id): m.text for m in project.memos.all()}
    # An annotation whose place is not in its source is kept as the article memo; one
    # that no source refers to (QualCoder refers to only the first of each source) is
    # kept in the project memo.
    assert memos == {
        ("article", two.id): "Past the end of doc2",
        ("project", None): "Project memo\n\n## Journal one\n\nJournal text"
        "\n\nSecond annotation of doc1",
    }
    assert summary.skipped == {"selection inside a note": 1, "selection outside its text": 1}
    assert (summary.passages, summary.notes, summary.coders) == (2, 1, ["colin"])
    assert_exports_valid_refi_qda(project)


# Positions counted in UTF-16 code units (programs built on .NET, Delphi, Cocoa or Qt) ----

EMOJI_TEXT = "Chat log 😀😀 day one 👨‍👩‍👧\r\nShe wrote 🎉 that we trust 北京 🇨🇳 now.\r\nEnd 🙂."


def utf16_position(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def selection_file(
    tmp_path: Path, raw: str, spans: list[tuple[int, int, str]], *, origin: str, names: bool
) -> Path:
    body = "".join(
        f'<PlainTextSelection guid="08cbced0-d736-44c8-8fd6-{n:012d}" startPosition="{s}"'
        f' endPosition="{e}" name="{label if names else ""}"/>'
        for n, (s, e, label) in enumerate(spans)
    )
    qde = f"""<Project {NS} name="p" origin="{origin}"><Sources>
        <TextSource guid="{SOURCE_GUID}" name="t" plainTextPath="internal://t.txt">{body}
        </TextSource></Sources></Project>"""
    return write_qdpx(tmp_path / "units.qdpx", qde, {"sources/t.txt": raw.encode("utf-8")})


@pytest.mark.parametrize(
    ("origin", "crlf_is_two"),
    [("MAXQDA 2022", False), ("NVivo 14", True), ("ATLAS.ti 23", False)],
)
def test_positions_in_utf16_units_are_found_by_the_selection_names(
    tmp_path: Path, project: Project, origin: str, crlf_is_two: bool
) -> None:
    counted = EMOJI_TEXT if crlf_is_two else EMOJI_TEXT.replace("\r\n", "\n")
    quotes = ["day one 👨‍👩‍👧", "that we trust 北京 🇨🇳", "End 🙂"]
    spans = []
    for quote in quotes:
        start = counted.index(quote)
        end = start + len(quote)
        # MAXQDA names a selection after the first words of its quote
        spans.append((utf16_position(counted, start), utf16_position(counted, end), quote[:8]))
    path = selection_file(tmp_path, EMOJI_TEXT, spans, origin=origin, names=True)
    import_exchange_file(project, path=path)
    assert [p.exact for p in project.annotations.query()] == quotes
    assert_exports_valid_refi_qda(project)


def test_positions_in_code_points_stay_so(tmp_path: Path, project: Project) -> None:
    text = EMOJI_TEXT.replace("\r\n", "\n")
    quote = "that we trust 北京 🇨🇳"
    start = text.index(quote)
    spans = [(start, start + len(quote), quote)]
    for names in (True, False):  # named after its quote or not, a code point is a character
        with Project.open(tmp_path / f"{names}.diptych", create=True) as target:
            path = selection_file(tmp_path, text, spans, origin="QualCoder 3.6", names=names)
            import_exchange_file(target, path=path)
            assert [p.exact for p in target.annotations.query()] == [quote]


# An exchange file unpacked and zipped again as a folder -----------------------------

FOLDER_PROJECT = f"""<Project {NS} name="p"><Sources>
    <TextSource guid="{SOURCE_GUID}" name="t" plainTextPath="internal://t.txt">
    <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="0"
        endPosition="5"/></TextSource></Sources></Project>"""


def test_a_project_zipped_again_inside_its_folder(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "study copy.qdpx"
    with zipfile.ZipFile(path, "w") as archive:  # as macOS's Finder "Compress" makes it
        archive.writestr("study/", b"")
        archive.writestr("study/project.qde", FOLDER_PROJECT)
        archive.writestr("study/Sources/t.txt", b"Hello world.")
        archive.writestr("__MACOSX/study/._project.qde", b"\x00\x05\x16\x07")
    summary = import_exchange_file(project, path=path)
    assert [p.exact for p in project.annotations.query()] == ["Hello"]
    assert (summary.skipped, summary.skipped_sources) == ({}, [])


def test_two_projects_in_folders_are_not_guessed_between(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "two.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        for folder in ("one", "two"):
            archive.writestr(f"{folder}/project.qde", FOLDER_PROJECT)
            archive.writestr(f"{folder}/sources/t.txt", b"Hello world.")
    with pytest.raises(ExchangeFileError, match=r"two\.qdpx: is a zip archive without project"):
        import_exchange_file(project, path=path)
    assert project.articles.all() == []


# Coders -------------------------------------------------------------------------------


def test_coders_named_on_the_coding_or_missing_from_the_users(
    tmp_path: Path, project: Project
) -> None:
    listed, unlisted = (
        "5c94bc9e-db8c-4f1d-9cd6-e900c7440860",
        "df241da2-bca0-4ad9-83c1-b89c98d83567",
    )
    qde = f"""<Project {NS} name="p"><Users><User guid="{listed}" name="Colin"/></Users>
      <CodeBook><Codes><Code guid="2dfba8c9-59f5-4424-99d6-ea9bce18134b" name="Trust"
        isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="{SOURCE_GUID}" name="t">
        <PlainTextContent>One two three.</PlainTextContent>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000001" startPosition="0"
            endPosition="3"><Coding guid="76414714-63c4-4a25-a47e-000000000001"
            creatingUser="{listed}"><CodeRef targetGUID="2dfba8c9-59f5-4424-99d6-ea9bce18134b"/>
            </Coding></PlainTextSelection>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000002" startPosition="4"
            endPosition="7" creatingUser="{unlisted}"/>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000003" startPosition="8"
            endPosition="13" creatingUser=""/>
      </TextSource></Sources></Project>"""
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "coders.qdpx", qde))
    assert [(p.exact, p.coder) for p in project.annotations.query()] == [
        ("One", "Colin"),  # named only on its coding
        ("two", ""),
        ("three", ""),  # QualCoder writes creatingUser="" for a coder it does not know
    ]
    assert summary.skipped == {
        "coder not listed among the file's users (passage kept without coder)": 1
    }


# A selection per code (MAXQDA, QualCoder) -------------------------------------------


def test_selections_of_the_same_words_by_the_same_coder_become_one_passage(
    tmp_path: Path, project: Project
) -> None:
    maria, colin = "ad68fbe7-e1ee-4a82-a279-23cc698c89eb", "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
    codes = ["2dfba8c9-59f5-4424-99d6-ea9bce18134b", "2dfba8c9-59f5-4424-99d6-ea9bce18134c"]

    def selection(n: int, user: str, code: str | None, memo: str, when: str) -> str:
        coding = f'<Coding guid="76414714-63c4-4a25-a47e-{n:012d}"><CodeRef targetGUID="{code}"/>'
        return (
            f'<PlainTextSelection guid="08cbced0-d736-44c8-8fd6-{n:012d}" startPosition="3"'
            f' endPosition="23" name="we trust the" creatingUser="{user}"'
            f' creationDateTime="{when}"><Description>{memo}</Description>'
            f"{coding + '</Coding>' if code else ''}</PlainTextSelection>"
        )

    selections = "".join(
        [
            selection(1, maria, codes[0], "Strong claim.", "2022-03-02T10:00:00Z"),
            selection(2, maria, codes[1], "", "2022-03-01T10:00:00Z"),
            selection(3, maria, None, "Compare with line 2.", "2022-03-03T10:00:00Z"),
            selection(4, colin, codes[1], "", "2022-03-04T10:00:00Z"),
        ]
    )
    qde = f"""<Project {NS} name="p" origin="MAXQDA 2022">
      <Users><User guid="{maria}" name="Maria"/><User guid="{colin}" name="Colin"/></Users>
      <CodeBook><Codes><Code guid="{codes[0]}" name="Trust" isCodable="true"/>
        <Code guid="{codes[1]}" name="Council" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="{SOURCE_GUID}" name="t">
        <PlainTextContent>So we trust the council, mostly.</PlainTextContent>{selections}
      </TextSource></Sources></Project>"""
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "segments.qdpx", qde))
    codebook = project.tags.codebook()
    passages = [(p.exact, p.coder, [codebook.path(t) for t in p.tag_ids], p.note, p.created_at,
                 p.updated_at, p.uuid) for p in project.annotations.query()]  # fmt: skip
    assert passages == [
        ("we trust the council", "Maria", ["Trust", "Council"],
         "Strong claim.\n\nCompare with line 2.", "2022-03-01T10:00:00Z",
         "2022-03-03T10:00:00Z", "08cbced0-d736-44c8-8fd6-000000000001"),
        ("we trust the council", "Colin", ["Council"], "", "2022-03-04T10:00:00Z",
         "2022-03-04T10:00:00Z", "08cbced0-d736-44c8-8fd6-000000000004"),
    ]  # fmt: skip
    assert (summary.passages, summary.notes, summary.skipped) == (2, 1, {})


def test_a_project_zipped_again_with_backslashes_between_folders(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "powershell.qdpx"
    with zipfile.ZipFile(path, "w") as archive:  # as Windows PowerShell's Compress-Archive
        archive.writestr("project.qde", FOLDER_PROJECT)
        archive.writestr("Sources\\t.txt", b"Hello world.")
    summary = import_exchange_file(project, path=path)
    assert [p.exact for p in project.annotations.query()] == ["Hello"]
    assert (summary.skipped, summary.skipped_sources) == ({}, [])


@pytest.mark.parametrize("name", ["Sources\\..\\..\\evil.txt", "\\etc\\passwd", "a/b\\..\\..\\c"])
def test_backslashes_that_would_leave_the_folder_are_still_refused(
    tmp_path: Path, project: Project, name: str
) -> None:
    path = write_qdpx(tmp_path / "slip.qdpx", FOLDER_PROJECT, {name: b"boom"})
    with pytest.raises(ExchangeFileError, match="a backslash"):
        import_exchange_file(project, path=path)
    assert project.articles.all() == []


def test_one_name_written_with_both_separators_is_refused(tmp_path: Path, project: Project) -> None:
    files = {"sources/t.txt": b"Hello world.", "sources\\t.txt": b"Other words."}
    path = write_qdpx(tmp_path / "both.qdpx", FOLDER_PROJECT, files)
    with pytest.raises(ExchangeFileError, match=r"both\.qdpx: contains '[^']+' twice"):
        import_exchange_file(project, path=path)


# Optional attributes left out --------------------------------------------------------


def test_users_without_names_and_notes_without_guids_are_kept(
    tmp_path: Path, project: Project
) -> None:
    anonymous, with_id = (
        "5c94bc9e-db8c-4f1d-9cd6-e900c7440860",
        "df241da2-bca0-4ad9-83c1-b89c98d83567",
    )
    qde = f"""<Project {NS}>
      <Users><User guid="{anonymous}"/><User guid="{with_id}" id="jdoe"/></Users>
      <Sources><TextSource guid="{SOURCE_GUID}"><PlainTextContent>Hello world.</PlainTextContent>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000001" startPosition="0"
            endPosition="5" creatingUser="{anonymous}"/>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000002" startPosition="6"
            endPosition="11" creatingUser="{with_id}"/>
      </TextSource></Sources>
      <Notes><Note><PlainTextContent>A note nothing can refer to.</PlainTextContent></Note>
      </Notes></Project>"""
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "bare.qdpx", qde))
    assert [(p.exact, p.coder) for p in project.annotations.query()] == [
        ("Hello", "User 5c94bc9e"),
        ("world", "jdoe"),
    ]
    (memo,) = project.memos.all()
    assert memo.text == "A note nothing can refer to."
    assert summary.skipped == {}
    assert_exports_valid_refi_qda(project)


@pytest.mark.parametrize(
    ("color", "imported", "understood"),
    [
        ("#eb7333", "#EB7333", True),
        ("#F00", "#FF0000", True),
        (" #00AA00 ", "#00AA00", True),
        ("#00AA00FF", "#00AA00", True),  # an alpha channel after the colour
        ("red", None, False),
        ("rgb(255,0,0)", None, False),
        ("", None, True),  # no colour at all is nothing to report
    ],
)
def test_code_colours_written_in_other_ways(
    tmp_path: Path, project: Project, color: str, imported: str | None, understood: bool
) -> None:
    path = tmp_path / "colours.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="Trust" isCodable="true"'
        f' guid="2dfba8c9-59f5-4424-99d6-ea9bce18134b" color="{color}"/></Codes></CodeBook>'
    )
    summary = import_exchange_file(project, path=path)
    (tag,) = project.tags.all()
    assert tag.color == (imported or PALETTE[0])  # else the palette's first free colour
    reported = "code colour not understood (a palette colour was used)" in summary.skipped
    assert reported != understood


UNNAMED_TEXT = (
    "Interview 😀 with Ana 👩🏽‍🔬.\r\nShe said trust grows slowly 🌱 here.\r\n"
    "Council meetings 🏛️ matter.\r\nWe vote 🗳️ each spring.\r\nEnd."
)
UNNAMED_QUOTES = ["Ana", "trust grows slowly", "here", "Council meetings", "matter", "each spring"]


@pytest.mark.parametrize(
    ("crlf_is_two", "utf16"), [(True, True), (False, True), (False, False), (True, False)]
)
def test_unnamed_selections_are_placed_between_words(
    tmp_path: Path, project: Project, crlf_is_two: bool, utf16: bool
) -> None:
    """NVivo names no selection: the counting under which they fall between words wins."""
    counted = UNNAMED_TEXT if crlf_is_two else UNNAMED_TEXT.replace("\r\n", "\n")

    def position(index: int) -> int:
        return utf16_position(counted, index) if utf16 else index

    spans = []
    for quote in UNNAMED_QUOTES:
        start = counted.index(quote)
        spans.append((position(start), position(start + len(quote)), ""))
    path = selection_file(tmp_path, UNNAMED_TEXT, spans, origin="NVivo 14", names=False)
    import_exchange_file(project, path=path)
    assert [p.exact for p in project.annotations.query()] == UNNAMED_QUOTES


def test_a_few_unnamed_selections_keep_the_usual_counting(tmp_path: Path, project: Project) -> None:
    text = UNNAMED_TEXT.replace("\r\n", "\n")
    start = text.index("trust")  # one selection is too little to go by
    spans = [(start, start + len("trust grows slowly"), "")]
    path = selection_file(tmp_path, text, spans, origin="NVivo 14", names=False)
    import_exchange_file(project, path=path)
    assert [p.exact for p in project.annotations.query()] == ["trust grows slowly"]


def test_selections_outside_their_text_are_counted_by_article(
    tmp_path: Path, project: Project
) -> None:
    def source(n: int, name: str, text: str, spans: list[tuple[int, int]]) -> str:
        body = "".join(
            f'<PlainTextSelection guid="08cbced0-d736-44c8-{n:04d}-{k:012d}" startPosition="{s}"'
            f' endPosition="{e}"/>'
            for k, (s, e) in enumerate(spans)
        )
        return (
            f'<TextSource guid="631251cc-9fb4-4131-{n:04d}-35947084c409" name="{name}">'
            f"<PlainTextContent>{text}</PlainTextContent>{body}</TextSource>"
        )

    sources = source(1, "Interview 1.txt", "Short.", [(0, 5)]) + source(
        2, "Interview 2.txt", "Also short.", [(0, 4), (40, 52), (9, 120)]
    )
    qde = f'<Project {NS} name="p"><Sources>{sources}</Sources></Project>'
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "moved.qdpx", qde))
    assert [p.exact for p in project.annotations.query()] == ["Short", "Also"]
    assert summary.outside_text == {"Interview 2.txt": 2}
    assert summary.describe()[-1] == "selections outside their text, in: “Interview 2.txt” ×2"


def test_a_damaged_byte_in_utf8_is_refused_not_read_as_windows_1252(
    tmp_path: Path, project: Project
) -> None:
    data = QUALCODER_QDC.replace("Sécurité", "安全 Sécurité").encode("utf-8")
    path = tmp_path / "damaged.qdc"
    path.write_bytes(data.replace("É".encode(), b"\xc9"))  # one character lost its lead byte
    with pytest.raises(ExchangeFileError, match=r"damaged\.qdc: is not well-formed XML"):
        import_exchange_file(project, path=path)
    assert project.tags.all() == []
