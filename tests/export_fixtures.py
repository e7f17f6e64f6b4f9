"""A deterministic project for the export tests, golden-file checks and the W3C validator.

:func:`build_export_project` creates the same project byte for byte on every run: a fixed
clock, fixed uuids for articles, tags and passages, and generated uuids (project, coders,
memos) drawn from a counter instead of the random generator.

Golden files live in ``tests/golden/``; run the tests with ``DIPTYCH_REGEN_GOLDEN=1`` to
rewrite them after an intended change, then review the diff.
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
from collections.abc import Iterator
from datetime import UTC
from typing import Any
from unittest import mock

from diptych.storage.anchors import find_quote
from diptych.storage.exporting import ExportOptions
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

GOLDEN = pathlib.Path(__file__).parent / "golden"
SAMPLES = pathlib.Path(__file__).parent.parent / "resources" / "samples"
EXPORT_TIME = "2025-02-01T12:00:00Z"
PROJECT_NAME = "Field notes: East Asia"


def fixed_uuid(kind: str, number: int) -> str:
    """A readable, valid version-4 UUID: ``kind`` is one hex digit (a article, b passage...)."""
    return f"{kind}0000000-0000-4000-8000-{number:012d}"


class FixedClock:
    """A clock that says what the test sets, however often storage asks."""

    def __init__(self, now: str = "2025-01-15T09:00:00Z") -> None:
        self.now = now

    def __call__(self) -> str:
        return self.now


@contextlib.contextmanager
def counted_uuids() -> Iterator[None]:
    """Make storage's generated uuids (project, coders, memos) come from a counter."""
    count = iter(range(1, 1_000_000))
    with mock.patch(
        "diptych.storage.project.new_uuid", side_effect=lambda: fixed_uuid("c", next(count))
    ):
        yield


SOURCE_ADDRESS = "https://news.example/2025/xi-visit?lang=en&page=1#séoul"

ARTICLE_ONE = """\
# Field notes: 東アジアの外交 🌏

Opening paragraph with an emoji 😀 and *emphasis*, written in Seoul.

## Trade, tariffs & "quotes"

The bilateral trade volume reached approximately $273 billion in 2024, a 3% rise.

A second paragraph continues the thought.

- =SUM(A1:A3) looks like a formula
- Item two, with a comma

## 中文部分

中国和韩国的贸易关系非常密切。👍🏽 Family: 👨‍👩‍👧 together.

```
# tag: value
- dash line
@mention and +plus
```
"""

DISPATCH_OLD = """\
Short dispatch

A sentence that will vanish from the next version of this dispatch.

The closing line stays.
"""

DISPATCH_NEW = """\
Short dispatch

Entirely rewritten middle paragraph about something else.

The closing line stays.
"""

HOSTILE_NOTE = (
    "Headline figure.\n\n# Not a heading of the export\n\n- check *customs* data\n"
    "---\n\nSee [the source](https://example.org/trade?a=1&b=2), "
    "[bad](javascript:alert(1)), <script>alert(1)</script> and "
    '<img src="http://evil.example/x.png" onerror="alert(1)">\n\n'
    "![chart](https://example.org/chart.png) [data](data:text/html,<b>x</b>)"
)

# (article index, quote, occurrence, tags, note, coder, passage number)
PASSAGES: tuple[tuple[int, str, int, tuple[str, ...], str, str, int], ...] = (
    (1, "symbolic restart", 1, ("Diplomacy",), "Framing used by *both* articles.", "Alice", 1),
    (
        0,
        "The bilateral trade volume reached approximately $273 billion in 2024",
        1,
        ("Trade", "Evidence"),
        HOSTILE_NOTE,
        "Alice",
        2,
    ),
    (0, "中国和韩国的贸易关系非常密切。👍🏽 Family: 👨‍👩‍👧", 1, ("Culture & society",), "",
     "李雷", 3),
    (0, "# tag: value\n- dash line\n@mention and +plus", 1, ("Method",),
     'Has "quotes", commas, and\nnewlines', "Bob", 4),
    (0, "emoji 😀", 1, (), "Just a highlight, no tag.", "Alice", 5),
    (0, "=SUM(A1:A3) looks like a formula", 1, ("Evidence",), "", "Bob", 6),
    (0, "rise.\nA second paragraph", 1, ("Economy",), "", "", 7),
    (0, "Seoul", 1, (), "", "Alice", 8),
    (2, "A sentence that will vanish", 1, ("Evidence",), "Will be orphaned.", "Bob", 9),
)  # fmt: skip

# (name, colour, parent, description)
TAGS = (
    ("Economy", "#F6C945", None, "Economic motives and outcomes"),
    ("Trade", "#F7A85C", "Economy", "Trade volumes, agreements, restrictions"),
    ("Diplomacy", "#7CC6F2", None, ""),
    ("Summitry", "#9FB3F5", "Diplomacy", "Never used in this project"),
    ("Culture & society", "#8FD694", None, ""),
    ("Evidence", "#C39BE8", None, "Claims backed by figures <or> named sources"),
    ("Method", "#5ED1C4", None, ""),
)


