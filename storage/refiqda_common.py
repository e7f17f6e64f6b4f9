"""What the REFI-QDA exporter and importer share: names, GUIDs, dates, colours and XML text.

REFI-QDA (QDA-XML 1.0, REFI-QDA standard 1.5) is the exchange format of NVivo, ATLAS.ti,
MAXQDA, QualCoder and others. A ``.qdpx`` is a zip of ``project.qde`` (namespace
:data:`PROJECT_NS`) and a ``sources/`` folder; a ``.qdc`` is a bare codebook
(:data:`CODEBOOK_NS`). The schemas are in ``tests/data/refiqda/``. How the importer reads
an untrusted file (its XML, the schema's elements, its source texts) is in
:mod:`diptych.storage.refiqda_parse`.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from datetime import UTC, datetime, timedelta

from diptych.storage.errors import InputError
from diptych.storage.palette import normalize_color

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_ENTRY = "project.qde"
SOURCES_FOLDER = "sources"
INTERNAL_SCHEME = "internal://"

# GUIDs that Diptych derives (codings, notes, the stand-in user) are name-based UUIDs in
# this namespace, so that the same project always exports the same bytes.
DIPTYCH_GUID_NAMESPACE = uuidlib.UUID("6f1d8a52-3c7e-5b0e-9a4d-2b8c1f0e7d39")

# Passages with no coder are exported as coded by this user; importing maps it back to
# "no coder" instead of inventing a coder name.
STAND_IN_USER_GUID = str(uuidlib.uuid5(DIPTYCH_GUID_NAMESPACE, "stand-in user"))
STAND_IN_USER_NAME = "Diptych user"

# An article's source address (the page it was saved from) is the text value of this
# variable on its source: the schema's way of giving a source a value of its own (its
# description is already the article memo). Its GUID, derived as Diptych's are, tells the
# importer it is that address, whatever the variable is named.
SOURCE_ADDRESS_GUID = str(uuidlib.uuid5(DIPTYCH_GUID_NAMESPACE, "source address variable"))
SOURCE_ADDRESS_NAME = "Source address"

_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Hyphen look-alikes seen in GUIDs copied out of the specification PDF.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})
# Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

REFI_ADVICE = (
    "Diptych reads REFI-QDA project files (.qdpx) and codebooks (.qdc) as exported by"
    " NVivo, ATLAS.ti, MAXQDA or QualCoder."
)


def tag(namespace: str, name: str) -> str:
    """The ElementTree name of a REFI element, e.g. ``{urn:QDA-XML:project:1.0}Code``."""
    return f"{{{namespace}}}{name}"


def split_tag(name: str) -> tuple[str, str]:
    """An ElementTree name as (namespace, local name); the namespace is "" if none."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def normalize_guid(value: str | None) -> str | None:
    """A GUID as lower-case ``8-4-4-4-12`` text, without braces; None if it is not one."""
    if not value:
        return None
    text = value.strip().translate(_HYPHENS)
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    return text.lower() if _GUID.fullmatch(text) else None


def stable_guid(*parts: str) -> str:
    """A GUID derived from ``parts``: the same parts always give the same GUID."""
    return str(uuidlib.uuid5(DIPTYCH_GUID_NAMESPACE, "\x1f".join(parts)))


def as_guid(value: str) -> str:
    """``value`` if it is a GUID (normalised), else a GUID derived from it."""
    return normalize_guid(value) or stable_guid("id", value)


def to_xs_datetime(value: str) -> str | None:
    """A stored timestamp as ``xs:dateTime`` in UTC with a ``Z``; None if it is not one."""
    moment = _parse_moment(value)
    # isoformat, not strftime: strftime writes the year 33 as "33", not "0033"
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def from_xs_datetime(value: str | None) -> str | None:
    """An ``xs:dateTime`` as Diptych stores times (UTC, to the second, with a ``Z``)."""
    return to_xs_datetime(value) if value else None


# A moment this close to either end of the calendar cannot be shown in every time zone
# (year 1 at midnight UTC is still year 0 in New York): such a date is taken as missing.
_EARLIEST = datetime.min.replace(tzinfo=UTC) + timedelta(days=2)
_LATEST = datetime.max.replace(tzinfo=UTC) - timedelta(days=2)


def _parse_moment(value: str) -> datetime | None:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # REFI tools that omit the zone mean UTC
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):  # not a date, or its zone takes it off the calendar
        return None
    return moment.replace(microsecond=0) if _EARLIEST <= moment <= _LATEST else None


def xml_text(value: str) -> str:
    """``value`` with the characters XML 1.0 cannot hold replaced by U+FFFD (same length)."""
    return _NOT_XML.sub("\ufffd", value)


def import_color(value: str | None) -> str | None:
    """A REFI ``color`` attribute as ``#RRGGBB``; None if missing or not a colour.

    Some tools write an alpha channel (``#RRGGBBAA``); the alpha is dropped.
    """
    if not value:
        return None
    text = value.strip()
    if len(text) == 9 and text.startswith("#"):
        text = text[:7]
    try:
        return normalize_color(text)
    except InputError:
        return None
