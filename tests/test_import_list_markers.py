"""Ordered lists keep how a browser numbers them: letters and roman numerals, counting
down, numbers set on an item, a start other than 1. Markers are display, never words of the
text: a passage in a list keeps its offsets. A term's definitions (``<dl>``, and Markdown's
``Term`` / ``: Definition``) stand indented under it."""

from __future__ import annotations

import pytest

from diptych.storage.document import (
    ArticleText,
    Block,
    BlockKind,
    blocks_from_json,
    blocks_to_json,
    check_layout,
)
from diptych.storage.import_html import parse_html
from diptych.storage.import_markdown import parse_markdown


def items(article: ArticleText) -> list[tuple[int, str, str]]:
    """(number, marker, text) of each list item."""
    check_layout(article)
    return [
        (b.number, b.marker, article.text[b.start : b.end])
        for b in article.blocks
        if b.kind is BlockKind.ITEM
    ]


@pytest.mark.parametrize("marker", ["a", "A", "i", "I", "1"])
def test_an_ordered_lists_type_is_its_marker(marker: str) -> None:
    article = parse_html(f'<ol type="{marker}"><li>Alpha</li><li>Beta</li></ol>')
    assert items(article) == [(1, marker, "Alpha"), (2, marker, "Beta")]
    assert article.text == "Alpha\nBeta"  # the marker is not a word of the text


@pytest.mark.parametrize(
    ("style", "marker"),
    [
        ("list-style-type: lower-alpha", "a"),
        ("list-style-type:upper-latin", "A"),
        ("LIST-STYLE: lower-roman inside", "i"),
        ("color: red; list-style-type: upper-roman", "I"),
        ("list-style-type: decimal", "1"),
    ],
)
def test_an_inline_list_style_type_is_its_marker(style: str, marker: str) -> None:
    article = parse_html(f'<ol type="1" style="{style}"><li>Alpha</li></ol>')
    assert items(article) == [(1, marker, "Alpha")]


def test_an_items_own_type_marks_that_item_alone() -> None:
    article = parse_html('<ol type="a"><li>One</li><li type="I">Two</li><li>Three</li></ol>')
    assert items(article) == [(1, "a", "One"), (2, "I", "Two"), (3, "a", "Three")]


def test_a_plain_ordered_list_and_a_start_number() -> None:
    article = parse_html('<ol><li>One</li></ol><p>Then</p><ol start="5"><li>Five<li>Six</ol>')
    assert items(article) == [(1, "1", "One"), (5, "1", "Five"), (6, "1", "Six")]


def test_a_list_starting_at_zero_or_below_is_still_numbered() -> None:
    article = parse_html('<ol start="0"><li>Zero<li>One</ol><ol start="-2"><li>Minus two</ol>')
    assert items(article) == [(0, "1", "Zero"), (1, "1", "One"), (-2, "1", "Minus two")]


def test_a_reversed_list_counts_down_from_its_number_of_items() -> None:
    article = parse_html(
        "<ol reversed><li>Three<li>Two<li><ol><li>Inner</ol>One</ol>"
        '<p>Then</p><ol reversed start="10"><li>Ten</li><li>Nine</li></ol>'
    )
    assert items(article) == [
        (3, "1", "Three"),
        (2, "1", "Two"),
        (1, "1", "Inner"),  # a list of its own, inside the last item
        (1, "1", "One"),
        (10, "1", "Ten"),
        (9, "1", "Nine"),
    ]


def test_a_reversed_list_written_with_xhtmls_prefix_counts_down_as_well() -> None:
    article = parse_html(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:body>'
        '<x:ol reversed="reversed"><x:li>Three</x:li><x:li>Two</x:li>'
        "<x:li><x:ol><x:li>Inner</x:li></x:ol>One</x:li></x:ol>"
        '<x:p>Then</x:p><x:ol reversed="reversed" start="10"><x:li>Ten</x:li></x:ol>'
        '<w:ol xmlns:w="urn:other" reversed=""><x:li>Other</x:li></w:ol>'
        "</x:body></x:html>"
    )
    assert items(article) == [
        (3, "1", "Three"),
        (2, "1", "Two"),
        (1, "1", "Inner"),
        (1, "1", "One"),
        (10, "1", "Ten"),
        (0, "", "Other"),  # not a list of XHTML's: an item of no list
    ]