def build_export_project(path: pathlib.Path) -> Project:
    """Create the export test project at ``path`` and return it open."""
    clock = FixedClock()
    with counted_uuids():
        project = Project.open(path, create=True, name=PROJECT_NAME, clock=clock)
        _fill(project, clock)
    return project


def _fill(project: Project, clock: FixedClock) -> None:
    sources = [
        (ARTICLE_ONE.encode("utf-8"), "field-notes.md"),
        ((SAMPLES / "001_58ff977ce34ff27f.txt").read_bytes(), "001_58ff977ce34ff27f.txt"),
        (DISPATCH_OLD.encode("utf-8"), "dispatch.txt"),
    ]
    articles = []
    for number, (data, name) in enumerate(sources, start=1):
        clock.now = f"2025-01-15T09:0{number}:00Z"
        parsed = parse_article(data, name=name)
        articles.append(project.articles.add(parsed=parsed, uuid=fixed_uuid("a", number)))
    # the page the second article was saved from: one letter beyond ASCII, which a URI encodes
    project.articles.set_source_url(article_id=articles[1].id, url=SOURCE_ADDRESS)
    tags: dict[str, int] = {}
    for number, (name, color, parent, description) in enumerate(TAGS, start=1):
        tag = project.tags.add(
            name=name, color=color, parent_id=tags.get(parent or ""), description=description,
            uuid=fixed_uuid("7", number),
        )  # fmt: skip
        tags[name] = tag.id
    for index, quote, occurrence, names, note, coder, number in PASSAGES:
        clock.now = f"2025-01-15T10:{number:02d}:00Z"
        article = articles[index]
        text = project.articles.get(article_id=article.id).text
        anchor = find_quote(text, quote, occurrence=occurrence)
        passage = project.annotations.add(
            article_id=article.id, start=anchor.start, end=anchor.end,
            tag_ids=[tags[n] for n in names], note=note, coder=coder,
            uuid=fixed_uuid("b", number),
        )  # fmt: skip
        if number == 1:  # edited later: created and updated differ
            clock.now = "2025-01-20T16:30:00Z"
            project.annotations.set_note(annotation_id=passage.id, note=note + " Checked.")
    clock.now = "2025-01-21T08:00:00Z"
    project.articles.replace_text(
        article_id=articles[2].id, parsed=parse_article(DISPATCH_NEW.encode(), name="dispatch.txt")
    )
    project.memos.set(kind=MemoKind.PROJECT, text="Coding round **one**.\n\n# Aims\n\n- trade")
    project.memos.set(kind=MemoKind.ARTICLE, target_id=articles[0].id, text="Written by hand.")
    project.memos.set(kind=MemoKind.TAG, target_id=tags["Method"], text="How the *authors* know.")


def fixed_options(**kwargs: Any) -> ExportOptions:
    """Export options with the fixed export time, said in UTC whatever the computer's zone."""
    return ExportOptions(timestamp=EXPORT_TIME, zone=UTC, **kwargs)


