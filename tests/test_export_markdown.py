"""Markdown tagged notes: golden files, structure that notes cannot break, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_fixtures import build_export_project, check_golden, fixed_options, fixed_uuid
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from diptych.storage.export_markdown import export_markdown
from diptych.storage.export_markdown_text import escape_text, note_lines
from diptych.storage.exporting import collect, export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

MD = MarkdownIt("commonmark")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    with build_export_project(tmp_path_factory.mktemp("fx") / "fixture.diptych") as project:
        yield project


def _export(project: Project, **options: object) -> str:
    return export_project(project, fmt="md", options=fixed_options(**options)).decode("utf-8")


def _top_level(tokens: list[Token]) -> list[Token]:
    """Tokens outside any block quote."""
    depth, result = 0, []
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth == 0:
            result.append(token)
    return result


def _headings(text: str) -> list[tuple[str, str]]:
    tokens = _top_level(MD.parse(text))
    return [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]


def test_golden_grouped_by_tag(project: Project) -> None:
    check_golden("export.md", _export(project).encode("utf-8"))


def test_golden_grouped_by_article_with_block_ids(project: Project) -> None:
    text = _export(project, group_by="article", block_ids=True)
    check_golden("export-by-article.md", text.encode("utf-8"))


def test_header_names_the_project_time_and_counts(project: Project) -> None:
    text = _export(project)
    assert text.startswith("# Field notes: East Asia: tagged notes\n")
    for line in ("- Exported: 1 February 2025, 12:00", "- Articles: 3", "- Passages: 9",
                 "- Tags: 7 (6 used)", "- Grouped by: tag"):  # fmt: skip
        assert line + "\n" in text


def test_nested_tags_are_nested_headings_and_notes_add_none(project: Project) -> None:
    # The fixture's notes and memos hold "# ..." headings; none may reach the outline.
    assert _headings(_export(project)) == [
        ("h1", "Field notes: East Asia: tagged notes"),
        ("h2", "Economy"),
        ("h3", "Trade"),
        ("h2", "Diplomacy"),
        ("h2", "Culture & society"),
        ("h2", "Evidence"),
        ("h2", "Method"),
        ("h2", "Untagged passages"),
        ("h2", "Article memos"),  # grouped by tag, the article's memo closes the notes
        ("h3", "Field notes: 東アジアの外交 🌏"),
        ("h2", "Sources"),  # then the articles' addresses, when any is known
    ]


def test_grouped_by_article_lists_articles_in_library_order(project: Project) -> None:
    text = _export(project, group_by="article", block_ids=True)
    assert [h for _, h in _headings(text)][1:] == [
        "Field notes: 東アジアの外交 🌏",
        "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations",
        "Short dispatch",
        "Tag memos",  # grouped by article, the tag's memo closes the notes
        "Method",
        "Sources",
    ]
    assert sorted(re.findall(r"^\^(\S+)$", text, re.M)) == [
        fixed_uuid("b", n) for n in range(1, 10)
    ]


def test_asked_for_every_passage_is_one_block_quote_with_a_unique_block_id(
    project: Project,
) -> None:
    text = _export(project, block_ids=True)
    ids = re.findall(r"^\^(\S+)$", text, re.M)
    assert len(ids) == len(set(ids)) == 10  # passage 2 is under Trade and Evidence
    assert f"{fixed_uuid('b', 2)}-2" in ids
    tokens = _top_level(MD.parse(text))
    paragraphs = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "paragraph_open"]
    assert [p for p in paragraphs if p.startswith("^")] == [f"^{i}" for i in ids]


def test_quotes_starting_with_markdown_syntax_stay_quoted_text(project: Project) -> None:
    text = _export(project)
    tokens = MD.parse(text)
    quoted = [
        tokens[i + 1].children
        for i, t in enumerate(tokens)
        if t.type == "paragraph_open" and t.level == 1
    ]
    plain = ["".join(c.content for c in children or []) for children in quoted]
    # Lines quoted from a code block are a code block of the quote: read as they are.
    plain += [line for t in tokens if t.type == "fence" for line in t.content.splitlines()]
    expected = (
        "# tag: value",
        "- dash line",
        "@mention and +plus",
        "=SUM(A1:A3) looks like a formula",
        "The bilateral trade volume reached approximately $273 billion in 2024",
    )
    for line in expected:
        assert line in plain


def test_by_default_no_block_ids_and_the_note_follows_the_quote_outside_it(
    project: Project,
) -> None:
    text = _export(project)
    assert not re.search(r"^\^", text, re.M)
    assert f"^{fixed_uuid('b', 2)}" not in text
    tokens = MD.parse(text)
    quoted = "".join(t.content for t in tokens if t.type == "inline" and t.level >= 2)
    assert "Headline figure" not in quoted and "Note:" not in quoted
    assert "coded by Alice" in quoted  # the quote keeps its citation line
    top = [t.content for t in _top_level(tokens) if t.type == "inline"]
    assert "Headline figure." in top and "**Note:**" in top


def test_a_note_stays_markdown_after_its_passage(project: Project) -> None:
    text = _export(project)
    assert "\n- check *customs* data\n" in text
    assert "[bad](javascript:alert(1))" not in text
    top = _top_level(MD.parse(text))
    assert any(t.type == "bullet_list_open" for t in top)  # the note's own list
    # Its heading reads as a bold line, as in the window and the HTML report.
    assert "\n**Not a heading of the export**\n" in text


def test_a_code_fence_left_open_in_a_note_ends_with_the_note() -> None:
    assert note_lines("```\ncode") == ["```", "code", "```"]
    assert note_lines("~~~~\nx\n~~~~") == ["~~~~", "x", "~~~~"]
    assert note_lines("Setext\n===\nafter") == ["**Setext**", "", "after"]
    assert note_lines("- # In a list\n  text") == ["- **In a list**  ", "  text"]


def test_a_list_typed_right_under_a_line_is_set_apart_from_it() -> None:
    # CommonMark starts the list there; Pandoc's Markdown (and Word through it) read
    # "Line two 1. first option 2. second option" as one line.
    note = "Line one\nLine two\n1. first option\n2. second option\n> asked\n- yes"
    lines = note_lines(note)
    assert lines == [
        "Line one  ", "Line two", "", "1. first option", "2. second option", "", "> asked",
        "", "- yes",
    ]  # fmt: skip
    shown = MD.render("\n".join(lines))
    assert "<p>Line one<br />\nLine two</p>" in shown
    assert "<ol>" in shown and "<blockquote>" in shown and "<ul>" in shown


@given(st.text(st.sampled_from("#=-*`~>_ \n\t1.a+)<[]:"), min_size=1))
def test_no_note_adds_a_heading_or_takes_in_the_passage_after_it(note: str) -> None:
    text = "\n".join(note_lines(note)) + "\n\n> next quote\n"
    tokens = MD.parse(text)
    assert not any(t.type == "heading_open" and t.level == 0 for t in tokens)
    assert [t.type for t in tokens[-5:]] == [
        "blockquote_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "blockquote_close",
    ]
    assert tokens[-5].level == 0 and tokens[-3].content == "next quote"


def test_raw_html_in_a_note_reads_as_text_in_a_viewer_that_allows_html(
    project: Project,
) -> None:
    text = _export(project)
    tokens = MarkdownIt("commonmark", {"html": True}).parse(text)
    assert not any(t.type == "html_block" for t in tokens)
    assert not any(c.type == "html_inline" for t in tokens for c in t.children or [])
    rendered = MarkdownIt("commonmark", {"html": True}).render(text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "&lt;img src=" in rendered and 'evil.example/x.png" onerror' not in rendered
    assert "<em>customs</em>" in rendered  # the note's own Markdown still renders


def test_the_citation_line_names_article_section_tags_and_coder(project: Project) -> None:
    text = _export(project)
    assert (
        "> — *Field notes: 東アジアの外交 🌏* · § 中文部分 · Culture & society · coded by 李雷\n"
        in text
    )
    assert "**orphan**: no longer found in the article's current text" in text


def test_a_tag_scope_keeps_only_its_branch(project: Project) -> None:
    economy = project.tags.find(name="Economy")
    assert economy is not None
    text = _export(project, tag_ids=(economy.id,))
    memos = ["Article memos", "Field notes: 東アジアの外交 🌏"]  # the articles are all in scope
    assert [h for _, h in _headings(text)][1:] == ["Economy", "Trade", *memos]
    assert "Evidence" not in text.split("- Scope:")[1].split("\n", 1)[1]


def _scope_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("- Scope:"))


def test_the_scope_line_says_whether_sub_tags_come_along(project: Project) -> None:
    economy = project.tags.find(name="Economy")
    trade = project.tags.find(name="Trade")
    assert economy is not None and trade is not None
    with_sub_tags = _export(project, tag_ids=(economy.id,))
    assert _scope_line(with_sub_tags) == ("- Scope: every article, tag Economy (with its sub-tags)")
    exact = _export(project, tag_ids=(economy.id,), include_subtags=False)
    assert _scope_line(exact) == (
        "- Scope: every article, tag Economy (sub-tags not listed are left out)"
    )
    memos = ["Article memos", "Field notes: 東アジアの外交 🌏"]
    assert [h for _, h in _headings(exact)][1:] == ["Economy", *memos]
    both = _export(project, tag_ids=(trade.id, economy.id), include_subtags=False)
    assert _scope_line(both) == "- Scope: every article, tags Economy; Economy/Trade"


def test_the_scope_line_names_one_article_or_tag_in_the_singular(project: Project) -> None:
    """ "article X, tag Y", where it read "articles X, tags Y (with their sub-tags)" for a
    single article and a tag without sub-tags."""
    economy, evidence = project.tags.find(name="Economy"), project.tags.find(name="Evidence")
    assert economy is not None and evidence is not None
    article = project.articles.all()[0]
    one = _export(project, article_ids=(article.id,), tag_ids=(evidence.id,))
    assert _scope_line(one).startswith("- Scope: article ")
    assert _scope_line(one).endswith(", tag Evidence")
    two = _export(project, tag_ids=(economy.id, evidence.id))
    assert (
        _scope_line(two) == "- Scope: every article, tags Economy; Evidence (with their sub-tags)"
    )


def test_escaped_text_reads_back_as_the_same_text() -> None:
    assert escape_text("# not a heading") == "\\# not a heading"
    assert escape_text("- not an item") == "\\- not an item"
    assert escape_text("2024. A year") == "2024\\. A year"
    assert escape_text("a ==mark== and %%hidden%%") == "a =\\=mark=\\= and %\\%hidden%\\%"
    assert escape_text("    indented") == "&#32;&#32;&#32;&#32;indented"
    # an underscore inside a word cannot make emphasis: left as it is, read as written
    assert escape_text("the file_name and_then_some_ x") == "the file_name and_then_some\\_ x"


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
@example("snake_case and_then_some_ _lead x__y__z")
@example("a_*b*_c _x_y_ 名_前_ é_è")
@example("__init__ a\\_b _")
def test_any_line_escaped_renders_as_exactly_that_text(line: str) -> None:
    tokens = MD.parse(escape_text(line))
    if not line.strip():
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text"}
    # a paragraph drops the whitespace at its ends; everything else must read back as is
    assert "".join(c.content for c in children).strip() == line.strip()


def test_writer_takes_collected_data(project: Project) -> None:
    data = collect(project, fixed_options())
    assert export_markdown(data) == export_project(project, fmt="md", options=fixed_options())


def test_a_quote_of_preformatted_lines_keeps_their_spaces_in_a_code_block(
    tmp_path: Path,
) -> None:
    page = (
        b"<html><body><h1>Log</h1><p>Intro.</p><pre>code line 1\n    indented *line* 2"
        b"\n```inner```</pre><p>After.</p></body></html>"
    )
    with Project.create(tmp_path / "p.diptych") as project:
        article = project.articles.add(parsed=parse_article(page, name="log.html"))
        text = project.articles.get(article_id=article.id).text
        start, end = text.index("code line 1"), text.index("inner```") + 8
        project.annotations.add(article_id=article.id, start=start, end=end)
        notes = export_project(project, fmt="md", options=fixed_options()).decode()
        report = export_project(project, fmt="html", options=fixed_options()).decode()
    assert ("> ````\n> code line 1\n>     indented *line* 2\n> ```inner```\n> ````\n") in notes
    assert "&#32;" not in notes
    assert "<pre>code line 1\n    indented *line* 2\n```inner```</pre>" in report
