"""The find bar's matches in a long article, held a window at a time: every match is
reached from anywhere, in order, forwards and backwards, and counted as the article's."""

from __future__ import annotations

from diptych.gui.find_window import FoundWindow, MatchWindow

TEXT = " ".join(f"para{n} the summit of talks" for n in range(23))  # 23 "summit"s


def starts() -> list[int]:
    found, at = [], TEXT.find("summit")
    while at >= 0:
        found.append(at)
        at = TEXT.find("summit", at + 1)
    return found


def test_stepping_forwards_reaches_every_match_once_then_goes_round() -> None:
    window = MatchWindow(TEXT, "Summit", size=5)
    assert window.total == 23 and not window.whole
    here = starts()[9] - 3  # the caret before the tenth
    index = window.after(here)
    seen = []
    for _ in range(23):
        seen.append((window.before + index, window.matches[index][0]))
        index = window.step(index, 1)
    assert seen == list(enumerate(starts()))[9:] + list(enumerate(starts()))[:9]
    assert (window.before + index, window.matches[index][0]) == (9, starts()[9])  # round


def test_stepping_backwards_reaches_every_match_once_then_goes_round() -> None:
    window = MatchWindow(TEXT, "summit", size=4)
    index = window.ending_before(starts()[2])  # the caret just before the third
    seen = []
    for _ in range(23):
        seen.append(window.before + index)
        assert window.matches[index][0] == starts()[window.before + index]
        index = window.step(index, -1)
    assert seen == [1, 0, *range(22, 1, -1)]


def test_a_caret_past_every_match_goes_round_to_the_first() -> None:
    window = MatchWindow(TEXT, "summit", size=5)
    assert window.after(len(TEXT)) == 0 and window.before == 0
    assert window.matches[0][0] == starts()[0]
    assert window.holds(starts()[2]) and not window.holds(starts()[10])


def test_few_matches_are_all_held_and_go_round() -> None:
    window = MatchWindow(TEXT, "summit", size=100)
    assert window.whole
    index = window.after(starts()[22])
    assert (index, len(window.matches)) == (22, 23)
    assert window.step(index, 1) == 0 and window.step(0, -1) == 22
    assert MatchWindow(TEXT, "absent").after(0) == 0


def test_the_places_a_search_found_are_stepped_through_a_window_at_a_time() -> None:
    found = [(at, at + 6) for at in starts()]
    window = FoundWindow(found, len(TEXT), size=5)
    assert window.total == 23 and not window.whole
    index = window.after(found[9][0] - 3)
    seen = []
    for _ in range(23):
        seen.append(window.matches[index])
        assert found.index(window.matches[index]) == window.before + index  # counted so
        index = window.step(index, 1)
    assert seen == found[9:] + found[:9]  # each once, round the article
    index = window.ending_before(found[2][1])
    back = []
    for _ in range(23):
        back.append(window.matches[index])
        index = window.step(index, -1)
    assert back == found[2::-1] + found[:2:-1]
