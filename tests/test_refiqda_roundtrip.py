"""Diptych -> .qdpx -> Diptych keeps what the analyst wrote, character for character."""

from __future__ import annotations

import zipfile
from pathlib import Path

from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file

TEXT = "😀 starts it.\n\n中文的句子，还有 𝒳 和 🇰🇷 旗。\n\nEnds with a party 🎉"
NOTE = "    print('a code block')\n\nThen *Markdown*:\n\n- one\n- two"


def test_notes_and_memos_keep_their_markdown_through_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.qdpx"
    with Project.open(tmp_path / "a.diptych", create=True) as source:
        article = source.articles.add(parsed=parse_article(TEXT.encode(), name="zh.txt"))
        text = source.articles.get(article_id=article.id).text
        parent = source.tags.add(name="観察 👀", color="#12AB9F", description="Top\n\n  indented")
        child = source.tags.add(name="Detail", color="#ABCDEF", parent_id=parent.id)
        spans = [(0, 1, [parent.id], NOTE, "Zoë"), (text.index("𝒳"), len(text), [child.id], "", "")]
        for start, end, tag_ids, note, coder in spans:
            source.annotations.add(
                article_id=article.id, start=start, end=end, tag_ids=tag_ids, note=note, coder=coder
            )
        source.memos.set(kind=MemoKind.PROJECT, text="    indented project memo")
        source.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text=NOTE)
        source.memos.set(kind=MemoKind.TAG, target_id=child.id, text="- a list memo")
        path.write_bytes(export_qdpx(collect(source), None))
        before = passages_tags_memos(source)
    with Project.open(tmp_path / "b.diptych", create=True) as target:
        import_exchange_file(target, path=path)
        assert passages_tags_memos(target) == before


def passages_tags_memos(project: Project) -> tuple[object, ...]:
    codebook = project.tags.codebook()
    articles = {a.id: a.uuid for a in project.articles.all()}
    return (
        [(articles[p.article_id], p.start, p.end, p.exact, p.note, p.coder, p.created_at,
          p.updated_at, [codebook.path(t) for t in p.tag_ids])
         for p in project.annotations.query()],
        [(codebook.path(t.id), t.color, t.description) for t in codebook.ordered()],
        sorted((m.kind.value, m.text) for m in project.memos.all()),
    )  # fmt: skip


def test_a_note_laid_out_with_the_xml_loses_that_layout(tmp_path: Path) -> None:
    qde = """<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>
      <TextSource guid="631251cc-9fb4-4131-bea8-35947084c409" name="t">
        <PlainTextContent>Hello world.</PlainTextContent>
        <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="0"
            endPosition="5">
          <Description>
            Memo written on two lines,
            laid out with the XML.
          </Description>
        </PlainTextSelection>
      </TextSource></Sources></Project>"""
    path = tmp_path / "laid-out.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
    with Project.open(tmp_path / "c.diptych", create=True) as target:
        import_exchange_file(target, path=path)
        (passage,) = target.annotations.query()
        assert passage.note == "Memo written on two lines,\nlaid out with the XML."


def test_a_passage_starting_with_a_space_comes_back_on_its_words(tmp_path: Path) -> None:
    # The selection's name is its quote without the space. Its words did not begin with
    # that name, so the importer took the emoji before as two characters each (as
    # UTF-16 programs count), which moved the passage two characters back onto the
    # same words repeated: "ab ab " instead of " ab ab".
    path = tmp_path / "out.qdpx"
    with Project.open(tmp_path / "a.diptych", create=True) as source:
        parsed = parse_article("😀😀ab ab ab ab".encode(), name="repeated.txt")
        article = source.articles.add(parsed=parsed)
        source.annotations.add(article_id=article.id, start=4, end=10)
        path.write_bytes(export_qdpx(collect(source), None))
    with Project.open(tmp_path / "b.diptych", create=True) as target:
        import_exchange_file(target, path=path)
        (passage,) = target.annotations.query()
        assert (passage.start, passage.end, passage.exact) == (4, 10, " ab ab")


def test_two_passages_on_the_same_words_stay_two(tmp_path: Path) -> None:
    # The command line's annotate makes a passage each time, on words already tagged
    # too. Other programs write a selection per code, which the import makes one passage;
    # a selection Diptych wrote is a passage of its own, with its own note.
    path = tmp_path / "out.qdpx"
    with Project.open(tmp_path / "a.diptych", create=True) as source:
        parsed = parse_article(b"Hello world. Trade rose.", name="same.txt")
        article = source.articles.add(parsed=parsed)
        first, second = source.tags.add(name="First"), source.tags.add(name="Second")
        for tag, note in ((first, "one"), (second, "two")):
            source.annotations.add(
                article_id=article.id, start=13, end=23, tag_ids=[tag.id], note=note, coder="Ann"
            )
        path.write_bytes(export_qdpx(collect(source), None))
        before = passages_tags_memos(source)
    for name in ("b.diptych", "c.diptych"):  # a new project, and one with the article
        with Project.open(tmp_path / name, create=True) as target:
            if name == "c.diptych":
                target.articles.add(parsed=parsed)
            import_exchange_file(target, path=path)
            passages = [p[1:] for p in passages_tags_memos(target)[0]]  # article uuid aside
            assert passages == [p[1:] for p in before[0]]
