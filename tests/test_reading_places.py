"""The last reading place of each article: noted as the reader leaves it, kept as JSON with
the panes' layout, and read back without the articles gone or what a hand-edited settings
file spoilt."""

from __future__ import annotations

from diptych.gui.reading_places import MAX_ARTICLES, ReadingPlaces


def test_the_last_place_left_is_kept_and_the_beginning_forgets_it() -> None:
    places = ReadingPlaces()
    places.note(4, 900)
    places.note(4, 1200)
    assert places.place(4) == 1200
    places.note(4, 0)
    assert places.place(4) == 0
    assert places.place(7) == 0  # never left


def test_saved_with_the_articles_read_now_and_loaded_without_those_gone() -> None:
    places = ReadingPlaces()
    places.note(1, 500)
    places.note(2, 800)
    saved = places.saved({2: 950, 3: 40})
    assert saved == {"1": 500, "2": 950, "3": 40}
    assert places.place(2) == 800  # saving notes nothing

    again = ReadingPlaces()
    again.load({**saved, "x": 5, "9": "far", "4": 70}, known_articles={1, 2, 3})
    assert [again.place(i) for i in (1, 2, 3, 4)] == [500, 950, 40, 0]
    again.load(["not", "a", "mapping"], known_articles={1})
    assert again.place(1) == 0


def test_only_the_articles_left_last_are_kept() -> None:
    places = ReadingPlaces()
    for article_id in range(1, MAX_ARTICLES + 11):
        places.note(article_id, 100)
    assert places.place(10) == 0 and places.place(11) == 100
    assert len(places.saved({})) == MAX_ARTICLES
