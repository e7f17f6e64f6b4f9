"""Lists copied or saved from Word whose bullets and numbers are marked only by their
``mso-list:Ignore`` span (the conditional sections around them taken out, as Word's
clipboard and many editors leave them): list items at their level, with one marker."""

from __future__ import annotations

from visible_words import assert_words_in_order

from diptych.storage.document import ArticleText, BlockKind, SpanStyle, check_layout
from diptych.storage.importing import parse_article

MARKED_LISTS_PAGE = """<html><body>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
</span></span>Gather the <b>figures</b></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span></span>
From the north</p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><span
style='font-family:Wingdings'><span style='mso-list:Ignore'>§<span>&nbsp;&nbsp;</span></span></span>
From the south</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span
style='MSO-LIST: IGNORE'>2.<span>&nbsp;&nbsp;</span></span>Check them</p>
<p class=MsoNormal>Then <span style='mso-list:Ignore'>not a list</span> words.</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span
style='mso-list:Ignore'>b)<span>&nbsp;&nbsp;</span></span>Lettered</p>
</body></html>"""
MARKED_LISTS_SHOW = (
    "Gather the figures From the north From the south Check them Then not a list words. b) Lettered"
)


def parse(page: str) -> ArticleText:
    article = parse_article(page.encode("cp1252", "xmlcharrefreplace"), name="page.htm").content
    check_layout(article)
    return article


def test_a_word_list_marked_by_its_ignored_span_is_a_list_with_one_marker() -> None:
    article = parse(MARKED_LISTS_PAGE)
    assert_words_in_order(MARKED_LISTS_SHOW, article.text)
    shown = [(b.kind, b.level, b.number, article.text[b.start : b.end]) for b in article.blocks]
    assert shown == [
        (BlockKind.ITEM, 1, 1, "Gather the figures"),
        (BlockKind.ITEM, 2, 0, "From the north"),
        (BlockKind.ITEM, 2, 0, "From the south"),
        (BlockKind.ITEM, 1, 2, "Check them"),
        (BlockKind.PARAGRAPH, 0, 0, "Then not a list words."),
        (BlockKind.ITEM, 1, 0, "b) Lettered"),  # a letter is kept, as the reader sees it
    ]
    [strong] = article.blocks[0].spans
    assert (article.text[strong.start : strong.end], strong.style) == ("figures", SpanStyle.STRONG)


def test_an_ignored_span_left_open_loses_no_words() -> None:
    article = parse(
        "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1. Item words</p>"
        "<p>Next words</p>"
    )
    assert_words_in_order("1. Item words Next words", article.text)


FILTERED_LISTS_PAGE = """<html><head><style>
p.MsoListParagraph, li.MsoListParagraph {margin-left:.5in;}
</style></head><body lang=EN-US><div class=WordSection1>
<p class=MsoNormal>Before the list.</p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in'><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
&nbsp;&nbsp;&nbsp; </span></span>Item <i>one</i></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;text-indent:-.25in'><span
style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span>Item one, a</p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.5in;text-indent:-.25in'><span
style='font-family:Wingdings'>§<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span>Item one, a, i</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in'><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span>Item two</p>
<p class=MsoListParagraphCxSpFirst style='margin-left:36.0pt;text-indent:-18.0pt'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span>Count</p>
<p class=MsoListParagraphCxSpLast style='margin-left:36.0pt;text-indent:-18.0pt'>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span>Weigh</p>
<p class=MsoListParagraph>An indented paragraph, no item.</p>
</div></body></html>"""
FILTERED_LISTS_SHOW = (
    "Before the list. Item one Item one, a Item one, a, i Item two Count Weigh "
    "An indented paragraph, no item."
)


def test_a_list_saved_as_a_filtered_word_page_is_a_list_with_one_marker() -> None:
    # "Save as Web Page, Filtered" keeps neither the list's styles nor its sections: a
    # list item is a List Paragraph hanging its marker, indented by its level.
    article = parse(FILTERED_LISTS_PAGE)
    assert_words_in_order(FILTERED_LISTS_SHOW, article.text)
    shown = [(b.kind, b.level, b.number, article.text[b.start : b.end]) for b in article.blocks]
    assert shown == [
        (BlockKind.PARAGRAPH, 0, 0, "Before the list."),
        (BlockKind.ITEM, 1, 0, "Item one"),
        (BlockKind.ITEM, 2, 0, "Item one, a"),
        (BlockKind.ITEM, 3, 0, "Item one, a, i"),
        (BlockKind.ITEM, 1, 0, "Item two"),
        (BlockKind.ITEM, 1, 1, "Count"),
        (BlockKind.ITEM, 1, 2, "Weigh"),
        (BlockKind.PARAGRAPH, 0, 0, "An indented paragraph, no item."),
    ]
    [slanted] = article.blocks[1].spans
    assert (article.text[slanted.start : slanted.end], slanted.style) == ("one", SpanStyle.EMPHASIS)


def test_a_hanging_list_paragraph_without_a_marker_loses_no_words() -> None:
    article = parse(
        "<p class=MsoListParagraph style='text-indent:-.25in'>Words with no marker at all, "
        "and <b>more</b> of them</p><p>Next</p>"
    )
    assert_words_in_order("Words with no marker at all, and more of them Next", article.text)
    assert [b.kind for b in article.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    [strong] = article.blocks[0].spans
    assert (article.text[strong.start : strong.end], strong.style) == ("more", SpanStyle.STRONG)
