"""Web pages into display text and blocks: structure kept, everything active dropped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.document import ArticleText, BlockKind, SpanStyle, check_layout
from diptych.storage.import_html import parse_html, read_html, read_page
from diptych.storage.importing import parse_article
from diptych.storage.link_addresses import allowed_href


def blocks(article: ArticleText) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def spans(article: ArticleText) -> list[tuple[str, SpanStyle, str]]:
    return [
        (article.text[s.start : s.end], s.style, s.href) for b in article.blocks for s in b.spans
    ]


@pytest.mark.parametrize(
    "dropped",
    [
        "<script>document.write('SECRET')</script>",
        "<script type='module'>if (a < b && c > d) { x = '</p>SECRET' }</script>",
        "<style>p::after { content: 'SECRET' }</style>",
        "<iframe src='http://evil.example/'><p>SECRET</p></iframe>",
        "<object data='x.swf'><param name=a value=b>SECRET</object>",
        "<embed src='x.swf'>",
        "<noscript><p>SECRET</p></noscript>",
        "<template><p>SECRET</p></template>",
        "<svg><title>SECRET</title><text>SECRET</text></svg>",
        "<canvas>SECRET</canvas><video src=v.mp4>SECRET</video><audio>SECRET</audio>",
        "<form><input value=SECRET><button>SECRET</button><textarea>SECRET</textarea>"
        "<select><option>SECRET</option></select></form>",
    ],
)
def test_active_and_embedded_content_is_dropped(dropped: str) -> None:
    article = parse_html(f"<p>before</p>{dropped}<p>after</p>")
    check_layout(article)
    assert article.text == "before\nafter"


def test_head_is_dropped_but_title_is_read() -> None:
    article, title = read_html(
        "<html><head><title> The  Page\n Title </title><meta name=x content=SECRET>"
        "<style>SECRET</style></head><body><p>Body text</p></body></html>"
    )
    assert article.text == "Body text"
    assert title == "The Page Title"


def test_body_without_closing_head_is_kept() -> None:
    article, title = read_html("<head><title>T</title><body><p>Body text</p>")
    assert article.text == "Body text"
    assert title == "T"


def test_svg_title_is_not_the_page_title() -> None:
    _, title = read_html("<body><svg><title>icon</title></svg><p>x</p></body>")
    assert title == ""


def test_structure() -> None:
    article = parse_html(  # read whole, as raw HTML in Markdown is (not its one article)
        "<h1>Title</h1><h3>Sub</h3><p>Para one</p><div>Div text</div>"
        "<section><article><p>Nested para</p></article></section>"
        "<blockquote><p>Quoted</p></blockquote><pre>  code\n    more\n</pre>",
        fragment=True,
    )
    assert blocks(article) == [
        (BlockKind.HEADING, "Title"),
        (BlockKind.HEADING, "Sub"),
        (BlockKind.PARAGRAPH, "Para one"),
        (BlockKind.PARAGRAPH, "Div text"),
        (BlockKind.PARAGRAPH, "Nested para"),
        (BlockKind.QUOTE, "Quoted"),
        (BlockKind.CODE, "  code\n    more"),  # indentation of the first line kept
    ]
    assert [h.level for h in article.outline()] == [1, 3]


def test_pre_keeps_newlines_and_spaces() -> None:
    article = parse_html("<pre>\nline one\n  line   two\n\nline four</pre>")
    assert blocks(article) == [(BlockKind.CODE, "line one\n  line   two\n\nline four")]


def test_whitespace_collapses_like_a_browser() -> None:
    article = parse_html("<p>\n  Some   <b>bold</b>\n\ttext <i> spaced </i> out.\n</p>")
    assert article.text == "Some bold text spaced out."


def test_br_is_a_line_break_inside_the_block() -> None:
    article = parse_html("<p>Line one <br>line two<br/>line three</p>")
    assert blocks(article) == [(BlockKind.PARAGRAPH, "Line one\nline two\nline three")]


def test_entities_are_decoded() -> None:
    article = parse_html("<p>&amp; &lt;b&gt; &quot;q&quot; &eacute; &#8212; &#x1F600; &nbsp;x</p>")
    assert article.text == '& <b> "q" é — 😀 \xa0x'


def test_inline_styles_and_links() -> None:
    article = parse_html(
        "<p><em>em</em> <i>i</i> <strong>strong</strong> <b>b</b> <code>code</code> "
        '<a href="https://example.com/a?x=1&amp;y=2">web</a> '
        '<a href="mailto:me@example.com">mail</a></p>'
    )
    assert spans(article) == [
        ("em", SpanStyle.EMPHASIS, ""),
        ("i", SpanStyle.EMPHASIS, ""),
        ("strong", SpanStyle.STRONG, ""),
        ("b", SpanStyle.STRONG, ""),
        ("code", SpanStyle.CODE, ""),
        ("web", SpanStyle.LINK, "https://example.com/a?x=1&y=2"),
        ("mail", SpanStyle.LINK, "mailto:me@example.com"),
    ]


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x", "data:text/html,x", "/rel"],
)
def test_unsafe_or_relative_links_keep_their_text_only(href: str) -> None:
    article = parse_html(f'<p>see <a href="{href}">this link</a> now</p>')
    assert article.text == "see this link now"
    assert not spans(article)


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("https://a.example/", "https://a.example/"),
        ("HTTP://A.example", "HTTP://A.example"),
        ("  mailto:x@y.z ", "mailto:x@y.z"),
        ("javascript:alert(1)", ""),
        ("vbscript:x", ""),
        ("file:///etc/passwd", ""),
        ("http://a\nb", ""),
        ("no-scheme", ""),
        ("mailto:x@y.z?subject=Hi&body=Read%20this", "mailto:x@y.z?subject=Hi&body=Read%20this"),
        ("mailto:x@y.z?attach=/home/me/.ssh/id_rsa", ""),
        ("MAILTO:x@y.z?subject=a&Attachment=file:///etc/passwd", ""),
        ("mailto:x@y.z?%61ttach=/etc/passwd", ""),
        ("mailto:x@y.z?body=a;attach=/etc/passwd", ""),
    ],
)
def test_allowed_href(href: str, kept: str) -> None:
    assert allowed_href(href) == kept


def test_remote_images_are_never_fetched_and_tracking_pixels_say_nothing() -> None:
    article = parse_html(
        '<p>Text <img src="http://tracker.example/pixel.gif" alt="ALT" width="1" height="1">'
        " more</p>"
        '<picture><source srcset="http://x/y.webp"><img src="http://x/y.png"></picture>'
    )
    assert article.text == "Text more"
    assert "tracker" not in repr(article)


def test_an_image_reads_as_its_alternative_text_in_brackets() -> None:
    article = parse_html(
        '<figure><img src="http://x.example/chart.png" alt=" Unemployment by\n region ">'
        "<figcaption>Figure 1. Source: the survey</figcaption></figure>"
        '<p>Good news <img class="emoji" src="http://x.example/1f600.png" alt="😀"> today'
        '<img src="http://x.example/spacer.gif" alt="spacer" role="presentation">'
        '<img src="http://x.example/logo.png" alt="Logo" aria-hidden="true">'
        '<img src="http://x.example/a.png" alt="" hidden><img alt="Pixel" height="1px"></p>'
        "<noscript><img alt='Lazy copy'></noscript>"
        '<p>See<img alt="a map">here, <b>and <img alt="a chart"></b>.</p>'
    )
    assert article.text.split("\n") == [
        "[Image: Unemployment by region]",
        "Figure 1. Source: the survey",
        "Good news 😀 today",
        "See [Image: a map] here, and [Image: a chart].",
    ]


def test_an_image_of_a_markdown_article_reads_as_its_alt_text_in_brackets() -> None:
    article = parse_article(
        b"# Note\n\n![Wages, 2020-2024](chart.png)\n\nSo it goes :) ![:)](smile.png)\n",
        name="note.md",
    )
    assert article.content.text.split("\n")[1:] == [
        "[Image: Wages, 2020-2024]",
        "So it goes :) :)",
    ]


def test_nested_lists_with_numbers() -> None:
    article = parse_html(
        "<ul><li>one<li>two<ul><li>nested</li></ul>tail</li><li><p>p1</p><p>p2</p></ul>"
        '<ol start="3"><li>three</li><li value="7">seven</li><li>eight</ol>'
    )
    assert [(b.kind, b.level, b.number, article.text[b.start : b.end]) for b in article.blocks] == [
        (BlockKind.ITEM, 1, 0, "one"),
        (BlockKind.ITEM, 1, 0, "two"),
        (BlockKind.ITEM, 2, 0, "nested"),
        (BlockKind.PARAGRAPH, 0, 0, "tail"),
        (BlockKind.ITEM, 1, 0, "p1\np2"),
        (BlockKind.ITEM, 1, 3, "three"),
        (BlockKind.ITEM, 1, 7, "seven"),
        (BlockKind.ITEM, 1, 8, "eight"),
    ]


def test_tables_with_header_cells() -> None:
    article = parse_html(
        "<table><caption>Cap</caption><thead><tr><th>H1<th>H2</thead>"
        "<tbody><tr><td>a<td>b<tr><td><p>c1</p><p>c2</p><td><ul><li>x<li>y</ul></tbody>"
        "<tr><th>Row head</th><td>z</td></tr></table><p>after</p>"
    )
    check_layout(article)
    cells = [b for b in article.blocks if b.kind is BlockKind.CELL]
    assert [(b.table, b.row, b.col, b.header, article.text[b.start : b.end]) for b in cells] == [
        (0, 0, 0, True, "H1"),
        (0, 0, 1, True, "H2"),
        (0, 1, 0, False, "a"),
        (0, 1, 1, False, "b"),
        (0, 2, 0, False, "c1\nc2"),
        (0, 2, 1, False, "x\ny"),
        (0, 3, 0, True, "Row head"),
        (0, 3, 1, False, "z"),
    ]
    assert article.text.startswith("Cap\nH1\tH2\na\tb\n")
    assert blocks(article)[-1] == (BlockKind.PARAGRAPH, "after")


def test_colspan_keeps_columns_aligned() -> None:
    article = parse_html("<table><tr><td colspan=2>wide<td>c</table>")
    assert [b.col for b in article.blocks] == [0, 2]


def test_nested_tables_are_separate_tables() -> None:
    article = parse_html("<table><tr><td>out<table><tr><td>in</table>tail<td>next</table>")
    check_layout(article)
    assert [(b.table, b.row, b.col) for b in article.blocks] == [
        (0, 0, 0),
        (1, 0, 0),
        (0, 0, 0),
        (0, 0, 1),
    ]


def test_nav_footer_aside_are_kept_when_the_page_marks_no_article() -> None:
    # A page with one <main> or <article> is read as that: test_import_html_main.py.
    article = parse_html(
        "<nav>Menu</nav><div><p>Story</p></div><aside>Fact</aside><footer>By</footer>"
    )
    assert article.text == "Menu\nStory\nFact\nBy"


@pytest.mark.parametrize(
    "page",
    [
        "<p>unclosed <b>bold <i>both",
        "</div></p></li></td></table>stray end tags",
        "<li>item without list<td>cell without table",
        "<p>a<p>b<div>c</span></b>",
        "<![if !IE]><p>conditional</p><![endif]><!-- comment --><!DOCTYPE html>",
        "<p>a < b and c > d & e</p>",
        "<a href='https://x.example'>open link <p>across blocks",
        "<h1>heading <h2>inside heading</h1> tail",
        "<table><tr><td>a<tr><td>b</table>",
        "<div>" * 5000 + "deep" + "</div>" * 10,
        "<pre>unclosed pre\n  keeps spaces",
        "<![CDATA[cdata <text>]]>",
    ],
)
def test_broken_html_gives_a_valid_layout(page: str) -> None:
    article = parse_html(page)
    check_layout(article)
    assert article.text.strip()


def test_markup_left_open_at_the_end_is_dropped_like_a_browser() -> None:
    assert parse_html("<p>kept</p><a href='x").text == "kept"
    assert parse_html("<p>kept</p><!-- never closed <p>hidden").text == "kept"
    assert parse_html("<p>AT&T").text == "AT&T"


@pytest.mark.parametrize("piece", ["<a", "<p a='", "<a b<a b", "<?x", "<![x", "<![CDATA["])
def test_pages_of_unclosed_markup_are_read_quickly(piece: str) -> None:
    # the standard parser of older Pythons takes quadratic time on these (hours at 1 MB)
    article = parse_html("<p>start</p>" + piece * 100_000)
    assert article.text == "start"


def test_broken_html_keeps_its_words() -> None:
    article = parse_html("<p>a<p>b<div>c</span></b><li>d<td>e")
    assert article.text.split() == ["a", "b", "c", "d", "e"]


_HTMLISH = st.lists(
    st.sampled_from(
        [
            *"ab <>/=&;\"' \n",
            "<p>",
            "</p>",
            "<li>",
            "<ul>",
            "</ul>",
            "<ol start=2>",
            "<table>",
            "<tr>",
            "<td>",
            "<th>",
            "</td>",
            "</table>",
            "<pre>",
            "</pre>",
            "<br>",
            "<b>",
            "</b>",
            "<a href=http://x>",
            "</a>",
            "<script>",
            "</script>",
            "<svg>",
            "<head>",
            "<title>",
            "<blockquote>",
            "<h2>",
            "&amp;",
            "&#",
            "<!--",
            "<![",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=200)
@given(st.one_of(st.text(), _HTMLISH))
def test_any_html_gives_a_valid_layout(page: str) -> None:
    article, _ = read_html(page)
    check_layout(article)


@pytest.mark.parametrize(
    "page",
    [
        "<p>Intro</p><button>Share</buton><p>Main article text</p><p>More</p>",
        "<p>Intro</p><button>Share<div><p>Main article text</p><p>More</p></div>",
        "<p>Intro</p><button><span>Share</span><h2>Main article text</h2><p>More</p>",
    ],
)
def test_a_button_left_open_loses_no_paragraph_after_it(page: str) -> None:
    article = parse_html(page)
    check_layout(article)
    assert article.text == "Intro\nMain article text\nMore"


def test_a_buttons_label_is_still_dropped() -> None:
    article = parse_html("<p>Intro <button><b>Share</b> <i>now</i></button> end</p><p>Next</p>")
    assert article.text == "Intro end\nNext"


def test_a_drawing_left_open_loses_no_paragraph_after_it() -> None:
    article = parse_html(
        '<p>Intro</p><svg viewBox="0 0 10 10"><path d="M0"/><p>Main article text</p><p>More</p>'
    )
    check_layout(article)
    assert article.text == "Intro\nMain article text\nMore"


def test_a_formula_left_open_keeps_its_characters_and_the_paragraphs_after_it() -> None:
    article = parse_html("<p>Intro</p><math><mi>x</mi><p>Main article text</p><ul><li>More</ul>")
    check_layout(article)
    assert article.text == "Intro\nx\nMain article text\nMore"


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<head><title>T</title>Hello world<p>x", "Hello world\nx"),
        ("<html><head><meta charset=utf-8>Plain words.<br>Line two.", "Plain words.\nLine two."),
        ("<head>\n  <style>p { color: red }</style>\n</head><p>x", "x"),
    ],
)
def test_words_in_a_head_left_open_start_the_body_as_in_a_browser(page: str, text: str) -> None:
    article, title = read_html(page)
    assert article.text == text
    assert title == ("T" if "<title>" in page else "")


def test_what_the_page_hides_from_its_readers_is_left_out() -> None:
    article = parse_html(
        "<p>Shown.</p><div hidden><p>HIDDEN one</p><p>HIDDEN two</p></div>"
        '<div style="color: red; display : none"><p>HIDDEN by style</p></div>'
        '<p>Still <span style="visibility:hidden">HIDDEN</span>here.</p>'
        '<details><div hidden="until-found">Found by search.</div></details>'
        '<p aria-hidden="true">Seen, not read aloud.</p>'
        '<div style="display:block">Shown too.</div>'
        "<p hidden>HIDDEN paragraph<p>After it."  # left open: the next block ends it
        "<div><ul><li hidden>HIDDEN item<li>Item.</ul><p hidden>HIDDEN</div><p>Last."
    )
    assert "HIDDEN" not in article.text
    assert article.text.split("\n") == [
        "Shown.",
        "Still here.",
        "Found by search.",
        "Seen, not read aloud.",
        "Shown too.",
        "After it.",
        "Item.",
        "Last.",
    ]


def test_a_hidden_article_does_not_count_as_the_pages_article() -> None:
    page = read_page(
        "<nav>Menu</nav><article hidden><p>A template</p></article>"
        "<article><h1>Real</h1><p>Words.</p></article><footer>Foot</footer>"
    )
    assert page.main_only
    assert page.content.text == "Real\nWords."
