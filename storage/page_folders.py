"""The folder of files a browser saves beside a web page, which a folder import skips.

A page saved whole ("Save Page As…", *Web Page, complete*) is ``story.html`` and, beside
it, ``story_files``: its pictures, styles and scripts, and the frames of its adverts and
widgets as pages of their own (``saved_resource1.html``, ``empty.html``). Those frames are
not articles; imported with the folder around them they arrived as articles of a few
words, or with a message about a page that looked empty. A folder named as such a page's
(``<name>_files``, or the name a browser in another language gives it, such as
``<name>-Dateien`` or ``<name>_fichiers``) with ``<name>.html`` or ``<name>.htm`` beside
it is left out without a word, as the file manager shows it: one with the page. Without
its page beside it, a folder of that name is imported as any other.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path

# "_files" in the languages browsers (and Windows, which moves the folder with its page)
# name it in: German, French, Dutch, Italian, Spanish, Danish/Norwegian/Swedish, Finnish,
# Polish, Czech, Hungarian, Portuguese, Turkish, Croatian/Slovenian, Catalan, Estonian,
# Latvian, Lithuanian, Serbian, Basque.
_FILES_WORDS = (
    "files|dateien|fichiers|bestanden|file|archivos|filer|tiedostot|pliki|soubory|elemei|"
    "ficheiros|arquivos|dosyalar|datoteke|fitxers|failid|fails|bylos|fajlovi|fitxategiak"
)
_PAGE_FOLDER = re.compile(rf"(.+)[_\-.](?:{_FILES_WORDS})", re.IGNORECASE)
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def page_folders(names: Iterable[str]) -> set[str]:
    """Those of ``names`` (a folder's entries) that are a saved page's folder of files
    with the page beside them (``story_files`` beside ``story.html``)."""
    names = list(names)
    pages = {name.casefold() for name in names if name.lower().endswith(_PAGE_SUFFIXES)}
    return {name for name in names if _has_page(name, pages)}


def beside_chosen_page(folder: Path, chosen: Collection[Path]) -> bool:
    """True if ``folder`` is a saved page's folder of files whose page is among the files
    ``chosen`` with it (both dropped, or selected, together)."""
    pages = {p.name.casefold() for p in chosen if p.parent == folder.parent}
    return _has_page(folder.name, pages)


def _has_page(name: str, pages: Collection[str]) -> bool:
    """True if the folder ``name`` is a saved page's folder and one of ``pages`` (file
    names, case folded) is that page."""
    found = _PAGE_FOLDER.fullmatch(name)
    if found is None:
        return False
    stem = found[1].casefold()
    return any(stem + suffix in pages for suffix in _PAGE_SUFFIXES)
