"""A quoted item nested under a numbered one starts under its parent's words, as
CommonMark nests it (3 spaces under "1. ", 4 under "10. "): with the 2 spaces a bullet's
child takes, it read as a list of its own after the numbered one. Each output is parsed
with markdown-it-py, to check what a reader of the notes sees."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ARTICLE = """# Steps

First steps:

1. First item
2. Second item
   - nested bullet
     1. deeper number
3. Third item

Later steps:

10. Tenth item
    - nested under ten
11. Eleventh item

Loose ends:

- a bullet

  3. numbered from three
"""


def notes_of(tmp_path: Path, quotes: list[tuple[str, str]]) -> str:
    """The Markdown notes of passages from the first to the second text of each pair."""
    with Project.create(tmp_path / "lists.diptych") as project:
        added = project.articles.add(parsed=parse_article(ARTICLE.encode(), name="steps.md"))
        text = project.articles.get(article_id=added.id).text
        tag = project.tags.add(name="Steps")
        for first, last in quotes:
            start = text.index(first)
            end = text.index(last, start) + len(last)
            project.annotations.add(article_id=added.id, start=start, end=end, tag_ids=[tag.id])
        return export_project(project, fmt="md").decode("utf-8")


def quoted_items(notes: str) -> dict[str, tuple[str, ...]]:
    """Each list item in the notes' block quotes: its words, with the words of the items
    it is nested in, outermost first."""
    found: dict[str, tuple[str, ...]] = {}

    def walk(node: SyntaxTreeNode, quoted: bool, outer: tuple[str, ...]) -> None:
        quoted = quoted or node.type == "blockquote"
        if node.type == "list_item":
            paragraph = next(c for c in node.children if c.type == "paragraph")
            words = paragraph.children[0].content
            if quoted:
                found[words] = outer
            outer = (*outer, words)
        for child in node.children:
            walk(child, quoted, outer)

    walk(SyntaxTreeNode(MarkdownIt("commonmark").parse(notes)), False, ())
    return found


def test_a_bullet_under_a_numbered_item_stays_nested_under_it(tmp_path: Path) -> None:
    notes = notes_of(tmp_path, [("First item", "nested bullet")])
    assert "> 1. First item\n> 2. Second item\n>    - nested bullet\n" in notes
    assert quoted_items(notes) == {
        "First item": (),
        "Second item": (),
        "nested bullet": ("Second item",),
    }


def test_nesting_follows_each_parent_s_marker(tmp_path: Path) -> None:
    notes = notes_of(tmp_path, [("Second item", "Third item"), ("Tenth item", "Eleventh item")])
    assert ">     - nested under ten\n" in notes  # under "10. ": 4 spaces
    assert quoted_items(notes) == {
        "Second item": (),
        "nested bullet": ("Second item",),
        "deeper number": ("Second item", "nested bullet"),
        "Third item": (),
        "Tenth item": (),
        "nested under ten": ("Tenth item",),
        "Eleventh item": (),
    }


def test_a_nested_list_numbered_from_three_is_no_more_words_of_its_parent(
    tmp_path: Path,
) -> None:
    notes = notes_of(tmp_path, [("a bullet", "numbered from three")])
    assert quoted_items(notes) == {"a bullet": (), "numbered from three": ("a bullet",)}
    assert '<ol start="3">' in MarkdownIt("commonmark").render(notes)


def test_a_quote_beginning_inside_a_nested_list_is_not_indented_code(tmp_path: Path) -> None:
    notes = notes_of(tmp_path, [("deeper number", "Third item")])
    assert "code_block" not in {t.type for t in MarkdownIt("commonmark").parse(notes)}
    assert set(quoted_items(notes)) == {"deeper number", "Third item"}
