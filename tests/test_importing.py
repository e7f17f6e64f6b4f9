"""Importing article files: formats, titles, encodings and every way a file can be bad."""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage import importing
from diptych.storage.document import BlockKind, SpanStyle, check_layout
from diptych.storage.errors import ArticleFileError
from diptych.storage.importing import (
    FORMATS,
    MAX_ARTICLE_BYTES,
    ParsedArticle,
    parse_article,
    parse_display,
    read_article_file,
)
from diptych.storage.project import Project

SEEDS = ["000_1cefcc49ccd7fc22.txt", "001_58ff977ce34ff27f.txt"]


def seed_bytes(name: str) -> bytes:
    return (resources.files("diptych.resources") / "samples" / name).read_bytes()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_public_constants() -> None:
    assert MAX_ARTICLE_BYTES == 64 * 1024 * 1024
    assert FORMATS == {
        ".txt": "text",
        ".text": "text",
        ".md": "markdown",
        ".markdown": "markdown",
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
    }


@pytest.mark.parametrize("name", SEEDS)
def test_seed_files_import(tmp_path: Path, name: str) -> None:
    data = seed_bytes(name)
    article = read_article_file(write(tmp_path, name, data))
    assert isinstance(article, ParsedArticle)
    assert (article.source_name, article.format, article.encoding) == (name, "text", "utf-8")
    assert article.original_text == data.decode("utf-8")
    check_layout(article.content)
    source_words = Counter(re.findall(r"\w+", re.sub(r"[*|]", " ", article.original_text)))
    assert Counter(re.findall(r"\w+", article.content.text)) == source_words


def test_seed_titles() -> None:
    first, second = (parse_article(seed_bytes(n), name=n) for n in SEEDS)
    assert first.title == "The Shifting Landscape: Evidence of a New Diplomatic Era"
    assert second.title == "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"


def test_seed_001_emphasis_survives_import() -> None:
    article = parse_article(seed_bytes(SEEDS[1]), name=SEEDS[1]).content
    (span,) = [s for b in article.blocks for s in b.spans]
    assert span.style is SpanStyle.EMPHASIS
    assert article.text[span.start : span.end] == "symbolic restart"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.TEXT", "text"),
        ("a.md", "markdown"),
        ("a.Markdown", "markdown"),
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.xhtml", "html"),
    ],
)
def test_format_follows_the_suffix(name: str, fmt: str) -> None:
    assert parse_article(b"# Hello\n\nworld", name=name).format == fmt


def test_explicit_format_wins() -> None:
    article = parse_article(b"# Not a heading", name="x.md", fmt="plain")
    assert article.format == "plain"
    assert article.content.text == "# Not a heading"


def test_unknown_format_name_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_display("x", "docx")


def test_titles_per_format() -> None:
    md = parse_article(b"## Second\n\n# First *one*\n\ntext", name="m.md")
    assert md.title == "First one"
    html = parse_article(b"<title>Page</title><h2>Sub</h2><h1>Main</h1>", name="p.html")
    assert html.title == "Main"
    html = parse_article(b"<title> Page  title </title><h2>Sub</h2><p>x</p>", name="p.html")
    assert html.title == "Page title"
    html = parse_article(b"<h3>Only sub</h3><p>x</p>", name="p.html")
    assert html.title == "Only sub"
    bare = parse_article(b"just words in a paragraph", name="bare.md")
    assert bare.title == "bare"


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>Untitled</title>", "<p>Trade talks resumed.</p>", "trade-talks"),
        ("<title>Untitled document</title>", "<h3>Agenda</h3><p>x</p>", "Agenda"),
        ("<title>HOME</title>", "<p>x</p>", "trade-talks"),
        ("<title>Talks resume | The Herald</title>", "<h2>Talks resume</h2>", "Talks resume"),
        ("<title>The Herald – Talks resume</title>", "<h2>Talks resume</h2>", "Talks resume"),
        # The shorter part is the site's name, or the section's: the page title stays.
        ("<title>Trade talks | News</title>", "<h2>News</h2><p>x</p>", "Trade talks | News"),
        ("<title>Talks in Seoul</title>", "<h2>Talks</h2><p>x</p>", "Talks in Seoul"),
    ],
)
def test_a_web_pages_title_leaves_out_placeholders_and_the_sites_name(
    head: str, body: str, title: str
) -> None:
    page = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    assert parse_article(page, name="trade-talks.html").title == title


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        ("---\ntitle: Talks in Seoul\ndate: 2024-05-01\n---\n\nBody.\n", "Talks in Seoul"),
        ('---\ntitle: "Seoul: day two"\n---\n\n## Morning\n\nBody.\n', "Seoul: day two"),
        ("---\ntitle: Draft name\n---\n\n# Talks in Seoul\n\nBody.\n", "Talks in Seoul"),
    ],
)
def test_a_markdown_notes_front_matter_gives_its_title(markdown: str, title: str) -> None:
    assert parse_article(markdown.encode(), name="note.md").title == title


