# Headings guessed in plain text that does not mark them: a short line, capitalised, that
# does not end as a sentence does. Some such lines are no heading, however short: a field
# filled in ("Date: 4 March 2025"), a byline ("By John Smith"), a date ("12 July 2023") or a
# figure ("1,000 voyages").

from __future__ import annotations

import re

_TRAILING_QUOTES = "\"'”’»)]"
_SENTENCE_END = tuple(".!?:;,…")
_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 12
# A line that fills in a field ("Date: 4 March 2025", "To: Minister", "Q: ...") is no
# heading, however short: notes, transcripts and mails start with such lines.
_FIELD = re.compile(
    r"(?:date|time|from|to|cc|bcc|sent|subject|re|location|place|venue|author|by|source|"
    r"published|updated|interviewer|interviewee|speaker|participant|respondent|q|a|"
    r"tags|keywords|category|status|ref|reference|attendees|present)\s*:\s",
    re.IGNORECASE,
)
# Lines that are short and capitalised but no heading: a byline ("By John Smith"), a date
# ("12 July 2023", "July 12, 2023", "2023-07-12") and a figure ("1,000 voyages", "32.9
# million tonnes shipped": a number, then no capitalised word; "2026 in Review" is a title).
_BYLINE = re.compile(r"(?:By|BY)\s+(\w)")
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?|january|february|march|"
    r"april|june|july|august|september|october|november|december"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:{_DAY}\s+(?:{_MONTH}),?\s+\d{{4}}|(?:{_MONTH})\s+{_DAY},?\s+\d{{4}}"
    rf"|(?:{_MONTH})\s+\d{{4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    rf"(?:,?\s+\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?",
    re.IGNORECASE,
)


def looks_like_heading(text: str) -> bool:
    """True for a short, title-like line: capitalised, no sentence punctuation at the end,
    not a field filled in ("Date: 4 March 2025"), a byline, a date, a figure or columns
    parted by tabs."""
    if not text or len(text) > _HEADING_MAX_CHARS or "\t" in text:
        return False  # (a tab parts columns: a table's row)
    if text.rstrip(_TRAILING_QUOTES).endswith(_SENTENCE_END):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if _FIELD.match(text) or _DATE.fullmatch(text):
        return False
    if (byline := _BYLINE.match(text)) and byline.group(1).isupper():
        return False
    if text[0].isdigit() and not any(word[0].isupper() for word in text.split()[1:]):
        return False  # a figure
    return len(text.split()) <= _HEADING_MAX_WORDS
