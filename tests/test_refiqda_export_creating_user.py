"""The user a REFI-QDA project names as its maker (``creatingUserGUID``): the coder
exporting it when they coded in the project, else the coder of most passages exported,
else the first coder. It was always the first coder by name, even in an export of an
article that coder never coded."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.storage.anchors import find_quote
from diptych.storage.cli import main
from diptych.storage.exporting import ExportOptions, collect
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx

PROJECT_XSD = Path(__file__).parent / "data" / "refiqda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}

# (article, quote, coder): Bob, first by name, coded only the first article.
PASSAGES = (
    (1, "Tariffs rose", "Bob"),
    (2, "talks resumed", "Carol"),
    (2, "a long pause", "Carol"),
    (2, "Seoul", "Dana"),
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "study.diptych"
    with Project.open(path, create=True) as project:
        texts = ("Tariffs rose in May.", "In Seoul talks resumed after a long pause.")
        ids = [
            project.articles.add(parsed=parse_article(t.encode(), name=f"{n}.txt")).id
            for n, t in enumerate(texts, start=1)
        ]
        tag = project.tags.add(name="Trade").id
        for article, quote, coder in PASSAGES:
            anchor = find_quote(project.articles.get(article_id=ids[article - 1]).text, quote)
            project.annotations.add(
                article_id=ids[article - 1], start=anchor.start, end=anchor.end,
                tag_ids=[tag], coder=coder,
            )  # fmt: skip
    return path


def maker(qdpx: bytes) -> str:
    """The name of the project's creating user, checked against the schema and the users."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde"))
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(root), schema.error_log
    users = {u.get("guid"): u.get("name") for u in root.findall("q:Users/q:User", NS)}
    return users[root.get("creatingUserGUID")]


def exported(path: Path, **options: object) -> bytes:
    with Project.open(path, read_only=True) as project:
        return export_qdpx(collect(project, ExportOptions(**options)), None)  # type: ignore[arg-type]


def test_the_coder_exporting_is_the_maker(path: Path) -> None:
    assert maker(exported(path, coder="Dana")) == "Dana"
    assert maker(exported(path, coder="Bob", article_ids=(2,))) == "Bob"  # a user of the file


def test_else_the_coder_of_most_passages_exported(path: Path) -> None:
    assert maker(exported(path)) == "Carol"
    assert maker(exported(path, coder="Eve")) == "Carol"  # Eve coded nothing: no user
    assert maker(exported(path, article_ids=(1,))) == "Bob"


def test_ties_and_no_passage_name_the_first_coder(path: Path) -> None:
    assert maker(exported(path, tag_ids=())) == "Bob"  # no passage exported
    with Project.open(path) as project:
        article = project.articles.all()[0]
        anchor = find_quote(project.articles.get(article_id=article.id).text, "in May")
        project.annotations.add(
            article_id=article.id, start=anchor.start, end=anchor.end, coder="Bob"
        )
    assert maker(exported(path)) == "Bob"  # Bob and Carol coded two passages each


def run(*argv: str | Path) -> tuple[int, str]:
    err = io.StringIO()
    status = main([str(a) for a in argv], stdout=io.StringIO(), stderr=err)
    return status, err.getvalue()


def test_the_command_line_names_the_coder_given_or_the_one_of_most_passages(
    path: Path, tmp_path: Path
) -> None:
    output = tmp_path / "article 2.qdpx"
    assert run("export", path, "--article", "2", "--coder", "Eve", "-o", output) == (0, "")
    assert maker(output.read_bytes()) == "Carol"
    assert run("export", path, "--article", "2", "--coder", "Dana", "-o", output)[0] == 0
    assert maker(output.read_bytes()) == "Dana"


def test_the_command_line_names_the_coder_of_the_window_by_default(
    path: Path, tmp_path: Path
) -> None:
    output = tmp_path / "all.qdpx"
    status = main(
        ["export", str(path), "-o", str(output)],
        coder_name=lambda: "Dana",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert status == 0 and maker(output.read_bytes()) == "Dana"


def test_the_window_exports_as_its_coder(qtbot: QtBot, window: MainWindow) -> None:
    window.session.coder = "Ana Müller"
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    assert dialog.options().coder == "Ana Müller"