@pytest.mark.parametrize(
    ("name", "source", "title"),
    [
        ("a.md", "# Trade rules[^1] and you\n\nText.\n\n[^1]: A note.\n", "Trade rules and you"),
        ("a.md", "# Tariffs[^a][^b]\n\nText.\n\n[^a]: One.\n[^b]: Two.\n", "Tariffs"),
        ("a.md", "# Why tariffs?[^1]\n\nText.\n\n[^1]: A note.\n", "Why tariffs?"),
        # exponents after a symbol or unit are not notes, typed or written by a reader
        ("a.md", "# E = mc² in 20 m²\n\nText.\n", "E = mc² in 20 m²"),
        ("a.md", "# Trade rules¹\n\nText.\n", "Trade rules"),
        ("a.html", "<h1>Trade rules<sup><a href=#n>1</a></sup> and you", "Trade rules and you"),
        ("a.html", "<h1>Trade rules<sup>1,2</sup></h1><p>x", "Trade rules"),
        ("a.html", "<h1>E = mc<sup>2</sup> [draft]</h1><p>x", "E = mc² [draft]"),
    ],
)  # fmt: skip
def test_a_headings_footnote_markers_are_left_out_of_the_title(
    name: str, source: str, title: str
) -> None:
    assert parse_article(source.encode(), name=name).title == title


def test_a_page_saved_as_index_html_without_a_title_takes_its_first_line() -> None:
    page = b"<html><body><p>Trade talks resumed in Seoul.</p><p>More.</p></body></html>"
    assert parse_article(page, name="index.html").title == "Trade talks resumed in Seoul."
    assert parse_article(page, name="INDEX.HTM").title == "Trade talks resumed in Seoul."
    assert parse_article(page, name="seoul-talks.html").title == "seoul-talks"


def test_a_heading_as_long_as_a_paragraph_is_shortened_for_the_title() -> None:
    heading = "A paragraph typed as a heading, " + "which goes on and on " * 20 + "until here."
    article = parse_article(f"# {heading}\n\nText.\n".encode(), name="long.md")
    assert 100 < len(article.title) <= 201
    assert article.title.endswith("…") and heading.startswith(article.title[:-1])


def test_text_title_falls_back_to_the_first_line_shortened() -> None:
    line = "This first line is a long sentence, " + "and it keeps going on " * 10 + "to the end."
    article = parse_article(f"{line}\nMore text here.".encode(), name="t.txt")
    assert len(article.title) <= 81
    assert article.title.endswith("…")
    assert line.startswith(article.title[:-1])
    assert not article.title[:-1].endswith(" ")


def test_text_title_uses_a_heading_only_near_the_top() -> None:
    data = b"First paragraph here.\nSecond one here.\nThird one here.\nLate Heading\n"
    assert parse_article(data, name="t.txt").title == "First paragraph here."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café 東京 😀".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Café 東京 😀".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Café 東京 😀".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Café 東京 😀".encode("utf-16-be"), "utf-16"),
    ],
)
def test_encodings_are_recorded(data: bytes, encoding: str) -> None:
    article = parse_article(data, name="a.txt")
    assert article.encoding == encoding
    assert article.content.text == "Café 東京 😀"


def test_cp1252_and_crlf() -> None:
    article = parse_article(b"caf\xe9 \x93quoted\x94\r\nnext line\rlast", name="a.txt")
    assert article.encoding == "cp1252"
    assert article.original_text == "café “quoted”\nnext line\nlast"
    assert article.content.text == "café “quoted”\nnext line\nlast"


def test_plain_display_text_equals_the_original(tmp_path: Path) -> None:
    text = "  indented line\n\n- not a list\n| not | a table |\r\n*as is*\n"
    article = parse_article(text.encode(), name="src.txt", fmt="plain")
    assert article.content.text == article.original_text == text.replace("\r\n", "\n")
    assert parse_display("a\r\nb", "plain").text == "a\r\nb"  # exactly what it is given


def test_parse_display_normalises_newlines_for_structured_formats() -> None:
    assert parse_display("one\r\ntwo", "text").text == "one\ntwo"


# Bad files -------------------------------------------------------------------------------


def assert_refused(path: Path, match: str) -> None:
    with pytest.raises(ArticleFileError, match=match) as caught:
        read_article_file(path)
    assert path.name in str(caught.value)


def test_empty_and_blank_files(tmp_path: Path) -> None:
    assert_refused(write(tmp_path, "empty.txt", b""), "is empty")
    assert_refused(write(tmp_path, "blank.md", b" \n\t\r\n"), "is empty")


def test_binary_files(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    assert_refused(write(tmp_path, "image.txt", png), "PNG")
    assert_refused(write(tmp_path, "noise.html", os.urandom(2048) + b"\x00\x00"), "not a text")


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert_refused(folder, "folder")
    assert_refused(tmp_path, "folder")


def test_a_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "gone.txt", "does not exist")


def test_a_file_without_extension_is_told_how_to_name_it(tmp_path: Path) -> None:
    path = write(tmp_path, "README", b"Notes from Seoul.\n")
    with pytest.raises(ArticleFileError) as caught:
        read_article_file(path)
    assert str(caught.value) == (
        f"{path}: has no extension (such as .txt) that says what kind of file it is. If it "
        "is plain text, Markdown or a web page, rename it to end in .txt, .md or .html and "
        "import it again."
    )


