"""Very long file names: an export to a name as long as the file system allows is
written (its temporary file used to be too long a name), an article file with such a
name imports under its name, and a name too long for the file system is a known error
naming it, not an error from deep inside Python."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diptych.storage.errors import ArticleFileError, InputError
from diptych.storage.files import write_atomically
from diptych.storage.import_files import files_to_import
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


def test_a_name_too_long_for_the_file_system_is_a_known_error_naming_it(tmp_path: Path) -> None:
    too_long = tmp_path / ("n" * 300 + ".md")
    with pytest.raises(InputError) as written:
        write_atomically(too_long, b"# Notes\n")
    assert str(written.value) == (
        f"{too_long}: cannot be written (File name too long). Choose another file name."
    )
    with pytest.raises(ArticleFileError) as read:
        read_article_file(too_long)
    assert str(read.value).startswith(f"{too_long}: could not be read (File name too long).")
    assert files_to_import([too_long]).files == [too_long]  # reading it says what is wrong
