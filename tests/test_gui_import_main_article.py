"""A saved news page that marks its article, imported with File > Import, opens on its
headline, without the site's menu, cookie banner or footer, and the status bar says the
page was read as its main article; an update from a newer file says so too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_gui_import_changed_files import answer_question
from test_gui_import_saved_pages import import_page
from test_import_html_main import CLUTTER, MAIN_WITH_ONE_ARTICLE, NEWS

from diptych.gui.main_window import MainWindow

SAID = "news.html was read as the page's main article: its navigation, header and footer"


def test_a_news_page_opens_on_its_headline_without_the_sites_clutter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.html"
    path.write_text(NEWS, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    shown = pane.view.toPlainText()
    assert shown.startswith("Port strike cripples exports\n")
    assert [word for word in CLUTTER if word in shown] == []
    assert "↩" not in shown
    assert shown.rstrip().endswith("Ministry of Trade estimate.")
    said = window.message_bar.currentMessage()
    assert said.startswith("Imported 1 article.") and SAID in said
    assert pane.article_id is not None
    title = window.session.project.articles.get(article_id=pane.article_id).title
    assert title == "Port strike cripples exports"


def test_a_page_read_whole_is_not_said_to_have_left_anything_out(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.html"
    path.write_text("<nav>Menu</nav><p>Story.</p><footer>Foot</footer>", encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert pane.view.toPlainText().split() == ["Menu", "Story.", "Foot"]
    assert window.message_bar.currentMessage() == "Imported 1 article."


def test_update_from_newer_file_reads_the_page_as_its_main_article_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    article = window.session.project.articles.all()[0]
    newer = tmp_path / "news.html"
    newer.write_text(NEWS, encoding="utf-8")
    seen: list[list[str]] = []
    answer_question("shares almost nothing with", "Update anyway", seen)  # another article
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
    assert SAID in posted[-1][2]
    shown = window.session.project.articles.get(article_id=article.id).text
    assert shown.startswith("Port strike cripples exports\n")


def test_a_news_page_opens_on_its_headline_and_standfirst_without_most_viewed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.html"
    path.write_text(MAIN_WITH_ONE_ARTICLE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    shown = pane.view.toPlainText()
    assert shown.startswith(
        "Minister resigns over contract scandal\n"
        "Departure follows weeks of pressure after leaked invoices\n"
        "By Jane Doe\n"
    )
    assert "Most viewed" not in shown and "Share on Facebook" not in shown
    assert shown.rstrip().endswith("The inquiry will report in June.")
