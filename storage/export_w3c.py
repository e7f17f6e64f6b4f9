"""W3C Web Annotation JSON-LD: one Annotation per passage, in an AnnotationCollection.

The document is an ``AnnotationCollection`` (Web Annotation Data Model, section 5) with
the annotations inline in its ``first`` (and only) page, so that one file holds everything. Each
annotation also carries the ``@context`` itself, so that it stays a valid annotation
when taken out of the collection.

Each passage becomes one annotation:

- ``id``: ``urn:uuid:<passage uuid>``, the same in every export of the project;
- ``motivation``: ``highlighting``, always. A Diptych passage is first of all a
  highlight of the text; its tags and note are bodies that each say what they are for
  with a ``purpose`` (``tagging``, ``commenting``), which is how the model separates the
  reason for the whole annotation from the role of each body (section 3.3.5, where a
  ``bookmarking`` annotation carries a ``tagging`` and a ``describing`` body). A
  consumer that only looks at the motivation still sees a highlight, and one that reads
  purposes finds the tags and the note without guessing;
- ``body``: a list of one ``TextualBody`` per tag (``purpose: tagging``, value the tag
  path such as ``Economy/Trade``) in codebook order, then one for the note (``purpose:
  commenting``, ``format: text/markdown``); no body for a bare highlight;
- ``target``: a ``SpecificResource`` whose ``source`` is the article, an External Web
  Resource (section 3.2.1): ``id`` ``urn:uuid:<article uuid>``, ``type`` ``Text``,
  ``format`` ``text/plain``, ``label`` its title and ``via`` the address it was saved
  from, when known; and whose selectors (a list) are a
  ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` (start,
  end: Unicode code points of the article's display text, end exclusive);
- ``creator``: the coder as a ``Person`` (``urn:uuid`` id from the coders table, name);
  ``created`` and ``modified`` as UTC date-times.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from diptych.storage.exporting import (
    ExportData,
    ExportPassage,
    Progress,
    ProgressMeter,
    encoded_lines,
)
from diptych.storage.model import Article
from diptych.storage.source_addresses import uri_form

CONTEXT = "http://www.w3.org/ns/anno.jsonld"

# Ids this exporter derives (the collection and its page) are name-based UUIDs in this
# namespace when the project's own uuid cannot serve as one.
_NAMESPACE = uuidlib.UUID("0c4f7f0a-5d0e-5a3b-8a51-6a2f1d9e7c42")
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def export_w3c(data: ExportData, progress: Progress | None = None) -> bytes:
    """The passages as a W3C Web Annotation collection (UTF-8 JSON-LD).

    The collection and its page are indented; each annotation is written on one line,
    which keeps a file of 100,000 annotations fast to write and easy to diff.

    Raises:
        ExportCancelled: ``progress`` returned False.
    """
    meter = ProgressMeter(progress, len(data.passages))
    collection_id = _collection_id(data)
    page_id = urn(uuidlib.uuid5(uuidlib.UUID(collection_id[9:]), "page-1"))
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": collection_label(data),
        "total": len(data.passages),
        "generator": {"type": "Software", "name": "Diptych"},
    }
    generated = w3c_time(data.timestamp)
    if generated:
        collection["generated"] = generated
    page = {"id": page_id, "type": "AnnotationPage", "partOf": collection_id, "startIndex": 0}
    lines = ["{", *_members(collection, "  "), '  "first": {', *_members(page, "    ")]
    last = len(data.passages) - 1
    items = (
        f"      {_dumps(annotation(data, passage))}{',' if index < last else ''}"
        for index, passage in enumerate(meter.track(data.passages))
    )
    empty = not data.passages
    body = ['    "items": []'] if empty else chain(['    "items": ['], items, ["    ]"])
    tail = ["  },", f'  "last": {_dumps(page_id)}', "}", ""]
    result = encoded_lines(chain(lines, body, tail))
    meter.finish()
    return result


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _members(obj: dict[str, Any], indent: str) -> list[str]:
    """The members of ``obj`` as indented lines, each ending with a comma."""
    return [f"{indent}{_dumps(key)}: {_dumps(value)}," for key, value in obj.items()]


def annotation(data: ExportData, passage: ExportPassage) -> dict[str, Any]:
    """One passage as a Web Annotation (a JSON-ready dict, with its own ``@context``)."""
    a = passage.annotation
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": urn(a.uuid),
        "type": "Annotation",
        "motivation": "highlighting",
    }
    creator = _creator(data, a.coder)
    if creator:
        result["creator"] = creator
    for key, value in (("created", a.created_at), ("modified", a.updated_at)):
        moment = w3c_time(value)
        if moment:
            result[key] = moment
    bodies: list[dict[str, str]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": data.tag_path(tag_id)}
        for tag_id in passage.tag_ids
    ]
    if a.note.strip():
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": a.note,
                "format": "text/markdown",
            }
        )
    if bodies:
        result["body"] = bodies
    quote = {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix}
    # An orphan's offsets point nowhere in the article's current text (it was not found
    # again after a re-import), so it is exported with its quote selector only: a reader
    # can still look for the quote, and is not sent to the wrong words.
    selector: list[dict[str, Any]] = [quote]
    if not a.is_orphan:
        selector.append({"type": "TextPositionSelector", "start": a.start, "end": a.end})
    result["target"] = {
        "type": "SpecificResource",
        "source": _source(data, passage.article),
        "selector": selector,
    }
    return result


def _source(data: ExportData, article: Article) -> dict[str, str]:
    """The article as an External Web Resource: an id alone told a reader nothing.

    ``label`` (``rdfs:label`` in the context, the model's human-readable name of a
    collection) carries the title, which the model has no property of its own for, so
    that each annotation, taken out of the file, still says which article it is about
    (followed by its file's name when another exported article has the same title).
    The format is ``text/plain`` whatever the file imported was: the selectors count
    code points of the article's display text, which is plain text (an HTML article's
    tags and a Markdown article's marks are not in it). No language is given: Diptych
    does not know it, and a wrong one would mislead. The address the article was saved
    from, when known, is its ``via`` (section 3.3.7: the resource it was retrieved from).
    """
    source = {"id": urn(article.uuid), "type": "Text", "format": "text/plain"}
    title = " ".join(data.title(article).split())
    if title:
        source["label"] = title
    if article.source_url:
        source["via"] = uri_form(article.source_url)
    return source


def collection_label(data: ExportData) -> str:
    """What the collection holds, for a person: the project, how many passages from how
    many articles, and the tags they were chosen by when not all were (or that untagged
    passages were left out)."""
    name = " ".join(data.project.name.split()) or "Diptych project"
    passages, articles = len(data.passages), len({p.article.id for p in data.passages})
    label = (
        f"{name}: tagged notes, {_count(passages, 'passage')} from {_count(articles, 'article')}"
    )
    if data.every_tag_chosen():
        return label if data.options.untagged else label + " (untagged passages left out)"
    paths = [data.tag_path(t.id) for t in data.tags]
    chosen = (
        [("the tags " if len(paths) > 1 else "the tag ") + ", ".join(paths[:5])] if paths else []
    )
    if len(paths) > 5:
        chosen[0] += f" and {len(paths) - 5} more"
    if data.options.untagged:
        chosen.append("untagged passages")
    return label + " (only " + " and ".join(chosen) + ")"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def urn(value: str | uuidlib.UUID) -> str:
    """``urn:uuid:<uuid>``; text that is not a UUID is turned into a name-based one."""
    if isinstance(value, uuidlib.UUID):
        return f"urn:uuid:{value}"
    if _CANONICAL_UUID.fullmatch(value):
        return "urn:uuid:" + value
    try:
        parsed = uuidlib.UUID(value)
    except ValueError:
        parsed = uuidlib.uuid5(_NAMESPACE, value)
    return f"urn:uuid:{parsed}"


def w3c_time(value: str) -> str | None:
    """``value`` as an xsd:dateTime in UTC (``2025-01-15T10:01:00Z``); None if unreadable.

    A time without a zone is taken as UTC, which is how Diptych records times.
    """
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _creator(data: ExportData, name: str) -> dict[str, str] | None:
    if not name:
        return None
    coder = data.coder(name)
    person = {"type": "Person", "name": name}
    return {"id": urn(coder.uuid), **person} if coder is not None else person


def _collection_id(data: ExportData) -> str:
    """A stable id for this project and scope: the same export gets the same id."""
    options = data.options
    articles = "*" if options.article_ids is None else ",".join(a.uuid for a in data.articles)
    tags = "*" if options.tag_ids is None else ",".join(sorted(t.uuid for t in data.tags))
    namespace = uuidlib.UUID(urn(data.project.uuid)[9:])
    untagged = "" if options.untagged_as_usual else f" untagged={options.untagged}"
    return urn(uuidlib.uuid5(namespace, f"export articles={articles} tags={tags}{untagged}"))
