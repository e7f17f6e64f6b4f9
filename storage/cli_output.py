"""What the command line prints: results as lines or JSON, and nothing that drives the
terminal (an escape sequence in a title or note is written as ``\\xNN``), nor anything its
encoding cannot hold (a terminal set to Latin-1 or ASCII shows ’ as ``\\u2019``)."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import stat
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


def is_new_file(out: TextIO) -> bool:
    """True if ``out`` is an empty file on disk (``> passages.csv``): not a terminal, nor a
    pipe (``| head``), nor a file that already holds lines (``>> passages.csv``)."""
    with contextlib.suppress(ValueError, AttributeError, OSError):  # closed, or no descriptor
        found = os.fstat(out.fileno())
        return stat.S_ISREG(found.st_mode) and found.st_size == 0
    return False


def forgiving(stream: TextIO | None) -> None:
    """Make ``stream`` write a character its encoding cannot hold as an escape (``\\u2019``,
    ``\\xe9``) instead of failing: a terminal set to Latin-1 or ASCII (or
    ``PYTHONIOENCODING=ascii``) shows every result, message and help text, only with
    escapes for what it cannot show."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or getattr(stream, "errors", None) != "strict":
        return  # not a text file of Python's, or one already written some other way
    with contextlib.suppress(ValueError, OSError, TypeError):  # closed, or cannot be changed
        reconfigure(errors="backslashreplace")


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
        encoding = getattr(out, "encoding", None)
        out.write(json_escaped(json_safe(readable_text(text)), encoding) + "\n")
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


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def json_escaped(text: str, encoding: str | None) -> str:
    """JSON text with each character ``encoding`` cannot hold written as JSON's own
    ``\\uXXXX`` escape (two for a character beyond U+FFFF): the same JSON, printable on a
    terminal set to Latin-1 or ASCII. Such characters can only be inside strings, where
    the escape means the same character. ``encoding`` None: the text as it is."""
    if encoding is None:
        return text
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        held = functools.partial(_held, encoding=encoding)
        return _NOT_ASCII.sub(lambda m: held(m.group()), text)
    except LookupError:  # an encoding Python does not know: written as it is
        pass
    return text


@functools.lru_cache(maxsize=4096)
def _held(character: str, *, encoding: str) -> str:
    """``character`` if ``encoding`` holds it, else its JSON escape."""
    try:
        character.encode(encoding)
    except UnicodeEncodeError:
        return json.dumps(character)[1:-1]  # ensure_ascii: \\u2019, or a surrogate pair
    return character
