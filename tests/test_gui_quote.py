"""The passage panel's quote shows each of its lines whole, beside its colour bar."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from diptych.gui.passage_editor import PassageEditor
from diptych.gui.session import ProjectSession


def ink_start(editor: PassageEditor) -> int:
    """The first column of the quote label where its (dark) text is painted."""
    image = editor.quote.grab().toImage()
    bar = editor.quote.contentsRect().x()  # the colour bar and its padding come first
    for x in range(bar, image.width()):
        if any(image.pixelColor(x, y).lightnessF() < 0.4 for y in range(image.height())):
            return x
    raise AssertionError("the quote shows no text")


def test_the_longest_quote_line_is_not_cut_off_at_the_right(qtbot, session: ProjectSession) -> None:
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    article = session.project.articles.all()[0]
    tag = session.codebook().ordered()[0]
    passage = session.add_passage(article_id=article.id, start=0, end=600, tag_ids=[tag.id])
    editor.show()
    editor.show_passage(passage.id)
    metrics = QFontMetrics(editor.quote.font())
    tight = 0
    for width in range(300, 420, 2):
        editor.resize(width, 400)
        qtbot.waitUntil(lambda w=width: editor.width() == w)
        label = editor.quote
        widest = max(metrics.horizontalAdvance(line) for line in label.text().splitlines())
        if widest >= label.contentsRect().width() - 1:
            tight += 1  # a line fills the width: any indent would push its end off
        # Where the text starts (a glyph's side bearing may add a pixel) plus its widest
        # line must stay inside the label, or the last letters are not painted.
        assert ink_start(editor) + widest <= label.width() + 1, width
    assert tight, "no width gave a line that fills the quote"
