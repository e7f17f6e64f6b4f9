# What an image of an article reads as in its text. An article keeps its words, not its
# pictures (nothing is fetched), but the reader should know that a picture stood there and
# what it showed: its alternative text, as the page or note gives it, in brackets
# ("[Image: Unemployment by region, 2010–2020]"), so that a description is never read, or
# quoted in a brief, as the author's own prose. An emoji drawn as an image (alternative text
# with no letter or digit, such as "😀") reads as itself, as in a browser.

from __future__ import annotations

IMAGE_LABEL = "Image"


def image_text(alt: str) -> str:
    """The text an image with the alternative text ``alt`` stands for ("" for none)."""
    alt = " ".join(alt.split())
    if not alt:
        return ""
    if not any(c.isalnum() for c in alt):
        return alt
    return f"[{IMAGE_LABEL}: {alt}]"
