"""Web pages as Word, Google Docs and browsers save them: every word a browser shows is in
the article in order, and headings, lists, tables and emphasis show as such."""

from __future__ import annotations

import tracemalloc

import pytest
from visible_words import assert_words_in_order

from diptych.storage.document import ArticleText, BlockKind, SpanStyle, check_layout
from diptych.storage.importing import parse_article

WORD_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>SECRET</o:Author>
</o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style>
<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:"SECRET";}</style><![endif]-->
</head><body lang=EN-GB style='tab-interval:36.0pt'><div class=WordSection1>
<h1>Annual <span class=SpellE>reportt</span><o:p></o:p></h1>
<p class=MsoNormal>Sales <b style='mso-bidi-font-weight:normal'>rose</b> by <i
style='mso-bidi-font-style:normal'>ten</i>&nbsp;per cent.<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Costs fell<a style='mso-footnote-id:ftn1' href="#_ftn1"
name="_ftnref1"><span class=MsoFootnoteReference><![if !supportFootnotes]>[1]<![endif]>
</span></a> sharply.<o:p></o:p></p>
<!--[if !supportLists]--><p class=MsoNormal>Shown to every browser<o:p></o:p></p><!--[endif]-->
</div></body></html>"""
WORD_SHOWS = (
    "Annual reportt Sales rose by ten per cent. Costs fell [1] sharply. Shown to every browser"
)

NEWS_PAGE = """<!doctype html><html><head><meta charset="utf-8"><base href="https://news.example/">
<title>Talks resume | News</title><link rel=stylesheet href="https://cdn.example/s.css">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Talks resume</h1>
<figure><picture><source srcset="a.webp 1x, b.webp 2x" type="image/webp">
<img src="x.jpg" srcset="x2.jpg 2x" loading="lazy" alt="A table"></picture>
<figcaption>Delegates meet. <cite>Photo: Ann Lee</cite></figcaption></figure>
<p>The long<wbr>awaited talks&nbsp;began<sup><a href="#fn1">1</a></sup> on H<sub>2</sub>O.</p>
<details><summary>Background</summary><p>Earlier rounds failed.</p></details>
<dl><dt>Envoy</dt><dd>The chief negotiator.</dd></dl>
<blockquote><p>We will agree.</p><footer>— <cite>The envoy</cite></footer></blockquote>
<pre><code>if  a:
    b()
</code></pre>
<p>First line<br>second line</p>
<noscript><img src="https://track.example/p.gif"></noscript>
<template><p>SECRET</p></template><svg><text>SECRET</text></svg>
</article><aside><h2>Related</h2><ul><li>Older story</li></ul></aside></main>
<footer><p>Copyright News</p></footer></body></html>"""
NEWS_SHOWS = (  # a footnote marker is a word apart from the word before it, "began[1]";
    # a subscript's digits are lowered, "H₂O"
    "Talks resume Delegates meet. Photo: Ann Lee The longawaited talks began 1 "
    "on H₂O. Background Earlier rounds failed. Envoy The chief negotiator. We will agree. "
    "The envoy if a: b() First line second line"
)
NEWS_LEAVES_OUT = (  # the site's menu and footer, outside <main>, and the list of stories
    # beside the one <article> in <main>
    *("Home", "World", "Copyright"),
    *("Related", "Older story"),
)


def parse(page: str, name: str = "page.html") -> ArticleText:
    article = parse_article(page.encode("cp1252", "xmlcharrefreplace"), name=name).content
    check_layout(article)
    return article


def kinds(article: ArticleText) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def styled(article: ArticleText) -> list[tuple[str, SpanStyle]]:
    return [(article.text[s.start : s.end], s.style) for b in article.blocks for s in b.spans]


def test_a_page_saved_from_word_keeps_every_word_and_nothing_of_its_office_data() -> None:
    article = parse(WORD_PAGE)
    assert_words_in_order(WORD_SHOWS, article.text)
    assert "SECRET" not in article.text and "mso" not in article.text
    assert kinds(article)[0] == (BlockKind.HEADING, "Annual reportt")
    assert ("rose", SpanStyle.STRONG) in styled(article)
    assert ("ten", SpanStyle.EMPHASIS) in styled(article)


WORD_TITLED_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><title>Briefing memo</title></head><body>
<p class=MsoTitle>Briefing memo: the port dispute<o:p></o:p></p>
<p class=MsoNormal>To: Minister</p>
<h1>Summary<o:p></o:p></h1><p class=MsoNormal>The strike goes on.</p>
<h1>Options</h1><p class="MsoNormal">Three.</p></body></html>"""


