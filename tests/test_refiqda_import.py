"""REFI-QDA import: round trip, files in other programs' styles, failures and hostile files."""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from dataclasses import asdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_refiqda_export import build_project

from diptych.storage.annotations import AnnotationStore, NewAnnotation
from diptych.storage.cli import main
from diptych.storage.errors import ExchangeFileError
from diptych.storage.exporting import collect
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdc, export_qdpx
from diptych.storage.refiqda_import import import_exchange_file
from diptych.storage.refiqda_summary import ExchangeImportSummary
from diptych.storage.safezip import ZipLimits

NS = 'xmlns="urn:QDA-XML:project:1.0"'
MARIA = "{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}"
COLIN = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
TRUST = "2DFBA8C9-59F5-4424-99D6-EA9BCE18134B"


def write_qdpx(path: Path, qde: str | bytes, files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path


def snapshot(project: Project) -> dict[str, object]:
    """Everything the user could see in a project, to compare before and after."""
    codebook = project.tags.codebook()
    return {
        "articles": [(a.uuid, a.title, project.articles.get(article_id=a.id).text)
                     for a in project.articles.all()],
        "tags": sorted((codebook.path(t.id), t.color, t.description) for t in codebook.ordered()),
        "passages": [(p.uuid, p.start, p.end, p.exact, p.note, p.coder,
                      sorted(codebook.path(t) for t in p.tag_ids))
                     for p in project.annotations.query()],
        "memos": sorted((m.kind.value, m.text) for m in project.memos.all()),
    }  # fmt: skip


@pytest.fixture
def new_project(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "new.diptych", create=True)
    yield project
    project.close()


# Round trip ------------------------------------------------------------------------------


def test_round_trip_keeps_articles_tags_passages_notes_and_coders(
    tmp_path: Path, new_project: Project
) -> None:
    with build_project(tmp_path / "original.diptych") as original:
        path = tmp_path / "export.qdpx"
        path.write_bytes(export_qdpx(collect(original), None))
        before = snapshot(original)
        originals = {p.uuid: p for p in original.annotations.query()}
    summary = import_exchange_file(new_project, path=path)
    after = snapshot(new_project)
    assert after["articles"] == before["articles"]  # uuids, titles, display texts
    assert after["tags"] == before["tags"]  # paths (nesting), colours, descriptions
    anchored = [p for p in before["passages"] if not originals[p[0]].is_orphan]
    assert after["passages"] == anchored  # offsets, quotes, notes, coders, tag sets
    for passage in new_project.annotations.query():
        assert passage.created_at == originals[passage.uuid].created_at
    memos = dict(after["memos"])
    assert memos["project"] == "Coding round **one**."
    assert memos["tag"] == "Tag *memo*."
    articles = {a.title: a.id for a in new_project.articles.all()}
    orphan_memo = new_project.memos.get(kind=MemoKind.ARTICLE, target_id=articles["Short dispatch"])
    assert orphan_memo is not None and "“A sentence that will vanish”" in orphan_memo.text
    assert sorted(c.name for c in new_project.annotations.coders()) == ["Alice", "李雷"]
    assert summary.article_ids == [new_project.articles.all()[i].id for i in range(3)]
    assert (summary.tags_created, summary.passages, summary.notes) == (4, 5, 3)
    assert summary.coders == ["Alice", "李雷"]
    assert summary.skipped == {}
    json.dumps(asdict(summary))  # the command line prints it as JSON


def test_importing_again_reuses_tags_and_memos(tmp_path: Path, new_project: Project) -> None:
    with build_project(tmp_path / "original.diptych") as original:
        path = tmp_path / "export.qdpx"
        path.write_bytes(export_qdpx(collect(original), None))
    first = import_exchange_file(new_project, path=path)
    before = snapshot(new_project)
    second = import_exchange_file(new_project, path=path)
    # The sources are in the project already: nothing is added a second time.
    assert snapshot(new_project) == before
    assert (second.tags_created, second.tags_reused, second.memos) == (0, 4, 0)
    assert second.article_ids == [] and second.passages == 0
    assert len(second.known_sources) == len(first.article_ids) == 3
    assert (second.codings_added, second.codings_present, second.notes_added) == (0, 7, 0)
    assert second.skipped == {}


def test_codebook_file(tmp_path: Path, new_project: Project) -> None:
    with build_project(tmp_path / "original.diptych") as original:
        path = tmp_path / "codes.qdc"
        path.write_bytes(export_qdc(collect(original)))
        tags = snapshot(original)["tags"]
    summary = import_exchange_file(new_project, path=path)
    assert summary.kind == "codebook"
    assert snapshot(new_project)["tags"] == tags
    assert summary.article_ids == [] and summary.passages == 0


def test_the_command_line_imports_exchange_files(tmp_path: Path) -> None:
    with build_project(tmp_path / "original.diptych") as original:
        path = tmp_path / "export.qdpx"
        path.write_bytes(export_qdpx(collect(original), None))
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "target.diptych"
    assert main(["import", str(target), str(path)], stdout=out, stderr=err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[:3] == ["1", "2", "3"]  # the new article ids
    assert lines[3].startswith("# export.qdpx from Diptych")


# Files in the style of other programs ----------------------------------------------------

ONE = "Line one 😀 here.\nSecond line about trust in 北京."
TWO_LINES = ["Interview two.", "She said: we trust the council.", "End."]


def maxqda_style(tmp_path: Path) -> Path:
    """Inline text, a UTF-16 source with CRLF, a PDF source, a set, links and odd elements."""
    two = "\n".join(TWO_LINES)  # MAXQDA counts a CRLF as one character
    start1 = ONE.index("trust in 北京")
    start2 = two.index("we trust")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project {NS} xmlns:mx="urn:example:vendor" name="Interviews" mx:build="22"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="urn:QDA-XML:project:1.0 Project.xsd"
         origin="MAXQDA 2022 (Release 22.3.0)" creatingUserGUID="{MARIA}">
  <Users>
    <User guid="{MARIA}" name="Maria"/>
    <User guid="{COLIN}" name="Colin"/>
  </Users>
  <CodeBook><Codes>
    <Code guid="AE6D04CE-D987-4FC8-AF97-D72CA6FFD08F" name="Themes" isCodable="false">
      <Description>Top-level category</Description>
      <Code guid="{TRUST}" name="Trust" isCodable="true" color="#0a0"/>
      <Code guid="11111111-59F5-4424-99D6-EA9BCE18134B" name="trust" isCodable="true"
            color="#00AA00FF"><mx:Extra/></Code>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="E92903A3-0FDB-473D-9AE2-58B8D1D68014" name="Interview 1.txt">
      <PlainTextContent>{ONE}</PlainTextContent>
      <PlainTextSelection guid="95916796-D0A0-4B49-80B0-5A5C8B94AE13" name="trust in..."
          startPosition="{start1}" endPosition="{start1 + 11}" creatingUser="{MARIA}"
          creationDateTime="2021-01-15T23:37:54Z">
        <Description>Memo on the selection</Description>
        <Coding guid="5C931701-6CD4-4A2B-A553-F1DDE2EAC46D" creatingUser="{MARIA}">
          <CodeRef targetGUID="{TRUST.lower()}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="95916796-D0A0-4B49-80B0-000000000002" startPosition="5"
          endPosition="9999"/>
      <PlainTextSelection guid="95916796-D0A0-4B49-80B0-000000000003" startPosition="0"
          endPosition="4"><Coding guid="5C931701-6CD4-4A2B-A553-000000000003">
          <CodeRef targetGUID="99999999-9999-4999-8999-999999999999"/></Coding>
      </PlainTextSelection>
      <Coding guid="5C931701-6CD4-4A2B-A553-000000000004"><CodeRef targetGUID="{TRUST}"/></Coding>
      <VariableValue><VariableRef targetGUID="3ba84074-e1af-4234-9773-1a71bb5c54de"/>
        <TextValue>0</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="631251CC-9FB4-4131-BEA8-35947084C409" name="Interview 2"
        plainTextPath="internal://631251CC-9FB4-4131-BEA8-35947084C409.txt">
      <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" name="we trust the…"
          startPosition="{start2}" endPosition="{start2 + 20}" modifyingUser="{COLIN}">
        <Coding guid="76414714-63c4-4a25-a47e-66fef80bd52e">
          <CodeRef targetGUID="11111111-59F5-4424-99D6-EA9BCE18134B"/>
        </Coding>
      </PlainTextSelection>
      <NoteRef targetGUID="0f758eeb-d61d-4e91-b250-79861c3869a6"/>
    </TextSource>
    <PDFSource guid="9DDD19C4-168C-4103-BBAD-08D4BD10A145" name="Report.pdf"
        path="internal://9DDD19C4-168C-4103-BBAD-08D4BD10A145.pdf">
      <PDFSelection guid="9DDD19C4-168C-4103-BBAD-000000000001" page="1" firstX="1" firstY="2"
          secondX="3" secondY="4"/>
    </PDFSource>
    <TextSource guid="631251CC-9FB4-4131-BEA8-000000000003" name="Outside"
        plainTextPath="absolute:///etc/passwd"/>
  </Sources>
  <Notes>
    <Note guid="0f758eeb-d61d-4e91-b250-79861c3869a6" name="About interview 2">
      <PlainTextContent>Recorded by phone.</PlainTextContent></Note>
    <Note guid="4691a8a0-d67c-4dcc-91d6-e9075dc230cc" name="Journal">
      <PlainTextContent>Free-floating journal entry.</PlainTextContent></Note>
    <Note guid="d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa6">
      <PlainTextContent>NVivo-style annotation.</PlainTextContent></Note>
  </Notes>
  <Links>
    <Link guid="46467993-B426-49DD-9707-B5958EBA9870"
          originGUID="d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa6"
          targetGUID="95916796-D0A0-4B49-80B0-5A5C8B94AE13"/>
  </Links>
  <Sets>
    <Set name="Document group 1" guid="46467993-B426-49DD-9707-B5958EBA9871">
      <MemberSource targetGUID="E92903A3-0FDB-473D-9AE2-58B8D1D68014"/>
    </Set>
  </Sets>
  <Description>Study of trust.</Description>
  <Frobnicate/>
</Project>
"""
    text = "\r\n".join(TWO_LINES).encode("utf-16")  # with a byte-order mark
    return write_qdpx(
        tmp_path / "maxqda.qdpx",
        qde,
        {"Sources/631251CC-9FB4-4131-BEA8-35947084C409.txt": text},
    )


def test_a_file_in_the_style_of_maxqda_and_qualcoder(tmp_path: Path, new_project: Project) -> None:
    summary = import_exchange_file(new_project, path=maxqda_style(tmp_path))
    articles = new_project.articles.all()
    assert [a.title for a in articles] == ["Interview 1.txt", "Interview 2"]
    assert new_project.articles.get(article_id=articles[0].id).text == ONE
    assert new_project.articles.get(article_id=articles[1].id).text == "\n".join(TWO_LINES)
    assert articles[0].uuid == "e92903a3-0fdb-473d-9ae2-58b8d1d68014"
    assert articles[1].encoding == "utf-16"
    after = snapshot(new_project)
    assert after["tags"] == [
        ("Themes", "#F6C945", "Top-level category"),
        ("Themes/Trust", "#00AA00", ""),
        ("Themes/trust (2)", "#00AA00", ""),
    ]
    untagged, first, second = new_project.annotations.query()
    assert (untagged.exact, untagged.tag_ids) == ("Line", ())  # its only code is unknown
    assert (first.exact, first.coder, first.created_at) == (
        "trust in 北京",
        "Maria",
        "2021-01-15T23:37:54Z",
    )
    assert first.note == "Memo on the selection\n\nNVivo-style annotation."
    assert first.uuid == "95916796-d0a0-4b49-80b0-5a5c8b94ae13"
    assert (second.exact, second.coder) == ("we trust the council", "Colin")
    codebook = new_project.tags.codebook()
    assert [codebook.path(t) for t in second.tag_ids] == ["Themes/trust (2)"]
    memos = {m.kind: m.text for m in new_project.memos.all()}
    assert (
        memos[MemoKind.PROJECT] == "Study of trust.\n\n## Journal\n\nFree-floating journal entry."
    )
    assert memos[MemoKind.ARTICLE] == "Recorded by phone."
    assert summary.origin.startswith("MAXQDA")
    assert summary.renamed_tags == ["trust -> trust (2)"]
    assert summary.coders == ["Colin", "Maria"]
    assert summary.skipped == {
        "PDF source": 1,
        "PDF source selection": 1,
        "coding of a whole source": 1,
        "coding of an unknown code": 1,
        "selection outside its text": 1,
        "set": 1,
        "text source whose text is outside the exchange file": 1,
        "unknown attribute build on <Project>": 1,
        "unknown element <Extra> in <Code>": 1,
        "unknown element <Frobnicate> in <Project>": 1,
        "variable value": 1,
    }
    lines = summary.describe()
    assert lines[0].startswith("maxqda.qdpx from MAXQDA 2022")
    assert any("PDF source ×1" in line for line in lines)


def crlf_project(tmp_path: Path, *, origin: str, name: str, start: int, end: int) -> Path:
    qde = f"""<Project {NS} name="p" origin="{origin}"><Sources>
  <TextSource guid="631251cc-9fb4-4131-bea8-35947084c409" name="t"
      plainTextPath="internal://t.txt">
    <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" name="{name}"
        startPosition="{start}" endPosition="{end}"/>
  </TextSource></Sources></Project>"""
    raw = "\r\n".join(TWO_LINES)
    return write_qdpx(tmp_path / f"{origin}.qdpx", qde, {"sources/t.txt": raw.encode()})


@pytest.mark.parametrize(
    ("origin", "name", "crlf_counts"),
    [
        ("NVivo 14", "", 2),  # unknown tools are taken at their word: CR and LF both count
        ("ATLAS.ti 23", "", 1),  # ATLAS.ti counts a CRLF as one character
        ("NVivo 14", "we trust the…", 1),  # the selection's name shows the reading
        ("MAXQDA 2022", "we trust the…", 2),
    ],
)
def test_windows_line_ends(
    tmp_path: Path, new_project: Project, origin: str, name: str, crlf_counts: int
) -> None:
    normal = "\n".join(TWO_LINES)
    start = normal.index("we trust") + (crlf_counts - 1)  # one line end precedes it
    path = crlf_project(tmp_path, origin=origin, name=name, start=start, end=start + 20)
    import_exchange_file(new_project, path=path)
    (passage,) = new_project.annotations.query()
    assert passage.exact == "we trust the council"


def test_selections_that_do_not_fit_are_skipped(tmp_path: Path, new_project: Project) -> None:
    selections = [(-1, 3), (3, 3), (5, 2), (0, 100), (0, "x"), (5, 6), (0, 5)]
    body = "".join(
        f'<PlainTextSelection guid="08cbced0-d736-44c8-8fd6-{n:012d}" startPosition="{s}"'
        f' endPosition="{e}"/>'
        for n, (s, e) in enumerate(selections)
    )
    qde = f"""<Project {NS} name="p"><Sources>
        <TextSource guid="631251cc-9fb4-4131-bea8-35947084c409" name="t">
        <PlainTextContent>Hello world.</PlainTextContent>{body}</TextSource></Sources></Project>"""
    summary = import_exchange_file(new_project, path=write_qdpx(tmp_path / "s.qdpx", qde))
    assert [p.exact for p in new_project.annotations.query()] == ["Hello"]
    assert summary.skipped == {
        "empty selection": 1,
        "selection outside its text": 3,
        "selection of whitespace only": 1,
        "selection without valid positions": 1,
    }


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("0", "9" * 30),  # larger than SQLite's INTEGER
        ("9" * 19, "9" * 20),
        ("9" * 5000, "1"),  # more digits than int() reads from text
        ("1_0", "2_0"),  # int() takes these, xs:integer does not
        ("\u0661", "\u0663"),  # Arabic-Indic digits
        ("0", "1e3"),
    ],
)
def test_positions_that_are_not_positions_are_skipped(
    tmp_path: Path, new_project: Project, start: str, end: str
) -> None:
    qde = f"""<Project {NS} name="p"><Sources>
        <TextSource guid="631251cc-9fb4-4131-bea8-35947084c409" name="t">
        <PlainTextContent>Hello world, and some more words.</PlainTextContent>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000001"
            startPosition="{start}" endPosition="{end}"/>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000002"
            startPosition="+00000000000000000000000000" endPosition="0005"/>
        </TextSource></Sources></Project>"""
    summary = import_exchange_file(new_project, path=write_qdpx(tmp_path / "s.qdpx", qde))
    assert [p.exact for p in new_project.annotations.query()] == ["Hello"]
    assert summary.skipped == {"selection without valid positions": 1}


def dated_project(created: str, modified: str = "") -> str:
    stamp = f' modifiedDateTime="{modified}"' if modified else ""
    return f"""<Project {NS} name="p"><Sources>
        <TextSource guid="631251cc-9fb4-4131-bea8-35947084c409" name="t">
        <PlainTextContent>Hello world.</PlainTextContent>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-000000000001" startPosition="0"
            endPosition="5" creationDateTime="{created}"{stamp}/>
        </TextSource></Sources></Project>"""


@pytest.mark.parametrize(
    "moment",
    [
        "0001-01-01T00:00:00+01:00",  # before the first day of the calendar in UTC
        "9999-12-31T23:30:00-01:00",  # after its last day
        "0001-01-01T00:00:00Z",  # in UTC, but not in a time zone west of it
        "9999-12-31T23:59:59Z",
        "2024-02-30T10:00:00Z",  # no such day
    ],
)
@pytest.mark.parametrize("suffix", [".qdpx", ".qdc"])
def test_dates_off_the_calendar_count_as_missing(
    tmp_path: Path, new_project: Project, moment: str, suffix: str
) -> None:
    path = tmp_path / f"dated{suffix}"
    if suffix == ".qdpx":
        write_qdpx(path, dated_project(moment))
    else:
        path.write_text(dated_project(moment), encoding="utf-8")
    before = datetime.now(UTC).replace(microsecond=0)
    summary = import_exchange_file(new_project, path=path)
    assert summary.passages == 1 and summary.skipped == {}
    (passage,) = new_project.annotations.query()
    # the time of the import instead, and one any local clock can show
    assert datetime.fromisoformat(passage.created_at) >= before
    datetime.fromisoformat(passage.created_at).astimezone(timezone(timedelta(hours=-12)))


def test_dates_are_kept_in_utc_with_four_digit_years(tmp_path: Path, new_project: Project) -> None:
    qde = dated_project("0033-04-03T15:00:00+02:00", "2021-03-04T05:06:07.89+01:00")
    import_exchange_file(new_project, path=write_qdpx(tmp_path / "old.qdpx", qde))
    (passage,) = new_project.annotations.query()
    assert (passage.created_at, passage.updated_at) == (
        "0033-04-03T13:00:00Z",
        "2021-03-04T04:06:07Z",
    )


def test_the_command_line_imports_a_file_with_dates_off_the_calendar(tmp_path: Path) -> None:
    path = write_qdpx(tmp_path / "dated.qdpx", dated_project("0001-01-01T00:00:00+01:00"))
    project = tmp_path / "p.diptych"
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(project), str(path)], stdout=out, stderr=err) == 0, err.getvalue()
    assert "1 passage" in out.getvalue() and err.getvalue() == ""


def test_a_project_document_without_namespace_or_zip(tmp_path: Path, new_project: Project) -> None:
    path = tmp_path / "bare.qde"
    path.write_text(
        '<Project name="p"><CodeBook><Codes><Code guid="a1b2c3d4-0000-4000-8000-000000000001"'
        ' name="Method" isCodable="true"/></Codes></CodeBook></Project>'
    )
    summary = import_exchange_file(new_project, path=path)
    assert summary.kind == "project" and summary.tags_created == 1


# All or nothing --------------------------------------------------------------------------


def test_a_failure_midway_leaves_the_project_unchanged(
    tmp_path: Path, new_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    with build_project(tmp_path / "original.diptych") as original:
        first = tmp_path / "first.qdpx"
        first.write_bytes(export_qdpx(collect(original), None))
    new_project.tags.add(name="Existing")
    before = snapshot(new_project)

    def fail(self: AnnotationStore, *, items: list[NewAnnotation]) -> list[int]:
        self._project.articles.get(article_id=items[0].article_id)  # as the real one does
        raise OSError("disk on fire")

    with monkeypatch.context() as patch:
        patch.setattr(AnnotationStore, "add_many", fail)
        with pytest.raises(OSError, match="disk on fire"):
            import_exchange_file(new_project, path=first)
    assert snapshot(new_project) == before
    # The rolled-back articles' ids are free again: nothing stale may be remembered.
    summary = import_exchange_file(new_project, path=maxqda_style(tmp_path))
    article = new_project.articles.get(article_id=summary.article_ids[0])
    assert article.text == ONE


# Hostile and broken files ----------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>"""


def test_billion_laughs_is_refused(tmp_path: Path, new_project: Project) -> None:
    path = write_qdpx(tmp_path / "laughs.qdpx", BILLION_LAUGHS)
    with pytest.raises(ExchangeFileError, match="entity declaration") as caught:
        import_exchange_file(new_project, path=path)
    assert "laughs.qdpx" in str(caught.value)
    codebook = tmp_path / "laughs.qdc"
    codebook.write_text(BILLION_LAUGHS.replace("Project", "CodeBook"))
    with pytest.raises(ExchangeFileError, match="entity declaration"):
        import_exchange_file(new_project, path=codebook)


def test_external_entities_are_never_read(tmp_path: Path, new_project: Project) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    qde = f"""<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file://{secret}">]>
<Project {NS} name="p"><Description>&xxe;</Description></Project>"""
    with pytest.raises(ExchangeFileError, match="document type"):
        import_exchange_file(new_project, path=write_qdpx(tmp_path / "xxe.qdpx", qde))
    assert new_project.memos.all() == []


def test_source_paths_cannot_leave_the_archive(tmp_path: Path, new_project: Project) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("private file")
    qde = f"""<Project {NS} name="p"><Sources>
        <TextSource guid="631251cc-9fb4-4131-bea8-000000000001" plainTextPath="{outside}"/>
        <TextSource guid="631251cc-9fb4-4131-bea8-000000000002"
            plainTextPath="internal://../../outside.txt"/>
        <TextSource guid="631251cc-9fb4-4131-bea8-000000000003"
            plainTextPath="relative:///outside.txt"/>
        </Sources></Project>"""
    summary = import_exchange_file(new_project, path=write_qdpx(tmp_path / "p.qdpx", qde))
    assert new_project.articles.all() == []
    assert summary.skipped == {
        "text source whose text file is missing": 1,
        "text source whose text is outside the exchange file": 2,
    }


def test_zip_slip_names_are_refused(tmp_path: Path, new_project: Project) -> None:
    path = write_qdpx(tmp_path / "slip.qdpx", f'<Project {NS} name="p"/>', {"../evil.txt": b"x"})
    with pytest.raises(ExchangeFileError, match="outside its folder"):
        import_exchange_file(new_project, path=path)


def test_a_zip_bomb_is_refused(tmp_path: Path, new_project: Project) -> None:
    padding = b" " * (3 * 1024 * 1024)
    path = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", f'<Project {NS} name="p"/>')
        archive.writestr("sources/big.txt", padding)
    limits = ZipLimits(max_total_size=1024 * 1024)
    with pytest.raises(ExchangeFileError, match="zip bomb"):
        import_exchange_file(new_project, path=path, limits=limits)
    with pytest.raises(ExchangeFileError, match="zip bomb"):
        import_exchange_file(
            new_project, path=path, limits=ZipLimits(max_ratio=50, ratio_floor=1024 * 1024)
        )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("odd.qdpx", b"PK\x03\x04 truncated", "not a readable zip archive"),
        ("odd.qdpx", b"<Project name='p'/>", "not a readable zip archive"),
        ("odd.qdc", b"PK\x03\x04 truncated", "not a readable zip archive"),
        ("odd.qdc", b"<html><body>Hello</body></html>", "not a REFI-QDA project or codebook"),
        ("odd.qdc", b'<CodeBook xmlns="urn:other"/>', "not a REFI-QDA project or codebook"),
        ("odd.qdc", b"<CodeBook>", "not well-formed XML"),
        ("odd.qdc", b"", "is empty"),
    ],
)
def test_files_that_are_not_refi_qda(
    tmp_path: Path, new_project: Project, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExchangeFileError, match=message) as caught:
        import_exchange_file(new_project, path=path)
    assert name in str(caught.value)


