"""``import --json`` ties each new article's id to its file and each file left out to why
(and to its article, when it is one already in the project); ``annotate --json`` gives the
passage tagged; ``articles --json`` names each article's file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from test_cli import run


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_import_json_gives_each_file_its_article_and_each_left_out_its_reason(
    tmp_path: Path,
) -> None:
    project = tmp_path / "p.diptych"
    arts, again = tmp_path / "arts", tmp_path / "again"
    write(arts / "a.txt", "Steel talks\n\nThe ministers met in Geneva on steel tariffs.\n")
    write(arts / "sub" / "a.txt", "Budget\n\nThe budget was passed.\n")
    write(arts / "e.txt", "")
    code, out, _err = run("import", project, arts, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["articles"] == [
        {"id": 1, "title": "Steel talks", "file": str(arts / "a.txt")},
        {"id": 2, "title": "Budget", "file": str(arts / "sub" / "a.txt")},
    ]
    assert data["left_out"] == [
        {"file": str(arts / "e.txt"), "reason": f"{arts / 'e.txt'}: is empty. Choose a file"
         " that holds the article's text."}
    ]  # fmt: skip
    same = write(again / "a.txt", (arts / "sub" / "a.txt").read_text(encoding="utf-8"))
    code, out, _err = run("import", project, same, "--json")
    assert code == 0
    (left,) = json.loads(out)["left_out"]
    assert (left["file"], left["article"]) == (str(same), 2)
    assert "is already in the project as “Budget”" in left["reason"]


def test_import_json_names_the_folder_whose_files_are_not_articles(tmp_path: Path) -> None:
    """Every ``left_out`` entry has its ``file``, as the README's schema says: for a folder's
    files that are not articles, the folder."""
    project = tmp_path / "p.diptych"
    folder = tmp_path / "folder"
    write(folder / "a.txt", "Steel talks\n\nThe ministers met in Geneva on steel tariffs.\n")
    write(folder / "x.pdf", "%PDF-1.4\n")
    write(folder / "y.docx", "PK")
    code, out, _err = run("import", project, folder, "--json")
    assert code == 0
    (left,) = json.loads(out)["left_out"]
    assert left["file"] == str(folder)
    assert "2 files that are not articles were left out (x.pdf, y.docx)" in left["reason"]
    assert all("file" in entry for entry in json.loads(out)["left_out"])


def test_import_json_names_the_article_a_changed_file_is_a_version_of(tmp_path: Path) -> None:
    project = tmp_path / "p.diptych"
    first = write(tmp_path / "v1" / "talks.txt", "Talks\n\nThe ministers met in Geneva.\n")
    assert run("import", project, first)[0] == 0
    changed = write(tmp_path / "v2" / "talks.txt", "Talks\n\nThe ministers met in Geneva today.\n")
    os.utime(changed, (first.stat().st_mtime + 60, first.stat().st_mtime + 60))
    code, out, _err = run("import", project, tmp_path / "v2", "--json")
    assert code == 0
    (left,) = json.loads(out)["left_out"]
    assert (left["file"], left["article"]) == (str(changed), 1)
    assert "diptych reimport PROJECT 1 FILE" in left["reason"]


def test_annotate_json_and_articles_json(tmp_path: Path) -> None:
    project = tmp_path / "p.diptych"
    article = write(tmp_path / "talks.txt", "Talks\n\nSteel tariffs were discussed.\n")
    assert run("import", project, article)[0] == 0
    argv = ["annotate", project, "1", "--quote", "Steel tariffs", "--tag", "Trade", "--json"]
    code, out, _err = run(*argv)
    assert code == 0
    made = json.loads(out)
    assert {k: made[k] for k in ("id", "article", "quote", "tags", "new")} == {
        "id": 1, "article": 1, "quote": "Steel tariffs", "tags": ["Trade"], "new": True,
    }  # fmt: skip
    again = json.loads(run(*argv[:-1], "--tag", "Economy", "--json")[1])
    assert (again["uuid"], again["tags"], again["new"]) == (
        made["uuid"],
        ["Trade", "Economy"],
        False,
    )
    (listed,) = json.loads(run("articles", project, "--json")[1])
    assert listed["file"] == "talks.txt"