def test_words_title_paragraph_is_the_articles_title_above_its_headings() -> None:
    parsed = parse_article(WORD_TITLED_PAGE.encode("cp1252"), name="memo.htm")
    assert parsed.title == "Briefing memo: the port dispute"  # not its first section, Summary
    assert [h.text for h in parsed.content.outline()] == [
        "Briefing memo: the port dispute",
        "Summary",
        "Options",
    ]


def test_a_news_page_saved_by_a_browser_keeps_every_word_of_its_article_and_its_structure() -> None:
    article = parse(NEWS_PAGE)
    assert_words_in_order(NEWS_SHOWS, article.text)
    assert not [word for word in NEWS_LEAVES_OUT if word in article.text]
    assert "SECRET" not in article.text and "http" not in article.text
    shown = kinds(article)
    assert (BlockKind.HEADING, "Talks resume") in shown
    assert (BlockKind.CODE, "if  a:\n    b()") in shown
    assert (BlockKind.QUOTE, "We will agree.") in shown
    assert (BlockKind.PARAGRAPH, "First line\nsecond line") in shown


GOOGLE_DOCS_PAGE = """<html><head><meta content="text/html; charset=UTF-8" http-equiv=x>
<style type="text/css">.c1{font-weight:700}.c2{font-style:italic}</style></head>
<body class="c5 doc-content"><h1 id="h.x"><span class="c3">Field notes</span></h1>
<p><span style="font-weight:700">Bold words</span><span> then plain, </span>
<span style="font-style: italic">slanted words</span><span>, </span>
<span style="font-weight: bold; text-decoration: underline">heavy words</span>. See
<a href="https://www.google.com/url?q=https://example.org/report&amp;sa=D&amp;ust=1">the
report</a>.</p>
<ul><li style="list-style-type:disc"><p dir="ltr"><span>Point one</span></p></li>
<li><p><span>Point two</span></p><ul><li><p><span>Point inside</span></p></li></ul></li></ul>
</body></html>"""


def test_a_google_docs_export_shows_its_bold_and_italic_words_as_such() -> None:
    article = parse(GOOGLE_DOCS_PAGE)
    assert_words_in_order(
        "Field notes Bold words then plain, slanted words, heavy words. See the report. "
        "Point one Point two "
        "Point inside",
        article.text,
    )
    assert styled(article) == [
        ("Bold words", SpanStyle.STRONG),
        ("slanted words", SpanStyle.EMPHASIS),
        ("heavy words", SpanStyle.STRONG),
        ("the report", SpanStyle.LINK),
    ]
    items = [
        (b.level, article.text[b.start : b.end]) for b in article.blocks if b.kind is BlockKind.ITEM
    ]
    assert items == [(1, "Point one"), (1, "Point two"), (2, "Point inside")]


def test_text_pasted_from_google_docs_is_not_all_bold() -> None:
    # Google Docs wraps what it copies in <b style="font-weight:normal">.
    article = parse(
        '<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr">'
        '<span style="font-weight:400">Plain words</span> '
        '<span style="font-weight:700">bold words</span></p></b>'
    )
    assert article.text == "Plain words bold words"
    assert styled(article) == [("bold words", SpanStyle.STRONG)]


