"""Very long file names: an export to a name as long as the file system allows is
written (its temporary file used to be too long a name), and an article file with such
a name imports under its name."""

from __future__ import annotations

import os
from pathlib import Path

from diptych.storage.files import write_atomically
from diptych.storage.importing import read_article_file


def test_an_export_to_the_longest_allowed_name_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / ("Seoul talks, tagged notes " * 10)[:250].strip()
    target = target.with_name(target.name + ".md")
    assert len(os.fsencode(target.name)) <= 255
    write_atomically(target, b"# Notes\n")
    assert target.read_bytes() == b"# Notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left
    write_atomically(target, b"# Notes, again\n")  # over the existing file too
    assert target.read_bytes() == b"# Notes, again\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_an_article_file_with_the_longest_allowed_name_imports(tmp_path: Path) -> None:
    name = "é" * 125 + ".md"  # 253 bytes in UTF-8
    path = tmp_path / name
    path.write_bytes(b"Some words.\n")
    article = read_article_file(path)
    assert article.source_name == name
    assert article.title == "é" * 125
