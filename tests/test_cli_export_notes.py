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
