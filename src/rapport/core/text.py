"""Cleaning user text before it is shown, stored or written into a document."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from rapport.core.i18n import current_language

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


# -- Numbers, dates and lists in the reader's language: one place, so every page, chart and
# report agrees. Babel holds each locale's conventions; the English ones are British
# ("1 December 2026"), as the rest of Rapport's text. Babel is imported where first used:
# loading its locale data is kept off the app's start path (tests/unit/test_start_path.py).

_LOCALES = {"en": "en_GB", "es": "es_ES", "fr": "fr_FR"}


def babel_locale() -> str:
    return _LOCALES.get(current_language(), "en_GB")


def number(value: float, digits: int = 1) -> str:
    """ "3.4" in English, "3,4" in Spanish and French. Rounded as Python rounds the float
    (not as Babel re-rounds its decimal), so a figure reads the same in every language."""
    from babel.numbers import get_decimal_symbol

    text = f"{value:.{digits}f}"
    return text if digits == 0 else text.replace(".", get_decimal_symbol(babel_locale()))


def grouped(value: float) -> str:
    """A number with its digits grouped as the reader's language groups them, up to two
    decimals and no trailing zeros: "1,000,000", "2,2", "1 234" (byte counts, tables)."""
    from babel.numbers import format_decimal

    return format_decimal(round(value, 2), format="#,##0.##", locale=babel_locale())


def signed(value: float, digits: int = 1) -> str:
    """A difference with its sign, "+0.4" or "-1.2", in the reader's decimal notation."""
    return f"{value:+.{digits}f}"[0] + number(abs(value), digits)


def percent(value: float, digits: int = 0) -> str:
    """ "46%" in English, "46 %" in Spanish and French; `value` runs from 0 to 100."""
    from babel.numbers import format_percent

    pattern = format_percent(0, locale=babel_locale())  # "0%", "0 %" (no-break space)
    return pattern.replace("0", number(value, digits), 1)


def spelled(count: int) -> str:
    """Counts up to twelve in words in English prose ("seven practices"); digits above, and
    in the other languages, where the word would have to agree with its noun."""
    if current_language() == "en" and 0 <= count < len(_SMALL):
        return _SMALL[count]
    return str(count)


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


def long_date(moment: date) -> str:
    """ "1 December 2026", "1 de diciembre de 2026", "1 décembre 2026"."""
    from babel.dates import format_date

    return format_date(moment, format="long", locale=babel_locale())


def join_words(items: list[str] | tuple[str, ...], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C" (or "A, B or C" with conjunction="or"): a list as a
    sentence in the reader's language names it."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    from babel.lists import format_list

    style = "or" if conjunction == "or" else "standard"
    return format_list(items, style=style, locale=babel_locale())


def join_some(items: list[str] | tuple[str, ...], shown: int, more: str = "{n} more") -> str:
    """Name the first `shown` items and count the rest: "A, B and 2 more". A single
    leftover is named rather than counted ("A, B and C", never "A, B and 1 more").
    `more` is the translated "{n} more" of the caller's sentence."""
    items = list(items)
    if len(items) <= shown + 1:
        return join_words(items)
    return join_words([*items[:shown], more.format(n=len(items) - shown)])


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
