"""A web page that marks its article (one ``<main>``, one element whose role is ``main``, or
one ``<article>``) is read as that article only: the site's menu, cookie banner and footer
around it are left out, the headline just before it is kept with its block's subheading,
byline and date, the import says so, and the whole page stays the article's original text.
A ``<main>`` whose one ``<article>`` stands beside only headings and lists ("Most viewed") is
read as that article; words beside it that may be the story's keep the whole ``<main>``.
A page that marks none, or several, is read whole as before. A footnote's link back to its
marker ("↩") is left out too."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.document import ArticleText, BlockKind, check_layout
from diptych.storage.import_html import parse_html, read_page
from diptych.storage.importing import parse_article, read_article_file
from diptych.storage.project import Project
from diptych.storage.reading_notes import reading_notes

NEWS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Port strike | The Daily Ledger</title>
<style>body{font-family:serif}</style><script>var main = "<main>";</script></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept all</button></div>
</header>
<main><article>
<h1>Port strike cripples exports</h1>
<p class="byline">By Maria Okafor</p>
<p>Dock workers walked out on Monday.<sup id="fnref1"><a href="#fn1">1</a></sup></p>
<h2>What comes next</h2>
<p>Mediators will meet both sides on Thursday.</p>
<section class="footnotes"><ol><li id="fn1">Ministry of Trade estimate.
<a href="#fnref1">↩</a></li></ol></section>
</article></main>
<aside>Most read: a cat</aside>
<footer><p>© 2025 The Daily Ledger. All rights reserved.</p>
<nav><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></nav></footer>
</body></html>"""
CLUTTER = ("Home", "World", "Subscribe", "cookies", "Most read", "©", "Privacy", "Terms")


def blocks(article: ArticleText) -> list[tuple[BlockKind, str]]:
    check_layout(article)
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def left_in(article: ArticleText) -> list[str]:
    return [word for word in CLUTTER if word in article.text]


def test_a_page_with_one_main_element_is_read_as_its_main_article_only() -> None:
    page = read_page(NEWS)
    assert page.main_only
    assert page.title == "Port strike | The Daily Ledger"
    assert blocks(page.content) == [
        (BlockKind.HEADING, "Port strike cripples exports"),
        (BlockKind.PARAGRAPH, "By Maria Okafor"),
        (BlockKind.PARAGRAPH, "Dock workers walked out on Monday.[1]"),
        (BlockKind.HEADING, "What comes next"),
        (BlockKind.PARAGRAPH, "Mediators will meet both sides on Thursday."),
        (BlockKind.HEADING, "Notes"),  # the list of footnotes has a heading, as Markdown's
        (BlockKind.ITEM, "Ministry of Trade estimate."),  # its link back "↩" left out
    ]
    assert [h.level for h in page.content.outline()] == [1, 2, 2]


def test_the_article_keeps_the_whole_page_as_its_original_text() -> None:
    parsed = parse_article(NEWS.encode(), name="news.html")
    assert parsed.main_only
    assert parsed.title == "Port strike cripples exports"
    assert parsed.content.text.startswith("Port strike cripples exports\n")
    assert left_in(parsed.content) == []
    assert parsed.original_text == NEWS  # nothing of the page is lost from the project


def test_one_article_element_without_a_main_is_the_article() -> None:
    page = read_page(
        "<nav>Home | World</nav><div class=promo>Subscribe now</div>"
        "<article><h1>Title</h1><p>Story.</p></article><footer>© Ledger</footer>"
    )
    assert page.content.text == "Title\nStory."
    assert page.main_only


def test_comments_written_as_articles_inside_the_article_stay_with_it() -> None:
    page = read_page(
        "<nav>Menu</nav><article><h1>Title</h1><p>Story.</p>"
        "<section><article><p>A reader's comment.</p></article>"
        "<article><p>Another comment.</p></article></section></article><footer>Foot</footer>"
    )
    assert page.content.text == "Title\nStory.\nA reader's comment.\nAnother comment."


def test_several_articles_are_read_with_the_whole_body() -> None:
    page = read_page(
        "<nav>Menu</nav><article><h2>First</h2><p>One.</p></article>"
        "<article><h2>Second</h2><p>Two.</p></article><footer>Foot</footer>"
    )
    assert page.content.text == "Menu\nFirst\nOne.\nSecond\nTwo.\nFoot"
    assert not page.main_only


