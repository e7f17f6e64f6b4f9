"""A web page with ruby readings, a MathML formula and XHTML's prefixed elements imports
as the words a reader sees: the Search panel finds the base text of a ruby, and the opened
article shows it, the formula and the page's structure."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_gui_search_memos import activate_with_the_keyboard

from diptych.gui.main_window import MainWindow
from diptych.storage.document import BlockKind

XHTML = "http://www.w3.org/1999/xhtml"
PAGE = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<h:html xmlns:h="{XHTML}"><h:body>'
    "<h:h1>Reading notes</h:h1>"
    "<h:p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rp>(</rp><rt>ji</rt><rp>)</rp></ruby>"
    "を<h:em>読む</h:em>。</h:p>"
    "<h:p>The area is <math><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></math>.</h:p>"
    "</h:body></h:html>"
)


def test_the_base_text_of_a_ruby_is_found_and_shown_without_its_reading(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "notes.xhtml").write_text(PAGE, encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([tmp_path / "notes.xhtml"])
    [article_id] = imported.args[0]
    article = window.session.project.articles.get(article_id=article_id)
    assert article.title == "Reading notes"
    headings = [b for b in article.content.blocks if b.kind is BlockKind.HEADING]
    assert [article.text[b.start : b.end] for b in headings] == ["Reading notes"]

    window.actions_.search.trigger()
    panel = window.search
    assert search_for(qtbot, panel, "漢字") == ["Article · Reading notes — 1 match"]
    activate_with_the_keyboard(qtbot, panel, 0)
    pane = window.area.current
    assert pane is not None and pane.article_id == article_id
    qtbot.waitUntil(lambda: pane.view.textCursor().hasSelection())
    assert pane.view.textCursor().selectedText() == "漢字"
    shown = pane.view.toPlainText()
    assert "漢字を読む。" in shown and "kan" not in shown
    assert "The area is πr2." in shown
