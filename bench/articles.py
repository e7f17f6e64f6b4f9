"""Realistic Markdown articles of a given size, the same for a given seed.

Articles mix headings, paragraphs with emphasis and links, bulleted and numbered lists,
block quotes and tables, in the proportions of long-form news and reports. Every word is
drawn from a fixed vocabulary, so that search terms of known frequency can be planted.
"""

from __future__ import annotations

import random

VOCABULARY = (
    "the of and to in a is that for on with as by at from this was are be it an or which "
    "government ministers trade agreement summit security talks economic growth policy region "
    "officials said report analysts market exports imports tariffs cooperation leaders meeting "
    "statement public opinion survey data percent billion million year quarter increase decline "
    "pressure sanctions negotiations treaty border military exercise alliance partners investment "
    "industry supply chain energy prices inflation currency bank central rates budget spending "
    "parliament election campaign voters party coalition opposition reform proposal committee "
    "hearing evidence documents sources interview press conference spokesperson visit delegation "
    "cultural exchange students universities tourism media coverage framing narrative history "
    "relations tensions dialogue restart symbolic gesture signal commitment framework roadmap"
)
WORDS = tuple(VOCABULARY.split())
RARE_WORD = "quillwort"  # planted in a few articles only: the rare search term
PHRASE = "trade agreement"  # a two-word phrase that occurs in many articles


class ArticleWriter:
    """Writes Markdown articles from a seeded random source.

    Args:
        seed: the seed; the same seed gives the same articles.
    """

    def __init__(self, seed: int = 20240501) -> None:
        self.random = random.Random(seed)

    def sentence(self) -> str:
        """One sentence of 8-24 words, sometimes with inline emphasis or a link."""
        r = self.random
        words = r.choices(WORDS, k=r.randint(8, 24))
        roll = r.random()
        if roll < 0.08:
            i = r.randrange(len(words))
            words[i] = f"*{words[i]}*"
        elif roll < 0.12:
            i = r.randrange(len(words))
            words[i] = f"**{words[i]}**"
        elif roll < 0.15:
            i = r.randrange(len(words))
            words[i] = f"[{words[i]}](https://example.org/{r.randrange(10_000)})"
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def paragraph(self) -> str:
        """A paragraph of 3-8 sentences."""
        return " ".join(self.sentence() for _ in range(self.random.randint(3, 8)))

    def heading(self, level: int) -> str:
        """A heading of 3-7 capitalised words."""
        words = self.random.choices(WORDS, k=self.random.randint(3, 7))
        return "#" * level + " " + " ".join(w.capitalize() for w in words)

    def bullet_list(self) -> str:
        """A list of 3-7 items, bulleted or numbered, sometimes nested."""
        r = self.random
        ordered = r.random() < 0.4
        lines = []
        for n in range(1, r.randint(3, 7) + 1):
            marker = f"{n}." if ordered else "-"
            lines.append(f"{marker} {self.sentence()}")
            if r.random() < 0.2:
                lines.append(f"    - {self.sentence()}")
        return "\n".join(lines)

    def table(self) -> str:
        """A table of 3-4 columns and 3-6 rows of short cells."""
        r = self.random
        cols = r.randint(3, 4)
        header = [" ".join(r.choices(WORDS, k=2)).capitalize() for _ in range(cols)]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * cols]
        for _ in range(r.randint(3, 6)):
            cells = [
                f"{r.randint(1, 999)}.{r.randint(0, 9)}"
                if r.random() < 0.4
                else " ".join(r.choices(WORDS, k=r.randint(1, 4)))
                for _ in range(cols)
            ]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def quote(self) -> str:
        """A block quote of one or two sentences."""
        return "> " + " ".join(self.sentence() for _ in range(self.random.randint(1, 2)))

    def article(self, size: int, *, plant: tuple[str, ...] = ()) -> str:
        """A Markdown article of about ``size`` characters (at least one heading).

        Args:
            size: the length to reach, in characters of Markdown.
            plant: words or phrases to put into the first paragraph.
        """
        r = self.random
        parts = [self.heading(1)]
        first = self.paragraph()
        if plant:
            first = first[:-1] + " " + " ".join(plant) + "."
        parts.append(first)
        length = sum(len(p) + 2 for p in parts)
        while length < size:
            roll = r.random()
            if roll < 0.08:
                part = self.heading(r.choice((2, 2, 3)))
            elif roll < 0.16:
                part = self.bullet_list()
            elif roll < 0.19:
                part = self.table()
            elif roll < 0.22:
                part = self.quote()
            else:
                part = self.paragraph()
            parts.append(part)
            length += len(part) + 2
        return "\n\n".join(parts) + "\n"
