"""Emphasis and block quotes are italic, but Arabic and Hebrew words in them stay upright:
those scripts have no italics, and a font's italic face often lacks their letters (the
DejaVu fonts' do), which were drawn as empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from diptych.gui.render import render_article
from diptych.gui.theme import render_style
from diptych.storage.importing import parse_article

BYLINE = "بقلم ليلى حداد"


def italic_of(document: QTextDocument, words: str) -> bool:
    found = document.find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 1)
    return cursor.charFormat().fontItalic()


def test_right_to_left_words_stay_upright_where_the_text_is_italic(qtbot: QtBot) -> None:
    text = f"# Water\n\n*{BYLINE}*\n\n*An English byline*\n\n> {BYLINE} in a quote\n"
    parsed = parse_article(text.encode(), name="water.md")
    document, _positions = render_article(parsed.content, render_style())
    assert not italic_of(document, BYLINE)
    assert italic_of(document, "An English byline")
    assert not italic_of(document, f"{BYLINE} in a quote")
