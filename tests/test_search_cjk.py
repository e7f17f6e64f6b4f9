"""Search finds Chinese, Japanese and Korean words inside the runs of characters they are
written in: the index reads a run between punctuation as one word (中国外交政策正在转变),
and Korean words carry their particles (한국은), so a word is looked for where it occurs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_snippets import snippet
from diptych.storage.search_words import first_found, terms_pattern

POLICY = (
    "東アジア外交の記録\n\n"
    "中国外交政策正在转变。韩国总统访问北京。外交官说。\n\n"
    "한국은 중국과 협력한다. Steel tariffs were discussed."
)
HARBOUR = "Harbour notes\n\n中国外交部发言人说。The harbour was quiet."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "asia.diptych") as project:
        policy = project.articles.add(parsed=parse_article(POLICY.encode(), name="policy.txt"))
        project.articles.add(parsed=parse_article(HARBOUR.encode(), name="harbour.txt"))
        start = project.articles.get(article_id=policy.id).text.index("韩国总统")
        project.annotations.add(
            article_id=policy.id, start=start, end=start + 4, note="会谈在首尔以后举行"
        )
        project.memos.set(kind=MemoKind.PROJECT, text="注意：日米同盟の**議論**を追う")
        yield project


def found(project: Project, query: str) -> list[tuple[str, str]]:
    """What ``query`` finds: each hit's kind and its snippet, best first."""
    return [(hit.kind, hit.snippet) for hit in search(project, query=query)]


def titles(project: Project, query: str, kind: str = "article") -> list[str]:
    return sorted(hit.title for hit in search(project, query=query) if hit.kind == kind)


def test_a_chinese_word_inside_a_run_finds_the_articles_and_marks_it(project: Project) -> None:
    hits = search(project, query="外交")
    assert [(h.kind, h.title) for h in hits] == [
        ("article", "東アジア外交の記録"),  # three times: before the one that has it once
        ("article", "Harbour notes"),
    ]
    assert "中国[外交]政策正在转变" in hits[0].snippet
    assert "中国[外交]部发言人说" in hits[1].snippet
    start, end = hits[1].matches[0]
    assert hits[1].shown[start:end] == "外交"


def test_a_korean_word_with_its_particle_and_a_japanese_title_are_found(
    project: Project,
) -> None:
    ((kind, cut),) = found(project, "한국")
    assert kind == "article" and "外交官说。\n[한국]은 중국과 협력한다." in cut
    assert titles(project, "アジア") == ["東アジア外交の記録"]
    assert titles(project, "title:アジア") == ["東アジア外交の記録"]
    assert titles(project, "title:总统") == []  # in the text, not the title


def test_a_passage_is_found_by_its_quote_and_by_its_note(project: Project) -> None:
    assert ("passage", "[韩国总统]") in found(project, "韩国总统")
    assert found(project, "首尔") == [("passage", "会谈在[首尔]以后举行")]
    assert titles(project, "note:首尔", "passage") == ["東アジア外交の記録"]
    assert found(project, "note:总统") == []  # the quote's word, not the note's


def test_a_memo_is_found_by_a_word_inside_its_text(project: Project) -> None:
    assert found(project, "同盟") == [("memo", "注意：日米[同盟]の議論を追う")]
    assert found(project, "note:議論") == [("memo", "注意：日米同盟の[議論]を追う")]


def test_a_phrase_is_found_only_whole(project: Project) -> None:
    assert titles(project, '"总统访问北京"') == ["東アジア外交の記録"]
    assert titles(project, '"北京访问"') == []
    assert titles(project, '"한국은 중국과"') == ["東アジア外交の記録"]


def test_several_words_must_all_be_there_and_or_finds_either(project: Project) -> None:
    assert titles(project, "外交 steel") == ["東アジア外交の記録"]
    assert titles(project, "外交 harbour") == ["Harbour notes"]
    assert titles(project, "发言人 总统") == []
    assert titles(project, "发言人 OR 总统") == ["Harbour notes", "東アジア外交の記録"]
    assert titles(project, "(发言人 OR tariffs) 政策") == ["東アジア外交の記録"]


def test_a_left_out_word_leaves_out_what_has_it(project: Project) -> None:
    assert titles(project, "外交 -steel") == ["Harbour notes"]
    assert titles(project, "外交 -总统") == ["Harbour notes"]
    assert titles(project, "harbour -发言人") == []
    assert titles(project, 'steel -"总统访问"') == []
    assert titles(project, "steel -总统访") == []


def test_the_command_line_marks_the_word_inside_the_run(project: Project) -> None:
    path = project.path
    project.close()
    code, out, err = run("search", path, "外交", "-steel")
    assert code == 0, err
    assert out.splitlines() == [
        "article 2  Harbour notes: Harbour notes 中国[外交]部发言人说。The harbour was quiet."
    ]


def test_the_marks_and_the_first_place_found_are_inside_runs() -> None:
    assert snippet("中国外交政策正在转变。", terms_pattern("外交")) == "中国[外交]政策正在转变。"
    assert snippet("한국은 중국과", terms_pattern("한국")) == "[한국]은 중국과"
    text = POLICY.split("\n\n", 1)[1]

    def at(query: str) -> str | None:
        span = first_found(text, query)
        return text[span[0] : span[1]] if span else None

    assert at("外交") == "外交"
    assert at('"总统访问"') == "总统访问"
    assert at("steel 한국") == "한국"
    assert at("北京*") == "北京"  # not the rest of its run
    assert at("title:外交官") == "外交官"


def test_a_snippet_of_chinese_is_a_few_words_around_the_match_not_whole_sentences() -> None:
    sentences = ["两国领导人在会谈中讨论了经济合作与地区安全问题"] * 20
    sentences[10] = "两国领导人在会谈中讨论了外交政策与地区安全问题"
    cut = snippet("。".join(sentences) + "。", terms_pattern("外交"))
    assert cut == "…人在会谈中讨论了[外交]政策与地区安全问题。两国领导…"


def test_a_pasted_korean_paragraph_is_searched_not_refused(tmp_path: Path) -> None:
    words = [f"{word}{n}" for n, word in enumerate(["한국은", "중국과", "협력한다"] * 500)]
    with Project.create(tmp_path / "k.diptych") as project:
        text = "기사\n\n" + " ".join(words)
        project.articles.add(parsed=parse_article(text.encode(), name="k.txt"))
        # SQLite refuses an expression 1,000 deep: a chain of 1,500 words was one
        assert titles(project, " ".join(words)) == ["기사"]
        assert titles(project, " OR ".join(["없는말", *words])) == ["기사"]
        assert titles(project, "(" * 2_000 + "한국은7" + ")" * 2_000) == ["기사"]


def test_thousands_of_column_filters_in_a_row_are_read_as_their_columns(project: Project) -> None:
    """``title:`` written 3,000 times is one filter (it was read one level deeper each time,
    past Python's recursion limit); filters naming no common column find nothing."""
    assert titles(project, "title:" * 3_000 + "外交") == ["東アジア外交の記録"]
    assert titles(project, "title:display_text:" * 1_500 + "外交") == []
