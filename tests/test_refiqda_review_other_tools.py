"""REFI-QDA files as other programs really write them (QualCoder, MAXQDA, NVivo, ATLAS.ti)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from diptych.storage.errors import ExchangeFileError
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

NS = 'xmlns="urn:QDA-XML:project:1.0"'
SOURCE_GUID = "631251cc-9fb4-4131-bea8-35947084c409"


def write_qdpx(path: Path, qde: str | bytes, files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.open(tmp_path / "target.diptych", create=True)
    yield opened
    opened.close()


# QualCoder on Windows writes its codebook in Windows-1252 under a UTF-8 declaration
# (refi.py, export_codebook: open(filename, 'w') without an encoding).
QUALCODER_QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" \
xsi:schemaLocation="urn:QDA-XML:codebook:1.0 Codebook.xsd" \
origin="QualCoder" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<Codes>
<Code guid="9e23ad7a-000a-40cc-9225-2a862d963e51" name="Sécurité" isCodable="false">
<Description>Catégorie « principale »</Description>
<Code guid="2dfba8c9-59f5-4424-99d6-ea9bce18134b" name="Élève" isCodable="true" color="#EB7333" />
</Code>
</Codes>
</CodeBook>
"""


def test_a_qualcoder_codebook_written_in_windows_1252_imports(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "Codebook-étude.qdc"
    path.write_bytes(QUALCODER_QDC.encode("cp1252"))
    summary = import_exchange_file(project, path=path)
    codebook = project.tags.codebook()
    tags = [(codebook.path(t.id), t.description) for t in codebook.ordered()]
    assert tags == [("Sécurité", "Catégorie « principale »"), ("Sécurité/Élève", "")]
    assert (summary.kind, summary.tags_created, summary.skipped) == ("codebook", 2, {})


def test_broken_xml_in_windows_1252_is_still_refused_and_nothing_is_kept(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "broken.qdc"
    path.write_bytes(QUALCODER_QDC.replace("</Codes>", "").encode("cp1252"))
    with pytest.raises(ExchangeFileError, match=r"broken\.qdc: is not well-formed XML"):
        import_exchange_file(project, path=path)
    assert project.tags.all() == []


def test_a_file_declaring_another_encoding_is_read_in_that_encoding(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "latin.qdc"
    text = QUALCODER_QDC.replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
    path.write_bytes(text.replace(" « principale »", "").encode("latin-1"))
    import_exchange_file(project, path=path)
    assert sorted(t.name for t in project.tags.all()) == ["Sécurité", "Élève"]
