"""The one explicit context passed to the window: paths, settings, messages, workers."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QThreadPool

from diptych.gui.messages import MessageBridge
from diptych.gui.paths import AppPaths
from diptych.gui.settings import SETTINGS_FILE, Settings


@dataclass
class AppContext:
    """What the window needs from the outside world; tests pass their own.

    Attributes:
        paths: per-user folders.
        settings: the user's settings.
        messages: where logic code reports to the user.
        pool: the thread pool for imports, exports and other slow work.
    """

    paths: AppPaths
    settings: Settings
    messages: MessageBridge
    pool: QThreadPool = field(default_factory=QThreadPool)

    @classmethod
    def standard(cls) -> AppContext:
        """The context of a real run: the platform's folders and settings file."""
        paths = AppPaths.standard()
        return cls(
            paths=paths,
            settings=Settings(paths.config / SETTINGS_FILE),
            messages=MessageBridge(),
        )
