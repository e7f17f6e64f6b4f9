"""`diptych annotations --tag` lists a tag's passages with its sub-tags', as the window's
tag filter and `diptych export --tag` count them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_cli import run
from test_tags import TEXT

from diptych.gui.passage_filter import PassageFilter
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
        economy = project.tags.add(name="Economy")
        trade = project.tags.add(name="Trade", parent_id=economy.id)
        tariffs = project.tags.add(name="Tariffs", parent_id=trade.id)
        other = project.tags.add(name="Other")
        for start, tag in enumerate((economy, trade, tariffs, other)):
            project.annotations.add(
                article_id=article.id, start=4 * start, end=4 * start + 3, tag_ids=[tag.id]
            )
    return path


def test_a_tag_lists_its_sub_tags_passages_too(path: Path) -> None:
    code, out, _ = run("annotations", path, "--tag", "Economy/Trade", "--json")
    assert code == 0
    listed = sorted(tuple(p["tags"]) for p in json.loads(out))
    assert listed == [("Economy/Trade",), ("Economy/Trade/Tariffs",)]
    code, out, _ = run("annotations", path, "--tag", "Economy", "--json")
    assert len(json.loads(out)) == 3


def test_the_list_counts_what_the_window_and_the_export_count(path: Path, tmp_path: Path) -> None:
    listed = json.loads(run("annotations", path, "--tag", "Trade", "--json")[1])
    exported = tmp_path / "trade.csv"
    assert run("export", path, "-f", "csv", "--tag", "Trade", "-o", exported)[0] == 0
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    with Project.open(path) as project:
        book = project.tags.codebook()
        trade = project.tags.find(name="Trade")
        assert trade is not None
        shown = [
            p
            for p in project.annotations.query()
            if PassageFilter(tag_id=trade.id).matcher(book)(p)
        ]
    assert len(listed) == len(shown) == len({r["uuid"] for r in rows}) == 2


def test_its_help_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run("annotations", "--help")
    assert code == 0
    assert "(or its sub-tags)" in out + capsys.readouterr().out


def test_several_tags_and_articles_list_what_the_export_takes(path: Path, tmp_path: Path) -> None:
    with Project.open(path) as project:
        second = project.articles.add(parsed=parse_article(TEXT.encode(), name="b.txt"))
        other = project.tags.find(name="Other")
        assert other is not None
        project.annotations.add(article_id=second.id, start=0, end=3, tag_ids=[other.id])
    filters = ["--tag", "Tariffs", "--tag", "Other", "--article", "1", "--article", "2"]

    code, out, err = run("annotations", path, *filters, "--json")
    exported = json.loads(run("export", path, "-f", "json", *filters)[1])

    assert code == 0, err
    listed = sorted((p["article"], tuple(p["tags"])) for p in json.loads(out))
    assert listed == [(1, ("Economy/Trade/Tariffs",)), (1, ("Other",)), (2, ("Other",))]
    assert exported["total"] == len(listed)
    code, out, _ = run("annotations", path, "--article", "2", "--article", "2", "--json")
    assert [p["article"] for p in json.loads(out)] == [2]
    code, _, err = run("annotations", path, "--article", "1", "--article", "9")
    assert code == 2 and "there is no article 9" in err


def test_a_search_hit_names_the_passage_as_annotations_lists_it(tmp_path: Path) -> None:
    path = tmp_path / "ids.diptych"
    article = tmp_path / "port.txt"
    article.write_text("Port\n\nShips sailed from the harbour at dawn.", encoding="utf-8")
    assert run("import", path, article)[0] == 0
    assert run("annotate", path, "1", "--quote", "harbour at dawn", "--tag", "Sea")[0] == 0
    code, out, _ = run("search", path, "dawn", "--json")
    assert code == 0
    hit = next(h for h in json.loads(out) if h["kind"] == "passage")
    listed = json.loads(run("annotations", path, "--json")[1])
    row = next(r for r in listed if r["uuid"] == hit["uuid"])
    assert row["id"] == hit["annotation_id"]  # search's "passage N" is that passage's id


def test_an_orphan_is_listed_without_the_offsets_it_had(tmp_path: Path) -> None:
    path = tmp_path / "orphan.diptych"
    article = tmp_path / "port.txt"
    article.write_text("Port\n\nShips sailed from the harbour at dawn. Gulls.", encoding="utf-8")
    assert run("import", path, article)[0] == 0
    assert run("annotate", path, "1", "--quote", "harbour at dawn", "--tag", "Sea")[0] == 0
    article.write_text("Port\n\nShips sailed at noon. Gulls cried.", encoding="utf-8")
    assert run("reimport", path, "1", article)[0] == 0  # its own file's newer version
    (row,) = json.loads(run("annotations", path, "--json")[1])
    assert row["status"] == "orphan" and (row["start"], row["end"]) == (None, None)
    assert row["quote"] == "harbour at dawn"


def test_tags_counts_a_tags_passages_with_its_sub_tags_as_the_codebook_does(
    tmp_path: Path,
) -> None:
    path = tmp_path / "counts.diptych"
    article = tmp_path / "port.txt"
    article.write_text("Port\n\nShips sailed from the harbour at dawn.", encoding="utf-8")
    assert run("import", path, article)[0] == 0
    assert run("annotate", path, "1", "--quote", "Ships", "--tag", "Sea/Ships")[0] == 0
    assert run("annotate", path, "1", "--quote", "harbour", "--tag", "Sea/Ports")[0] == 0
    code, out, _ = run("tags", path, "--json")
    assert code == 0
    sea = next(t for t in json.loads(out) if t["path"] == "Sea")
    assert (sea["annotations"], sea["with_sub_tags"]) == (0, 2)
    listed = json.loads(run("annotations", path, "--tag", "Sea", "--json")[1])
    assert len(listed) == sea["with_sub_tags"]
    table = run("tags", path)[1].splitlines()
    assert any(line.endswith("  Sea (2)") for line in table), table
