"""Superscripts and subscripts in web pages and in a Markdown article's HTML keep their
meaning in the text's own characters: "10<sup>6</sup> tonnes" reads "10⁶ tonnes", never
"106 tonnes", and passages quote it so."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.document import ArticleText, SpanStyle, check_layout
from diptych.storage.importing import parse_article
from diptych.storage.raised_text import written

FIGURES = [
    ("10<sup>6</sup> tonnes", "10⁶ tonnes"),
    ("x<sup>-1</sup>", "x⁻¹"),
    ("x<sup>\u22121</sup>", "x⁻¹"),
    ("E=mc<sup>2</sup>", "E=mc²"),
    ("H<sub>2</sub>O", "H₂O"),
    ("C<sub>(2)</sub>", "C₍₂₎"),
    ("x<sup>n+1</sup>", "xⁿ⁺¹"),
    ("e<sup>i</sup>", "eⁱ"),
    ("x<sup>(n=2)</sup>", "x⁽ⁿ⁼²⁾"),
    ("2<sup> 10 </sup>", "2 ¹⁰"),  # the spaces round it stay
]
ORDINALS = [
    ("the 5<sup>th</sup> round", "the 5th round"),
    ("the 2<sup>nd</sup> and 3<sup>RD</sup>", "the 2nd and 3RD"),
    ("le 1<sup>er</sup> mai", "le 1er mai"),
    ("le XIX<sup>e</sup> siècle", "le XIXe siècle"),
    ("M<sup>me</sup> Curie", "Mme Curie"),
    ("il 1<sup>o</sup> posto", "il 1º posto"),  # the ordinal indicators
    ("n<sup>o</sup> 5", "nº 5"),
    ("12<sup>bis</sup> rue", "12bis rue"),
]
MARKED = [
    ("10<sup>abc</sup>", "10^abc"),
    ("x<sup>a+b</sup> y", "x^(a+b) y"),
    ("x<sup>a</sup>", "x^a"),
    ("v<sub>max</sub>", "v_max"),
    ("x<sub>i+1</sub>", "x_(i+1)"),
    ("10<sup>-a</sup>", "10^(-a)"),
    ("10<sup>a <b> b</b></sup>", "10^(a b)"),  # its spaces shown as one, as elsewhere
    # a note's letter after a word is a marker, in brackets
    ("Ann Smith<sup>a</sup> and Bo Li<sup>b</sup>", "Ann Smith[a] and Bo Li[b]"),
    # what stands apart already stays as it is
    ("10 <sup>abc</sup>", "10 abc"),
    ("10<sup>*</sup>", "10*"),
    ("the report<sup>[3]</sup>.", "the report[3]."),
    ("<sup>a</sup> first note", "a first note"),
    # small print set raised is spaced from the word, not marked
    ("Price<sup>offer ends on Sunday</sup>", "Price offer ends on Sunday"),
]


def html_text(markup: str) -> ArticleText:
    article = parse_article(f"<p>{markup}</p>".encode(), name="page.html").content
    check_layout(article)
    return article


def markdown_text(markup: str) -> ArticleText:
    article = parse_article(f"{markup}\n".encode(), name="note.md").content
    check_layout(article)
    return article


@pytest.mark.parametrize("read", [html_text, markdown_text], ids=["html", "markdown"])
@pytest.mark.parametrize(("markup", "text"), FIGURES + ORDINALS + MARKED)
def test_a_superscript_or_subscript_never_runs_into_the_number_before_it(
    read: object, markup: str, text: str
) -> None:
    assert callable(read)
    assert read(markup).text == text


def test_the_testers_page_reads_as_a_browser_shows_it() -> None:
    page = (
        "<html><head><title>Sup test</title></head><body><article><h1>Emissions report</h1>"
        "<p>The plant emitted 10<sup>6</sup> tonnes of CO<sub>2</sub> over 3 km<sup>2</sup>,"
        " said the report<sup>[3]</sup>.</p>"
        "<p>Growth was 2<sup>nd</sup> highest; x<sup>-1</sup> rate.</p></article></body></html>"
    )
    article = parse_article(page.encode(), name="sup.html")
    assert article.content.text.split("\n") == [
        "Emissions report",
        "The plant emitted 10⁶ tonnes of CO₂ over 3 km², said the report[3].",
        "Growth was 2nd highest; x⁻¹ rate.",
    ]


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        # a footnote marker after a word stays in brackets, a word of its own
        ('began<sup><a href="#fn1">1</a></sup> on', "began[1] on"),
        ("began<sup>1</sup> on", "began[1] on"),
        ('in 2019<sup><a href="#fn1">1</a></sup>', "in 2019[1]"),  # linked to its note
        # a number raised after a number, a unit or a symbol is no marker: it is raised
        ("10<sup>6</sup> tonnes in 20 m<sup>2</sup>", "10⁶ tonnes in 20 m²"),
    ],
)
def test_a_web_pages_footnote_marker_stays_in_brackets(markup: str, text: str) -> None:
    assert html_text(markup).text == text


def test_a_markdown_articles_raw_footnote_reference_is_raised_as_its_own_notes_are() -> None:
    article = markdown_text('Talks began<sup><a href="#fn1">1</a></sup> and[^1] ended.\n\n[^1]: A')
    assert article.text.split("\n")[0] == "Talks began¹ and¹ ended."


@pytest.mark.parametrize("read", [html_text, markdown_text], ids=["html", "markdown"])
def test_a_raised_link_or_style_keeps_its_span(read: object) -> None:
    assert callable(read)
    article = read(
        'Area 3 km<sup><a href="https://example.org/km2">2</a></sup>, x<sup><b>ab</b></sup>'
    )
    assert article.text == "Area 3 km², x^ab"
    spans = [(article.text[s.start : s.end], s.style) for b in article.blocks for s in b.spans]
    assert spans == [("²", SpanStyle.LINK), ("^ab", SpanStyle.STRONG)]


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>Rate 10<sup>abc and more</p><p>Next</p>", "Rate 10abc and more\nNext"),
        ("<p>Rate 10<sup>-3<p>Next</p>", "Rate 10⁻³\nNext"),
        ("<p>CO<sub>2", "CO₂"),
    ],
)
def test_one_left_open_loses_no_words_and_adds_none(page: str, text: str) -> None:
    assert parse_article(page.encode(), name="page.html").content.text == text


def test_the_form_is_decided_on_the_whole_of_it() -> None:
    form = written("n+1", "sup", "x")
    assert form.apply(["n", "+1"]) == ["ⁿ", "⁺¹"]  # each piece in its run, raised alike
    form = written("a+b ", "sup", "x")
    assert form.apply(["a", "+b "]) == ["^(a", "+b) "]  # the closing bracket before the space
    assert written("ni", "sub", "x").apply(["ni"]) == ["_ni"]  # no lowered n or i here


def test_a_passage_quotes_and_exports_the_raised_figure(tmp_path: Path) -> None:
    page = tmp_path / "emissions.html"
    page.write_text("<h1>Emissions</h1><p>The plant emitted 10<sup>6</sup> tonnes.</p>")
    project = tmp_path / "p.diptych"
    out = io.StringIO()
    assert main(["import", str(project), str(page)], stdout=out, stderr=out) == 0
    quote = ["--quote", "10⁶ tonnes", "--tag", "Figures"]
    assert main(["annotate", str(project), "1", *quote], stdout=out, stderr=out) == 0, out
    exported = tmp_path / "notes.csv"
    assert main(["export", str(project), "-o", str(exported)], stdout=out, stderr=out) == 0
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert [row["quote"] for row in rows] == ["10⁶ tonnes"]