def test_a_zip_without_a_project_document(tmp_path: Path, new_project: Project) -> None:
    path = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sources/a.txt", b"text")
    with pytest.raises(ExchangeFileError, match=r"without project\.qde"):
        import_exchange_file(new_project, path=path)


def test_absurdly_deep_codes_are_cut(tmp_path: Path, new_project: Project) -> None:
    depth = 5000
    opening = "".join(
        f'<Code guid="a1b2c3d4-0000-4000-8000-{n:012d}" name="c{n}" isCodable="true">'
        for n in range(depth)
    )
    qde = f"<Project {NS} name='p'><CodeBook><Codes>{opening}{'</Code>' * depth}"
    qde += "</Codes></CodeBook></Project>"
    summary = import_exchange_file(new_project, path=write_qdpx(tmp_path / "deep.qdpx", qde))
    assert summary.tags_created == 64
    assert summary.skipped == {"code nested more than 64 levels deep": 1}


def test_a_missing_file(tmp_path: Path, new_project: Project) -> None:
    with pytest.raises(ExchangeFileError, match="does not exist"):
        import_exchange_file(new_project, path=tmp_path / "nowhere.qdpx")


def test_summary_describes_itself() -> None:
    summary = ExchangeImportSummary(
        path="/x/a.qdpx", origin="NVivo", article_ids=[7], memos=1, skipped={"set": 2}
    )
    assert summary.describe() == [
        "a.qdpx from NVivo: 1 article, 0 new tags (0 already in the codebook), 0 passages"
        " (0 with notes), 1 memo",
        "not imported: set ×2",
    ]


