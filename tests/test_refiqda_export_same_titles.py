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
    names = source_names(project)
    assert sorted(names) == [
        "Other story",
        "Talks resume (ap.txt)",
        "Talks resume (ap.txt) (2)",
        "Talks resume (reuters.txt)",
    ]
