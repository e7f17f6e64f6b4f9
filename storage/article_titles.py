"""An imported article's title, from its headings, page title, first line or file name.

For Markdown, the first level-1 heading, else the ``title:`` of its front matter, else the
first heading; for web pages, the first level-1 heading, else the page's ``<title>`` (but
not a placeholder such as "Untitled", and without the site's name when it is the first
heading and the site's name), else the first heading; both cut to about 200 characters. A
file named ``index.html`` (or another name that says nothing) without any of those takes
its first line, shortened. For scraped text, a heading among the first three lines, else
its first heading marked ``# `` (the only headings of level 1 it has), else the first line
shortened; for verbatim text, its first line shortened. Failing those, the
file's name without its suffix. A title is on one line and holds no control characters,
and a heading's footnote markers ("Tariffs¹", "Tariffs[1]") are left out of it.

An article updated from a newer file keeps a title taken from its headline while that
headline is still in the newer text's opening (:func:`updated_title`).
"""

from __future__ import annotations

import re
from pathlib import Path

from diptych.storage.control_characters import ONE_LINE_CONTROLS
from diptych.storage.document import ArticleText, BlockKind
from diptych.storage.html_note_marks import MARK
from diptych.storage.text_builder import without_unshown

_TITLE_CHARS = 80
_TITLE_LOOKAHEAD = 3  # a scraped article's title is a heading among its first lines
_OPENING_BLOCKS = 8  # a newer version's opening: its headline below a few lines added
# above it (when it was updated, an editor's note, a correction)
_HEADING_CHARS = 200  # a heading or page title longer than this is a paragraph set big
_PLACEHOLDER_TITLES = frozenset(
    ("untitled", "untitled document", "untitled page", "no title", "new document",
     "document", "new tab", "home", "index")
)  # fmt: skip
_SITE_SEPARATORS = frozenset("|-–—:·•»")
_NAMELESS_STEMS = frozenset(("index", "default", "page", "article", "untitled", "document"))
# (a page saved as index.html says nothing: its first line is a better title)
_FRONT_MATTER_LINES = 100  # a front matter longer than this is not looked through
_CLOSING = r"[.,;:!?)\]\"'”’»]"  # a web page's marker may follow these after a word
_NOTE_MARKS = {
    # a Markdown footnote's raised number after a word or its closing mark ("rules¹",
    # "rules¹,²", "rules?¹"), not an exponent after a symbol or unit ("mc²", "m²")
    "markdown": re.compile(
        r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_][.?!)\"”’]))[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*"
    ),
    # a web page's footnote marker, which the reader puts in brackets after its word
    # ("rules[1]", "rules[1,2]", "rules[a]", "rules[*]")
    "html": re.compile(
        rf"(?:(?<=\w)|(?<=\w{_CLOSING})|(?<=\w{_CLOSING}{_CLOSING}))\[(?:{MARK.pattern})\]"
    ),
}


def article_title(content: ArticleText, *, fmt: str, page_title: str, name: str) -> str:
    """The title of an article read from the file ``name`` (see the module docstring).

    Args:
        content: the article's display text and blocks.
        fmt: its format ("text", "markdown", "html" or "plain").
        page_title: a web page's ``<title>``, or a Markdown file's front matter title.
        name: the file's name; its stem is the title of last resort.
    """
    stem = one_line(Path(name).stem) or "Untitled"
    headings = content.outline()
    if fmt in ("markdown", "html"):
        marks = _NOTE_MARKS[fmt]
        first_h1 = marks.sub("", next((h.text for h in headings if h.level == 1), ""))
        fallback = one_line(marks.sub("", headings[0].text)) if headings else ""
        page_title = one_line(without_unshown(page_title))  # as its headings are read
        title = first_h1 or _page_title(page_title, fallback) or fallback
        if title or stem.casefold() not in _NAMELESS_STEMS:
            return _shorten(one_line(title), _HEADING_CHARS) or stem
    blocks = content.blocks[:_TITLE_LOOKAHEAD] if fmt == "text" else ()
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            return _shorten(one_line(content.text[block.start : block.end]), _HEADING_CHARS) or stem
    if fmt == "text" and (first_h1 := next((h.text for h in headings if h.level == 1), "")):
        return _shorten(one_line(first_h1), _HEADING_CHARS) or stem  # marked "# Title"
    first = next((b for b in content.blocks if b.end > b.start), None)
    if first is None:
        return stem
    return _shorten(one_line(content.text[first.start : first.end])) or stem


