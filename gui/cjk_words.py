"""Where words end in Chinese and Japanese text, which puts no spaces between them.

Qt finds no word boundary inside a run of ideographs and kana: a word step (Ctrl+Right,
Ctrl+Shift+Right), a double click or a drag took a whole sentence, or a whole paragraph
("エコノミストの多くは、次の利上げは年後半になると予想している。"). Here a word ends at
the punctuation of these scripts (、。，！？「」), where the script changes (kanji, hiragana,
katakana, Latin letters and figures), and, in Chinese, after each ideograph, as the
editors of Chinese step. In Japanese a run of kanji is one word, as a run of kana is (the
change between them marks most words' ends). A paragraph holding kana is Japanese.

Text without these characters keeps Qt's words: these boundaries only ever cut a step,
a double click's word or a dragged word shorter, where they fall inside it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

_OTHER, _HAN, _HIRAGANA, _KATAKANA, _PUNCTUATION = range(5)
_KANA = re.compile("[\u3041-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_CJK = re.compile(
    "[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff9f\U00020000-\U000323af]"
)


def _kind(char: str) -> int:
    """Which script ``char`` belongs to, as words go: an ideograph (or 々), hiragana,
    katakana (with ー), the punctuation of these scripts, or anything else."""
    code = ord(char)
    if (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x323AF
        or 0x3005 <= code <= 0x3007  # 々 〆 〇
        or code == 0x303B  # 〻
    ):
        return _HAN
    if 0x3041 <= code <= 0x309F:
        return _HIRAGANA
    if (0x30A0 <= code <= 0x30FF and code != 0x30FB) or 0x31F0 <= code <= 0x31FF:
        return _KATAKANA  # the middle dot ・ parts the words of a name: punctuation
    if 0xFF66 <= code <= 0xFF9F:
        return _KATAKANA  # half-width
    if 0x3000 <= code <= 0x303F or code == 0x30FB:
        return _PUNCTUATION
    if (
        0xFF01 <= code <= 0xFF0F
        or 0xFF1A <= code <= 0xFF20
        or 0xFF3B <= code <= 0xFF40
        or 0xFF5B <= code <= 0xFF65
    ):
        return _PUNCTUATION  # full-width ，！？：（）; full-width letters and figures are not
    return _OTHER


def boundary(before: str, after: str, *, chinese: bool) -> bool:
    """Whether a word ends between the characters ``before`` and ``after``, one of which at
    least is Chinese or Japanese (the boundaries between other characters are Qt's)."""
    first, second = _kind(before), _kind(after)
    if first == second == _OTHER:
        return False
    if first != second:
        return True
    return first == _HAN and chinese


def step_end(document: QTextDocument, start: int, end: int) -> int:
    """Where a word step from ``start`` that Qt took to ``end`` (document positions) stops:
    at the first boundary of Chinese or Japanese text on the way, else at ``end``."""
    if abs(end - start) < 2:
        return end
    low, high = min(start, end), max(start, end)
    base, text, chinese = _text(document, low, high)
    if _CJK.search(text, low - base, high - base) is None:
        return end
    inside = range(low + 1, high) if end > start else range(high - 1, low, -1)
    for position in inside:
        i = position - base
        if boundary(text[i - 1], text[i], chinese=chinese):
            return position
    return end


def word_around(document: QTextDocument, start: int, end: int, at: int) -> tuple[int, int]:
    """The word Qt found from ``start`` to ``end`` cut to the Chinese or Japanese word
    holding the character at ``at``, if it is inside it (a double click's word)."""
    if not start <= at < end:
        return start, end
    base, text, chinese = _text(document, start, end)
    if _CJK.search(text, start - base, end - base) is None:
        return start, end
    first = at
    while first > start and not boundary(
        text[first - 1 - base], text[first - base], chinese=chinese
    ):
        first -= 1
    last = at + 1
    while last < end and not boundary(text[last - 1 - base], text[last - base], chinese=chinese):
        last += 1
    return first, last


def cut_to_word_clicked(view: QTextEdit, point: QPoint, position: int) -> None:
    """Cut the word a double click at ``point`` selected in ``view`` (the nearest position
    to it ``position``) to the Chinese or Japanese word clicked."""
    cursor = view.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    caret = QTextCursor(view.document())
    caret.setPosition(position)
    rect = view.cursorRect(caret)
    right_to_left = caret.block().textDirection() == Qt.LayoutDirection.RightToLeft
    before = point.x() > rect.x() if right_to_left else point.x() < rect.x()
    clicked = position - 1 if before else position  # the character under the pointer
    first, last = word_around(view.document(), start, end, clicked)
    if (first, last) != (start, end):
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)


def splits(document: QTextDocument, position: int) -> bool:
    """Whether a word of Chinese or Japanese text ends at ``position`` (a drag's end there
    is between two words, not inside one)."""
    if position <= 0 or position >= document.characterCount():
        return False
    before, after = document.characterAt(position - 1), document.characterAt(position)
    if _CJK.match(before) is None and _CJK.match(after) is None:
        return False
    text = document.findBlock(position).text()
    return boundary(before, after, chinese=_KANA.search(text) is None)


def _text(document: QTextDocument, low: int, high: int) -> tuple[int, str, bool]:
    """The text holding the characters from ``low`` to ``high`` (document positions), the
    position it starts at, and whether its paragraphs are Chinese rather than Japanese."""
    first, last = document.findBlock(low), document.findBlock(high)
    if first == last:
        text = first.text()
        return first.position(), text, _KANA.search(text) is None
    # Across paragraphs (or a table's cells), a character for each position.
    text = "".join(document.characterAt(p) for p in range(low, high))
    return low, text, _KANA.search(first.text() + last.text()) is None
