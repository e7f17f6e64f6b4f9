"""^C while ``diptych`` starts (its modules loading, its arguments read: a user who hits
it right after Enter on a wrong command) stops it as it stops a command at work:
"diptych: interrupted", status 130, no traceback, nothing made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# ^C sent to the command as it loads the module named first (a finder of modules that
# is asked for it), then the command run as the ``diptych`` script runs it.
INTERRUPTED = """
import os, signal, sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == sys.argv[1]:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
from diptych.gui.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize(
    "module",
    [
        "diptych.storage.cli",  # the command line's modules
        "diptych.storage.cli_parser",  # the arguments' parser
        "diptych.storage.cli_commands",  # the commands, once the arguments are read
        "diptych.storage.import_files",  # at work, the new project made: removed again
    ],
)
def test_an_interrupt_while_starting_says_so_and_exits_130(tmp_path: Path, module: str) -> None:
    project = tmp_path / "p.diptych"
    article = tmp_path / "new.txt"
    article.write_text("Minutes\n\nAgreed.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED, module, "import", str(project), str(article)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (130, "diptych: interrupted\n")
    assert not project.exists()