def test_a_project_file_is_told_apart_from_an_article(tmp_path: Path) -> None:
    path = write(tmp_path, "Study.DIPTYCH", b"SQLite format 3\x00")
    with pytest.raises(ArticleFileError) as caught:
        read_article_file(path)
    assert str(caught.value) == (
        f"{path}: is a Diptych project, not an article. Open it with File > Open project…, "
        "or name it as a diptych command's PROJECT; to bring its articles and passages into "
        "this project, export it as REFI-QDA (File > Export…, or `diptych export PROJECT -f "
        "qdpx -o FILE.qdpx`) and import that file."
    )


def test_unknown_suffix_lists_the_supported_types(tmp_path: Path) -> None:
    path = write(tmp_path, "report.docx", b"PK\x03\x04")
    with pytest.raises(ArticleFileError) as caught:
        read_article_file(path)
    message = str(caught.value)
    assert "report.docx" in message
    assert all(suffix in message for suffix in (".txt", ".md", ".html", ".qdpx", ".qdc"))
    with pytest.raises(ArticleFileError, match="noext"):
        parse_article(b"text", name="noext")


def test_too_large_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "MAX_ARTICLE_BYTES", 100)
    path = write(tmp_path, "big.txt", b"word " * 21)
    assert_refused(path, "larger than")
    with pytest.raises(ArticleFileError, match=r"big\.txt"):
        parse_article(b"word " * 21, name="big.txt")
    assert read_article_file(write(tmp_path, "ok.txt", b"word " * 20)).content.text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert_refused(pipe, "not a regular file")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    assert_refused(path, "permission")


def test_a_page_with_nothing_to_show(tmp_path: Path) -> None:
    page = b"<html><head><script>render()</script></head><body><div id=app></div></body>"
    assert_refused(write(tmp_path, "app.html", page), "no text")


# Fuzz -------------------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.text(max_size=300), st.sampled_from(["text", "markdown", "html", "plain"]))
def test_any_text_in_any_format(text: str, fmt: str) -> None:
    content = parse_display(text, fmt)
    check_layout(content)
    if fmt == "plain":
        assert content.text == text


@settings(max_examples=200)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.md", "a.html", "a.xhtml"]))
def test_any_bytes_import_or_raise_a_known_error(data: bytes, name: str) -> None:
    try:
        article = parse_article(data, name=name)
    except ArticleFileError as error:
        assert name in str(error)
    else:
        check_layout(article.content)
        assert article.title
        assert article.content.text.strip()


@settings(max_examples=100)
@given(st.binary(max_size=300))
def test_any_bytes_as_plain(data: bytes) -> None:
    try:
        article = parse_article(data, name="src.txt", fmt="plain")
    except ArticleFileError:
        return
    assert article.content.text == article.original_text
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.content.blocks)


def latin1_named(tmp_path: Path, name: bytes, data: bytes) -> Path:
    """A file whose name is not UTF-8, as a file copied from an old system may be."""
    raw = os.fsencode(tmp_path) + b"/" + name
    try:
        with open(raw, "wb") as file:
            file.write(data)
    except OSError:
        pytest.skip("this file system only takes UTF-8 names")
    return Path(os.fsdecode(raw))  # undecodable bytes as lone surrogates (PEP 383)


@pytest.mark.parametrize(
    ("name", "source_name", "title"),
    [
        (b"caf\xe9.txt", "caf\ufffd.txt", "Hello world, a short article."),
        (b"r\xe9sum\xe9.md", "r\ufffdsum\ufffd.md", "r\ufffdsum\ufffd"),  # no heading: the name
    ],
)
def test_a_file_name_that_is_not_utf8_is_read_and_shown_repaired(
    tmp_path: Path, name: bytes, source_name: str, title: str
) -> None:
    path = latin1_named(tmp_path, name, b"Hello world, a short article.\n")
    parsed = read_article_file(path)
    assert (parsed.source_name, parsed.title) == (source_name, title)
    assert parsed.content.text == "Hello world, a short article."
    project = Project.open(tmp_path / "p.diptych", create=True)
    with project:
        added = project.articles.add(parsed=parsed)  # SQLite refuses lone surrogates
        assert project.articles.get(article_id=added.id).source_name == source_name


def test_a_missing_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/gone\xe9.txt"))
    with pytest.raises(ArticleFileError, match="does not exist") as caught:
        read_article_file(path)
    assert caught.value.path == path


def test_parse_article_repairs_the_name_it_is_given() -> None:
    parsed = parse_article(b"- a list, not a title\n", name="caf\udce9\ud800.md")
    assert parsed.source_name == "caf\ufffd\ufffd.md"
    assert parsed.title == "caf\ufffd\ufffd"  # no heading: the name


def test_readable_text_leaves_utf8_alone() -> None:
    assert importing.readable_text("Ökonomie 北京 😀") == "Ökonomie 北京 😀"
