"""The window never tells its user to type a command: every message it can show says what
to choose in the window. A known error whose advice differs carries both wordings
(:class:`~diptych.storage.errors.Advice`); the command line keeps its ``diptych`` commands."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge, as_shown
from diptych.storage.article_rows import read_article
from diptych.storage.errors import Advice, DiptychError, NotAProjectError
from diptych.storage.exporting import collect
from diptych.storage.exporting_data import ExportOptions
from diptych.storage.importing import format_for
from diptych.storage.project import Project
from diptych.storage.sqlite_errors import known_error

ROOT = Path(__file__).resolve().parents[1]  # the folder of storage/ and gui/
# A command to type: `diptych import PROJECT FILE`, "a diptych command's PROJECT", --help.
COMMAND_LINE = re.compile(r"`diptych|\bPROJECT\b|diptych command|\bdiptych --?[a-z]")
COMMAND_LINE_MODULES = "storage/cli"  # cli.py, cli_commands.py: the command line's own
# Said on the terminal only: there is no display to open the window on.
TERMINAL_ONLY = {("gui/app.py", "no_display_message")}


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr):
            found.add(id(node.body[0].value))
    return found


def _for_the_command_line(tree: ast.AST, name: str) -> set[int]:
    """The text nodes inside an ``Advice``'s command-line wording, or inside a function
    whose words are only for the terminal."""
    inside: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Advice":
            inside.extend(node.args[:1])
            inside.extend(k.value for k in node.keywords if k.arg == "command_line")
        if isinstance(node, ast.FunctionDef) and (name, node.name) in TERMINAL_ONLY:
            inside.append(node)
    return {id(n) for top in inside for n in ast.walk(top)}


def command_line_words_in_window_text() -> list[str]:
    """Each text in the window's code and the storage under it that names a command."""
    found = []
    for path in sorted([*ROOT.glob("storage/*.py"), *ROOT.glob("gui/*.py")]):
        name = path.relative_to(ROOT).as_posix()
        if name.startswith(COMMAND_LINE_MODULES):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = _docstrings(tree) | _for_the_command_line(tree, name)
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and id(node) not in allowed and COMMAND_LINE.search(text):
                found.append(f"{name}:{node.lineno}: {text!r}")
    return found


def test_no_text_the_window_can_show_names_a_command() -> None:
    assert command_line_words_in_window_text() == []


def test_the_walk_finds_a_command_outside_an_advice_for_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The walk above sees what it looks for (a plain advice naming a command)."""
    source = 'raise InputError("x", advice="List them with `diptych tags PROJECT`.")\n'
    tree = ast.parse(source)
    assert not _for_the_command_line(tree, "storage/x.py")
    strings = [n for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert any(COMMAND_LINE.search(str(n.value)) for n in strings)
    wrapped = ast.parse('Advice("`diptych tags PROJECT`", "The Codebook lists them.")')
    command_line, _window = [n for n in ast.walk(wrapped) if isinstance(n, ast.Constant)]
    assert _for_the_command_line(wrapped, "storage/x.py") == {id(command_line)}


def test_opening_a_text_file_says_to_import_it_with_the_menu(
    window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Some notes that are not a project, long enough to be read." * 3)
    with pytest.raises(NotAProjectError) as caught:
        Project.open(path)
    assert "`diptych import PROJECT FILE`" in str(caught.value)  # the command line's words
    said: list[str] = []
    context.messages.posted.connect(lambda _level, _title, text: said.append(text))
    window.launcher.open_path(path)  # type: ignore[attr-defined]  # File > Open project
    assert said == [
        f"{path}: is not a Diptych project (not an SQLite database). Choose a .diptych file, "
        "or import it into a project as an article (File > Import articles…)."
    ]


def test_each_known_error_naming_a_command_has_window_words(tmp_path: Path) -> None:
    with pytest.raises(DiptychError) as project_as_article:
        format_for("study.diptych")
    with Project.create(tmp_path / "p.diptych") as project:
        with pytest.raises(DiptychError) as no_article:
            read_article(project.db.conn, 7)
        with pytest.raises(DiptychError) as no_tag:
            collect(project, ExportOptions(tag_ids=(9,)))
    damaged = known_error(_damaged(), tmp_path / "p.diptych")
    errors = [project_as_article.value, no_article.value, no_tag.value, damaged]
    for exc in errors:
        assert COMMAND_LINE.search(str(exc)) or "window" in str(exc)  # the command line's
        assert not COMMAND_LINE.search(as_shown(exc)), as_shown(exc)
    assert as_shown(no_article.value) == (
        "There is no article 7. It may have been removed; the Library lists the project's articles."
    )
    assert "the Codebook lists the tags" in as_shown(no_tag.value)
    assert "File > Export…" in as_shown(project_as_article.value)
    assert as_shown(damaged).endswith("Restore it from a backup (File > Restore from backup…).")


def _damaged() -> Exception:
    import sqlite3

    exc = sqlite3.DatabaseError("database disk image is malformed")
    exc.sqlite_errorcode = 11  # type: ignore[attr-defined]
    return exc


def test_the_message_bridge_says_the_windows_words(qapp: object) -> None:
    bridge = MessageBridge()
    said: list[str] = []
    bridge.posted.connect(lambda _level, _title, text: said.append(text))
    bridge.known_error(DiptychError("it failed", advice=Advice("`diptych x`", "Use the menu.")))
    assert said == ["It failed. Use the menu."]
