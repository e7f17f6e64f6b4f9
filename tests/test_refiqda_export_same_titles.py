"""Articles of one title are sources of different names in a REFI-QDA project: QualCoder
keeps one document per name, and dropped the second twin with every passage coded in it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

NS = "{urn:QDA-XML:project:1.0}"


def source_names(project: Project) -> list[str]:
    archive = zipfile.ZipFile(io.BytesIO(export_project(project, fmt="qdpx")))
    root = ET.fromstring(archive.read("project.qde"))
    return [s.get("name", "") for s in root.iter(f"{NS}TextSource")]


def test_sources_of_one_title_have_names_of_their_own(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    for number, name in enumerate(("reuters.txt", "ap.txt", "ap.txt"), start=1):
        data = f"Talks resume\n\nCopy number {number} of the wire story.\n".encode()
        project.articles.add(parsed=parse_article(data, name=name))
    project.articles.add(parsed=parse_article(b"Other story\n\nText.\n", name="x.txt"))
    with project.transaction():  # the two ap.txt imported a day apart
        project.db.execute(
            "UPDATE articles SET imported_at = '2026-12-07T09:12:00+00:00' WHERE id = 2"
        )
    names = source_names(project)
    assert len(set(names)) == 4
    assert names[0] == "Talks resume (reuters.txt)" and names[3] == "Other story"
    # As the Library tells them apart (a colon, which some programs refuse, made "：").
    assert names[1].startswith("Talks resume (ap.txt, imported 7 December 2026, ")
    assert names[2].startswith("Talks resume (ap.txt, imported ")