def test_cells_below_a_cell_spanning_rows_stay_in_their_columns() -> None:
    article = parse(
        "<table><thead><tr><th>Region</th><th>Year</th><th>Sales</th></tr></thead>"
        "<tbody><tr><td rowspan=2>North</td><td>2023</td><td>10</td></tr>"
        "<tr><td>2024</td><td>12</td></tr>"
        "<tr><td>South</td><td colspan=2 rowspan=2>none</td></tr>"
        "<tr><td>East</td></tr><tr><td>West</td><td>2024</td><td>9</td></tr></tbody></table>"
    )
    cells = [
        (article.text[b.start : b.end], b.row, b.col)
        for b in article.blocks
        if b.kind is BlockKind.CELL
    ]
    assert cells == [
        ("Region", 0, 0),
        ("Year", 0, 1),
        ("Sales", 0, 2),
        ("North", 1, 0),
        ("2023", 1, 1),
        ("10", 1, 2),
        ("2024", 2, 1),
        ("12", 2, 2),
        ("South", 3, 0),
        ("none", 3, 1),
        ("East", 4, 0),
        ("West", 5, 0),
        ("2024", 5, 1),
        ("9", 5, 2),
    ]


def test_bold_and_italic_from_a_style_sheet_are_read_from_class_rules_only() -> None:
    article = parse(
        "<style>/* .c9{font-weight:700} */ p .c2{font-weight:700} .c1, .c3 {color:red;"
        "font-weight: bold} .c4{font-style:italic}.c5{font-weight:700</style>"
        '<p><span class="c1">one</span> <span class="c2">two</span> '
        '<span class="c3 c4">three</span> <span class="c9">four</span> '
        '<span class="c5">five</span></p>'
    )
    # A rule left open at the end of the sheet applies, as in a browser.
    assert styled(article) == [
        ("one", SpanStyle.STRONG),
        ("three", SpanStyle.STRONG),
        ("five", SpanStyle.STRONG),
    ]


def test_a_styled_span_left_open_ends_with_its_paragraph() -> None:
    article = parse(
        '<p>a <span style="font-style:italic">slanted<p>upright <b>bold<p>still bold</b>'
    )
    assert styled(article) == [
        ("slanted", SpanStyle.EMPHASIS),
        ("bold", SpanStyle.STRONG),
        ("still bold", SpanStyle.STRONG),
    ]


