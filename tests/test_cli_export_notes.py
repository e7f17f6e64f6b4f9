"""`diptych export` to REFI-QDA says, as the export dialog does, when tags share a name:
QualCoder keeps one code per name, so the others' passages would lose their code there."""

from __future__ import annotations

from pathlib import Path

from test_cli import run

from diptych.storage.project import Project


def test_a_refi_qda_export_notes_tags_that_share_a_name(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    article = tmp_path / "a.md"
    article.write_text("# A\n\nText.\n", encoding="utf-8")
    assert run("import", path, article)[0] == 0
    with Project.open(path) as project:
        for parent in ("Economy", "Politics"):
            top = project.tags.add(name=parent)
            project.tags.add(name="Other", parent_id=top.id)
    out_file = tmp_path / "p.qdpx"

    code, out, err = run("export", path, "-f", "qdpx", "-o", out_file)
    assert code == 0 and out.strip() == str(out_file) and out_file.exists()
    assert err.startswith("diptych: note: Tags share a name: “Economy/Other” and “Politics/Other”")
    assert "QualCoder keeps one code per name" in err

    code, out, err = run("export", path, "-f", "md")
    # Markdown: nothing to note of the names; only that no passage is tagged yet.
    assert code == 0 and out.startswith("#")
    assert err == "diptych: note: The project has no passage yet, so the file holds none.\n"


def test_only_the_tags_written_are_checked_for_shared_names(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        theme = project.tags.add(name="Theme")
        sub = project.tags.add(name="Sub", parent_id=theme.id)
        project.tags.add(name="Deep", parent_id=sub.id)
        other = project.tags.add(name="Other")
        project.tags.add(name="Sub", parent_id=other.id)
    for fmt in ("qdpx", "qdc"):
        out_file = tmp_path / f"d.{fmt}"
        code, _out, err = run("export", path, "--tag", "Theme/Sub/Deep", "-o", out_file)
        assert code == 0 and "Tags share a name" not in err  # Theme, Theme/Sub, Deep only
        code, _out, err = run("export", path, "--tag", "Theme", "--tag", "/Other", "-o", out_file)
        assert code == 0 and "Tags share a name: “Theme/Sub” and “Other/Sub”" in err
