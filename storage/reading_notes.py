"""What to tell the user about how article files were read: which files were not all
UTF-8, and how their bytes were read instead; which web pages were read as their main
article only, the site's navigation, header and footer around it left out.

A file read as Windows-1252 comes out garbled if it was written in another old encoding
(Thai, say; Cyrillic, Greek, Hebrew, Arabic, Chinese, Japanese and Korean ones are told
from their letters, and said); a UTF-8 file with a few stray bytes keeps its UTF-8 letters, and
only the stray bytes (curly quotes or accented letters pasted from an older program) are
read as Windows-1252; a web page read in the encoding it names may hold bytes that are not
of that encoding, which show as "\ufffd". All are worth a glance, and all say how to bring
in a mended file.
A page read as its main article (:mod:`diptych.storage.html_main`) is named, so that the
words left out are not taken for words lost; the whole page is kept in the project.
The window and the command line say the same, but for how to bring it in.
"""

from __future__ import annotations

from collections.abc import Iterable

from diptych.storage.charset_labels import REPLACED, encoding_name
from diptych.storage.cjk_encodings import BY_LETTERS
from diptych.storage.cjk_encodings import NAMES as CJK_NAMES
from diptych.storage.errors import Advice
from diptych.storage.legacy_scripts import NAMES as LEGACY_NAMES
from diptych.storage.wording import were

_UPDATE = Advice(
    command_line="bring it in again with: diptych reimport PROJECT ARTICLE_ID FILE",
    window="use Update from newer file",
)


def reading_notes(
    read: Iterable[tuple[str, str]], *, window: bool, main_only: Iterable[str] = ()
) -> list[str]:
    """One sentence for each way files were read that was not plain UTF-8 (none if all
    were), then one naming the web pages read as their main article only.

    Args:
        read: each imported file's name and the encoding it was read in (as
            :class:`~diptych.storage.importing.ParsedArticle` says it).
        window: word what to do for the window (a menu item) rather than the command line.
        main_only: the names of the pages read as their main article only.
    """
    read = list(read)
    legacy = [name for name, encoding in read if encoding == "cp1252"]
    mixed = [name for name, encoding in read if encoding == "utf-8+cp1252"]
    update = _UPDATE.window if window else _UPDATE.command_line
    notes = []
    if legacy:
        was = were(len(legacy))
        its, it = ("its", "it") if len(legacy) == 1 else ("their", "them")
        notes.append(
            f"{', '.join(legacy)} {was} not UTF-8 and {was} read as Windows-1252 (Western "
            f"European); if {its} letters look wrong, save {it} as UTF-8 and {update}."
        )
    for name, encoding in read:
        said = _told_by_letters(encoding)
        if said is not None:
            notes.append(
                f"{name} was not UTF-8 and was read as {said}, as its letters show; if they"
                f" look wrong, save it as UTF-8 and {update}."
            )
        if encoding.endswith(REPLACED):
            said = encoding_name(encoding.removesuffix(REPLACED))
            notes.append(
                f"{name} was read as {said}, as it says, but some of its bytes are not "
                f"{said} and show as \ufffd; if its letters look wrong, save it as UTF-8 "
                f"and {update}."
            )
    if mixed:
        notes.append(
            f"{', '.join(mixed)} {were(len(mixed))} UTF-8 except for a few bytes, which were "
            "read as Windows-1252 (Western European), as curly quotes and accented letters "
            "pasted from older programs are; if a character there looks wrong, correct it, "
            f"save the file as UTF-8 and {update}."
        )
    pages = list(main_only)
    if len(pages) == 1:
        notes.append(
            f"{pages[0]} was read as the page's main article: its navigation, header and "
            "footer were left out."
        )
    elif pages:
        notes.append(
            f"{', '.join(pages)} were read as their pages' main articles: their navigation, "
            "headers and footers were left out."
        )
    return notes


def _told_by_letters(encoding: str) -> str | None:
    """The name of the older encoding a file was read in as its letters show, if it was."""
    if encoding in LEGACY_NAMES:
        return LEGACY_NAMES[encoding]
    return (
        CJK_NAMES.get(encoding.removesuffix(BY_LETTERS)) if encoding.endswith(BY_LETTERS) else None
    )
