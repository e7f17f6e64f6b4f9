"""`diptych import` says which files were not all UTF-8 and how their bytes were read, as
the window does after an import."""

from __future__ import annotations

from pathlib import Path

from test_cli import run

from diptych.storage.project import Project


def test_files_not_all_utf_8_are_named_with_how_they_were_read(tmp_path: Path) -> None:
    (tmp_path / "paris.txt").write_bytes("Le café, déjà.\n".encode() + b"He said \x93yes\x94.\n")
    (tmp_path / "old.txt").write_bytes(b"Caf\xe9 cr\xe8me\n")
    (tmp_path / "fine.txt").write_text("Tout va bien\n", encoding="utf-8")
    project = tmp_path / "p.diptych"

    code, out, err = run("import", project, *sorted(tmp_path.glob("*.txt")))

    assert code == 0, err
    notes = [line for line in out.splitlines() if line.startswith("#")]
    assert len(notes) == 2, out
    assert "old.txt was not UTF-8 and was read as Windows-1252" in notes[0]
    assert "paris.txt was UTF-8 except for a few bytes" in notes[1]
    assert all("diptych reimport" in note for note in notes)
    with Project.open(project, read_only=True) as opened:
        texts = [opened.articles.get(article_id=a.id).text for a in opened.articles.all()]
    assert "Le café, déjà.\nHe said “yes”." in texts


def test_reimport_says_so_too(tmp_path: Path) -> None:
    article = tmp_path / "paris.txt"
    article.write_text("Le café, déjà.\n", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, article)[0] == 0
    article.write_bytes("Le café, déjà.\n".encode() + b"He said \x93yes\x94.\n")

    code, out, err = run("reimport", project, "1", article)

    assert code == 0, err
    first, note = out.splitlines()
    assert first.startswith("article 1: 0 passages in place")
    assert note.startswith("# paris.txt was UTF-8 except for a few bytes")
