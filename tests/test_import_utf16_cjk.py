"""Chinese, Japanese or Korean text saved as UTF-16 without a byte-order mark (as some
Windows tools and exports write it) is read as such, not refused as a file that is not
text; bytes that are not text are still refused, naming the file."""

from __future__ import annotations

import random

import pytest

from diptych.storage.errors import ArticleFileError
from diptych.storage.importing import parse_article

TEXTS = {
    "tokyo.txt": "東京の天気は晴れです。\n明日も晴れるでしょう。",
    "beijing.txt": "北京欢迎你。\n今天天气很好，我们去公园散步吧！\n",
    "seoul.txt": "서울의 날씨는 맑습니다.\n내일도 맑겠습니다.",
    "hiragana.txt": "これはひらがなのおおいぶんしょうです。\nとてもながいです。",
    "tokyo.html": "<h1>東京の天気</h1><p>東京の天気は晴れです。</p>",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_cjk_text_in_utf16_without_a_mark_is_read(name: str, codec: str) -> None:
    parsed = parse_article(TEXTS[name].encode(codec), name=name)
    assert parsed.encoding == codec
    shown = TEXTS[name].replace("<h1>", "").replace("</h1>", "\n")
    shown = shown.replace("<p>", "").replace("</p>", "")
    assert parsed.content.text == shown.strip()


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_with_nul_bytes_are_still_refused(seed: int) -> None:
    data = random.Random(seed).randbytes(4096) + b"\x00\x00"
    with pytest.raises(ArticleFileError, match=r"noise\.txt"):
        parse_article(data, name="noise.txt")


def test_text_with_nul_bytes_that_cannot_be_told_says_to_save_it_as_utf8() -> None:
    # UTF-16 cut short by one byte: which text it was cannot be told; the message says how
    # to bring it in.
    data = "Notes from Seoul, 서울.\n".encode("utf-16-le") + b"\n"
    with pytest.raises(ArticleFileError) as caught:
        parse_article(data, name="seoul.txt")
    message = str(caught.value)
    assert message.startswith("seoul.txt: is not a text file (NUL bytes).")
    assert "save it as UTF-8 and import it again" in message
