"""The export framework: formats, options, the collected data, snapshots, progress."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from export_fixtures import (
    EXPORT_TIME,
    build_export_project,
    build_large_project,
    fixed_options,
    fixed_uuid,
)

from diptych.storage import exporting
from diptych.storage.errors import InputError
from diptych.storage.exporting import (
    FORMATS,
    PROGRESS_EVERY,
    ExportCancelled,
    ExportOptions,
    ProgressMeter,
    collect,
    export_project,
)
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

OWN_FORMATS = ("md", "csv", "html", "json")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    with build_export_project(tmp_path_factory.mktemp("fx") / "fixture.diptych") as project:
        yield project


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("large") / "large.diptych"
    with build_large_project(path, passages=2500, articles=3) as project:
        yield project


def _tag_id(project: Project, name: str) -> int:
    tag = project.tags.find(name=name)
    assert tag is not None
    return tag.id


def test_formats_are_registered_with_label_suffix_and_mime() -> None:
    assert set(FORMATS) == {"md", "csv", "html", "json", "qdpx", "qdc"}
    assert FORMATS["md"].label == "Markdown tagged notes"
    assert [FORMATS[k].suffix for k in ("md", "csv", "html", "json", "qdpx", "qdc")] == [
        ".md", ".csv", ".html", ".json", ".qdpx", ".qdc",
    ]  # fmt: skip
    assert FORMATS["json"].mime.startswith("application/ld+json")
    assert all(callable(f.writer) and f.label for f in FORMATS.values())


def test_listing_the_formats_imports_no_writer() -> None:
    code = (
        "import sys, diptych.storage.exporting as e; "
        "print(sorted(m for m in sys.modules if m.startswith(('markdown_it', "
        "'diptych.storage.export_', 'diptych.storage.refiqda_export'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_options_check_grouping_and_keep_ids_as_tuples() -> None:
    with pytest.raises(InputError, match="grouped by tag or by article"):
        ExportOptions(group_by="coder")
    options = ExportOptions(article_ids=[2, 1], tag_ids=[3])  # type: ignore[arg-type]
    assert options.article_ids == (2, 1) and options.tag_ids == (3,)


def test_unknown_format_article_or_tag_is_an_input_error(project: Project) -> None:
    with pytest.raises(InputError, match="no export format 'pdf'"):
        export_project(project, fmt="pdf")
    with pytest.raises(InputError, match="no article 99"):
        collect(project, ExportOptions(article_ids=(1, 99)))
    with pytest.raises(InputError, match="no tag 99"):
        collect(project, ExportOptions(tag_ids=(99,)))


def test_collect_reads_everything_in_export_order(project: Project) -> None:
    data = collect(project, fixed_options())
    assert data.timestamp == EXPORT_TIME
    assert data.project.name == "Field notes: East Asia"
    assert [a.uuid for a in data.articles] == [fixed_uuid("a", n) for n in (1, 2, 3)]
    assert [t.name for t in data.tags] == [
        "Economy", "Trade", "Diplomacy", "Summitry", "Culture & society", "Evidence", "Method",
    ]  # fmt: skip
    articles = [a.id for a in data.articles]
    keys = [(articles.index(p.article.id), p.annotation.start) for p in data.passages]
    assert keys == sorted(keys) and len(keys) == 9
    assert {c.name for c in data.coders} == {"Alice", "Bob", "李雷"}
    assert data.coder("Bob") is not None and data.coder("nobody") is None
    assert data.memo(MemoKind.PROJECT) is not None
    assert data.memo(MemoKind.TAG, _tag_id(project, "Method")) is not None


def test_passage_tags_are_in_codebook_order(project: Project) -> None:
    data = collect(project, fixed_options())
    rank = {t.id: i for i, t in enumerate(data.tags)}
    for passage in data.passages:
        assert list(passage.tag_ids) == sorted(passage.tag_ids, key=rank.__getitem__)
        assert set(passage.tag_ids) == set(passage.annotation.tag_ids)


def test_sections_are_the_headings_passages_sit_under(project: Project) -> None:
    data = collect(project, fixed_options())
    for passage in data.passages:
        a = passage.annotation
        expected = "" if a.is_orphan else passage.article.content.section_at(a.start)
        if expected == passage.article.title:  # repeating the title, it names no section
            expected = ""
        assert passage.section == expected
    sections = {p.uuid: p.section for p in data.passages}
    assert sections[fixed_uuid("b", 3)] == "中文部分"
    assert sections[fixed_uuid("b", 2)] == 'Trade, tariffs & "quotes"'


def test_a_tag_in_scope_brings_its_sub_tags(project: Project) -> None:
    economy = _tag_id(project, "Economy")
    data = collect(project, fixed_options(tag_ids=(economy,)))
    assert [t.name for t in data.tags] == ["Economy", "Trade"]
    assert [p.uuid for p in data.passages] == [fixed_uuid("b", 2), fixed_uuid("b", 7)]
    # the Evidence tag of passage 2 is out of scope, so writers do not see it
    assert all({data.tag_path(t) for t in p.tag_ids} <= {"Economy", "Economy/Trade"}
               for p in data.passages)  # fmt: skip
    groups = [(g.tag.name if g.tag else None, len(g.passages)) for g in data.tag_groups()]
    assert groups == [("Economy", 1), ("Trade", 1)]


def test_without_sub_tags_only_the_named_tags_are_in_scope(project: Project) -> None:
    economy = _tag_id(project, "Economy")
    data = collect(project, fixed_options(tag_ids=(economy,), include_subtags=False))
    assert [t.name for t in data.tags] == ["Economy"]
    assert [p.uuid for p in data.passages] == [fixed_uuid("b", 7)]  # not Trade's passage
    assert all(p.tag_ids == (economy,) for p in data.passages)
    groups = [(g.tag.name if g.tag else None, len(g.passages)) for g in data.tag_groups()]
    assert groups == [("Economy", 1)]


def test_a_sub_tag_alone_is_shown_under_its_parent(project: Project) -> None:
    data = collect(project, fixed_options(tag_ids=(_tag_id(project, "Trade"),)))
    groups = [(g.tag.name if g.tag else None, g.depth, len(g.passages)) for g in data.tag_groups()]
    assert groups == [("Economy", 0, 0), ("Trade", 1, 1)]


def test_an_article_subset(project: Project) -> None:
    second = collect(project).articles[1].id
    data = collect(project, fixed_options(article_ids=(second,)))
    assert [a.id for a in data.articles] == [second]
    assert [p.uuid for p in data.passages] == [fixed_uuid("b", 1)]
    assert data.memo(MemoKind.ARTICLE, collect(project).articles[0].id) is None


def test_untagged_passages_are_grouped_last_and_only_without_a_tag_scope(
    project: Project,
) -> None:
    groups = collect(project, fixed_options()).tag_groups()
    assert groups[-1].tag is None
    assert [p.uuid for p in groups[-1].passages] == [fixed_uuid("b", 5), fixed_uuid("b", 8)]
    scoped = collect(project, fixed_options(tag_ids=(_tag_id(project, "Evidence"),)))
    assert all(p.tag_ids for p in scoped.passages)


def test_untagged_passages_can_join_chosen_tags_or_be_left_out(project: Project) -> None:
    untagged = [fixed_uuid("b", 5), fixed_uuid("b", 8)]
    evidence = (_tag_id(project, "Evidence"),)
    both = collect(project, fixed_options(tag_ids=evidence, include_untagged=True))
    assert [p.uuid for p in both.tag_groups()[-1].passages] == untagged
    assert {p.uuid for p in both.passages} == {
        *untagged,
        *(p.uuid for p in collect(project, fixed_options(tag_ids=evidence)).passages),
    }
    alone = collect(project, fixed_options(tag_ids=(), include_untagged=True))
    assert [p.uuid for p in alone.passages] == untagged
    every_tag = collect(project, fixed_options(include_untagged=False))
    assert all(p.tag_ids for p in every_tag.passages)
    assert len(every_tag.passages) == len(collect(project, fixed_options()).passages) - 2


def test_the_markdown_scope_says_when_untagged_passages_are_in_or_out(project: Project) -> None:
    evidence = (_tag_id(project, "Evidence"),)

    def scope(**options: object) -> str:
        text = export_project(project, fmt="md", options=fixed_options(**options)).decode()
        return next(line for line in text.splitlines() if line.startswith("- Scope:"))

    assert scope() == "- Scope: every article, every tag"
    assert (
        scope(include_untagged=False) == "- Scope: every article, every tag, no untagged passages"
    )
    assert scope(tag_ids=evidence, include_untagged=True).endswith(
        ", tag Evidence, and untagged passages"
    )
    assert scope(tag_ids=(), include_untagged=True) == (
        "- Scope: every article, untagged passages only"
    )


def test_the_timestamp_defaults_to_the_project_clock(tmp_path: Path) -> None:
    with Project.open(
        tmp_path / "p.diptych", create=True, clock=lambda: "2030-01-01T00:00:00Z"
    ) as p:
        assert collect(p).timestamp == "2030-01-01T00:00:00Z"


def test_an_export_reads_one_consistent_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fixture.diptych"
    build_export_project(path).close()
    with Project.open(path) as reader, Project.open(path) as writer:
        article_id = reader.articles.all()[0].id
        real_all = reader.articles.all
        tag = writer.tags.find(name="Method")
        assert tag is not None

        def all_then_someone_writes():  # type: ignore[no-untyped-def]
            result = real_all()
            writer.annotations.add(article_id=article_id, start=0, end=5, tag_ids=[tag.id])
            writer.tags.add(name="Added meanwhile")
            return result

        monkeypatch.setattr(reader.articles, "all", all_then_someone_writes)
        data = collect(reader)
        assert len(data.passages) == 9
        assert "Added meanwhile" not in {t.name for t in data.tags}
        assert not reader.db.conn.in_transaction  # the snapshot was released
        monkeypatch.undo()
        assert len(collect(reader).passages) == 10


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """No time passes for the progress meter: it reports by steps alone."""
    monkeypatch.setattr(exporting, "_now", lambda: 0.0)


@pytest.mark.usefixtures("frozen_clock")
def test_progress_meter_reports_about_every_thousand_steps() -> None:
    calls: list[tuple[int, int]] = []
    meter = ProgressMeter(lambda done, total: calls.append((done, total)) is None, 2500)
    for _ in meter.track(range(2500)):
        pass
    meter.finish()
    assert calls == [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]


@pytest.mark.parametrize("fmt", OWN_FORMATS)
def test_writers_report_progress(large: Project, fmt: str) -> None:
    calls: list[tuple[int, int]] = []
    export_project(large, fmt=fmt, progress=lambda d, t: calls.append((d, t)) is None)
    total = calls[0][1]
    assert calls[0][0] == 0 and calls[-1] == (total, total)
    assert total >= 2500
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert all(b - a <= PROGRESS_EVERY for a, b in itertools.pairwise(done))
    assert len(calls) >= total // PROGRESS_EVERY + 1


@pytest.mark.usefixtures("frozen_clock")
@pytest.mark.parametrize("fmt", OWN_FORMATS)
def test_returning_false_cancels(large: Project, fmt: str) -> None:
    seen: list[int] = []

    def cancel_after_first_batch(done: int, total: int) -> bool:
        seen.append(done)
        return done < PROGRESS_EVERY

    with pytest.raises(ExportCancelled):
        export_project(large, fmt=fmt, progress=cancel_after_first_batch)
    assert seen[-1] == PROGRESS_EVERY


@pytest.mark.parametrize("fmt", OWN_FORMATS)
def test_an_empty_project_exports(tmp_path: Path, fmt: str) -> None:
    with Project.open(tmp_path / f"empty-{fmt}.diptych", create=True) as project:
        assert export_project(project, fmt=fmt, options=fixed_options())


def test_same_project_same_bytes(tmp_path: Path) -> None:
    first = build_export_project(tmp_path / "one.diptych")
    second = build_export_project(tmp_path / "two.diptych")
    with first, second:
        for fmt in OWN_FORMATS:
            assert export_project(first, fmt=fmt, options=fixed_options()) == export_project(
                second, fmt=fmt, options=fixed_options()
            )


def test_an_article_without_headings_has_no_sections(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.diptych", create=True) as project:
        summary = project.articles.add(parsed=parse_article(b"just words here", name="a.txt"))
        project.annotations.add(article_id=summary.id, start=5, end=10)
        assert [p.section for p in collect(project).passages] == [""]
