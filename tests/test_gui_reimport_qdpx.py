"""File > Import articles… (Ctrl+I) of a REFI-QDA project whose sources are already in the
project: nothing is added twice, a colleague's extra coding is, and the message says which
sources were already there; an article brought back has its source address."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from gui_support import menu_item
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_gui_library import open_context_menu

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.refiqda_export import export_qdpx

Q = "{urn:QDA-XML:project:1.0}"


def import_from_the_menu(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Choose ``path`` in the dialog File > Import articles… opens; the message the import
    ends with, in a box: a warning names the sources not added again, as it names files
    already imported."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(path)], ""))
    )
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _t, text: said.append((level, text)))
    window.actions_.import_articles.trigger()  # File > Import articles… (Ctrl+I)
    qtbot.waitUntil(lambda: any(path.name in text for _, text in said), timeout=20_000)
    level, text = said[-1]
    assert level == Level.WARNING
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.text() == text
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return text


def passages(window: MainWindow) -> list[tuple[int, int, int, tuple[int, ...], str]]:
    return [
        (p.article_id, p.start, p.end, tuple(sorted(p.tag_ids)), p.note)
        for article in window.session.articles()
        for p in window.session.article_passages(article.id)
    ]


def test_importing_the_projects_own_export_adds_nothing_then_a_colleagues_coding(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.session.project
    own = tmp_path / "own.qdpx"
    own.write_bytes(export_qdpx(collect(project), None))
    articles = [(a.id, a.title) for a in window.session.articles()]
    tags = [(t.id, t.name) for t in window.session.ordered_tags()]
    before = passages(window)
    assert before  # the sample project has coded passages

    said = import_from_the_menu(qtbot, window, own, monkeypatch)

    assert [(a.id, a.title) for a in window.session.articles()] == articles
    assert [(t.id, t.name) for t in window.session.ordered_tags()] == tags
    assert passages(window) == before
    known = f"{len(articles)} articles already in the project, not added again"
    assert known in said
    present = sum(len(p[3]) or 1 for p in before)
    assert f"0 tags on their passages added, {present} already there" in said

    # A colleague's copy of the same export, with one coding more.
    first = articles[0][0]
    text = project.articles.get(article_id=first).text
    start = next(
        i
        for i in range(len(text))
        if text[i].isalnum() and not any(p[1] <= i < p[2] for p in before if p[0] == first)
    )
    colleague = tmp_path / "colleague.qdpx"
    with zipfile.ZipFile(own) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(members["project.qde"])
    source = root.find(f".//{Q}TextSource[@guid='{project.articles.get(article_id=first).uuid}']")
    code = root.find(f".//{Q}Code[@name='{tags[0][1]}']")
    selection = etree.SubElement(
        source,
        f"{Q}PlainTextSelection",
        guid="0f8fad5b-d9cb-469f-a165-70867728950e",
        startPosition=str(start),
        endPosition=str(start + 1),
    )
    coding = etree.SubElement(selection, f"{Q}Coding", guid="7c9e6679-7425-40de-944b-e07fc1f90ae7")
    etree.SubElement(coding, f"{Q}CodeRef", targetGUID=code.get("guid"))
    members["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(colleague, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)

    said = import_from_the_menu(qtbot, window, colleague, monkeypatch)

    assert [(a.id, a.title) for a in window.session.articles()] == articles
    added = [p for p in passages(window) if p not in before]
    assert added == [(first, start, start + 1, (tags[0][0],), "")]
    assert "1 tag on their passages added" in said


def test_a_colleagues_copy_of_an_article_edited_here_since_is_not_added_twice(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.session.project
    shared = tmp_path / "shared.qdpx"
    shared.write_bytes(export_qdpx(collect(project), None))  # sent to a colleague
    article = window.session.articles()[0]
    text = project.articles.get(article_id=article.id).text
    edited = text.replace(" ", "  ", 1).encode()  # a typo fixed here since
    project.articles.replace_text(
        article_id=article.id, parsed=parse_article(edited, name="edited.txt")
    )
    window.session.reload_all()
    articles = [(a.id, a.title) for a in window.session.articles()]
    before = passages(window)

    said = import_from_the_menu(qtbot, window, shared, monkeypatch)

    assert [(a.id, a.title) for a in window.session.articles()] == articles
    assert passages(window) == before
    assert "1 article already in the project with another version of its text" in said
    assert window.library.view.model().rowCount() == len(articles)


def test_a_code_a_colleague_renamed_is_named_in_the_message_and_the_tag_kept(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own.qdpx"
    own.write_bytes(export_qdpx(collect(window.session.project), None))
    tag = window.session.ordered_tags()[0]
    with zipfile.ZipFile(own) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(members["project.qde"])
    root.find(f".//{Q}Code[@guid='{tag.uuid}']").set("name", "Their name for it")
    members["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    colleague = tmp_path / "colleague.qdpx"
    with zipfile.ZipFile(colleague, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)

    said = import_from_the_menu(qtbot, window, colleague, monkeypatch)

    assert f"“{tag.name}” (named “Their name for it” there)" in said
    assert window.session.ordered_tags()[0].name == tag.name


def test_a_passage_perhaps_a_character_off_is_said_in_a_box(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Report 😀 Findings show growth in trade."
    start = text.index("Findings") + 1  # counted as UTF-16 counts: the emoji is two units
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Small" origin="NVivo 14">
  <Sources>
    <TextSource guid="2E6D04CE-D987-4FC8-AF97-D72CA6FFD08F" name="Report">
      <PlainTextContent>{text}</PlainTextContent>
      <PlainTextSelection guid="3E6D04CE-D987-4FC8-AF97-D72CA6FFD08F"
          startPosition="{start}" endPosition="{start + len("Findings")}"/>
    </TextSource>
  </Sources>
</Project>"""
    path = tmp_path / "small.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)

    said = import_from_the_menu(qtbot, window, path, monkeypatch)

    assert "perhaps a character off" in said and "“Report” ×1" in said


