"""`make screenshot` runs packaging/screenshot.py on the real window: it must keep working
as the window's code changes (it once called a method that had moved and waited forever)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

SCRIPT = Path(__file__).resolve().parent.parent / "packaging" / "screenshot.py"


def test_screenshot_script_saves_the_window_with_a_passage_selected(tmp_path: Path) -> None:
    output = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(output)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"saved {output}" in done.stdout
    image = QImage(str(output))
    assert (image.width(), image.height()) == (1600, 980)
