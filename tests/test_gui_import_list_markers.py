"""Ordered lists and definitions of an imported page show in the pane as a browser shows
them: letters and roman numerals, lists counting down, an item's own number and the items
after it, a Markdown list from its first number; definitions indented under their terms.
The markers are drawn beside the text, not in it: a passage tagged in such a list is saved
at the words selected."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog, select_text
from markdown_it import MarkdownIt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from test_export_quote_list_markers import seen
from test_gui_coding import number_key
from test_gui_export_block_ids import export
from test_gui_import_saved_pages import import_page

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.render import render_article
from diptych.gui.theme import render_style
from diptych.storage.document import ArticleText, Block, BlockKind, blocks_from_json

PAGE = (
    '<h1>Plan</h1><ol type="a"><li>Alpha</li><li>Beta</li><li>Gamma</li></ol>'
    '<p>Then:</p><ol type="I" start="4"><li>Fourth</li><li>Fifth</li></ol>'
    "<p>Countdown:</p><ol reversed><li>Three</li><li>Two</li><li>One</li></ol>"
    '<p>Jump:</p><ol><li>First</li><li value="10">Tenth</li><li>Eleventh</li></ol>'
    '<p>Styled:</p><ol style="list-style-type: lower-roman"><li>Small one</li></ol>'
    "<dl><dt>Envoy</dt><dd>The chief negotiator.</dd></dl>"
)


def markers(pane: ArticlePane, *words: str) -> list[str]:
    """The marker the pane draws before each item holding ``words``."""
    document, shown = pane.view.document(), pane.view.toPlainText()
    found = []
    for item in words:
        block = document.findBlock(shown.index(item))
        listed = block.textList()
        found.append(listed.itemText(block) if listed is not None else "")
    return found


def left_of(pane: ArticlePane, words: str) -> int:
    """Where the paragraph starting with ``words`` starts, in the pane."""
    document = pane.view.document()
    block = document.findBlock(pane.view.toPlainText().index(words))
    assert block.text().startswith(words)
    cursor = QTextCursor(block)
    return pane.view.cursorRect(cursor).left()


def test_ordered_lists_show_the_markers_a_browser_shows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.html"
    path.write_text(PAGE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert markers(pane, "Alpha", "Beta", "Gamma", "Fourth", "Fifth") == [
        "a.",
        "b.",
        "c.",
        "IV.",
        "V.",
    ]
    assert markers(pane, "Three", "Two", "One") == ["3.", "2.", "1."]
    assert markers(pane, "First", "Tenth", "Eleventh") == ["1.", "10.", "11."]
    assert markers(pane, "Small one") == ["i."]
    assert left_of(pane, "The chief negotiator.") > left_of(pane, "Envoy")

    select_text(pane, "Beta")
    qtbot.keyClick(pane.view, number_key(window, "Economy"))
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    [passage] = [p for p in window.session.project.annotations.query() if p.exact == "Beta"]
    assert (passage.start, passage.end) == (text.index("Beta"), text.index("Beta") + 4)
    assert "a." not in text and "Beta\nGamma" in text  # markers are not words of the text


def test_a_passage_over_a_list_counting_down_exports_its_numbers_as_the_pane_shows_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File > Export to Markdown: rendered by a CommonMark reader, the quote of the
    countdown reads 3, 2, 1 and the one of the letters a, b, c, not 3, 4, 5 and 1, 2, 3."""
    path = tmp_path / "plan.html"
    path.write_text(PAGE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    passages = window.session.project.annotations.query
    before = len(passages())
    for quote in ("Alpha\nBeta\nGamma", "Three\nTwo\nOne"):
        select_text(pane, quote)
        qtbot.keyClick(pane.view, number_key(window, "Economy"))
    qtbot.waitUntil(lambda: len(passages()) == before + 2)
    dialog = open_export_dialog(qtbot, window)
    notes = export(qtbot, dialog, tmp_path / "plan.md")
    shown = [
        [f"{marker} {words}" for marker, words in zip(markers(pane, *words), words, strict=True)]
        for words in (("Alpha", "Beta", "Gamma"), ("Three", "Two", "One"))
    ]
    assert shown == [["a. Alpha", "b. Beta", "c. Gamma"], ["3. Three", "2. Two", "1. One"]]
    quoted = seen(MarkdownIt("commonmark").render(notes))
    assert shown[0] in quoted and shown[1] in quoted


def test_a_markdown_list_counts_on_from_its_first_number_and_definitions_stand_indented(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "steps.md"
    path.write_text(
        "# Steps\n\n5. Fifth\n6. Sixth\n\nThen:\n\n1. One\n1. Two\n1. Three\n\n"
        "Tariff\n: A tax on imports.\n",
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    assert markers(pane, "Fifth", "Sixth", "One", "Two", "Three") == [
        "5.",
        "6.",
        "1.",
        "2.",
        "3.",
    ]
    assert left_of(pane, "A tax on imports.") > left_of(pane, "Tariff")


def shown_markers(content: ArticleText) -> list[str]:
    document, _ = render_article(content, render_style())
    found, block = [], document.begin()
    while block.isValid():
        listed = block.textList()
        found.append(listed.itemText(block) if listed is not None else block.text())
        block = block.next()
    return found


def test_lists_of_articles_imported_before_markers_were_kept_show_as_they_did(
    qapp: object,
) -> None:
    older = '{"v":2,"k":["item","item","item"],"s":[0,4,8],"e":[3,7,11],"l":[1,1,1],"n":[1,1,1]}'
    content = ArticleText("One\nTwo\nSix", blocks_from_json(older))
    assert shown_markers(content) == ["1.", "2.", "3."]


def test_numbers_no_letters_can_write_show_in_digits(qapp: object) -> None:
    text = "a\nb\nc\nd"
    blocks = tuple(
        Block(BlockKind.ITEM, i * 2, i * 2 + 1, level=1, number=number, marker=marker)
        for i, (number, marker) in enumerate([(3999, "I"), (4000, "I"), (0, "a"), (-1, "1")])
    )
    assert shown_markers(ArticleText(text, blocks)) == ["MMMCMXCIX.", "4000.", "0.", "-1."]


def ink_before(pane: ArticlePane, words: str) -> bool:
    """Whether anything is drawn on the line of the item starting with ``words``, left of
    its text (where its marker goes)."""
    image = pane.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    document = pane.view.document()
    block = document.findBlock(pane.view.toPlainText().index(words))
    line = pane.view.cursorRect(QTextCursor(block))
    assert line.left() > 10  # the item stands indented
    paper = image.pixelColor(1, int(line.center().y() * ratio))
    return any(
        image.pixelColor(int(x * ratio), int(y * ratio)) != paper
        for x in range(1, line.left() - 1)
        for y in range(line.top(), line.bottom() + 1)
    )


def test_a_list_styled_without_markers_shows_none(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bare.html"
    path.write_text(
        '<h1>Bare</h1><ul style="list-style-type: none"><li>Plain point</li></ul>'
        '<p>Then:</p><ol style="list-style: none"><li>Plain step</li><li>Next step</li></ol>'
        '<p>Mixed:</p><ul><li style="list-style-type:none">Loose</li><li>Dotted</li></ul>',
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    qtbot.waitUntil(lambda: ink_before(pane, "Dotted"))  # a bullet is seen where one is drawn
    for words in ("Plain point", "Plain step", "Next step", "Loose"):
        assert not ink_before(pane, words), words
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    assert "Plain step\nNext step" in text  # nothing was written in the markers' place


def test_a_prefixed_xhtml_list_counts_down_as_an_unprefixed_one_does(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "countdown.xhtml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<html:html xmlns:html="http://www.w3.org/1999/xhtml"><html:body>'
        '<html:h1>Countdown</html:h1><html:ol reversed="reversed"><html:li>Three</html:li>'
        "<html:li>Two</html:li><html:li>One</html:li></html:ol></html:body></html:html>",
        encoding="utf-8",
    )
    pane = import_page(qtbot, window, path, monkeypatch)
    assert markers(pane, "Three", "Two", "One") == ["3.", "2.", "1."]