def test_a_main_with_several_articles_in_it_is_the_article() -> None:
    page = read_page(
        "<nav>Menu</nav><main><article><p>One.</p></article><article><p>Two.</p></article>"
        "</main><footer>Foot</footer>"
    )
    assert page.content.text == "One.\nTwo."


def test_an_element_whose_role_is_main_counts_as_main() -> None:
    page = read_page(
        '<div id="top">Menu</div><div id="content" role="main"><div><p>Story.</p></div>'
        '<div class="box">Fact.</div></div><div id="foot">Foot</div>'
    )
    assert page.content.text == "Story.\nFact."
    assert page.main_only


def test_a_main_element_goes_before_an_article_beside_it() -> None:
    page = read_page(
        "<article><p>Teaser.</p></article><main><p>Story.</p></main><footer>Foot</footer>"
    )
    assert page.content.text == "Story."


def test_two_main_elements_are_read_with_the_whole_body() -> None:
    page = read_page("<main><p>One.</p></main><main><p>Two.</p></main><p>Foot</p>")
    assert page.content.text == "One.\nTwo.\nFoot"
    assert not page.main_only


def test_a_hidden_main_element_another_view_of_the_page_is_left_out() -> None:
    page = read_page("<main><p>One.</p></main><main hidden><p>Two.</p></main><p>Foot</p>")
    assert page.content.text == "One."
    assert page.main_only


def test_the_headline_just_before_the_article_is_kept_as_its_first_block() -> None:
    page = read_page(
        "<header><nav><h1>The Daily Ledger</h1><a href=/>Home</a></nav></header>"
        '<header class="story"><p class="kicker">Business</p><h1>Port <em>strike</em></h1>'
        '<p class="byline">By Maria</p></header>'
        "<article><p>Dock workers walked out.</p><h2>Next</h2><p>Talks.</p></article>"
        "<footer>Foot</footer>"
    )
    assert blocks(page.content) == [
        (BlockKind.HEADING, "Port strike"),
        (BlockKind.PARAGRAPH, "By Maria"),  # what follows it in its block; not the kicker
        (BlockKind.PARAGRAPH, "Dock workers walked out."),
        (BlockKind.HEADING, "Next"),
        (BlockKind.PARAGRAPH, "Talks."),
    ]
    assert [h.level for h in page.content.outline()] == [1, 2]


HEADLINE_BESIDE = """<html><head><meta charset="utf-8"><title>Site Name - Home of news</title>
</head><body>
<nav>Home | World</nav>
<div class="story-header"><h1>Ex-minister charged with fraud</h1>
<p class="dek">Prosecutors allege €4m in false invoices</p>
<p class="byline">By A. Reporter, 6 March 2025</p></div>
<div class="promo">Subscribe now</div>
<article><p>The former minister was charged on Thursday.</p><p>She denies wrongdoing.</p>
</article>
<footer>Footer</footer></body></html>"""

