"""Rapport's own words in the reader's language: which languages ship, which one a piece
of work is in, and the gettext catalogs that translate.

English is the source language: messages are written in English in the code, marked with
`_()` (or `N_()` where a constant is defined before anyone knows the reader), and looked up
in src/rapport/locales/<lang>/LC_MESSAGES/rapport.mo for the others. Sentences stay whole,
with named placeholders filled by `.format()`, so a translator can reorder them; counts go
through `ngettext` so each language applies its own plural rule.

The language is decided per reader, never per process. Three things say which one:
- `using_language()`, a context variable, for work done on someone's behalf (a report
  built in Spanish while the page is in French, a test);
- `settle_language()`, for the rest of a script run: the router calls it once the
  session's language is decided (a run is one thread, which starts with no language);
- otherwise a source the interface registers (`set_language_source`): the Streamlit layer
  reads the session's choice there, so a fragment's rerun, which does not pass through the
  router, still speaks the session's language.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

DEFAULT_LANGUAGE = "en"
# Each language's name in that language: how a person recognises their own in a menu.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}
# Written in this project and not yet checked by a fluent speaker (README, "Languages").
UNREVIEWED: frozenset[str] = frozenset({"es", "fr"})
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "rapport"
T = TypeVar("T")

_chosen: ContextVar[str | None] = ContextVar("rapport_language", default=None)
_settled: ContextVar[str | None] = ContextVar("rapport_run_language", default=None)
_source: list[Callable[[], str | None]] = []


def supported(code: str | None) -> str | None:
    """The shipped language a code names ("es", "es-MX", "FR_fr"), or None."""
    if not code:
        return None
    base = code.strip().replace("_", "-").split("-")[0].casefold()
    return base if base in LANGUAGES else None


def best_match(accept_language: str | None) -> str | None:
    """The shipped language a browser prefers most, from an Accept-Language header
    ("fr-CH, fr;q=0.9, en;q=0.8") or a single locale ("es-ES"); None if none ships."""
    if not accept_language:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        code = supported(tag)
        if code and quality > 0:
            ranked.append((-quality, position, code))
    return min(ranked)[2] if ranked else None


def set_language_source(source: Callable[[], str | None]) -> None:
    """Register where the interface keeps the reader's language (one source per process)."""
    _source[:] = [source]


def settle_language(code: str) -> None:
    """The language of everything this thread says from now on, unless `using_language`
    says otherwise: one look-up per run instead of one per message (a page asks ~80)."""
    _settled.set(supported(code) or DEFAULT_LANGUAGE)


def current_language() -> str:
    chosen = _chosen.get() or _settled.get()
    if chosen is None and _source:
        chosen = _source[0]()
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


@contextmanager
def using_language(code: str) -> Iterator[None]:
    """Speak `code` inside the block, whatever the session's language."""
    token = _chosen.set(supported(code) or DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _chosen.reset(token)


def keeping_language(work: Callable[[], T]) -> Callable[[], T]:
    """`work`, to run later or on another thread, in the language spoken now: a thread
    starts with no language, and no session speaks for it."""
    language = current_language()

    def kept() -> T:
        with using_language(language):
            return work()

    return kept


@functools.cache
def catalog(code: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English needs none: it is the source)."""
    if code == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALES_DIR, languages=[code], fallback=True)


def _(message: str) -> str:
    """`message` in the current language (itself when no translation exists)."""
    return catalog(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message for `count`, in the current language."""
    return catalog(current_language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A short message that needs a context to translate ("Report" the page, say)."""
    return catalog(current_language()).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Mark a constant for the catalog without translating it yet: `_()` it where shown."""
    return message
