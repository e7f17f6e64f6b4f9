"""A tag's name and an article's title typed or given on the command line hold no control
character or bidi override: they are shown in exports, lists and terminals, where an
escape sequence or an unclosed right-to-left override acts on what follows them (a
title read from a file was already cleaned so; a name typed was kept as it was)."""

from __future__ import annotations

import io
from pathlib import Path

from diptych.storage.cli import main
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ODD = "Trade\x1b[31m\u202eflows\x01 \u2066x\x00"


def test_a_tag_name_keeps_no_control_character_or_bidi_override(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    tag = project.tags.add(name=ODD)
    assert tag.name == "Trade [31m flows x"
    renamed = project.tags.update(tag_id=tag.id, name="Policy\u202e\x07")
    assert renamed.name == "Policy"


def test_an_article_title_keeps_no_control_character_or_bidi_override(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    article = project.articles.add(parsed=parse_article(b"Title\n\nBody.\n", name="a.txt"))
    summary = project.articles.rename(article_id=article.id, title=ODD)
    assert summary.title == "Trade [31m flows x"
    assert "\x1b" not in export_project(project, fmt="html").decode()


def test_a_tag_named_on_the_command_line_is_listed_without_its_escape(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    Project.create(path).close()
    out, err = io.StringIO(), io.StringIO()
    assert main(["tag", str(path), "Red\u202eflag\x01"], stdout=out, stderr=err) == 0, err
    out = io.StringIO()
    assert main(["tags", str(path)], stdout=out, stderr=err) == 0
    assert "Red flag" in out.getvalue() and "\u202e" not in out.getvalue()


def test_a_source_named_with_a_bidi_override_in_a_qdpx_gives_a_clean_title(
    tmp_path: Path,
) -> None:
    """A REFI-QDA source's name becomes the article's title: an unclosed U+202E in it
    ("Report &#x202E;fdp.exe") reversed the title in every list and export."""
    from test_refiqda_import import NS, write_qdpx

    from diptych.storage.refiqda_import import import_exchange_file

    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project {NS} name="P"><Sources>
  <TextSource guid="E92903A3-0FDB-473D-9AE2-58B8D1D68014" name="Report &#x202E;fdp.exe&#x2066;">
    <PlainTextContent>Some words of the report.</PlainTextContent>
  </TextSource>
</Sources></Project>"""
    path = write_qdpx(tmp_path / "in.qdpx", qde)
    project = Project.create(tmp_path / "p.diptych")
    import_exchange_file(project, path=path)
    assert [a.title for a in project.articles.all()] == ["Report fdp.exe"]