def test_a_table_of_cells_spanning_many_rows_and_columns_is_read_quickly() -> None:
    row = "<tr><td rowspan=1000 colspan=1000>a</td><td>b</td></tr>"
    tracemalloc.start()
    try:
        article = parse(f"<table>{row * 500}</table>")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Each column a cell fills kept as a place of its own held ~50 MB here (and took a
    # minute on a page twice as long, growing with rows²); the cells' ranges, under one.
    assert peak < 16 * 1024 * 1024
    last = article.blocks[-1]
    assert (last.row, last.col) == (499, 500_000)  # right of the cells spanning rows


def test_a_cell_spanning_no_columns_takes_one_as_in_a_browser() -> None:
    article = parse("<table><tr><td colspan=0>a</td><td>b</td></tr></table>")
    assert [(b.row, b.col) for b in article.blocks] == [(0, 0), (0, 1)]


WORD_LISTS_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
<h1 style='mso-list:l2 level1 lfo3'><![if !supportLists]><span>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Findings</h1>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>
</span><![endif]>Prices <b>rose</b><o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New"'>o<span>&nbsp;&nbsp; </span></span><![endif]>In the north</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span
style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><!--[endif]-->Wages fell</p>
<p class=MsoNormal>Then the steps:</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span
style='mso-list:Ignore'>1.<span>&nbsp;&nbsp; </span></span><!--[endif]-->Count</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span
style='mso-list:Ignore'>2)<span>&nbsp;&nbsp; </span></span><!--[endif]-->Weigh</p>
<p class=MsoListParagraph style='mso-list:l1 level2 lfo2'><!--[if !supportLists]--><span
style='mso-list:Ignore'>a.<span>&nbsp;&nbsp; </span></span><!--[endif]-->Twice</p>
</body></html>"""


def test_lists_saved_from_word_are_lists() -> None:
    article = parse(WORD_LISTS_PAGE)
    shown = [(b.kind, b.level, b.number, article.text[b.start : b.end]) for b in article.blocks]
    assert shown == [
        (BlockKind.HEADING, 1, 0, "1.\xa0\xa0 Findings"),  # numbered headings stay as shown
        (BlockKind.ITEM, 1, 0, "Prices rose"),
        (BlockKind.ITEM, 2, 0, "In the north"),
        (BlockKind.ITEM, 1, 0, "Wages fell"),
        (BlockKind.PARAGRAPH, 0, 0, "Then the steps:"),
        (BlockKind.ITEM, 1, 1, "Count"),
        (BlockKind.ITEM, 1, 2, "Weigh"),
        (BlockKind.ITEM, 2, 0, "a. Twice"),
    ]
    assert styled(article) == [("rose", SpanStyle.STRONG)]


def test_a_word_list_marker_left_open_loses_no_words() -> None:
    article = parse(
        "<p style='mso-list:l0 level1 lfo1'><![if !supportLists]>· Item words</p>"
        "<p>Next words</p><p style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
        + "long " * 100
        + "<b>bold</b></p>"
    )
    assert_words_in_order("Item words Next words " + "long " * 100 + "bold", article.text)


def test_the_levels_of_a_google_docs_list_are_kept() -> None:
    # Google Docs exports every level of a list as a list of its own, named by its level.
    article = parse(
        '<ul class="c3 lst-kix_list_1-0 start"><li class="c1 li-bullet-0">One</li></ul>'
        '<ul class="c3 lst-kix_list_1-1 start"><li class="c1 li-bullet-0">One, a</li>'
        '<li class="c1 li-bullet-0">One, b</li></ul>'
        '<ul class="c3 lst-kix_list_1-2 start"><li class="c1">One, b, i</li></ul>'
        '<ul class="c3 lst-kix_list_1-0"><li class="c1 li-bullet-0">Two</li></ul>'
        '<ol class="c7 lst-kix_x9k2-1 start" start="3"><li>Three, c</li></ol>'
        "<ul class='other-list-1'><li>Plain</li></ul>"
    )
    assert [(b.level, b.number, article.text[b.start : b.end]) for b in article.blocks] == [
        (1, 0, "One"),
        (2, 0, "One, a"),
        (2, 0, "One, b"),
        (3, 0, "One, b, i"),
        (1, 0, "Two"),
        (2, 3, "Three, c"),
        (1, 0, "Plain"),
    ]


def test_code_in_a_table_cell_keeps_its_lines_and_spaces() -> None:
    article = parse(
        "<table><tr><th>Call</th><th>Example</th></tr><tr><td>map</td><td>Use:"
        "<pre><code>for x in xs:\n    f(x)</code></pre>then  stop</td></tr></table>"
    )
    assert [article.text[b.start : b.end] for b in article.blocks][-1] == (
        "Use:\nfor x in xs:\n    f(x)\nthen stop"
    )


def test_a_page_title_holding_soft_hyphens_is_whole() -> None:
    page = "<title>Im Bundes&shy;kanzler&shy;amt</title><p>Text</p>"
    assert parse_article(page.encode(), name="a.html").title == "Im Bundeskanzleramt"
    notes = "---\ntitle: Bundes\xadkanzler\xadamt\n---\n\nText\n"
    assert parse_article(notes.encode(), name="a.md").title == "Bundeskanzleramt"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        # A BOM says more than the <meta charset> the page was saved with.
        ("\ufeff<meta charset='windows-1252'><p>café “q” 漢字</p>".encode(), "utf-8-sig"),
        ("<meta charset='windows-1252'><p>café “q” 漢字</p>".encode("utf-16"), "utf-16"),
        # A page saying UTF-8 whose bytes are not: read as Windows-1252, as browsers fall back.
        (b"<meta charset='utf-8'><p>caf\xe9 \x93q\x94 \x80</p>", "cp1252"),
    ],
)
def test_a_charset_the_bytes_disagree_with_loses_no_letter(data: bytes, encoding: str) -> None:
    parsed = parse_article(data, name="page.html")
    assert parsed.encoding == encoding
    assert parsed.content.text.startswith("café “q”")


LIBREOFFICE_PAGE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<meta name="generator" content="LibreOffice 7.3.7.2 (Linux)"/>
<style type="text/css">@page { size: 21cm 29.7cm; margin: 2cm }
p { line-height: 115%; margin-bottom: 0.25cm; background: transparent }
h1.western { font-family: "Liberation Serif", serif; font-weight: normal }
a:link { color: #000080; so-language: zxx; text-decoration: underline }</style></head>
<body lang="en-GB" link="#000080" vlink="#800000" dir="ltr"><h1 class="western">Heading</h1>
<p style="line-height: 100%; margin-bottom: 0cm">Text with <b>bold</b> and <i>italic</i> and
<span style="font-weight: normal">normal</span>.</p>
<ol><li><p style="margin-bottom: 0cm; line-height: 100%">One</p></li>
<ol><li><p>Nested</p></li></ol><li><p>Two</p></li></ol>
<ul><li><p>Bullet</p><ul><li><p>Sub bullet</p></li></ul></li></ul>
<table width="100%" cellpadding="4" cellspacing="0"><col width="128*"/><col width="128*"/>
<tr valign="top"><td width="50%" style="border: 1px solid #000000; padding: 0.1cm"><p>A1</p>
</td><td><p>B1</p></td></tr></table>
<p style="margin-bottom: 0cm">Claim<sup><a class="sdfootnoteanc" name="sdfootnote1anc"
href="#sdfootnote1sym"><sup>1</sup></a></sup> rest</p>
<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym"
href="#sdfootnote1anc">1</a>Footnote text</p></div>
</body></html>"""