def check_golden(name: str, data: bytes) -> None:
    """Assert ``data`` equals ``tests/golden/<name>``; rewrite it with DIPTYCH_REGEN_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("DIPTYCH_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing: run with DIPTYCH_REGEN_GOLDEN=1 to create it"
    expected = path.read_bytes()
    if data != expected:
        got = data.decode("utf-8", "replace").splitlines()
        want = expected.decode("utf-8", "replace").splitlines()
        pairs = enumerate(zip(got, want, strict=False))
        first = next((i for i, (g, w) in pairs if g != w), min(len(got), len(want)))
        raise AssertionError(
            f"{name} differs from the golden file at line {first + 1}:\n"
            f"  golden: {want[first] if first < len(want) else '<end>'!r}\n"
            f"  export: {got[first] if first < len(got) else '<end>'!r}\n"
            "If the change is intended, rerun with DIPTYCH_REGEN_GOLDEN=1 and review the diff."
        )


# --- W3C Web Annotation validation (the shared runner, wadm_check.py, as a function) ---

W3C_SCHEMA_DIRS = (
    os.environ.get("DIPTYCH_W3C_SCHEMAS", ""),
    str(pathlib.Path(__file__).parent / "data" / "w3c-annotation"),
)


def w3c_schema_root() -> pathlib.Path:
    """The folder holding the W3C test-suite schemas (definitions/, annotations/...)."""
    for candidate in W3C_SCHEMA_DIRS:
        if candidate and (pathlib.Path(candidate) / "definitions").is_dir():
            return pathlib.Path(candidate)
    raise AssertionError(
        "the W3C Web Annotation test schemas are missing; set DIPTYCH_W3C_SCHEMAS to their folder"
    )


class AnnotationChecker:
    """The W3C test suite's MUST assertions, plus motivation and purpose from the W3C list.

    This is ``wadm_check.py`` from the schemas' README, as a class: :meth:`errors` returns
    the failed assertions for one annotation, an empty list when it passes.
    """

    def __init__(self, root: pathlib.Path) -> None:
        from jsonschema import Draft4Validator, FormatChecker
        from referencing import Registry
        from referencing.jsonschema import DRAFT4

        def load(p: pathlib.Path) -> Any:
            return json.loads(p.read_text(encoding="utf-8"))

        registry: Registry[Any] = Registry().with_resources(
            (p.name, DRAFT4.create_resource(load(p))) for p in (root / "definitions").glob("*.json")
        )

        def validator(schema: Any) -> Any:
            return Draft4Validator(schema, registry=registry, format_checker=FormatChecker())

        self.validator = validator
        musts = load(root / "annotations/annotationMusts.test")["assertions"]
        self._musts = [(rel, load(root / rel)) for rel in musts]
        self._musts_v = [(rel, s, validator(s)) for rel, s in self._musts]
        self._motivation = validator(
            {"$ref": "annotations.json#/definitions/motivationRecognizedIfPresent"}
        )
        self._purpose = validator(
            {"$ref": "otherProperties.json#/definitions/purposeRecognizedIfPresent"}
        )

    def errors(self, anno: Any) -> list[str]:
        """Every failed assertion for ``anno``."""
        errs = [
            f"{rel}: {s.get('errorMessage', s.get('title'))}"
            for rel, s, v in self._musts_v
            if v.is_valid(anno) != (s.get("expectedResult", "valid") == "valid")
        ]
        if not self._motivation.is_valid(anno):
            errs.append(f"motivation not in W3C list: {anno.get('motivation')!r}")
        bodies = anno.get("body", [])
        for b in bodies if isinstance(bodies, list) else [bodies]:
            if isinstance(b, dict) and not self._purpose.is_valid(b):
                errs.append(f"purpose not in W3C list: {b.get('purpose')!r}")
        return errs

    def collection_errors(self, collection: Any) -> list[str]:
        """Checks of a collection and its embedded page against the suite's definitions."""
        page = collection["first"]
        checks = (
            ("annotationCollectionTypeValueFound", collection),
            ("labelFound", collection),
            ("totalFound", collection),
            ("firstFound", collection),
            ("firstValidIfPresent", collection),
            ("lastFound", collection),
            ("annotationPageTypeValueFound", page),
            ("partOfFound", page),
            ("startIndexFound", page),
            ("itemsFound", page),
        )
        errs = [
            name
            for name, instance in checks
            if not self.validator({"$ref": f"collections.json#/definitions/{name}"}).is_valid(
                instance
            )
        ]
        has_id = self.validator({"$ref": "id.json#/definitions/idValueFound"})
        errs += [f"{what} id" for what, o in (("collection", collection), ("page", page))
                 if not has_id.is_valid(o)]  # fmt: skip
        return errs


def context_terms(root: pathlib.Path) -> set[str]:
    """The terms the W3C annotation JSON-LD context defines."""
    context = json.loads((root / "jsonld" / "anno.jsonld").read_text(encoding="utf-8"))
    return set(context["@context"])


def build_large_project(path: pathlib.Path, *, passages: int, articles: int = 20) -> Project:
    """A project with ``passages`` passages spread over ``articles`` generated articles.

    Every passage has one or two tags (of a two-level codebook of 12 tags), every third a
    note with some Markdown. Used for progress tests and for measuring export speed.
    """
    from diptych.storage.annotations import NewAnnotation

    per_article = -(-passages // articles)
    paragraph = "Trade rose by 3% in 2024, said the ministry; talks continue — 貿易 📈. "
    project = Project.open(path, create=True, name="Large", clock=FixedClock())
    with project.transaction():
        summaries = []
        for number in range(articles):
            lines = [f"# Article {number}"]
            for section in range(per_article // 50 + 1):
                lines += [f"## Section {section}", paragraph * 60]
            parsed = parse_article("\n\n".join(lines).encode(), name=f"article-{number}.md")
            summaries.append(project.articles.add(parsed=parsed))
        tag_ids = []
        for top in range(4):
            parent = project.tags.add(name=f"Theme {top}")
            tag_ids.append(parent.id)
            tag_ids += [project.tags.add(name=f"Code {top}.{n}", parent_id=parent.id).id
                        for n in range(2)]  # fmt: skip
        items = []
        for index in range(passages):
            article = summaries[index % articles]
            text = project.articles.get(article_id=article.id).text
            start = (index * 37) % (len(text) - 80)
            tags = (tag_ids[index % 12],) + ((tag_ids[(index * 7) % 12],) if index % 2 else ())
            note = f"Note {index}: *why* this matters, see [x](https://example.org/{index})."
            items.append(
                NewAnnotation(
                    article_id=article.id, start=start, end=start + 40 + index % 30,
                    tag_ids=tuple(dict.fromkeys(tags)), note=note if index % 3 == 0 else "",
                    coder=f"Coder {index % 5}",
                )
            )  # fmt: skip
        project.annotations.add_many(items=items)
    return project
