"""Hard-wrapped plain text (wire copy, e-mail, pdftotext output) reads as its paragraphs:
the lines of one are joined with a space, and only a short line standing alone between
blank lines may be a heading, never a byline, a date or a figure. Articles imported
before keep their passages when updated from the file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.document import ArticleText, BlockKind, check_layout
from diptych.storage.exporting_snapshot import SectionIndex
from diptych.storage.import_text import _TextReader, looks_like_heading, parse_text
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

WIRE = """Grain deal talks stall

Officials from Turkey and the United Nations met on Monday in
Istanbul to revive the deal. Diplomats said that Russia would
Not return before its own exports were eased, and that the
European Union had offered a new payment channel via a
Luxembourg subsidiary of the Russian Agricultural Bank.
"""
NEWS = """Ukraine grain deal collapses

By John Smith
Reuters
12 July 2023

KYIV - Russia quit the Black Sea grain deal on Monday, officials said. The move sent wheat \
prices up by 8% in Chicago.

Key figures
32.9 million tonnes shipped
1,000 voyages

The United Nations said it regretted the decision.
"""
TALE = """A Tale

It was the best of times, it was the worst of times, it was
the age of wisdom, it was the age of foolishness, it was the
epoch of belief, it was the epoch of incredulity, it was the
season of Light, it was the season of Darkness.

Exports

There were a king with a large jaw and a queen with a plain
face, on the throne of England; there were a king with a
large jaw and a queen with a fair face, on the throne of
France. The list of those who came:
- a king with a large jaw and a queen with a plain face, who
  came by sea
- a king with a large jaw

  Indented line one
  Indented line two

Port\tTonnes\tShips
Odesa\t12\t40

