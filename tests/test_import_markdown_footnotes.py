"""Footnotes in Markdown articles: a reference shows as the note's number raised, and the
notes are gathered at the end under "Notes", numbered in the order first referred to."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.document import ArticleText, BlockKind, SpanStyle, check_layout
from diptych.storage.import_markdown import parse_markdown
from diptych.storage.importing import parse_article
from diptych.storage.search_folding import indexed_form


def shown(article: ArticleText) -> list[tuple[BlockKind, int, int, str]]:
    return [(b.kind, b.level, b.number, article.text[b.start : b.end]) for b in article.blocks]


ARTICLE = """# Tariffs

Tariffs rose[^early] and fell.[^late] They rose again[^early][^late].

[^late]: After the *war*.
[^early]: In 1930.

    The act was named for two senators.

The end.
"""


def test_references_are_raised_numbers_and_the_notes_come_last() -> None:
    article = parse_markdown(ARTICLE)
    check_layout(article)
    assert article.text == (
        "Tariffs\n"
        "Tariffs rose¹ and fell.² They rose again¹,².\n"
        "The end.\n"
        "Notes\n"
        "In 1930.\n"
        "The act was named for two senators.\n"
        "After the war."
    )
    assert shown(article)[3:] == [
        (BlockKind.HEADING, 2, 0, "Notes"),
        (BlockKind.ITEM, 1, 1, "In 1930."),  # numbered as first referred to, not as written
        (BlockKind.PARAGRAPH, 0, 0, "The act was named for two senators."),
        (BlockKind.ITEM, 1, 2, "After the war."),
    ]
    war = article.text.index("war")
    assert (war, war + 3, SpanStyle.EMPHASIS, "") in [s for b in article.blocks for s in b.spans]


def test_a_raised_number_is_read_by_search_as_a_word_of_its_own() -> None:
    article = parse_markdown(ARTICLE)
    assert "rose 1 and fell.2 they rose again 1,2" in indexed_form(article.text)


def test_an_undefined_reference_stays_the_text_it_is() -> None:
    article = parse_markdown("As said[^x] before, and [^ y] and [^].\n\n[^z]: A note.")
    assert article.text.splitlines()[0] == "As said[^x] before, and [^ y] and [^]."
    # a note nobody refers to keeps its words, numbered after the others
    assert shown(article)[1:] == [
        (BlockKind.HEADING, 2, 0, "Notes"),
        (BlockKind.ITEM, 1, 1, "A note."),
    ]


def test_labels_match_without_regard_to_case() -> None:
    article = parse_markdown("Word[^Note].\n\n[^note]: Its note.")
    assert article.text == "Word¹.\nNotes\nIts note."


def test_notes_go_under_the_articles_own_last_heading() -> None:
    article = parse_markdown("Text[^1].\n\n## Sources\n\n[^1]: A source.\n")
    assert shown(article) == [
        (BlockKind.PARAGRAPH, 0, 0, "Text¹."),
        (BlockKind.HEADING, 2, 0, "Sources"),
        (BlockKind.ITEM, 1, 1, "A source."),
    ]


def test_a_definition_is_no_definition_inside_code() -> None:
    article = parse_markdown("Text[^1]\n\n```\n[^1]: in code\n```\n\n    [^1]: indented code")
    assert article.text == "Text[^1]\n[^1]: in code\n[^1]: indented code"


def test_markdown_without_footnotes_reads_as_before() -> None:
    article = parse_markdown("# A\n\nText [1] and [^] and ^1.\n\n- [x] done\n")
    assert article.text == "A\nText [1] and [^] and ^1.\n[x] done"
    assert "Notes" not in article.text


def test_the_notes_heading_never_names_the_article() -> None:
    source = b"Words of an article without headings.[^1]\n\n[^1]: Its note.\n"
    assert parse_article(source, name="Trade report.md").title == "Trade report"
    titled = b"# Trade\n\nWords[^1].\n\n[^1]: Its note.\n"
    assert parse_article(titled, name="report.md").title == "Trade"


_LABELS = st.sampled_from(["1", "2", "a", "B", "note"])


@st.composite
def footnoted(draw: st.DrawFn) -> tuple[str, list[str], dict[str, str]]:
    """An article of paragraphs with references, and definitions between them."""
    refs: list[str] = []
    defined: dict[str, str] = {}
    parts: list[str] = []
    for index in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            label = draw(_LABELS)
            if label.casefold() not in defined:
                defined[label.casefold()] = f"note{index}"
                parts.append(f"[^{label}]: note{index}")
                continue
        labels = draw(st.lists(_LABELS, max_size=3))
        refs += [label.casefold() for label in labels]
        parts.append(f"word{index}" + "".join(f"[^{label}]" for label in labels) + " end.")
    return "\n\n".join(parts), refs, defined


@settings(max_examples=150, deadline=None)
@given(footnoted())
def test_notes_are_numbered_in_order_of_first_reference(
    case: tuple[str, list[str], dict[str, str]],
) -> None:
    source, refs, defined = case
    article = parse_markdown(source)
    check_layout(article)
    referred = [label for label in dict.fromkeys(refs) if label in defined]
    order = referred + [label for label in defined if label not in referred]
    items = [(b.number, article.text[b.start : b.end]) for b in article.blocks[-len(order) :]]
    if order:
        assert items == [(n, defined[label]) for n, label in enumerate(order, 1)]
    assert ("Notes\n" in article.text) == bool(order)
    for label in {*refs} - set(defined):
        assert f"[^{label}" in article.text.casefold()  # undefined: kept as written
    assert "]:" not in article.text
