"""HTML report: golden file, nothing active or external, hostile notes and names, counts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from export_fixtures import build_export_project, check_golden, fixed_options
from hypothesis import given
from hypothesis import strategies as st

from diptych.storage.export_html import report_note_renderer
from diptych.storage.export_html_page import CSP
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.note_markdown import PLAIN_NOTE
from diptych.storage.project import Project

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "article",
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "blockquote", "cite", "table",
    "tr", "th", "td", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "hr", "br",
    "s", "thead", "tbody", "bdi", "time",
}  # fmt: skip
ALLOWED_ATTRS = {
    "class", "href", "rel", "lang", "charset", "http-equiv", "content", "name", "dir",
    "datetime",
}  # fmt: skip


class Elements(HTMLParser):
    """Every element and attribute of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.styles.append(data)


def _parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    with build_export_project(tmp_path_factory.mktemp("fx") / "fixture.diptych") as project:
        yield project


def _export(project: Project, **options: object) -> str:
    return export_project(project, fmt="html", options=fixed_options(**options)).decode("utf-8")


def assert_inert(page: str) -> None:
    """Nothing in ``page`` runs, loads or sends anything (escaped text is only text)."""
    lowered = page.lower()
    for needle in ("<script", "<img", "<link", "<iframe", "<object", "<embed", "<form",
                   "<base", "<svg", "<meta http-equiv=\"refresh"):  # fmt: skip
        assert needle not in lowered, needle
    elements = _parse(page)
    for tag, attrs in elements.tags:
        assert tag in ALLOWED_TAGS, tag
        assert set(attrs) <= ALLOWED_ATTRS, (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert tag == "a" and re.match(r"(https?:|mailto:)", href), href
        if tag == "meta" and "content" in attrs and "http-equiv" not in attrs:
            assert "http" not in (attrs["content"] or ""), attrs
    assert sum(tag == "style" for tag, _ in elements.tags) <= 1
    for css in elements.styles:
        assert "url(" not in css and "@import" not in css and "expression(" not in css


def test_golden_by_tag(project: Project) -> None:
    check_golden("export.html", _export(project).encode("utf-8"))


def test_golden_by_article(project: Project) -> None:
    check_golden("export-by-article.html", _export(project, group_by="article").encode("utf-8"))


def test_self_contained_with_a_strict_content_security_policy(project: Project) -> None:
    page = _export(project)
    assert page.startswith("<!DOCTYPE html>\n")
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'"
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert '<meta charset="utf-8">' in page
    assert_inert(page)
    assert_inert(_export(project, group_by="article"))


def test_hostile_note_renders_as_harmless_markdown(project: Project) -> None:
    page = _export(project)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert ", bad, &lt;script&gt;" in page  # a refused link is its text, not a link
    assert "javascript:" not in page and "data:text" not in page
    # Raw HTML is its text; the bare address in it is a link like any other, loaded by nothing
    assert (
        '&lt;img src=&quot;<a href="http://evil.example/x.png" rel="noreferrer" class="address">'
        "http://evil.example/x.png</a>&quot; onerror=&quot;alert(1)&quot;&gt;"
    ) in page
    assert '<a href="https://example.org/trade?a=1&amp;b=2" rel="noreferrer">the source</a>' in page
    assert "<p>chart data</p>" in page  # an image is its alt text: never loaded nor linked
    assert "chart.png" not in page
    assert "<em>customs</em>" in page and "<li>" in page


@pytest.mark.parametrize(
    "note",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java\tscript:alert(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](file:///etc/passwd)",
        "![x](javascript:alert(1))",
        "![x](http://tracker.example/p.gif)",
        '<a href="javascript:alert(1)">x</a>',
        "<style>body{background:url(http://x)}</style>",
        '<div onmouseover="alert(1)">x</div>',
        "```html\n<script>alert(1)</script>\n```",
        "[x](//evil.example/)",
    ],
)
def test_hostile_markdown_produces_no_active_content(note: str) -> None:
    html = report_note_renderer().render(note)
    assert_inert(f"<div>{html}</div>")


def test_hostile_names_and_titles_are_escaped(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.diptych", create=True, name='<script>x</script>"') as p:
        article = p.articles.add(
            # (a tag written in Markdown is markup, read for its words: written as characters)
            parsed=parse_article(b'# T &lt;b onclick="x">\n\nBody text here.', name="a.md")
        )
        tag = p.tags.add(name='<img src=x onerror="alert(1)">', description="<i>d</i>")
        p.annotations.add(article_id=article.id, start=0, end=4, tag_ids=[tag.id],
                          coder="<b>me</b>", note="ok")  # fmt: skip
        p.memos.set(kind=MemoKind.TAG, target_id=tag.id, text="<script>1</script>")
        for group_by in ("tag", "article"):
            page = export_project(p, fmt="html", options=fixed_options(group_by=group_by))
            text = page.decode()
            assert_inert(text)
            assert "&lt;script&gt;x&lt;/script&gt;&quot;" in text
            assert "&lt;b&gt;me&lt;/b&gt;" in text
            assert "T &lt;b onclick=&quot;x&quot;&gt;" in text


def test_bare_addresses_in_notes_and_memos_are_links_that_send_no_referrer(
    tmp_path: Path,
) -> None:
    with Project.open(tmp_path / "p.diptych", create=True, name="Links") as p:
        article = p.articles.add(parsed=parse_article(b"# T\n\nBody text here.", name="a.md"))
        p.annotations.add(article_id=article.id, start=0, end=4,
                          note="see https://example.org/report and www.who.int.")  # fmt: skip
        p.memos.set(
            kind=MemoKind.PROJECT, text="(Write to desk@example.org), not javascript:alert(1)"
        )
        page = _export(p)
    assert (
        '<div class="note" dir="auto"><p>see <a href="https://example.org/report" '
        'rel="noreferrer" class="address">https://example.org/report</a> and '
        '<a href="http://www.who.int" rel="noreferrer" class="address">www.who.int</a>.</p></div>'
    ) in page
    assert (
        '<div class="memo" dir="auto"><p>(Write to <a href="mailto:desk@example.org" '
        'rel="noreferrer" class="address">desk@example.org</a>), not javascript:alert(1)</p></div>'
    ) in page
    assert_inert(page)


def test_tag_colours_are_styles_beside_the_tag_names(project: Project) -> None:
    page = _export(project)
    for tag in project.tags.all():
        assert f".t{tag.id} {{ --tag: {tag.color}; --tint: {tag.color}33; }}" in page
    heading = '<h2 dir="auto"><span class="swatch"></span>Economy</h2>'
    assert f'<section class="group t1 top">\n{heading}' in page
    assert '<span class="tag t6" dir="auto">Evidence</span>' in page


def test_counts_per_tag_and_per_article(project: Project) -> None:
    page = _export(project)
    evidence = project.tags.find(name="Evidence")
    assert evidence is not None
    assert (
        f'<span class="swatch t{evidence.id}"></span>Evidence</td>'
        '<td class="n">3</td><td class="n">3</td><td class="n">2</td></tr>'
    ) in page
    assert (
        '<tr><td dir="auto">Short dispatch</td><td class="n">1</td><td class="n">1</td>'
        '<td class="n">1</td></tr>'
    ) in page


def test_printable(project: Project) -> None:
    page = _export(project)
    print_css = page.split("@media print", 1)[1]
    assert "break-before: page" not in print_css and "break-inside: avoid" in print_css
    assert "Orphan: no longer found" in page  # said in words, not only with colour


def test_note_headings_do_not_enter_the_outline() -> None:
    html = report_note_renderer().render("# Big\n\ntext")
    assert "<h1" not in html and '<p class="note-heading"><strong>Big</strong></p>' in html


def test_each_line_break_typed_in_a_note_is_one_in_the_report(project: Project) -> None:
    page = _export(project)
    assert "<p>Has &quot;quotes&quot;, commas, and<br />\nnewlines</p>" in page
    assert report_note_renderer().render("first point\nsecond point") == (
        "<p>first point<br />\nsecond point</p>"
    )


@pytest.mark.parametrize(
    "page",
    [
        "<p><img src=x></p>",
        '<a href="javascript:alert(1)">x</a>',
        '<p onclick="alert(1)">x</p>',
        "<p><script>1</script></p>",
        "<style>p { background: url(http://x) }</style>",
        '<p style="color: red">x</p>',
        '<a href="//evil.example/">x</a>',
    ],
)
def test_the_inertness_check_catches_active_content(page: str) -> None:
    with pytest.raises(AssertionError):
        assert_inert(page)


@given(st.from_regex(PLAIN_NOTE, fullmatch=True))
def test_plain_notes_take_a_shortcut_to_the_same_html(note: str) -> None:
    renderer = report_note_renderer()
    assert renderer.render(note) == renderer._md.render(note).strip()


@given(st.from_regex(PLAIN_NOTE, fullmatch=True))
def test_plain_notes_take_a_shortcut_to_the_same_words(note: str) -> None:
    renderer = report_note_renderer()
    assert renderer.plain(note) == renderer.parsed_plain(note)


@pytest.mark.parametrize(
    "note", ["1. item", "a\nb", "a  ", "x: <y>", "a - b", "Ab*c*", "see www.who.int"]
)
def test_notes_with_any_syntax_take_the_parser(note: str) -> None:
    assert not PLAIN_NOTE.fullmatch(note)


def test_a_word_longer_than_the_line_wraps_instead_of_running_off_the_page(
    project: Project,
) -> None:
    # An address in a note or a quote has no place to break: without overflow-wrap it
    # runs past the column, and off the paper when printed.
    page = export_project(project, fmt="html", options=fixed_options()).decode("utf-8")
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    body = re.search(r"(?m)^body \{([^}]*)\}", style)
    assert body is not None
    declarations = [d.split(":", 1) for d in body[1].split(";") if ":" in d]
    wraps = [value.strip() for name, value in declarations if name.strip() == "overflow-wrap"]
    assert wraps[-1] == "anywhere" and "break-word" in wraps  # break-word for older browsers


def test_right_to_left_quotes_notes_and_memos_take_their_own_direction(tmp_path: Path) -> None:
    # In a left-to-right paragraph, an Arabic or Hebrew sentence sits on the left with its
    # full stop stranded at the wrong end; each quote line, note and memo says dir="auto".
    body = "Intro line.\n\nשלום עולם.\n\nمرحبا بالعالم؟\n".encode()
    with Project.open(tmp_path / "rtl.diptych", create=True, name="RTL") as p:
        article = p.articles.add(parsed=parse_article(body, name="rtl.txt"))
        text = p.articles.get(article_id=article.id).text
        start = text.index("שלום")
        tag = p.tags.add(name="Theme")
        p.annotations.add(
            article_id=article.id, start=start, end=text.index("؟") + 1, tag_ids=[tag.id],
            note="הערה.",
        )  # fmt: skip
        p.memos.set(kind=MemoKind.TAG, target_id=tag.id, text="مذكرة.")
        page = export_project(p, fmt="html", options=fixed_options()).decode("utf-8")
    assert_inert(page)
    assert '<blockquote class="quote"><p dir="auto">שלום עולם.</p><p dir="auto">' in page
    assert '<div class="note" dir="auto"><p>הערה.</p></div>' in page
    assert '<div class="memo" dir="auto"><p>مذكرة.</p></div>' in page