# Other writers and encodings -------------------------------------------------------------


def test_a_project_written_by_pyrefiqda(tmp_path: Path, new_project: Project) -> None:
    """A second, independent writer (xsdata models generated from the schema)."""
    from pyrefiqda import RefiProject
    from pyrefiqda import models as m

    text = "Interview transcript 🎙️ with 張偉 about trust."
    start = text.index("trust")
    user = m.UserType(guid=COLIN, name="Colin")
    code = m.ProjectCodeType(guid=TRUST, name="Trust", is_codable=True, color="#00AA00")
    coding = m.CodingType(
        guid="76414714-63c4-4a25-a47e-66fef80bd52e", code_ref=m.CodeRefType(target_guid=TRUST)
    )
    selection = m.PlainTextSelectionType(
        guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5", start_position=start,
        end_position=start + 5, creating_user=COLIN, coding=[coding],
    )  # fmt: skip
    source = m.TextSourceType(
        guid="631251cc-9fb4-4131-bea8-35947084c409", name="Transcript",
        plain_text_content=text, plain_text_selection=[selection],
    )  # fmt: skip
    project = m.Project(
        name="From pyrefiqda", users=m.UsersType(user=[user]),
        code_book=m.ProjectCodeBookType(codes=m.ProjectCodesType(code=[code])),
        sources=m.SourcesType(text_source=[source]),
    )  # fmt: skip
    path = tmp_path / "pyrefiqda.qdpx"
    RefiProject.save(project, path)
    summary = import_exchange_file(new_project, path=path)
    (passage,) = new_project.annotations.query()
    assert (passage.exact, passage.coder) == ("trust", "Colin")
    assert new_project.tags.get(tag_id=passage.tag_ids[0]).name == "Trust"
    assert summary.skipped == {}


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbfCaf\xc3\xa9 au lait.", "utf-8-sig"),  # QualCoder writes a mark
        (codecs.BOM_UTF16_BE + "Café au lait.".encode("utf-16-be"), "utf-16"),
        ("Café au lait.".encode("utf-32"), "utf-32"),
        (b"Caf\xe9 au lait.", "cp1252"),
    ],
)
def test_source_files_in_other_encodings(
    tmp_path: Path, new_project: Project, data: bytes, encoding: str
) -> None:
    qde = f"""<Project {NS} name="p"><Sources><TextSource name="t"
        guid="631251cc-9fb4-4131-bea8-35947084c409" plainTextPath="internal://t.txt">
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="0"
            endPosition="4"/></TextSource></Sources></Project>"""
    path = write_qdpx(tmp_path / "e.qdpx", qde, {"sources/t.txt": data})
    summary = import_exchange_file(new_project, path=path)
    article = new_project.articles.get(article_id=summary.article_ids[0])
    assert (article.text, article.encoding) == ("Café au lait.", encoding)
    assert new_project.annotations.query()[0].exact == "Café"