def test_a_reversed_list_left_open_counts_its_items_to_the_end() -> None:
    article = parse_html("<ol reversed type=i><li>Two<li>One")
    assert items(article) == [(2, "i", "Two"), (1, "i", "One")]


def test_a_reversed_list_counts_only_its_own_items() -> None:
    article = parse_html(
        '<script>"<ol reversed><li>x"</script><!-- <ol reversed><li>y -->'
        "<p>A &amp; B</p><ol reversed><li>Two<![CDATA[<li>]]><li>One"
        "<ul><li>Dot<li>Dot</ul></ol><ol reversed></ol><ol reversed><li>Alone</ol>"
    )
    assert [(number, text) for number, _, text in items(article)] == [
        (2, "Two<li>"),  # a CDATA section is text
        (1, "One"),
        (0, "Dot"),
        (0, "Dot"),
        (1, "Alone"),
    ]


def test_an_items_value_numbers_it_and_those_after_it() -> None:
    article = parse_html(
        '<ol><li>One<li>Two<li value="10">Ten<li>Eleven</ol>'
        '<ol reversed><li>Three<li value="7">Seven<li>Six</ol>'
    )
    assert items(article) == [
        (1, "1", "One"),
        (2, "1", "Two"),
        (10, "1", "Ten"),
        (11, "1", "Eleven"),
        (3, "1", "Three"),
        (7, "1", "Seven"),
        (6, "1", "Six"),
    ]


def test_bullets_have_no_marker_of_their_own() -> None:
    article = parse_html('<ul type="a"><li>Dot</li></ul>')
    assert items(article) == [(0, "", "Dot")]


@pytest.mark.parametrize(
    "style",
    ["list-style-type: none", "LIST-STYLE: none inside", "list-style: square; list-style: none"],
)
def test_an_inline_list_style_of_none_shows_no_marker(style: str) -> None:
    article = parse_html(
        f'<ol style="{style}"><li>One<li>Two</ol><p>Then</p><ul style="{style}"><li>Dot</ul>'
    )
    assert items(article) == [(1, "none", "One"), (2, "none", "Two"), (0, "none", "Dot")]


def test_an_items_own_list_style_says_whether_it_has_a_marker() -> None:
    article = parse_html(
        '<ul><li style="list-style-type:none">Bare<li>Dot</ul>'
        '<p>Then</p><ul style="list-style:none"><li style="list-style:circle">Ring<li>Bare'
        "<ul><li>Inner</ul></ul>"  # a list inside is styled as a browser styles any list
        '<p>Then</p><ol style="list-style:none"><li style="list-style-type:lower-alpha">Bee</ol>'
    )
    assert items(article) == [
        (0, "none", "Bare"),
        (0, "", "Dot"),
        (0, "", "Ring"),
        (0, "none", "Bare"),
        (0, "", "Inner"),
        (1, "a", "Bee"),
    ]


def test_list_styles_the_importer_does_not_read_from_a_style_sheet() -> None:
    """Google Docs says ``none`` there, drawing its markers itself with ``::before``."""
    article = parse_html(
        '<style>ul.lst-kix_a-0{list-style-type:none}</style><ul class="lst-kix_a-0"><li>Dot</ul>'
    )
    assert items(article) == [(0, "", "Dot")]


def test_markdown_ordered_lists_number_from_their_first_item() -> None:
    article = parse_markdown("5. Five\n6. Six\n\ntext\n\n1. One\n1. Two\n1. Three\n\n0) Zero\n")
    assert items(article) == [
        (5, "1", "Five"),
        (6, "1", "Six"),
        (1, "1", "One"),
        (2, "1", "Two"),
        (3, "1", "Three"),
        (0, "1", "Zero"),
    ]


