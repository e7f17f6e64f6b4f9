"""What a ``diptych`` command returns for the command line to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Output:
    """A command's result: lines for people, data for ``--json``, notes for stderr (what
    the user should know, the command having done what was asked), and the exit status
    (1: a search found nothing, as grep says it)."""

    lines: list[str] = field(default_factory=list)
    data: Any = None
    notes: list[str] = field(default_factory=list)
    status: int = 0


@dataclass(frozen=True)
class Content:
    """A command's result written as it is to standard output (an export), and notes."""

    data: bytes
    notes: list[str] = field(default_factory=list)


Result = Output | Content
