"""Fuzzing what comes from outside: article files, stored anchors and REFI-QDA archives.

Only known errors may come out of these: :class:`ArticleFileError` from article import,
:class:`ExchangeFileError` from REFI-QDA import, :class:`AnchorError` (an InputError and
ValueError) from making an anchor, and nothing at all from re-anchoring. Anything else
is a bug. The inputs here are built from the pieces each format is made of (markup,
encodings, byte-order marks, hostile links), which reaches further into the readers than
uniform random bytes; tests/test_importing.py, test_decoding.py and the per-format tests
fuzz with plain random text and bytes, and tests/test_anchoring.py checks re-anchoring
finds what it should.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_refiqda_export import build_project
from test_refiqda_import import snapshot

from diptych.storage.anchoring import AnchorMethod, reanchor, reanchor_all
from diptych.storage.anchors import Anchor, AnchorError, make_anchor
from diptych.storage.document import SpanStyle, blocks_from_json, check_layout
from diptych.storage.errors import ArticleFileError, ExchangeFileError
from diptych.storage.exporting import collect
from diptych.storage.importing import FORMATS, ParsedArticle, parse_article, parse_display
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdc, export_qdpx
from diptych.storage.refiqda_import import import_exchange_file

SAFE_SCHEMES = ("http", "https", "mailto")
EXAMPLES = int(os.environ.get("DIPTYCH_FUZZ_EXAMPLES", "150"))  # raise it for a long hunt
FUZZ = settings(max_examples=EXAMPLES, deadline=None)

# Article files ----------------------------------------------------------------------------

_PIECES = [
    *"ab Z1 .,:;\n\t",
    *["é", "😀", "漢", "\u00a0", "\u2028", "\u200b", "e\u0301", "\r\n", "\r", "\x0c", "\x1b"],
    # Markdown
    *["# ", "## ", "1. ", "999999999. ", "- ", "* ", "> ", "```", "    ", "**", "_", "`"],
    *["[a](", ")", "](javascript:alert(1))", "![i](http://x.example/i.png)", "<http://x>"],
    *["[r]: javascript:x", "[r]", "<b>", "<script>", "\\", "***"],
    *["[^1]", "[^1]: ", "[^n]:", "[^N]", "<sup>", "</sup>", "<sub>", "<kbd>", "<span>"],
    # pipe tables
    *["| ", " |", "|---|", "|:-:|", "\n|", "|\n"],
    # web pages
    *["<p>", "</p>", "<h1>", "</h1>", "<li>", "<ul>", "</ul>", "<ol start=7>", "<li value=-3>"],
    *["<a href='javascript:alert(1)'>", "<a href=' JaVaScRiPt:1'>", "<a href='jav&#9;ascript:x'>"],
    *["<a href=https://x.example/>", "<a href=mailto:a@b.c>", "</a>", "<base href=javascript:x>"],
    *["</script>", "<style>", "<iframe src=http://x>", "<img src=http://x onerror=y>"],
    *["<table>", "<tr>", "<td colspan=999999>", "<th rowspan=0>", "</td>", "</table>"],
    *["<pre>", "</pre>", "<br>", "<meta charset=utf-16>", "<meta charset=cp1251>", "<svg>"],
    *["&#0;", "&#x110000;", "&#xD800;", "&amp;", "&nbsp;", "<!--", "-->", "<![CDATA[", "<?x"],
    *["<template>", "<noscript>", "<title>", "<head>", "<body>", "<math>", "<"],
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"]


@st.composite
def article_files(draw: st.DrawFn) -> tuple[bytes, str]:
    """The bytes and name of an article file made of format pieces, in some encoding."""
    text = draw(st.one_of(_TEXTS, st.text(max_size=200)))
    data = text.encode(draw(st.sampled_from(_ENCODINGS)), errors="replace")
    if draw(st.booleans()):  # splice in raw bytes, as a damaged download would
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
    return data, "article" + draw(st.sampled_from(sorted(FORMATS)))


def check_article(article: ParsedArticle) -> None:
    """What every imported article must be: a valid layout, safe links, storable blocks."""
    content = article.content
    check_layout(content)
    assert article.title and content.text.strip()
    assert blocks_from_json(content.to_json()) == content.blocks
    for block in content.blocks:
        for span in block.spans:
            if span.style is SpanStyle.LINK:
                assert span.href.partition(":")[0].lower() in SAFE_SCHEMES, span.href
                assert not any(ord(ch) < 0x20 for ch in span.href)


@FUZZ
@given(article_files())
def test_article_files_import_or_raise_a_known_error(file: tuple[bytes, str]) -> None:
    data, name = file
    try:
        article = parse_article(data, name=name)
    except ArticleFileError as error:
        assert str(error).startswith(f"{name}: ")
    else:
        check_article(article)


@FUZZ
@given(_TEXTS, st.sampled_from(["text", "markdown", "html", "plain"]))
def test_display_text_of_any_format(text: str, fmt: str) -> None:
    content = parse_display(text, fmt)
    check_layout(content)
    if fmt == "plain":
        assert content.text == text


# Anchors ----------------------------------------------------------------------------------

_ANCHOR_TEXT = st.lists(
    st.sampled_from([*"ab \n.", "😀", "é", "e\u0301", "ab. "]), max_size=60
).map("".join)


@FUZZ
@given(st.text(max_size=80), st.integers(-5, 90), st.integers(-5, 90))
def test_make_anchor_gives_the_range_or_an_anchor_error(text: str, start: int, end: int) -> None:
    try:
        anchor = make_anchor(text, start, end)
    except AnchorError as error:
        assert isinstance(error, ValueError) and str(error)
    else:
        assert anchor.exact == text[start:end] and 0 <= start < end <= len(text)
        assert text[: anchor.start].endswith(anchor.prefix)
        assert text[anchor.end :].startswith(anchor.suffix)


@st.composite
def stored_anchors(draw: st.DrawFn) -> Anchor:
    """Anchors as a damaged, hand-edited or foreign file could hold them: any fields at all."""
    return Anchor(
        start=draw(st.integers(-10, 200)),
        end=draw(st.integers(-10, 200)),
        exact=draw(_ANCHOR_TEXT),
        prefix=draw(st.text(max_size=40)),
        suffix=draw(st.text(max_size=40)),
    )


def check_found(result: object, new_text: str) -> None:
    anchor, method, score = result.anchor, result.method, result.score  # type: ignore[attr-defined]
    assert 0.0 <= score <= 1.0
    if method is AnchorMethod.ORPHAN:
        assert anchor is None
        return
    assert anchor is not None and 0 <= anchor.start < anchor.end <= len(new_text)
    assert anchor == make_anchor(new_text, anchor.start, anchor.end)


@FUZZ
@given(st.lists(stored_anchors(), max_size=4), _ANCHOR_TEXT, st.one_of(st.none(), _ANCHOR_TEXT))
@example(  # a passage stored at -1: its quote not where it says in the old text
    anchors=[Anchor(start=-1, end=0, exact="b", prefix="", suffix="0")], new_text="b", old_text=" b"
)
def test_reanchoring_any_stored_anchor_never_fails(
    anchors: list[Anchor], new_text: str, old_text: str | None
) -> None:
    results = reanchor_all(anchors, new_text, old_text=old_text)
    assert len(results) == len(anchors)
    for result in results:
        check_found(result, new_text)


@st.composite
def edited_texts(draw: st.DrawFn) -> tuple[str, str, Anchor]:
    """A text, a passage of it, and the text after random insertions and deletions."""
    text = draw(_ANCHOR_TEXT.filter(lambda t: t.strip()))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    if text[start:end].isspace():
        end = len(text)
        start = next(i for i, ch in enumerate(text) if not ch.isspace())
    new = text
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(new)))
        cut = draw(st.integers(0, 10))
        new = new[:at] + draw(_ANCHOR_TEXT.map(lambda t: t[:15])) + new[at + cut :]
    return text, new, make_anchor(text, start, end)


@FUZZ
@given(edited_texts())
def test_reanchoring_after_any_edit_gives_a_real_passage_or_an_orphan(
    case: tuple[str, str, Anchor],
) -> None:
    old, new, anchor = case
    check_found(reanchor(anchor, new, old_text=old), new)
    check_found(reanchor(anchor, new), new)


# REFI-QDA archives ------------------------------------------------------------------------


class ExchangeFiles:
    """A valid .qdpx and .qdc, an empty project to import them into, and a folder to work in."""

    def __init__(self, qdpx: bytes, qdc: bytes, empty_project: bytes, folder: Path) -> None:
        self.qdpx = qdpx
        self.qdc = qdc
        self.empty_project = empty_project
        self.folder = folder

    def __repr__(self) -> str:  # short, for hypothesis's report of a failing example
        return f"ExchangeFiles({self.folder})"


@pytest.fixture(scope="module")
def exchange_files(tmp_path_factory: pytest.TempPathFactory) -> ExchangeFiles:
    folder = tmp_path_factory.mktemp("exchange")
    with build_project(folder / "source.diptych") as project:
        data = collect(project)
        qdpx, qdc = export_qdpx(data, None), export_qdc(data)
    Project.open(folder / "empty.diptych", create=True).close()
    work = folder / "work"
    work.mkdir()
    return ExchangeFiles(qdpx, qdc, (folder / "empty.diptych").read_bytes(), work)


def members(qdpx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(qdpx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes changed, a piece cut out or its end cut off."""
    how = draw(st.sampled_from(["flip", "cut", "truncate"]))
    if how == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if how == "cut":
        at = draw(st.integers(0, len(data)))
        return data[:at] + data[at + draw(st.integers(1, 64)) :]
    changed = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        changed[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(changed)


_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_HOSTILE_VALUES = [
    *[b"", b"-1", b"0", b"1", b"99999999999999999999", b" 5 ", b"1e3", b"abc", b"true", b"x"],
    *[b"#GGGGGG", b"#fff", b"internal://../x.txt", b"internal://", b"relative://x.txt"],
    *[b"\xe2\x80\xae", b"&amp;&lt;&#0;", b"2025-13-45T99:99:99Z", b"y" * 5000],
]


@st.composite
def edited_document(draw: st.DrawFn, document: bytes) -> bytes:
    """The XML still well formed, but its values hostile and its elements moved about."""
    if draw(st.booleans()):  # give attributes hostile values, or another element's guid
        found = list(_ATTRIBUTE.finditer(document))
        guids = [m.group(2) for m in found if m.group(1).lower().endswith(b"guid")]
        chosen = sorted({draw(st.sampled_from(found)) for _ in range(draw(st.integers(1, 4)))},
                        key=lambda m: m.start(), reverse=True)  # fmt: skip
        for match in chosen:
            value = draw(st.sampled_from(_HOSTILE_VALUES + guids))
            document = document[: match.start(2)] + value + document[match.end(2) :]
        return document
    lines = document.split(b"\n")  # drop or repeat whole lines (one element each)
    at = draw(st.integers(1, len(lines) - 1))
    if draw(st.booleans()):
        return b"\n".join(lines[:at] + lines[at + 1 :])
    return b"\n".join(lines[: at + 1] + lines[at:])


@st.composite
def damaged_exchange_files(draw: st.DrawFn, files: ExchangeFiles) -> tuple[str, bytes]:
    """A REFI-QDA file damaged inside (a member) or outside (the archive's own bytes)."""
    where = draw(st.sampled_from(["project.qde", "edited", "source", "archive", "codebook"]))
    if where == "codebook":
        damage = draw(st.sampled_from([damaged, edited_document]))
        return "codebook.qdc", draw(damage(files.qdc))
    if where == "archive":
        return "project.qdpx", draw(damaged(files.qdpx))
    inside = members(files.qdpx)
    if where == "edited":
        inside["project.qde"] = draw(edited_document(inside["project.qde"]))
    else:
        name = "project.qde" if where == "project.qde" else sorted(inside)[-1]
        inside[name] = draw(damaged(inside[name]))
    return "project.qdpx", rezip(inside)


@contextlib.contextmanager
def fresh_project(files: ExchangeFiles, folder: Path) -> Iterator[Project]:
    """An empty project with one tag, new for each example, removed after it."""
    path = folder / "into.diptych"
    path.write_bytes(files.empty_project)
    try:
        with Project.open(path) as project:
            project.tags.add(name="Already here")
            yield project
    finally:
        for leftover in folder.iterdir():
            leftover.unlink()


@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_damaged_refi_qda_files_import_or_raise_a_known_error(
    exchange_files: ExchangeFiles, data: st.DataObject
) -> None:
    name, content = data.draw(damaged_exchange_files(exchange_files), label="file")
    with fresh_project(exchange_files, exchange_files.folder) as project:
        path = exchange_files.folder / name
        path.write_bytes(content)
        before = snapshot(project)
        try:
            import_exchange_file(project, path=path)
        except ExchangeFileError as error:
            assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
            assert snapshot(project) == before  # nothing half imported
        else:
            for article in project.articles.all():
                check_layout(project.articles.get(article_id=article.id).content)


def test_the_undamaged_files_import(exchange_files: ExchangeFiles) -> None:
    with fresh_project(exchange_files, exchange_files.folder) as project:
        for name, data in (("p.qdpx", exchange_files.qdpx), ("c.qdc", exchange_files.qdc)):
            (exchange_files.folder / name).write_bytes(data)
            import_exchange_file(project, path=exchange_files.folder / name)
        assert len(project.articles.all()) == 3


@pytest.mark.parametrize(("encoding", "suffix"), [("Atf-8", ".qdpx"), ("base64", ".qdc")])
def test_an_unknown_encoding_in_the_xml_declaration_is_a_known_error(
    exchange_files: ExchangeFiles, encoding: str, suffix: str
) -> None:
    document = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>'
    ).encode()
    path = exchange_files.folder / f"declared{suffix}"
    path.write_bytes(rezip({"project.qde": document}) if suffix == ".qdpx" else document)
    with (
        fresh_project(exchange_files, exchange_files.folder) as project,
        pytest.raises(ExchangeFileError, match="declared"),
    ):
        import_exchange_file(project, path=path)


def test_an_archive_of_an_unknown_zip_version_is_a_known_error(
    exchange_files: ExchangeFiles,
) -> None:
    archive = bytearray(rezip({"project.qde": b'<Project name="p"/>'}))
    entry = archive.index(b"PK\x01\x02")  # the central directory's entry
    archive[entry + 6] = 64  # "version needed to extract": 6.4
    path = exchange_files.folder / "newer.qdpx"
    path.write_bytes(bytes(archive))
    with (
        fresh_project(exchange_files, exchange_files.folder) as project,
        pytest.raises(ExchangeFileError, match=r"newer\.qdpx"),
    ):
        import_exchange_file(project, path=path)
