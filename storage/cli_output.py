"""What the command line prints: results as lines or JSON, and nothing that drives the
terminal (an escape sequence in a title or note is written as ``\\xNN``)."""

from __future__ import annotations

import contextlib
import json
import os
from typing import TYPE_CHECKING, TextIO

from diptych.storage.control_characters import JSON_TERMINAL_CONTROLS, TERMINAL_CONTROLS
from diptych.storage.errors import readable_text

if TYPE_CHECKING:
    from diptych.storage.cli_results import Result


def is_terminal(out: TextIO) -> bool:
    """True if ``out`` is a terminal (a qdpx export is not written to one)."""
    with contextlib.suppress(ValueError, AttributeError):  # closed, or no such method
        return bool(out.isatty())
    return False


def discard_output(out: TextIO) -> None:
    """Send what is still buffered for ``out`` nowhere, so that exiting does not fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())


def print_result(result: Result, *, as_json: bool, out: TextIO) -> None:
    """Write a command's result to ``out``: its bytes as they are, or its data as JSON,
    or its lines, with nothing in them that drives the terminal."""
    from diptych.storage.cli_results import Content  # loaded with the command already

    if isinstance(result, Content):  # written as it is
        out.flush()
        target = getattr(out, "buffer", None)
        if target is not None:
            target.write(result.data)
            target.flush()
        else:
            out.write(result.data.decode("utf-8"))
        return
    if as_json:
        text = json.dumps(result.data, ensure_ascii=False, indent=2)
        out.write(json_safe(readable_text(text)) + "\n")
        return
    for line in result.lines:
        print(terminal_safe(readable_text(line)), file=out)


def terminal_safe(text: str) -> str:
    """``text`` with control characters (but tabs and line ends) written as ``\\xNN``: a
    title or note holding an escape sequence must not drive the terminal it is printed on."""
    return TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_safe(text: str) -> str:
    """JSON text with DEL and the C1 control characters written as ``\\u00NN``: still
    the same JSON, and nothing in it drives the terminal (``\\xNN`` is no JSON escape).
    They can only be inside strings, where the escape means the same character."""
    return JSON_TERMINAL_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
