"""The file dialogs of File > Import and Update from newer file… offer the kinds of file
that importing reads: the patterns are written out in the window (so that the readers
load only when an import starts), and must not drift from them."""

from __future__ import annotations

from diptych.gui.import_dialogs import (
    ARTICLE_FILTER,
    ARTICLE_PATTERNS,
    EXCHANGE_PATTERNS,
    FILE_FILTER,
)
from diptych.storage.importing import EXCHANGE_SUFFIXES, FORMATS


def test_the_dialogs_offer_every_article_kind_and_only_those() -> None:
    assert ARTICLE_PATTERNS.split() == [f"*{suffix}" for suffix in FORMATS]
    assert EXCHANGE_PATTERNS.split() == [f"*{suffix}" for suffix in EXCHANGE_SUFFIXES]


def test_import_offers_articles_and_exchange_files_an_update_articles_only() -> None:
    assert FILE_FILTER.split(";;")[0].endswith(f"({ARTICLE_PATTERNS} {EXCHANGE_PATTERNS})")
    assert ARTICLE_FILTER.split(";;")[0] == f"Articles ({ARTICLE_PATTERNS})"
