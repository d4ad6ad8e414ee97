"""Cleaning user text before it is shown, stored or written into a document."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# XML 1.0 forbids most C0 controls, lone surrogates and the two non-characters U+FFFE/U+FFFF.
# python-docx (via lxml) refuses any of them, so they are dropped everywhere text enters.
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

MAX_NOTE_CHARS = 1000
MAX_NAME_CHARS = 120
MAX_ESSAY_CHARS = 6000  # a student's introduction or reflection: about 900 words


def xml_safe(value: str) -> str:
    """Drop only the characters XML cannot hold; spacing is left exactly as it was."""
    return _XML_INCOMPATIBLE.sub("", value)


def clean_text(value: str, max_chars: int | None = None) -> str:
    """Return `value` safe for XML and storage: normalized, no forbidden characters, trimmed.

    Newlines and tabs stay (they are legitimate in notes); Windows line ends become \\n.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = xml_safe(text)
    text = unicodedata.normalize("NFC", text).strip()
    if max_chars is not None and len(text) > max_chars:
        text = text[:max_chars].rstrip()
    return text


def one_line(value: str, max_chars: int | None = None) -> str:
    """clean_text for one-line fields such as a name: whitespace runs become one space."""
    return " ".join(clean_text(value, None).split())[: max_chars or None]


# -- Words for lists and counts: one place, so every page, chart and report agrees ---------


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 statement", "2 statements"; `many` for irregular plurals ("1 person", "2 people")."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


_SMALL = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


def spelled(count: int) -> str:
    """Counts up to twelve in words, as prose writes them ("seven practices"); digits above."""
    return _SMALL[count] if 0 <= count < len(_SMALL) else str(count)


def long_date(moment: date) -> str:
    """ "1 December 2026": the date as the reports and messages write it."""
    return f"{moment.day} {moment:%B %Y}"


def join_words(items: list[str] | tuple[str, ...], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C": a list as a sentence names it (no serial comma, as
    the rest of Rapport's text)."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def join_some(items: list[str] | tuple[str, ...], shown: int, what: str = "more") -> str:
    """Name the first `shown` items and count the rest: "A, B and 2 more". A single
    leftover is named rather than counted ("A, B and C", never "A, B and 1 more")."""
    items = list(items)
    if len(items) <= shown + 1:
        return join_words(items)
    return join_words([*items[:shown], f"{len(items) - shown} {what}"])


@dataclass(frozen=True)
class Voice:
    """Who speaks. English verbs take the same form after "you" and "I" (you rate, I
    rate), so most sentences differ only in their pronouns."""

    me: str  # "you" or "I"
    my: str  # "your" or "my"
    first_person: bool

    @property
    def Me(self) -> str:  # noqa: N802 - the capitalized pronoun, at the start of a sentence
        return self.me[0].upper() + self.me[1:]

    @property
    def My(self) -> str:  # noqa: N802
        return self.my[0].upper() + self.my[1:]


YOU = Voice("you", "your", first_person=False)
ME = Voice("I", "my", first_person=True)
