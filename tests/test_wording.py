"""Counts in messages say their noun in the right number, never "passage(s)"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from diptych.storage.wording import counted, sentence, were

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 passages"), (1, "1 passage"), (2, "2 passages")]
)
def test_a_count_says_its_noun_in_the_right_number(count: int, expected: str) -> None:
    assert counted(count, "passage") == expected


def test_a_noun_with_its_own_plural_and_the_verb_after_a_count() -> None:
    assert [counted(n, "copy", "copies") for n in (1, 3)] == ["1 copy", "3 copies"]
    assert [f"{counted(n, 'file')} {were(n)}" for n in (1, 2)] == ["1 file was", "2 files were"]


def texts_of(path: Path) -> list[tuple[int, str]]:
    """Every string written in a module (f-strings' literal parts too), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_no_message_of_the_window_or_the_command_line_says_a_noun_with_s_in_brackets() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for folder in ("gui", "storage")
        for path in sorted((ROOT / folder).glob("*.py"))
        for line, text in texts_of(path)
        if re.search(r"[a-z]\(s\)", text)
    ]
    assert found == []


def test_a_sentence_starts_with_a_capital_and_is_otherwise_kept() -> None:
    assert sentence("there is no tag 3") == "There is no tag 3"
    assert sentence("Already one") == "Already one"
    assert sentence("éléments: 2") == "Éléments: 2"
    assert sentence("") == ""
