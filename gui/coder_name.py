"""Edit > Coder name…: the name the user's passages are signed with. Given another name,
the passages already signed with the old one (the login name, "root", until a name was
given) can be signed with the new one too, as one undo step, so that a brief does not
name one analyst twice; the default keeps them as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diptych.gui import dialogs
from diptych.gui.commands import perform
from diptych.gui.passage_commands import SignPassages
from diptych.storage.passage_coders import signed_by

if TYPE_CHECKING:
    from diptych.gui.main_window import MainWindow


def change_coder(window: MainWindow) -> None:
    """Ask for the coder's name; then offer to sign the passages signed with the old name
    with the new one. A name cleared is the login name again, now as at the next start."""
    session = window.session
    old = session.coder
    name = dialogs.ask_coder(window, old)
    if name is None:
        return
    window.context.settings.set_coder(name)
    session.coder = window.context.settings.coder()
    new = session.coder
    if not old or new == old or session.read_only:
        return
    ids = signed_by(session.project, old)
    if not ids:
        return
    count = f"{len(ids)} passage{'' if len(ids) == 1 else 's'}"
    question = (
        f"{count} of this project {'is' if len(ids) == 1 else 'are'} signed “{old}”. Sign "
        f"{'it' if len(ids) == 1 else 'them'} “{new}” too? The exports name the coder of "
        "each passage."
    )
    do = "&Sign them too" if len(ids) > 1 else "&Sign it too"
    if not dialogs.ask_named(window, "Coder name", question, do=do, keep="&Only new passages"):
        return
    if perform(session, SignPassages(session, ids, new)):
        session.messages.info(f"{count} signed “{new}” — Ctrl+Z to undo")