def test_an_imported_project_exports_valid_refi_qda(tmp_path: Path, new_project: Project) -> None:
    from lxml import etree
    from test_refiqda_export import PROJECT_XSD

    import_exchange_file(new_project, path=maxqda_style(tmp_path))
    qdpx = export_qdpx(collect(new_project), None)
    qde = etree.fromstring(zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde"))
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(qde), schema.error_log
    other = Project.open(tmp_path / "third.diptych", create=True)
    with other:
        path = tmp_path / "again.qdpx"
        path.write_bytes(qdpx)
        import_exchange_file(other, path=path)
        assert snapshot(other)["passages"] == snapshot(new_project)["passages"]
        assert snapshot(other)["tags"] == snapshot(new_project)["tags"]


def test_an_export_of_an_article_that_repeats_itself_imports_again(
    tmp_path: Path, new_project: Project
) -> None:
    from diptych.storage.importing import parse_article

    text = "Repeated figures\n\n" + "0.0 0.0 0.0 0.0 | " * 200_000  # 3.6 MB, ~1000:1 zipped
    with Project.create(tmp_path / "original.diptych") as original:
        original.articles.add(parsed=parse_article(text.encode(), name="figures.txt"))
        path = tmp_path / "export.qdpx"
        path.write_bytes(export_qdpx(collect(original), None))
        before = [(a.title, a.characters) for a in original.articles.all()]
    with zipfile.ZipFile(path) as archive:
        biggest = max(archive.infolist(), key=lambda i: i.file_size)
        assert biggest.file_size > 200 * biggest.compress_size  # over the ratio a bomb shows
    import_exchange_file(new_project, path=path)
    assert [(a.title, a.characters) for a in new_project.articles.all()] == before


def test_a_passage_perhaps_a_character_off_is_said(tmp_path: Path, new_project: Project) -> None:
    """A file counting an emoji as two characters, with one unnamed selection after it:
    too little to tell how it counts, so the passage is placed as the standard counts,
    a character off, and the summary says so."""
    text = "Report 😀 Findings show growth in trade."
    start = text.index("Findings") + 1  # as UTF-16 counts it: the emoji is two units
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project {NS} name="Small" origin="NVivo 14">
  <CodeBook><Codes>
    <Code guid="1E6D04CE-D987-4FC8-AF97-D72CA6FFD08F" name="Finding" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="2E6D04CE-D987-4FC8-AF97-D72CA6FFD08F" name="Report">
      <PlainTextContent>{text}</PlainTextContent>
      <PlainTextSelection guid="3E6D04CE-D987-4FC8-AF97-D72CA6FFD08F"
          startPosition="{start}" endPosition="{start + len("Findings")}">
        <Coding guid="4E6D04CE-D987-4FC8-AF97-D72CA6FFD08F">
          <CodeRef targetGUID="1E6D04CE-D987-4FC8-AF97-D72CA6FFD08F"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>"""
    summary = import_exchange_file(new_project, path=write_qdpx(tmp_path / "small.qdpx", qde))
    [passage] = new_project.annotations.query()
    assert passage.exact == "indings "  # placed as the standard counts
    assert summary.words_cut == {"Report": 1}
    assert summary.describe()[-1] == (
        "passages beginning or ending inside a word, perhaps a character off (the file does"
        " not say how it counts characters; check them), in: “Report” ×1"
    )


def test_passages_between_words_are_not_said(tmp_path: Path, new_project: Project) -> None:
    text = "Report 😀 Findings show growth in trade."
    start = text.index("Findings")  # as code points count it
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project {NS} name="Small" origin="NVivo 14">
  <Sources>
    <TextSource guid="2E6D04CE-D987-4FC8-AF97-D72CA6FFD08F" name="Report">
      <PlainTextContent>{text}</PlainTextContent>
      <PlainTextSelection guid="3E6D04CE-D987-4FC8-AF97-D72CA6FFD08F"
          startPosition="{start}" endPosition="{start + len("Findings")}"/>
    </TextSource>
  </Sources>
</Project>"""
    summary = import_exchange_file(new_project, path=write_qdpx(tmp_path / "small.qdpx", qde))
    assert [p.exact for p in new_project.annotations.query()] == ["Findings"]
    assert summary.words_cut == {}
