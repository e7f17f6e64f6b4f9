"""The passage editor driven like a user: type a note, remove a tag chip, undo, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from diptych.gui.commands import perform, quote_start
from diptych.gui.passage_commands import SetPassageTags
from diptych.gui.passage_editor import PLACEHOLDER, PassageEditor
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import TagChip
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation
from diptych.storage.sample import SAMPLE_FILES, sample_bytes


class Window(QWidget):
    """The editor with another focusable widget beside it, as in the main window."""

    def __init__(self, session: ProjectSession) -> None:
        super().__init__()
        self.editor = PassageEditor(session, self)
        self.other = QLineEdit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.other)


@pytest.fixture
def window(qtbot, session: ProjectSession) -> Window:
    window = Window(session)
    qtbot.addWidget(window)
    window.resize(340, 560)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def passage_with_note(session: ProjectSession) -> Annotation:
    return next(p for p in session.project.annotations.query() if p.note and len(p.tag_ids) == 2)


def stored(session: ProjectSession, passage: Annotation) -> Annotation:
    return session.project.annotations.get(annotation_id=passage.id)


def chips(editor: PassageEditor) -> list[TagChip]:
    return [c for c in editor.chips.findChildren(TagChip) if c.isVisible()]


def type_note(qtbot, editor: PassageEditor, text: str) -> None:
    editor.note.setFocus()
    qtbot.waitUntil(editor.note.hasFocus)
    qtbot.keyClicks(editor.note, text)


def test_placeholder_until_a_passage_is_shown(window: Window, session: ProjectSession) -> None:
    editor = window.editor
    assert editor.current_passage() is None
    assert editor.pages.currentWidget() is editor.placeholder
    assert editor.placeholder.text() == PLACEHOLDER
    passage = passage_with_note(session)
    editor.show_passage(passage.id)
    assert editor.current_passage() == passage.id
    assert editor.quote.full_text() == passage.exact
    assert editor.note.toPlainText() == passage.note
    assert editor.title.full_text() == session.project.articles.all()[0].title
    assert editor.note.placeholderText() == "Write a note (Markdown)…"
    assert not editor.status.isVisible()
    editor.show_passage(None)
    assert editor.pages.currentWidget() is editor.placeholder


def test_typing_a_note_saves_it_after_a_pause(
    qtbot, window: Window, session: ProjectSession
) -> None:
    passage = passage_with_note(session)
    window.editor.show_passage(passage.id)
    type_note(qtbot, window.editor, " Done.")
    assert stored(session, passage).note == passage.note  # not yet: typing goes on
    qtbot.waitUntil(lambda: stored(session, passage).note == passage.note + " Done.")


def test_leaving_the_note_saves_it_at_once(qtbot, window: Window, session: ProjectSession) -> None:
    passage = passage_with_note(session)
    window.editor.show_passage(passage.id)
    type_note(qtbot, window.editor, "!")
    qtbot.mouseClick(window.other, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.other.hasFocus)
    assert stored(session, passage).note == passage.note + "!"


def test_quick_edits_are_one_undo_step_and_undo_updates_the_editor(
    qtbot, window: Window, session: ProjectSession
) -> None:
    editor = window.editor
    passage = passage_with_note(session)
    editor.show_passage(passage.id)
    type_note(qtbot, editor, " One")
    qtbot.waitUntil(lambda: stored(session, passage).note.endswith(" One"))
    type_note(qtbot, editor, " two")
    qtbot.waitUntil(lambda: stored(session, passage).note.endswith(" One two"))
    assert session.undo_stack.count() == 1
    # Named by its passage, as a memo's step is by its article.
    assert session.undo_stack.undoText() == f"Edit note on passage “{quote_start(passage.exact)}”"
    session.undo_stack.undo()  # Ctrl+Z in the window
    assert stored(session, passage).note == passage.note
    assert editor.note.toPlainText() == passage.note
    session.undo_stack.redo()
    assert editor.note.toPlainText() == passage.note + " One two"


def test_a_change_from_elsewhere_never_clobbers_typing(
    qtbot, window: Window, session: ProjectSession
) -> None:
    editor = window.editor
    passage = passage_with_note(session)
    editor.show_passage(passage.id)
    type_note(qtbot, editor, " mine")
    session.set_passage_note(passage.id, "Written in another window")
    assert editor.note.toPlainText() == passage.note + " mine"
    tags = session.codebook().find("Security")[0].id
    session.set_passage_tags(passage.id, [tags])
    assert [c.label.text() for c in chips(editor)] == ["Security"]  # the rest does follow
    qtbot.mouseClick(window.other, Qt.MouseButton.LeftButton)
    assert stored(session, passage).note == passage.note + " mine"


def test_a_change_from_elsewhere_shows_when_not_typing(
    window: Window, session: ProjectSession
) -> None:
    passage = passage_with_note(session)
    window.editor.show_passage(passage.id)
    session.set_passage_note(passage.id, "Written in another window")
    assert window.editor.note.toPlainText() == "Written in another window"


def test_a_chip_x_asks_to_remove_its_tag_after_saving_the_note_and_the_chips_follow(
    qtbot, window: Window, session: ProjectSession
) -> None:
    editor = window.editor
    passage = passage_with_note(session)
    editor.show_passage(passage.id)
    shown = chips(editor)
    assert [c.tag_id for c in shown] == sorted(
        passage.tag_ids, key=[t.id for t in session.codebook().ordered()].index
    )
    removed = shown[0].tag_id
    type_note(qtbot, editor, " more")
    with qtbot.waitSignal(editor.removeTagRequested) as requested:
        qtbot.mouseClick(shown[0].remove_button, Qt.MouseButton.LeftButton)
    assert requested.args == [passage.id, removed]
    assert stored(session, passage).note == passage.note + " more"  # saved before the change
    assert stored(session, passage).tag_ids == passage.tag_ids  # the window takes it off

    kept = [t for t in passage.tag_ids if t != removed]
    perform(session, SetPassageTags(session, passage.id, kept, "Remove tag"))
    assert removed not in [c.tag_id for c in chips(editor)]
    session.undo_stack.undo()
    assert sorted(c.tag_id for c in chips(editor)) == sorted(passage.tag_ids)


def test_chips_show_the_tag_colour(window: Window, session: ProjectSession) -> None:
    passage = passage_with_note(session)
    window.editor.show_passage(passage.id)
    chip = chips(window.editor)[0]
    color = session.codebook()[chip.tag_id].color
    image = chip.grab().toImage()
    assert image.pixelColor(image.width() // 2, 2).name().upper() == color.upper()


def test_add_tag_button_asks_for_a_tag_for_the_passage_shown(
    qtbot, window: Window, session: ProjectSession
) -> None:
    editor = window.editor
    passage = passage_with_note(session)
    editor.show_passage(passage.id)
    type_note(qtbot, editor, " more")
    with qtbot.waitSignal(editor.addTagRequested) as requested:
        qtbot.mouseClick(editor.add_tag_button, Qt.MouseButton.LeftButton)
    assert requested.args == [passage.id]
    assert stored(session, passage).note == passage.note + " more"  # saved before tagging


def test_delete_button_deletes_and_falls_back_to_the_placeholder(
    qtbot, window: Window, session: ProjectSession
) -> None:
    editor = window.editor
    passage = passage_with_note(session)
    editor.show_passage(passage.id)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert passage.id not in {p.id for p in session.project.annotations.query()}
    assert editor.current_passage() is None
    assert editor.pages.currentWidget() is editor.placeholder
    session.undo_stack.undo()
    assert stored(session, passage) == passage


def test_preview_renders_the_note_safely(qtbot, window: Window, session: ProjectSession) -> None:
    editor = window.editor
    passage = passage_with_note(session)
    editor.show_passage(passage.id)
    editor.note.selectAll()
    type_note(qtbot, editor, "**Bold** [x](javascript:alert(1)) ![i](file:///etc/passwd)")
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.note_pages.currentWidget() is editor.preview
    html = editor.preview.toHtml()
    assert "javascript" not in html and "passwd" not in html and "<img" not in html
    assert editor.preview.toPlainText().strip() == "Bold x i"
    assert stored(session, passage).note.startswith("**Bold**")  # previewing saved it


def test_an_orphan_offers_reattaching(qtbot, window: Window, session: ProjectSession) -> None:
    article = session.project.articles.all()[1]
    text = sample_bytes(SAMPLE_FILES[1]).decode().replace("symbolic restart", "fresh start")
    parsed = parse_article(text.encode(), name=SAMPLE_FILES[1])
    session.project.articles.replace_text(article_id=article.id, parsed=parsed)
    orphan = next(p for p in session.project.annotations.query() if p.is_orphan)
    editor = window.editor
    editor.show_passage(orphan.id)
    assert editor.status.isVisible()
    assert "no longer found in the article's current text" in editor.status.text()
    with qtbot.waitSignal(editor.reattachRequested) as requested:
        qtbot.mouseClick(editor.reattach_button, Qt.MouseButton.LeftButton)
    assert requested.args == [orphan.id]


def test_an_orphan_whose_words_are_still_there_is_not_said_to_be_gone(
    window: Window, session: ProjectSession
) -> None:
    # "talks" coded in a paragraph the update rewrote, which now says "talks" twice:
    # neither is surely the passage's, but the words are in the article.
    old = "Trade\n\nThe two sides agreed on Tuesday to resume talks on tariffs.\n\nMarkets rose."
    new = "Trade\n\nOfficials expect talks soon, and talks on steel later.\n\nMarkets rose."
    project = session.project
    article = project.articles.add(parsed=parse_article(old.encode(), name="talks.txt"))
    text = project.articles.get(article_id=article.id).text
    start = text.index("talks")
    passage = project.annotations.add(article_id=article.id, start=start, end=start + 5)
    project.articles.replace_text(
        article_id=article.id, parsed=parse_article(new.encode(), name="talks.txt")
    )
    assert project.annotations.get(annotation_id=passage.id).is_orphan
    editor = window.editor
    editor.show_passage(passage.id)
    assert editor.status.isVisible()
    said = editor.status.text()
    assert "not placed with certainty" in said and "still has its words" in said
    assert "no longer" not in said


def test_showing_another_passage_saves_the_note_first(
    qtbot, window: Window, session: ProjectSession
) -> None:
    editor = window.editor
    first, second = session.project.annotations.query()[:2]
    editor.show_passage(first.id)
    type_note(qtbot, editor, "quick")
    editor.show_passage(second.id)
    assert stored(session, first).note == first.note + "quick"
    assert editor.note.toPlainText() == second.note


def test_a_long_quote_is_elided_with_the_full_text_as_tooltip(
    window: Window, session: ProjectSession
) -> None:
    article = session.project.articles.all()[0]
    passage = session.add_passage(article_id=article.id, start=0, end=900, tag_ids=[])
    window.editor.show_passage(passage.id)
    shown = window.editor.quote.text()
    assert shown.endswith("…") and len(shown.splitlines()) <= 4
    assert passage.exact[:40] in window.editor.quote.toolTip()


def test_a_note_typed_as_the_project_closes_is_not_saved_into_a_closed_file(
    qtbot, window: Window, session: ProjectSession
) -> None:
    passage = passage_with_note(session)
    window.editor.show_passage(passage.id)
    type_note(qtbot, window.editor, " late")
    errors: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: errors.append(text))
    session.close()  # another project is opened, say
    window.hide()  # hiding the editor saves its note: the file is closed by now
    assert errors == []
    assert session.undo_stack.count() == 0


def test_add_tag_button_moves_past_the_chips_of_each_passage_shown(
    window: Window, session: ProjectSession
) -> None:
    editor = window.editor
    passages = sorted(session.project.annotations.query(), key=lambda p: len(p.tag_ids))
    # One passage after another, as F8 or clicks on highlights show them: the chips differ
    # in number and width each time.
    for passage in passages * 2:
        editor.show_passage(passage.id)
        QApplication.processEvents()
        shown = chips(editor)
        assert len(shown) == len(passage.tag_ids)
        button = editor.add_tag_button.geometry()
        for chip in shown:
            assert not chip.geometry().intersects(button), (
                f"Add tag… at {button.getRect()} under the chip {chip.label.text()!r} "
                f"at {chip.geometry().getRect()}"
            )
