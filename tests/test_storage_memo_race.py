"""Two windows writing the same memo: the later save wins, neither fails."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.model import Memo, MemoKind
from diptych.storage.project import Project


def test_a_memo_created_meanwhile_in_another_window_is_replaced_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "memo.diptych"
    Project.create(path).close()
    with Project.open(path) as here, Project.open(path) as there:
        begin = here.transaction
        written: list[Memo] = []

        @contextlib.contextmanager
        def other_window_writes_first() -> Iterator[None]:
            if not written:  # the other window saves the same memo just before this one
                written.append(there.memos.set(kind=MemoKind.PROJECT, text="From there"))
            with begin():
                yield

        monkeypatch.setattr(here, "transaction", other_window_writes_first)
        memo = here.memos.set(kind=MemoKind.PROJECT, text="From here")
        assert memo.text == "From here"
        assert [m.text for m in there.memos.all()] == ["From here"]
        assert memo.id == written[0].id  # the same memo, written again
