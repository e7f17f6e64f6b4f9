"""A memo a colleague extended comes back in its longer form: importing their exchange
file replaces the memo it extends rather than adding the whole memo again below it; a
memo that differs otherwise is kept beside the one already there."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_refiqda_export import build_project

from diptych.storage.exporting import collect
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file
from diptych.storage.sample import create_sample_project


def project_memo(project: Project) -> str:
    memo = project.memos.get(kind=MemoKind.PROJECT, target_id=None)
    return memo.text if memo is not None else ""


def colleagues_copy(tmp_path: Path, edit: object) -> tuple[Path, Path]:
    """A copy of the sample project, and the exchange file of the original after ``edit``
    (a function of the old memo) rewrote its project memo."""
    original = tmp_path / "Sample project.diptych"
    create_sample_project(original).close()
    copy = tmp_path / "copy.diptych"
    shutil.copyfile(original, copy)
    with Project.open(original) as project:
        project.memos.set(kind=MemoKind.PROJECT, text=edit(project_memo(project)))  # type: ignore[operator]
        exchange = tmp_path / "colleague.qdpx"
        exchange.write_bytes(export_qdpx(collect(project), None))
    return copy, exchange


def test_a_memo_extended_by_a_colleague_replaces_the_one_it_extends(tmp_path: Path) -> None:
    copy, exchange = colleagues_copy(tmp_path, lambda old: old.rstrip() + "\n\nPROJECT MEMO EDIT")
    with Project.open(copy) as project:
        old = project_memo(project)
        summary = import_exchange_file(project, path=exchange)
        new = project_memo(project)
    assert new.rstrip() == old.rstrip() + "\n\nPROJECT MEMO EDIT"
    assert new.count(old.strip().splitlines()[0]) == 1  # the welcome is there once
    assert summary.memos == 1


def test_a_memo_rewritten_otherwise_is_kept_beside_the_old_one(tmp_path: Path) -> None:
    copy, exchange = colleagues_copy(tmp_path, lambda old: "Our own plan.")
    with Project.open(copy) as project:
        old = project_memo(project)
        import_exchange_file(project, path=exchange)
        new = project_memo(project)
    assert new == old.rstrip() + "\n\nOur own plan."


def test_the_same_memo_imported_again_is_left_as_it_is(tmp_path: Path) -> None:
    with build_project(tmp_path / "study.diptych") as project:
        before = project_memo(project)
        exchange = tmp_path / "study.qdpx"
        exchange.write_bytes(export_qdpx(collect(project), None))
        summary = import_exchange_file(project, path=exchange)
        assert project_memo(project) == before
        assert summary.memos == 0