MAIN_WITH_ONE_ARTICLE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Minister resigns | World news | The Daily Example</title></head><body>
<a class="skip" href="#maincontent">Skip to main content</a>
<header><nav><ul><li>World</li><li>UK</li><li>Sport</li></ul></nav></header>
<div class="headline-wrap"><h1>Minister resigns over contract scandal</h1>
<p class="standfirst">Departure follows weeks of pressure after leaked invoices</p></div>
<main id="maincontent">
<article>
<header><address>By <a rel="author" href="/profile/jd">Jane Doe</a></address>
<time datetime="2025-03-05T09:00">Wed 5 Mar 2025 09.00 GMT</time></header>
<p>The minister resigned on Wednesday, saying she had “become a distraction”.</p>
<h2>What next</h2>
<p>The inquiry will report in June.</p>
</article>
<div class="share"><ul><li><a href="#">Share on Facebook</a></li></ul></div>
<section class="most-viewed"><h2>Most viewed</h2><ol><li>Celebrity story</li><li>Weather</li>
</ol></section>
<nav><a href="/next">Next story</a></nav>
</main>
<footer>© 2025 The Daily Example</footer>
</body></html>"""


def test_the_headlines_block_beside_the_article_is_kept_with_its_dek_and_byline() -> None:
    parsed = parse_article(HEADLINE_BESIDE.encode(), name="h1out.html")
    assert parsed.main_only
    assert parsed.title == "Ex-minister charged with fraud"
    assert blocks(parsed.content) == [
        (BlockKind.HEADING, "Ex-minister charged with fraud"),
        (BlockKind.PARAGRAPH, "Prosecutors allege €4m in false invoices"),
        (BlockKind.PARAGRAPH, "By A. Reporter, 6 March 2025"),
        (BlockKind.PARAGRAPH, "The former minister was charged on Thursday."),
        (BlockKind.PARAGRAPH, "She denies wrongdoing."),
    ]  # the menu, the promotion between the block and the article, the footer: left out
    assert [h.level for h in parsed.content.outline()] == [1]


def test_a_main_holding_one_article_and_the_sites_lists_is_read_as_that_article() -> None:
    parsed = parse_article(MAIN_WITH_ONE_ARTICLE.encode(), name="news.html")
    assert parsed.main_only
    assert parsed.title == "Minister resigns over contract scandal"
    assert blocks(parsed.content) == [
        (BlockKind.HEADING, "Minister resigns over contract scandal"),
        (BlockKind.PARAGRAPH, "Departure follows weeks of pressure after leaked invoices"),
        (BlockKind.PARAGRAPH, "By Jane Doe"),  # the byline and date in the article stay
        (BlockKind.PARAGRAPH, "Wed 5 Mar 2025 09.00 GMT"),
        (
            BlockKind.PARAGRAPH,
            "The minister resigned on Wednesday, saying she had “become a distraction”.",
        ),
        (BlockKind.HEADING, "What next"),
        (BlockKind.PARAGRAPH, "The inquiry will report in June."),
    ]
    assert [h.level for h in parsed.content.outline()] == [1, 2]


@pytest.mark.parametrize(
    ("beside", "kept"),
    [
        ("<p>The lead, written outside the article.</p>", "The lead, written outside"),
        ("<div>A lead in a div.</div>", "A lead in a div."),
        ("<figure><figcaption>The harbour at dawn.</figcaption></figure>", "The harbour"),
        ('<img src="a.jpg" alt="The harbour at dawn">', "[Image: The harbour at dawn]"),
        ("Words in the main itself.", "Words in the main itself."),
    ],
)
def test_a_main_with_words_beside_its_article_is_read_whole(beside: str, kept: str) -> None:
    page = read_page(
        f"<nav>Menu</nav><main><h1>Harbour reopens</h1>{beside}"
        "<article><p>Ships sailed.</p></article>"
        "<section><h2>Most viewed</h2><ol><li>Weather</li></ol></section></main>"
        "<footer>Foot</footer>"
    )
    assert page.main_only
    text = page.content.text
    assert text.startswith("Harbour reopens\n") and kept in text
    assert "Ships sailed." in text and "Most viewed" in text  # the whole main: nothing lost
    assert "Menu" not in text and "Foot" not in text


def test_a_main_with_a_headline_after_its_article_is_read_whole() -> None:
    page = read_page(
        "<main><article><p>Teaser.</p></article><h1>The story</h1><ul><li>Point</li></ul></main>"
    )
    assert page.content.text == "Teaser.\nThe story\nPoint"


def test_a_main_with_its_headline_before_its_one_article_keeps_the_headline() -> None:
    page = read_page(
        "<main><h1>Harbour reopens</h1><article><p>Ships sailed.</p></article>"
        "<aside><h2>Related</h2><ul><li>Port strike</li></ul></aside></main>"
    )
    assert blocks(page.content) == [
        (BlockKind.HEADING, "Harbour reopens"),
        (BlockKind.PARAGRAPH, "Ships sailed."),
    ]


def test_a_main_whose_one_article_has_no_words_is_read_as_the_main() -> None:
    page = read_page(
        "<nav>Menu</nav><main><article id=app></article><h2>Most viewed</h2>"
        "<ul><li>Weather</li></ul></main><footer>Foot</footer>"
    )
    assert page.content.text == "Most viewed\nWeather"  # filled in by scripts: not the article


def test_words_after_a_heading_closed_by_another_headings_end_tag_are_beside() -> None:
    page = read_page(
        "<main><article><p>Story.</p></article><h2>Related</h3><p>A lead paragraph.</p></main>"
    )
    assert page.content.text == "Story.\nRelated\nA lead paragraph."


def test_a_headlines_block_keeps_no_menus_forms_or_lists() -> None:
    page = read_page(
        "<header><h1>The Daily Ledger</h1><ul><li>World</li><li>Sport</li></ul>"
        "<nav>Sections</nav><p class=dek>Port workers walk out</p>"
        "<form><p>Search</p></form></header><article><p>Story.</p></article>"
    )
    assert page.content.text == "The Daily Ledger\nPort workers walk out\nStory."


@pytest.mark.parametrize(
    "page",
    [  # an element that holds the article too: its words are the page's
        "<div id=page><h1>Title</h1><p>Subscribe now</p><main><p>Story.</p></main></div>",
        "<body><h1>Title</h1><p>Subscribe now</p><article><p>Story.</p></article></body>",
        "<nav><h1>Title</h1><a href=/>Subscribe now</a></nav><main><p>Story.</p></main>",
    ],
)
def test_only_the_headline_is_kept_when_its_block_is_the_pages(page: str) -> None:
    assert read_page(page).content.text == "Title\nStory."


def test_a_headline_left_open_before_the_article_ends_where_the_article_begins() -> None:
    page = read_page("<p>Menu</p><h1>Title<main><p>Story.</p></main><p>Foot</p>")
    assert blocks(page.content) == [
        (BlockKind.HEADING, "Title"),
        (BlockKind.PARAGRAPH, "Story."),
    ]


def test_an_article_with_its_own_headline_takes_none_from_before_it() -> None:
    page = read_page("<h1>Site name</h1><nav>Menu</nav><main><h1>Title</h1><p>Story.</p></main>")
    assert page.content.text == "Title\nStory."


def test_a_main_in_a_script_or_a_template_is_not_the_pages() -> None:
    page = read_page(
        "<nav>Menu</nav><template><main><p>Later</p></main></template>"
        "<script>document.write('<main>')</script><p>Story.</p><footer>Foot</footer>"
    )
    assert page.content.text == "Menu\nStory.\nFoot"
    assert not page.main_only


def test_a_main_with_no_words_leaves_the_page_whole() -> None:
    page = read_page("<nav>Menu</nav><main id=app></main><noscript>x</noscript><p>Story.</p>")
    assert page.content.text == "Menu\nStory."
    assert not page.main_only


def test_a_page_that_is_all_main_is_not_said_to_have_left_anything_out() -> None:
    page = read_page("<html><head><title>T</title></head><body><main><p>Story.</p></main>")
    assert page.content.text == "Story."
    assert not page.main_only


def test_a_page_without_main_or_article_is_read_as_before() -> None:
    text = "<nav>Menu</nav><div><p>Story</p></div><aside>Fact</aside><footer>By</footer>"
    page = read_page(text)
    assert page.content.text == "Menu\nStory\nFact\nBy"
    assert not page.main_only


def test_raw_html_in_markdown_is_read_whole() -> None:
    fragment = "<nav>Menu</nav><main><p>Story</p></main><footer>By</footer>"
    assert parse_html(fragment, fragment=True).text == "Menu\nStory\nBy"


@pytest.mark.parametrize("sign", ["↩", "↩\ufe0e", "↩\ufe0f", "↑", "^", " ↩ "])
def test_a_footnotes_link_back_to_its_marker_is_left_out(sign: str) -> None:
    article = parse_html(
        f'<p>Talks began.<sup id="r1"><a href="#fn1">1</a></sup></p>'
        f'<ol><li id="fn1">A note. <a href="#r1">{sign}</a></li>'
        f'<li id="fn2"><a href="#r2"><sup>{sign}</sup></a> Another note.</li></ol>'
    )
    assert blocks(article)[1:] == [
        (BlockKind.HEADING, "Notes"),
        (BlockKind.ITEM, "A note."),
        (BlockKind.ITEM, "Another note."),
    ]


@pytest.mark.parametrize(
    ("link", "shows"),
    [
        ('<a href="#sec2">^ See below</a>', "^ See below"),  # words, not a sign alone
        ('<a href="https://example.org/">↩</a>', "↩"),  # not a place in the page
        ('<a href="#fn1">1</a>', "1"),
        ('<a href="#x"></a>', ""),
    ],
)
def test_other_links_keep_their_text(link: str, shows: str) -> None:
    assert parse_html(f"<p>Before {link} after</p>").text == " ".join(
        f"Before {shows} after".split()
    )


def test_the_import_message_names_the_pages_read_as_their_main_article(
    tmp_path: Path,
) -> None:
    (tmp_path / "news.html").write_text(NEWS, encoding="utf-8")
    (tmp_path / "plain.html").write_text("<p>All of it.</p>", encoding="utf-8")
    project = tmp_path / "p.diptych"
    out = io.StringIO()
    files = [str(tmp_path / "news.html"), str(tmp_path / "plain.html")]
    assert main(["import", str(project), *files], stdout=out, stderr=out) == 0
    said = out.getvalue()
    assert (
        "# news.html was read as the page's main article: its navigation, header and footer "
        "were left out." in said
    )
    assert "plain.html was read" not in said


def test_update_from_a_newer_file_reads_the_page_with_the_same_rule(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text("<p>Draft.</p>", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert main(["import", str(project), str(path)], stdout=io.StringIO()) == 0
    path.write_text(NEWS, encoding="utf-8")
    out = io.StringIO()
    assert main(["reimport", str(project), "1", str(path)], stdout=out, stderr=out) == 0
    assert "news.html was read as the page's main article" in out.getvalue()
    with Project.open(project) as opened:
        article = opened.articles.get(article_id=1)
    assert article.text.startswith("Port strike cripples exports\n")
    assert left_in(article.content) == []
    assert article.original_text == NEWS
    assert read_article_file(path).main_only


def test_notes_name_several_pages_at_once() -> None:
    [note] = reading_notes([], window=True, main_only=["a.html", "b.html"])
    assert note == (
        "a.html, b.html were read as their pages' main articles: their navigation, headers "
        "and footers were left out."
    )


def test_a_page_left_out_as_already_imported_is_not_named(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.html").write_text(NEWS, encoding="utf-8")
    project = tmp_path / "p.diptych"
    out = io.StringIO()
    files = [str(tmp_path / "a" / "news.html"), str(tmp_path / "b" / "news.html")]
    assert main(["import", str(project), *files], stdout=out, stderr=out) == 0
    said = out.getvalue()
    assert said.count("news.html was read as the page's main article") == 1
    assert "were read as their pages' main articles" not in said
    out = io.StringIO()
    assert main(["import", str(project), files[0]], stdout=out, stderr=out) == 0
    assert "main article" not in out.getvalue()  # nothing added, nothing to say of it


def test_menus_and_forms_inside_the_article_are_left_out_with_their_words() -> None:
    page = read_page(
        "<html><body><nav>Site menu</nav><article><h1>Harbour reopens</h1>"
        '<nav class="toc"><ol><li><a href="#a">Background</a><li>Outlook</ol></nav>'
        "<p>Ships sailed at dawn.</p>"
        '<div class="signup"><form action="/subscribe"><p>Get our newsletter</p>'
        '<input type="email"><button>Sign up</button></form></div>'
        "<p>Cargo <b>volumes</b> rose.</p>"
        # A form left open ends with the element around it, not with the article.
        "<div><form><label>Comment</label></div><p>The port expects more.</p>"
        "</article></body></html>"
    )
    assert page.main_only
    assert blocks(page.content) == [
        (BlockKind.HEADING, "Harbour reopens"),
        (BlockKind.PARAGRAPH, "Ships sailed at dawn."),
        (BlockKind.PARAGRAPH, "Cargo volumes rose."),
        (BlockKind.PARAGRAPH, "The port expects more."),
    ]


def test_a_page_read_whole_keeps_its_menus_and_forms() -> None:
    page = read_page("<p>Intro</p><nav>Contents</nav><form><p>Search the site</p></form>")
    assert not page.main_only
    assert [text for _kind, text in blocks(page.content)] == [
        "Intro",
        "Contents",
        "Search the site",
    ]


def test_a_list_of_footnotes_after_a_heading_of_its_own_gets_no_other() -> None:
    marked = '<p>Talks began.<sup><a href="#n1">1</a></sup> More.<sup><a href="#n2">2</a></sup></p>'
    notes = '<ol><li id="n1">First source.</li><li id="n2">Second source.</li></ol>'
    own = parse_html(f"{marked}<h2>References</h2><section>{notes}</section>")
    assert [text for kind, text in blocks(own) if kind is BlockKind.HEADING] == ["References"]
    # A list whose items no marker points to is not a list of notes.
    plain = parse_html("<p>Steps:</p><ol><li id='s1'>One</li><li>Two</li></ol>")
    assert [kind for kind, _ in blocks(plain)] == [BlockKind.PARAGRAPH, *[BlockKind.ITEM] * 2]
    # Nor is a numbered list the text points to without a raised marker.
    linked = parse_html("<p>See <a href='#s1'>the steps</a>.</p><ol><li id='s1'>One</li></ol>")
    assert BlockKind.HEADING not in [kind for kind, _ in blocks(linked)]