def test_the_projects_own_export_keeps_two_passages_on_the_same_words_and_one_moved_since(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.session.project
    coded = next(p for p in project.annotations.query() if p.tag_ids and not p.is_orphan)
    other_tag = next(t.id for t in window.session.ordered_tags() if t.id not in coded.tag_ids)
    beside = project.annotations.add(
        article_id=coded.article_id,
        start=coded.start,
        end=coded.end,
        tag_ids=[other_tag],
        note="A second reading of the same words.",
        coder=coded.coder,
    )
    own = tmp_path / "own.qdpx"
    own.write_bytes(export_qdpx(collect(project), None))
    text = project.articles.get(article_id=coded.article_id).text
    start = next(i for i in range(coded.end + 1, len(text)) if text[i].isalnum())
    project.annotations.reattach(annotation_id=beside.id, start=start, end=start + 1)
    window.session.reload_all()
    before = passages(window)
    shown = window.passages.model.rowCount()

    said = import_from_the_menu(qtbot, window, own, monkeypatch)

    assert passages(window) == before
    assert window.passages.model.rowCount() == shown
    present = sum(len(p[3]) or 1 for p in before)
    assert f"0 tags on their passages added, {present} already there" in said
    assert "note" not in said.split("already there", 1)[1].split("\n", 1)[0]


def test_an_article_brought_back_from_a_qdpx_has_its_source_address(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.session.project
    article = window.session.articles()[-1]
    address = "https://herald.example/2026/trade-talks"
    project.articles.set_source_url(article_id=article.id, url=address)
    own = tmp_path / "own.qdpx"
    own.write_bytes(export_qdpx(collect(project), None))
    project.articles.remove(article_id=article.id)
    window.session.reload_all()

    import_from_the_menu(qtbot, window, own, monkeypatch)

    (back,) = [a for a in window.session.articles() if a.title == article.title]
    assert project.articles.source_url(article_id=back.id) == address
    menu = open_context_menu(window.library, article.title)
    page = menu_item(menu, "Open source page")
    assert page.isEnabled() and page.toolTip() == address
    menu.close()