def updated_title(
    title: str, *, old: ArticleText, old_fmt: str, new: ArticleText, new_fmt: str, new_title: str
) -> str:
    """The title of an article titled ``title`` once updated from a newer file.

    A title the analyst gave, or one taken from what the text does not hold (a page's
    ``<title>``, a file's name), stays. One taken from the article's headline stays while
    it is still the newer text's headline: a line of its opening (lines added above it,
    "Updated 7 December…" or "Editor's note: …", push it down without changing it) or its
    first heading. Else it follows the newer file's headline: ``new_title``, the title the
    newer file gives (as :func:`article_title` finds it), or, for scraped text whose title
    was a heading, the first heading of the newer text's opening.

    Args:
        title: the article's title now.
        old: its text now; ``old_fmt`` its format.
        new: the newer file's text; ``new_fmt`` its format.
        new_title: the newer file's own title.
    """
    given = article_title(old, fmt=old_fmt, page_title="", name="")
    if title != given and title not in _opening_titles(old, old_fmt):
        return title  # not its headline: given, or a page's title, or the file's name
    if title == new_title or title in _opening_titles(new, new_fmt):
        return title
    if new_fmt == "text" and title in _heading_titles(old, _OPENING_BLOCKS):
        moved = _heading_titles(new, _OPENING_BLOCKS)
        if moved:
            return moved[0]  # the headline changed, and lines were added above it
    return new_title


def _opening_titles(content: ArticleText, fmt: str) -> set[str]:
    """The titles the lines of ``content``'s opening and its first headings would give."""
    marks = _NOTE_MARKS.get(fmt)
    lines = [content.text[b.start : b.end] for b in content.blocks[:_OPENING_BLOCKS]]
    headings = content.outline()
    lines += [h.text for h in headings[:1]]
    lines += [h.text for h in headings if h.level == 1][:1]
    titles: set[str] = set()
    for line in lines:
        shown = one_line(marks.sub("", line) if marks else line)
        titles.update((_shorten(shown, _HEADING_CHARS), _shorten(shown)))
    return titles - {""}


def _heading_titles(content: ArticleText, blocks: int) -> list[str]:
    """The titles the headings among the first ``blocks`` blocks of ``content`` give."""
    titles = [
        _shorten(one_line(content.text[b.start : b.end]), _HEADING_CHARS)
        for b in content.blocks[:blocks]
        if b.kind is BlockKind.HEADING
    ]
    return [t for t in titles if t]


def _page_title(page: str, heading: str) -> str:
    """A page's ``<title>`` as an article's title: "" for a placeholder ("Untitled"), and
    the page's first heading for a title that is that heading and a shorter site's name
    ("Trade talks resume | The Korea Herald")."""
    if page.casefold() in _PLACEHOLDER_TITLES:
        return ""
    if not heading or len(heading) >= len(page):
        return page
    if page.startswith(heading):
        site = page.removeprefix(heading).strip()
        separator, site = site[:1], site[1:].strip()
    elif page.endswith(heading):
        site = page.removesuffix(heading).strip()
        separator, site = site[-1:], site[:-1].strip()
    else:
        return page
    # The site's name is the shorter part: "Trade talks | News" is not the heading "News".
    return heading if separator in _SITE_SEPARATORS and len(site) < len(heading) else page


def front_matter_title(text: str) -> str:
    """The ``title:`` of a Markdown file's front matter (Jekyll, Hugo, Obsidian), read as
    YAML reads it (``"Why \\"Made in China\\" matters"``, ``'It''s the economy'``), or ""."""
    from diptych.storage.yaml_scalars import front_matter_value

    return front_matter_value(front_matter_lines(text), "title") or ""


def front_matter_lines(text: str) -> list[str]:
    """The lines of a Markdown file's front matter, between its ``---`` and the next
    ``---`` or ``...`` (the first ones only, of a long one); none if it has none."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return []
    inside = lines[1:_FRONT_MATTER_LINES]
    end = next((i for i, line in enumerate(inside) if line.strip() in ("---", "...")), None)
    return inside if end is None else inside[:end]


def one_line(text: str) -> str:
    """``text`` on one line, without control characters: a title is shown in lists, menus,
    citations and terminals, where an escape sequence or an unclosed right-to-left
    override would act on everything after it."""
    return " ".join(ONE_LINE_CONTROLS.sub(" ", text).split())


def _shorten(text: str, chars: int = _TITLE_CHARS) -> str:
    """``text`` cut to about ``chars`` characters at a word boundary."""
    if len(text) <= chars:
        return text
    cut = text[: chars + 1].rsplit(" ", 1)[0]
    if len(cut) < chars // 2:
        cut = text[:chars]  # one very long word
    return cut.rstrip(" ,;:.-–—") + "…"
