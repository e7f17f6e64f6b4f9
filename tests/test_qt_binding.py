"""The pinned PySide6 must survive many void-returning calls (6.12.0 on CPython 3.11 aborts)."""

import subprocess
import sys
import textwrap


def test_hundred_thousand_void_calls_do_not_leak_none() -> None:
    # Run in a child process: the failure mode is an abort that would kill pytest itself.
    script = textwrap.dedent(
        """
        import os, sys
        from PySide6.QtCore import QObject
        from PySide6.QtGui import QTextCursor, QTextDocument
        obj = QObject(); doc = QTextDocument(); doc.setPlainText("x" * 100); cur = QTextCursor(doc)
        before = sys.getrefcount(None)
        for _ in range(100_000):
            cur.setPosition(3)
            obj.setObjectName("x")
        print(sys.getrefcount(None) - before)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    leaked = int(done.stdout.strip())
    assert abs(leaked) < 100, f"None refcount drifted by {leaked} over 200,000 void calls"