Yours sincerely,
John Smith
"""


def shown(article: ArticleText) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def old_reading(text: str) -> ArticleText:
    """The text read as before: every line its own paragraph or heading."""
    reader = _TextReader()
    for line in text.split("\n"):
        reader.feed(line)
    return reader.finish()


def test_a_wrapped_paragraph_is_one_paragraph_under_its_title() -> None:
    article = parse_text(WIRE)
    check_layout(article)
    body = " ".join(WIRE.split("\n\n")[1].split())
    assert shown(article) == [
        (BlockKind.HEADING, "Grain deal talks stall"),
        (BlockKind.PARAGRAPH, body),
    ]


def test_a_passage_in_a_wrapped_paragraph_is_under_the_title() -> None:
    article = parse_text(WIRE)
    headings = [(b.start, b.end) for b in article.blocks if b.kind is BlockKind.HEADING]
    index = SectionIndex.of_headings(article.text, headings, title="wire")
    assert index.at(article.text.index("payment channel")) == "Grain deal talks stall"


def test_bylines_dates_and_figures_are_no_headings() -> None:
    article = parse_text(NEWS)
    assert [h.text for h in article.outline()] == ["Ukraine grain deal collapses"]
    assert (BlockKind.PARAGRAPH, "12 July 2023") in shown(article)
    assert (BlockKind.PARAGRAPH, "1,000 voyages") in shown(article)


@pytest.mark.parametrize(
    "line",
    [
        "By John Smith",
        "BY JANE DOE AND JOHN SMITH",
        "12 July 2023",
        "July 12, 2023",
        "Monday, 3rd March 2025",
        "2023-07-12",
        "12.07.2023 14:30",
        "March 2024",
        "1,000 voyages",
        "32.9 million tonnes shipped",
        "Port\tTonnes\tShips",
    ],
)
def test_lines_that_are_no_headings(line: str) -> None:
    assert not looks_like_heading(line)


@pytest.mark.parametrize("line", ["By the Numbers", "3 Results", "2026 in Review", "May Day"])
def test_lines_that_still_look_like_headings(line: str) -> None:
    assert looks_like_heading(line)


def test_wrapped_paragraphs_items_and_set_apart_lines() -> None:
    article = parse_text(TALE)
    check_layout(article)
    assert shown(article) == [
        (BlockKind.HEADING, "A Tale"),
        (BlockKind.PARAGRAPH, " ".join(TALE.split("\n\n")[1].split())),
        (BlockKind.HEADING, "Exports"),
        (
            BlockKind.PARAGRAPH,
            "There were a king with a large jaw and a queen with a plain face, on the throne"
            " of England; there were a king with a large jaw and a queen with a fair face,"
            " on the throne of France. The list of those who came:",
        ),
        (BlockKind.ITEM, "a king with a large jaw and a queen with a plain face, who came by sea"),
        (BlockKind.ITEM, "a king with a large jaw"),
        (BlockKind.PARAGRAPH, "Indented line one"),
        (BlockKind.PARAGRAPH, "Indented line two"),
        (BlockKind.PARAGRAPH, "Port\tTonnes\tShips"),
        (BlockKind.PARAGRAPH, "Odesa\t12\t40"),
        (BlockKind.PARAGRAPH, "Yours sincerely,"),
        (BlockKind.PARAGRAPH, "John Smith"),
    ]


def test_a_page_of_pdftotext_output_reads_as_its_paragraphs() -> None:
    page = (
        "1 Introduction\n\n"
        "Shipping through the Black Sea fell by a third in the year to\n"
        "June, as insurers raised their premiums and owners kept their\n"
        "ships away from the war zone.\n\n"
        "2 Methods\n\n"
        "We counted the voyages recorded by the Joint Coordination Centre\n"
        "and compared them with the figures the port authorities gave.\n\f"
    )
    article = parse_text(page)
    assert [h.text for h in article.outline()] == ["1 Introduction", "2 Methods"]
    assert len(article.blocks) == 4


def test_the_quoted_lines_of_a_mail_are_not_run_together() -> None:
    mail = (
        "Thanks for the figures you sent on Monday. We will use them in\n"
        "the report, and I will send you the draft before it goes out to\n"
        "the ministry.\n\n"
        "> Shipping through the Black Sea fell by a third in the year to\n"
        "> June, as insurers raised their premiums and owners kept away.\n"
    )
    article = parse_text(mail)
    assert [article.text[b.start : b.end] for b in article.blocks] == [
        "Thanks for the figures you sent on Monday. We will use them in the report, and I"
        " will send you the draft before it goes out to the ministry.",
        "> Shipping through the Black Sea fell by a third in the year to",
        "> June, as insurers raised their premiums and owners kept away.",
    ]


def test_a_heading_right_above_a_list_or_a_table_stands_alone() -> None:
    text = (
        "The report was published on Monday.\n\n"
        "Recommendations\n- Talk more\n- Ship more\n\n"
        "Figures\n| Port | Ships |\n|---|---|\n| Odesa | 40 |\n\n"
        "By Jane Doe\n- a list after a byline\n\n"
        "The end of the report, as it was published.\n"
    )
    assert [h.text for h in parse_text(text).outline()] == ["Recommendations", "Figures"]


def test_lines_of_one_paragraph_each_are_read_as_before() -> None:
    text = (
        "Officials met in Istanbul on Monday to talk about the grain deal once more.\n"
        "Diplomats said that Russia would not return before its exports were eased.\n\n"
        "Talks\n"
        "The European Union offered a payment channel via a subsidiary in Luxembourg.\n"
        "Ankara said more talks would follow next week, possibly in the same place.\n"
    )
    article = parse_text(text)
    assert article == old_reading(text)
    assert [h.text for h in article.outline()] == ["Talks"]


_LINE = st.text(alphabet="abcdefgh XYZ.,-|\t1", min_size=0, max_size=90)


@settings(max_examples=200)
@given(st.lists(_LINE, max_size=30))
def test_any_lines_give_a_valid_layout_and_keep_their_words(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = parse_text(text)
    check_layout(article)
    assert article.text.split() == old_reading(text).text.split()  # in the same order


def test_an_article_read_line_by_line_keeps_its_passages_when_updated(tmp_path: Path) -> None:
    parsed = parse_article(WIRE.encode(), name="wire.txt")
    before = dataclasses.replace(parsed, content=old_reading(WIRE))
    quotes = ["payment channel", "in\nIstanbul to revive", "Russian Agricultural Bank"]
    with Project.open(tmp_path / "p.diptych", create=True) as project:
        article_id = project.articles.add(parsed=before).id
        text = project.articles.get(article_id=article_id).text
        for quote in quotes:
            start = text.index(quote)
            project.annotations.add(article_id=article_id, start=start, end=start + len(quote))
        report = project.articles.replace_text(article_id=article_id, parsed=parsed)
        assert report.orphaned == 0
        text = project.articles.get(article_id=article_id).text
        found = sorted((p.start, text[p.start : p.end]) for p in project.annotations.query())
    assert [quote for _, quote in found] == [
        "in Istanbul to revive",
        "payment channel",
        "Russian Agricultural Bank",
    ]