def test_a_page_saved_from_libreoffice_keeps_every_word_and_its_structure() -> None:
    article = parse(LIBREOFFICE_PAGE)
    assert_words_in_order(
        "Heading Text with bold and italic and normal. One Nested Two Bullet Sub bullet A1 "
        "B1 Claim 1 rest 1Footnote text",
        article.text,
    )
    assert "size" not in article.text and "LibreOffice" not in article.text
    items = [(b.level, b.number, article.text[b.start : b.end]) for b in article.blocks]
    assert items[2:7] == [
        (1, 1, "One"),
        (2, 1, "Nested"),
        (1, 2, "Two"),
        (1, 0, "Bullet"),
        (2, 0, "Sub bullet"),
    ]
    assert styled(article) == [("bold", SpanStyle.STRONG), ("italic", SpanStyle.EMPHASIS)]


def test_links_of_a_google_docs_export_lead_to_their_own_addresses() -> None:
    article = parse(
        '<p><a href="https://www.google.com/url?q=https://example.org/report%3Fy%3D2024'
        '&amp;sa=D&amp;source=editors&amp;ust=1&amp;usg=AOv">report</a> and '
        '<a href="https://www.google.com/url?q=javascript:alert(1)&amp;sa=D">bad</a> and '
        '<a href="https://www.google.com/url?sa=D">search</a></p>'
    )
    links = [(article.text[s.start : s.end], s.href) for b in article.blocks for s in b.spans]
    assert links == [
        ("report", "https://example.org/report?y=2024"),
        ("search", "https://www.google.com/url?sa=D"),
    ]
