"""An article's source address travels in a .qdpx: as the text value of the project's
"Source address" variable on its source, which the schema allows, and comes back as the
article's address. The source's description stays its memo."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from test_refiqda_export import PROJECT_XSD, build_project

from diptych.storage.exporting import collect
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_common import SOURCE_ADDRESS_GUID
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file

Q = "{urn:QDA-XML:project:1.0}"
ADDRESS = "https://example.org/news/2024/trade-talks?page=2&lang=en"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with build_project(tmp_path / "study.diptych") as opened:
        yield opened


def with_address(project: Project) -> int:
    """The first article, given :data:`ADDRESS` and a memo; its id."""
    article = project.articles.all()[0]
    project.articles.set_source_url(article_id=article.id, url=ADDRESS)
    project.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text="Read *twice*.")
    return article.id


def address(project: Project, article_id: int) -> str:
    return project.articles.source_url(article_id=article_id)


def project_document(qdpx: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde")


def test_the_address_is_a_variable_value_of_its_source_and_the_file_stays_valid(
    project: Project,
) -> None:
    article_id = with_address(project)
    uuid = project.articles.get(article_id=article_id).uuid
    qde = project_document(export_qdpx(collect(project), None))

    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(etree.fromstring(qde)), schema.error_log
    xmlschema.XMLSchema(str(PROJECT_XSD)).validate(qde.decode("utf-8"))
    root = etree.fromstring(qde)
    (variable,) = root.findall(f"{Q}Variables/{Q}Variable")
    assert (variable.get("guid"), variable.get("name")) == (SOURCE_ADDRESS_GUID, "Source address")
    assert variable.get("typeOfVariable") == "Text"
    values = root.findall(f".//{Q}TextSource/{Q}VariableValue")
    assert [v.getparent().get("guid") for v in values] == [uuid]  # only the one with an address
    assert values[0].find(f"{Q}VariableRef").get("targetGUID") == SOURCE_ADDRESS_GUID
    assert values[0].findtext(f"{Q}TextValue") == ADDRESS
    source = values[0].getparent()
    assert source.findtext(f"{Q}Description") == "Read *twice*."  # the memo, as before


def test_a_project_without_addresses_has_no_variables(project: Project) -> None:
    root = etree.fromstring(project_document(export_qdpx(collect(project), None)))
    assert root.find(f"{Q}Variables") is None
    assert root.find(f".//{Q}VariableValue") is None


def test_the_address_comes_back_in_another_project_and_the_memo_without_it(
    tmp_path: Path, project: Project
) -> None:
    article_id = with_address(project)
    title = project.articles.get(article_id=article_id).title
    path = tmp_path / "study.qdpx"
    path.write_bytes(export_qdpx(collect(project), None))

    with Project.create(tmp_path / "other.diptych") as other:
        summary = import_exchange_file(other, path=path)
        assert summary.skipped == {}
        addresses = {a.title: address(other, a.id) for a in other.articles.all()}
        assert addresses[title] == ADDRESS
        assert sorted(addresses.values()) == ["", "", ADDRESS]
        (imported,) = [a for a in other.articles.all() if a.title == title]
        memo = other.memos.get(kind=MemoKind.ARTICLE, target_id=imported.id)
        assert memo is not None and memo.text == "Read *twice*."


def test_importing_the_projects_own_export_leaves_out_nothing(
    tmp_path: Path, project: Project
) -> None:
    with_address(project)
    path = tmp_path / "study.qdpx"
    path.write_bytes(export_qdpx(collect(project), None))
    summary = import_exchange_file(project, path=path)
    assert summary.skipped == {}
    assert [address(project, a.id) for a in project.articles.all()].count(ADDRESS) == 1


def test_other_programs_variables_are_still_left_out_and_said(tmp_path: Path) -> None:
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="MAXQDA 24">
  <Variables>
    <Variable guid="11111111-2222-4333-8444-555555555555" name="Age" typeOfVariable="Integer"/>
  </Variables>
  <Sources>
    <TextSource guid="2e6d04ce-d987-4fc8-af97-d72ca6ffd08f" name="Interview 1">
      <PlainTextContent>We met in the spring.</PlainTextContent>
      <VariableValue>
        <VariableRef targetGUID="11111111-2222-4333-8444-555555555555"/>
        <IntegerValue>42</IntegerValue>
      </VariableValue>
    </TextSource>
    <TextSource guid="3e6d04ce-d987-4fc8-af97-d72ca6ffd08f" name="Interview 2">
      <PlainTextContent>We met in the autumn.</PlainTextContent>
      <VariableValue>
        <VariableRef targetGUID="{SOURCE_ADDRESS_GUID}"/>
        <TextValue>javascript:alert(1)</TextValue>
      </VariableValue>
    </TextSource>
  </Sources>
</Project>"""
    path = tmp_path / "interviews.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
    with Project.create(tmp_path / "other.diptych") as other:
        summary = import_exchange_file(other, path=path)
        assert [address(other, a.id) for a in other.articles.all()] == ["", ""]
    assert summary.skipped == {
        "source address that is not a web address": 1,
        "variable": 1,
        "variable value": 1,
    }
