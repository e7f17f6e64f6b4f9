"""Find in an article (Ctrl+F) finds a name whatever its accents, as a browser's find, the
Search panel and the list filters do: "Lefevre" finds "Lefèvre", "nunez" finds "Ñúñez"."""

from __future__ import annotations

from gui_support import keyboard_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.find_bar import find_all, find_before
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article

ARTICLE = (
    "# L’enquête\n\nLe maire Lefèvre a répondu à M. Ñúñez. Lefevre, sans accent, "
    "est son cousin. 한국어 텍스트. Ｆｕｌｌ width.\n"
)


def test_find_matches_names_whatever_their_accents() -> None:
    text = "Le maire Lefèvre a répondu à M. Ñúñez; Lefevre aussi. L'ÉTÉ, l’été."
    assert [text[s:e] for s, e in find_all(text, "lefevre")] == ["Lefèvre", "Lefevre"]
    assert [text[s:e] for s, e in find_all(text, "Lefèvre")] == ["Lefèvre", "Lefevre"]
    assert [text[s:e] for s, e in find_all(text, "nunez")] == ["Ñúñez"]
    assert [text[s:e] for s, e in find_all(text, "l'ete")] == ["L'ÉTÉ", "l’été"]
    stroked = "Søren Ødegaard met Łukasiewicz in Łódź and Đorđević."
    typed_found = [
        ("odegaard", "Ødegaard"),
        ("Lukasiewicz", "Łukasiewicz"),
        ("lodz", "Łódź"),
        ("djordjevic", None),
        ("dordevic", "Đorđević"),
    ]
    for typed, found in typed_found:
        assert [stroked[s:e] for s, e in find_all(stroked, typed)] == ([found] if found else [])
    hangul = "한국어 텍스트"
    assert [hangul[s:e] for s, e in find_all(hangul, "국어")] == ["국어"]


def test_find_matches_whole_emoji_and_flags() -> None:
    """Half a character is never selected, nor tagged from it: a flag's letter finds the
    flag, a person in a family the family (as ``diptych annotate --quote`` does)."""
    text = "Seoul 🇰🇷 and the family 👩\u200d👩\u200d👧 came."
    assert [text[s:e] for s, e in find_all(text, "🇰")] == ["🇰🇷"]
    assert [text[s:e] for s, e in find_all(text, "👧")] == ["👩\u200d👩\u200d👧"]
    assert [text[s:e] for s, e in find_before(text, "🇷", len(text))] == ["🇰🇷"]


def test_ctrl_f_finds_an_accented_name_typed_without_its_accents(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    article = project.articles.add(parsed=parse_article(ARTICLE.encode(), name="enquete.md"))
    window.session.reload_all()
    window.area.open_from_library(article.id, new_pane=False)
    qtbot.waitUntil(lambda: window.area.pane_for(article.id) is not None)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    pane = keyboard_in(qtbot, window, window.area.panes().index(pane))
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "Nunez")
    text = project.articles.get(article_id=article.id).text
    start, end = pane.view.selection()
    assert text[start:end] == "Ñúñez" and bar.count.text() == "1 of 1"
    bar.field.clear()
    qtbot.keyClicks(bar.field, "lefevre")  # the first after Ñúñez, where the caret is
    assert bar.count.text() == "2 of 2"
    start, end = pane.view.selection()
    assert text[start:end] == "Lefevre"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # next: round to the first
    assert bar.count.text() == "1 of 2"
    start, end = pane.view.selection()
    assert text[start:end] == "Lefèvre"


def test_the_library_filter_finds_a_name_with_a_stroked_letter_typed_plainly(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = "# Ødegaard and Łukasiewicz\n\nTwo names.\n"
    window.session.project.articles.add(parsed=parse_article(page.encode(), name="names.md"))
    window.session.reload_all()
    library = window.library
    library.filter.setFocus()
    qtbot.keyClicks(library.filter, "odegaard lukasiewicz")
    shown = [library.proxy.index(r, 0).data() for r in range(library.proxy.rowCount())]
    assert shown == ["Ødegaard and Łukasiewicz"]
