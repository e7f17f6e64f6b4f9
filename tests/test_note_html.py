"""Notes rendered for display: escaped, no images, only web and mail links, as in the report."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from diptych.gui.messages import Level, MessageBridge
from diptych.gui.note_html import NoteBrowser, note_to_html, note_to_plain, text_to_html
from diptych.storage.export_html import report_note_renderer

HOSTILE = (
    "<script>alert('x')</script>\n\n"
    "<img src=http://x>\n\n"
    "[x](javascript:alert(1)) and ![i](file:///etc/passwd) and "
    "[rel](notes/other.md) and [data](data:text/html;base64,PHNjcmlwdD4=) and "
    "![remote](https://tracker.example/pixel.gif)"
)


def test_hostile_markdown_renders_without_markup_images_or_unsafe_links() -> None:
    html = note_to_html(HOSTILE)
    lowered = html.lower()
    for forbidden in ("<script", "<img", "javascript:", "file:", "data:", 'src="', "notes/other"):
        assert forbidden not in lowered
    assert "&lt;script&gt;" in html  # shown as text, not run
    assert "&lt;img src=http://x&gt;" in html
    assert "href" not in lowered
    for words in (">x and i and rel and data and remote</p>",):
        assert words in html


@pytest.mark.parametrize(
    ("markdown", "href"),
    [
        ("[site](https://example.org/a?b=1)", "https://example.org/a?b=1"),
        ("[plain](http://example.org)", "http://example.org"),
        ("[mail](mailto:someone@example.org)", "mailto:someone@example.org"),
        ("<https://example.org/auto>", "https://example.org/auto"),
    ],
)
def test_web_and_mail_links_are_kept(markdown: str, href: str) -> None:
    assert f'href="{href}"' in note_to_html(markdown)


def test_link_title_is_escaped() -> None:
    html = note_to_html('[t](https://example.org "a \\"quoted\\" <b>title</b>")')
    assert 'title="a &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;"' in html


def test_markdown_formatting_is_rendered() -> None:
    html = note_to_html("Some *emphasis*, **strong** and `code`.\n\n- one\n- two")
    assert "<em>emphasis</em>" in html
    assert "<strong>strong</strong>" in html
    assert "<code>code</code>" in html
    assert "<li>two</li>" in html


def test_empty_note_renders_nothing() -> None:
    assert note_to_html("  \n ") == ""


def test_plain_summary_is_one_line_without_markers() -> None:
    note = "# Heading\n\nSome *emphasis* and [a link](https://x.org).\n\n![pic](file:///p)"
    assert note_to_plain(note) == "Heading Some emphasis and a link. pic"
    assert note_to_plain("") == ""


def test_text_to_html_escapes_and_keeps_lines() -> None:
    assert text_to_html("a < b\nc & d") == "<p>a &lt; b<br>c &amp; d</p>"


def test_note_browser_follows_no_links(qtbot) -> None:
    browser = NoteBrowser(MessageBridge())
    qtbot.addWidget(browser)
    assert not browser.openLinks()
    assert not browser.openExternalLinks()
    browser.show_note("[site](https://example.org) and ![i](file:///etc/passwd)")
    assert browser.toPlainText().strip() == "site and i"


def _picture_urls(tmp_path: Path) -> list[QUrl]:
    """A small picture as a local file and as a ``data:`` address."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    picture = tmp_path / "p.png"
    assert image.save(str(picture))
    encoded = base64.b64encode(picture.read_bytes()).decode()
    return [QUrl.fromLocalFile(str(picture)), QUrl("data:image/png;base64," + encoded)]


def test_note_browser_loads_no_resource_even_from_raw_html(qtbot, tmp_path: Path) -> None:
    kind = int(QTextDocument.ResourceType.ImageResource)
    for url in _picture_urls(tmp_path):
        plain = QTextBrowser()  # a plain browser loads the picture: the test can tell
        qtbot.addWidget(plain)
        plain.setHtml(f'<img src="{url.toString()}">')
        assert plain.document().resource(kind, url)
        browser = NoteBrowser(MessageBridge())
        qtbot.addWidget(browser)
        browser.setHtml(f'<img src="{url.toString()}">')
        assert not browser.document().resource(kind, url)  # an empty byte array: nothing read


@pytest.mark.parametrize(
    "note",
    [
        HOSTILE,
        'See [the source](https://example.org/a?b=1&c=2 "t"), [bad](javascript:alert(1)) and '
        "![chart](https://example.org/chart.png)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)> and <https://example.org/auto>",
        "- *one*\n- [two](mailto:a@example.org)\n\n> `code` and <b>bold</b>",
    ],
)
def test_the_report_shows_a_note_as_the_window_does(note: str) -> None:
    report = report_note_renderer().render(note)
    marks = (' rel="noreferrer"', ' class="address"')  # the report's own: no referrer, print
    assert report.replace(marks[0], "").replace(marks[1], "") == note_to_html(note)


@pytest.mark.parametrize("note", ["# Big", "### Big", "Big\n==="])
def test_the_window_and_the_report_show_a_notes_heading_as_a_bold_line(note: str) -> None:
    line = '<p class="note-heading"><strong>Big</strong></p>'
    assert note_to_html(note) == report_note_renderer().render(note) == line


def test_the_window_and_the_report_keep_each_line_break_typed_in_a_note() -> None:
    note = "first point\nsecond point\n\n- one\n  more"
    html = "<p>first point<br />\nsecond point</p>\n<ul>\n<li>one<br />\nmore</li>\n</ul>"
    assert note_to_html(note) == report_note_renderer().render(note) == html
    assert note_to_plain(note) == "first point second point one more"  # lists: one line


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("[send](mailto:desk@example.org?attach=/home/me/.ssh/id_rsa)", "send"),
        ("[send](mailto:desk@example.org?subject=x&attachment=file:///etc/passwd)", "send"),
        (
            "<mailto:desk@example.org?attach=/etc/passwd>",
            "mailto:desk@example.org?attach=/etc/passwd",
        ),
    ],
)
def test_a_mail_link_naming_a_file_to_attach_is_only_text(note: str, words: str) -> None:
    for html in (note_to_html(note), report_note_renderer().render(note)):
        assert html == f"<p>{words}</p>"  # the words stay, without a link


def test_a_link_no_program_opens_is_told_through_the_messages_given(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    messages = MessageBridge()
    posted: list[tuple[int, str, str]] = []
    messages.posted.connect(lambda *args: posted.append(args))
    browser = NoteBrowser(messages)  # in no window: the messages still reach the user
    qtbot.addWidget(browser)
    browser.anchorClicked.emit(QUrl("https://example.org/treaty"))
    assert [level for level, _title, _text in posted] == [Level.INFO]
    assert "https://example.org/treaty could not be opened" in posted[0][2]
    assert QGuiApplication.clipboard().text() == "https://example.org/treaty"