def test_markers_survive_the_project_file_and_older_articles_read_as_before() -> None:
    article = parse_html('<ol type="A" start="3"><li>C</li></ol><ul><li>Dot</li></ul>')
    assert blocks_from_json(blocks_to_json(article.blocks)) == article.blocks
    older = '{"v":2,"k":["item","item"],"s":[0,2],"e":[1,3],"l":[1,1],"n":[4,4]}'
    assert [(b.number, b.marker) for b in blocks_from_json(older)] == [(4, ""), (4, "")]
    oldest = '[{"k":"item","s":0,"e":1,"l":1,"n":2}]'
    assert blocks_from_json(oldest) == (Block(BlockKind.ITEM, 0, 1, 1, 2),)


def test_html_definitions_stand_indented_under_their_terms() -> None:
    article = parse_html(
        "<dl><dt>Envoy</dt><dd>The chief negotiator.</dd><dt>Tariff</dt>"
        "<dd><p>A tax.</p><dl><dt>Duty</dt><dd>A tariff by another name.</dd></dl></dd></dl>"
        "<p>After</p>"
    )
    check_layout(article)
    assert [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, 0, "Envoy"),
        (BlockKind.PARAGRAPH, 1, "The chief negotiator."),
        (BlockKind.PARAGRAPH, 0, "Tariff"),
        (BlockKind.PARAGRAPH, 1, "A tax."),
        (BlockKind.PARAGRAPH, 1, "Duty"),
        (BlockKind.PARAGRAPH, 2, "A tariff by another name."),
        (BlockKind.PARAGRAPH, 0, "After"),
    ]


def shown(article: ArticleText) -> list[tuple[BlockKind, int, str]]:
    check_layout(article)
    return [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]


def test_markdown_definitions_stand_indented_under_their_terms() -> None:
    article = parse_markdown(
        "Tariff\n: A tax on *imports*,\npaid at the border.\n: A wall.\n\n"
        "Quota\n\n:   A limit.\n\n    Set each year.\n\n"
        "A paragraph\nof two lines\n: with a colon line.\n"
    )
    assert shown(article) == [
        (BlockKind.PARAGRAPH, 0, "Tariff"),
        (BlockKind.PARAGRAPH, 1, "A tax on imports, paid at the border."),
        (BlockKind.PARAGRAPH, 1, "A wall."),
        (BlockKind.PARAGRAPH, 0, "Quota"),
        (BlockKind.PARAGRAPH, 1, "A limit."),
        (BlockKind.PARAGRAPH, 1, "Set each year."),
        (BlockKind.PARAGRAPH, 0, "A paragraph of two lines : with a colon line."),
    ]
    [emphasis] = [s for b in article.blocks for s in b.spans]
    assert article.text[emphasis.start : emphasis.end] == "imports"


def test_colons_that_define_nothing_stay_words_of_their_paragraph() -> None:
    article = parse_markdown(": no term\n\nTerm\n:\n\nKey\n:value\n")
    assert [text for _, _, text in shown(article)] == [": no term", "Term :", "Key :value"]


def test_a_definition_left_open_ends_at_the_next_term_or_definition() -> None:
    article = parse_html(
        "<dl><dt>Term<dd>One<dd>Two<dt>Next<dd>Three<dl><dt>Inner<dd>Four</dl><dd>Five"
        "<dd><div>Six<dd>Seven</div></dl>"
    )
    assert [(level, text) for _, level, text in shown(article)] == [
        (0, "Term"),
        (1, "One"),
        (1, "Two"),
        (0, "Next"),
        (1, "Three"),
        (1, "Inner"),
        (2, "Four"),
        (1, "Five"),
        (1, "Six"),
        (1, "Seven"),
    ]
