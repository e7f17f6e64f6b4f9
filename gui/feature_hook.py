"""PySide6 without its ``from __feature__ import`` hook, which Diptych never uses.

Importing PySide6 replaces Python's ``__import__`` with ``__feature_import__``: on every
import statement it looks for ``from __feature__ import snake_case`` (or
``true_property``), and on every module imported for the first time it reads the
module's whole source (``inspect.getsource``) to find whether it names PySide6. In a
start of the window that is some 140 of Diptych's modules and as many of the standard
library's, ~20-35 ms before the first paint, and a little more on each import
statement run later. Diptych selects no feature, so Qt's classes are looked up the same
way with or without the hook.

Qt for Python documents the layering: ``__feature_import__`` handles a feature import
and hands every other import to ``builtins.__orig_import__`` (which is PySide6's lazy
loader of Qt classes, kept). Putting that one back as ``__import__`` takes off only the
feature check.
"""

from __future__ import annotations

import builtins

import PySide6.QtCore  # noqa: F401  (installs the hook taken off below)


def drop_feature_hook() -> None:
    """Let imports bypass PySide6's feature check; another ``__import__`` (a debugger's, a
    coverage tool's) installed over it is left alone."""
    feature_import = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is feature_import:
        builtins.__import__ = original
