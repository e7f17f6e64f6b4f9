"""Word steps in Chinese and Japanese text stop at words: Ctrl+Shift+Right before
"エコノミスト" selected the whole paragraph up to "。", across "、", and in Chinese
"报告指出，２０２５年经济增长目标为5" (Qt finds no word boundary in a run of ideographs
and kana). A word now ends at the punctuation of these scripts, where the script changes
(kanji, hiragana, katakana, Latin letters, figures), and, in Chinese, after each ideograph;
a double click and a drag take such words too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

JAPANESE = (
    "東京、2025年1月24日――日本銀行は金融政策決定会合で、政策金利を0.25%から0.5%に引き上げた。"
    "\n\nエコノミストの多くは、次の利上げは年後半になると予想している。\n"
)
CHINESE = (
    "北京电，国务院总理表示，APEC峰会将于今年11月举行。\n\n"
    "报告指出，２０２５年经济增长目标为5%左右，居民消费价格涨幅3%左右。\n"
)
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def open_pane(qtbot: QtBot, tmp_path: Path, text: str) -> ArticlePane:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(text.encode(), name="article.txt"))
    shown = ArticlePane(ProjectSession(project, MessageBridge()))
    qtbot.addWidget(shown)
    shown.resize(900, 400)
    shown.show()
    with qtbot.waitSignal(shown.loaded, timeout=30_000):
        shown.show_article(article.id)
    shown.view.setFocus()
    qtbot.waitUntil(shown.view.hasFocus)
    return shown


@pytest.fixture
def japanese(qtbot: QtBot, tmp_path: Path) -> ArticlePane:
    return open_pane(qtbot, tmp_path, JAPANESE)


@pytest.fixture
def chinese(qtbot: QtBot, tmp_path: Path) -> ArticlePane:
    return open_pane(qtbot, tmp_path, CHINESE)


def article_text(pane: ArticlePane) -> str:
    return pane.session.project.articles.get(article_id=pane.article_id or 0).text


def caret_before(pane: ArticlePane, words: str) -> int:
    start = article_text(pane).index(words)
    cursor = pane.view.textCursor()
    cursor.setPosition(pane.view.positions.to_rendered(start))
    pane.view.setTextCursor(cursor)
    return start


def selected(pane: ArticlePane) -> str:
    selection = pane.selection()
    assert selection is not None
    return article_text(pane)[selection[0] : selection[1]]


def caret(pane: ArticlePane) -> int:
    return pane.view.positions.to_display(pane.view.textCursor().position())


def selections(qtbot: QtBot, pane: ArticlePane, words: str, steps: int) -> list[str]:
    """What Ctrl+Shift+Right selects from before ``words``, after each of ``steps`` steps."""
    caret_before(pane, words)
    said = []
    for _ in range(steps):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, CTRL_SHIFT)
        said.append(selected(pane))
    return said


def test_ctrl_shift_right_in_japanese_selects_word_by_word(
    qtbot: QtBot, japanese: ArticlePane
) -> None:
    assert selections(qtbot, japanese, "エコノミスト", 5) == [
        "エコノミスト",
        "エコノミストの",
        "エコノミストの多",
        "エコノミストの多くは",
        "エコノミストの多くは、",
    ]


def test_ctrl_right_in_japanese_stops_at_punctuation_scripts_and_figures(
    qtbot: QtBot, japanese: ArticlePane
) -> None:
    start = caret_before(japanese, "東京")
    stops = []
    for _ in range(8):
        qtbot.keyClick(japanese.view, Qt.Key.Key_Right, CTRL)
        stops.append(caret(japanese) - start)
    text = JAPANESE
    assert [text[a:b] for a, b in zip([0, *stops], stops, strict=False)] == [
        "東京",
        "、",
        "2025",
        "年",
        "1",
        "月",
        "24",
        "日",
    ]


def test_ctrl_shift_right_in_chinese_takes_one_character_at_a_time(
    qtbot: QtBot, chinese: ArticlePane
) -> None:
    assert selections(qtbot, chinese, "报告指出", 6) == [
        "报",
        "报告",
        "报告指",
        "报告指出",
        "报告指出，",
        "报告指出，２０２５",
    ]


def test_latin_letters_in_chinese_are_one_word(qtbot: QtBot, chinese: ArticlePane) -> None:
    assert selections(qtbot, chinese, "APEC", 2) == ["APEC", "APEC峰"]


def test_ctrl_left_steps_back_word_by_word(qtbot: QtBot, japanese: ArticlePane) -> None:
    end = caret_before(japanese, "は、次の")
    qtbot.keyClick(japanese.view, Qt.Key.Key_Left, CTRL_SHIFT)
    assert selected(japanese) == "く"
    qtbot.keyClick(japanese.view, Qt.Key.Key_Left, CTRL_SHIFT)
    assert selected(japanese) == "多く"
    qtbot.keyClick(japanese.view, Qt.Key.Key_Left, CTRL)
    assert caret(japanese) == end - len("の多く")


def test_a_chinese_word_selected_with_the_keys_is_tagged_as_selected(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "beijing.txt").write_text(CHINESE, encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([tmp_path / "beijing.txt"])
    [article_id] = imported.args[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.open_article(article_id)
    assert pane is not None
    qtbot.waitUntil(lambda: "居民" in pane.view.toPlainText() and pane.view.hasFocus())
    caret_before(pane, "居民")
    for _ in range(2):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, CTRL_SHIFT)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert window.session.passage(window.coding.selected).exact == "居民"


def at(pane: ArticlePane, offset: int) -> QPoint:
    """A viewport point in the left half of the character at ``offset``."""
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.positions.to_rendered(offset))
    rect = pane.view.cursorRect(cursor)
    return QPoint(rect.x() + 2, rect.center().y())


def test_a_double_click_selects_a_japanese_word(qtbot: QtBot, japanese: ArticlePane) -> None:
    inside = article_text(japanese).index("エコノミスト") + 2
    qtbot.mouseDClick(japanese.view.viewport(), LEFT, pos=at(japanese, inside))
    assert selected(japanese) == "エコノミスト"


def test_a_double_click_selects_one_chinese_character(qtbot: QtBot, chinese: ArticlePane) -> None:
    inside = article_text(chinese).index("经济")
    qtbot.mouseDClick(chinese.view.viewport(), LEFT, pos=at(chinese, inside + 1))
    assert selected(chinese) == "济"


def test_a_drag_ending_inside_a_japanese_run_takes_its_word_not_the_sentence(
    qtbot: QtBot, japanese: ArticlePane
) -> None:
    text = article_text(japanese)
    start, end = text.index("エコノミスト"), text.index("予想") + 1
    viewport = japanese.view.viewport()
    qtbot.mousePress(viewport, LEFT, pos=at(japanese, start))
    qtbot.mouseMove(viewport, at(japanese, end))
    qtbot.mouseRelease(viewport, LEFT, pos=at(japanese, end))
    assert selected(japanese) == "エコノミストの多くは、次の利上げは年後半になると予想"
