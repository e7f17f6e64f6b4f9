"""The last reading place of each article of a project: where its reader was when they left
it (its pane closed, or another article opened in that pane), so that the article opened
again goes back there, as a book opens at its bookmark. Kept with the panes' layout (see
:mod:`~diptych.gui.pane_layout`), it outlasts Diptych too."""

from __future__ import annotations

from collections.abc import Container, Mapping

MAX_ARTICLES = 500  # the places of the articles left longest ago are forgotten beyond


class ReadingPlaces:
    """The offset of the line that was at the top of the view, by article, the article
    left last at the end."""

    def __init__(self) -> None:
        self._places: dict[int, int] = {}

    def note(self, article_id: int, offset: int) -> None:
        """The reader left ``article_id`` at ``offset`` (0: at its beginning)."""
        self._places.pop(article_id, None)
        if offset > 0:
            self._places[article_id] = offset
            for oldest in list(self._places)[:-MAX_ARTICLES]:
                del self._places[oldest]

    def place(self, article_id: int) -> int:
        """Where the reader left ``article_id`` (0: its beginning, or never left)."""
        return self._places.get(article_id, 0)

    def saved(self, reading: Mapping[int, int]) -> dict[str, int]:
        """The places to keep, with those of the articles ``reading`` now (article: offset)
        as if left now; in JSON's terms (its keys are text)."""
        kept = ReadingPlaces()
        kept._places = dict(self._places)
        for article_id, offset in reading.items():
            kept.note(article_id, offset)
        return {str(article_id): offset for article_id, offset in kept._places.items()}

    def load(self, saved: object, known_articles: Container[int]) -> None:
        """Take the places :meth:`saved` kept, but those of articles no longer in the
        project (``known_articles``) and any a hand-edited settings file spoilt."""
        self._places = {}
        if not isinstance(saved, dict):
            return
        for key, offset in saved.items():
            if str(key).isdigit() and isinstance(offset, int) and int(key) in known_articles:
                self.note(int(key), offset)
