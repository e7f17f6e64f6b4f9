"""The quote of a passage over a whole long article is shown in the Passage panel from
its first few thousand characters, not laid out whole (a second for 1 MB), and reads as
it did: its first lines, the last one elided."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics, QTextLayout
from pytestqt.qtbot import QtBot

from diptych.gui import elided_label
from diptych.gui.elided_label import ElidedLabel, elide_lines

PARAGRAPH = "Para {n}. tonne corridor insurance port analyst premium analyst war price port."


@pytest.fixture
def laid_out(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each text the label lays out or elides."""
    lengths: list[int] = []

    class Layout(QTextLayout):
        def __init__(self, text: str, *args: object) -> None:
            lengths.append(len(text))
            super().__init__(text, *args)

    class Metrics(QFontMetrics):
        def elidedText(self, text: str, *args: object, **kwargs: object) -> str:  # type: ignore[override]
            lengths.append(len(text))
            return super().elidedText(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(elided_label, "QTextLayout", Layout)
    monkeypatch.setattr(elided_label, "QFontMetrics", Metrics)
    return lengths


def test_a_quote_of_a_whole_long_article_is_elided_from_its_beginning(
    qtbot: QtBot, laid_out: list[int]
) -> None:
    text = "\n".join(PARAGRAPH.format(n=n) for n in range(12_000))  # ~1 MB
    label = ElidedLabel(lines=3)
    qtbot.addWidget(label)
    label.resize(400, 80)
    label.show()
    qtbot.waitExposed(label)

    label.set_full_text(text)
    assert laid_out and max(laid_out) < 10_000
    shown = label.text().split("\n")
    assert len(shown) == 3 and shown[0].startswith("Para 0.") and shown[2].endswith("…")
    assert label.full_text() == text
    width = label.contentsRect().width()
    assert label.text() == elide_lines(text[:5_000], label.font(), width, 3)


def test_a_short_quote_is_shown_whole(qtbot: QtBot) -> None:
    label = ElidedLabel(lines=3)
    qtbot.addWidget(label)
    label.resize(400, 80)
    label.set_full_text("Talks resume.")
    assert label.text() == "Talks resume."
