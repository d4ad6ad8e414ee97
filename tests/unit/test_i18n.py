"""Rapport's own words in three languages: the catalogs are complete, current and compiled,
and the language is decided per reader."""

from __future__ import annotations

import io
import re
import threading
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from rapport.core.i18n import (
    LANGUAGES,
    LOCALES_DIR,
    UNREVIEWED,
    _,
    best_match,
    current_language,
    ngettext,
    supported,
    using_language,
)
from rapport.core.text import join_words, long_date, number, percent
from tests.conftest import REPO

TRANSLATED = sorted(set(LANGUAGES) - {"en"})
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _po(code: str):
    with (LOCALES_DIR / code / "LC_MESSAGES" / "rapport.po").open("rb") as handle:
        return read_po(handle, locale=code)


def _extracted() -> set[str | tuple[str, str]]:
    """Every message marked in the code now, as `make messages` would extract it."""
    found: set[str | tuple[str, str]] = set()
    for folder in (REPO / "src" / "rapport", REPO / "app_pages"):
        for *_where, message, _comments, _context in extract_from_dir(
            folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _ids(catalog) -> set[str]:
    return {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_in_the_code_is_in_the_catalog(code: str) -> None:
    missing = _extracted() - _ids(_po(code))
    assert not missing, f"run `make messages`, then translate: {sorted(missing)[:10]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_not_fuzzy(code: str) -> None:
    untranslated = [m.id for m in _po(code) if m.id and (m.fuzzy or not all(_strings(m.string)))]
    assert not untranslated, f"{code}: {len(untranslated)} to translate: {untranslated[:10]}"


def _strings(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_are_the_same_in_every_language(code: str) -> None:
    wrong = []
    for message in _po(code):
        if not message.id:
            continue
        source = " ".join(_strings(message.id))
        wanted = set(PLACEHOLDER.findall(source))
        for string in _strings(message.string):
            # A plural form may spell out "one" instead of {n}; nothing else may go missing.
            got = set(PLACEHOLDER.findall(string))
            if got - wanted or (wanted - got) - {"{n}"}:
                wrong.append((source, string))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalog_is_current(code: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _po(code))
    shipped = (LOCALES_DIR / code / "LC_MESSAGES" / "rapport.mo").read_bytes()
    assert shipped == compiled.getvalue(), "run `make catalogs`"


@pytest.mark.parametrize("code", sorted(UNREVIEWED))
def test_an_unreviewed_translation_says_so_in_its_catalog(code: str) -> None:
    header = (LOCALES_DIR / code / "LC_MESSAGES" / "rapport.po").read_text(encoding="utf-8")
    assert "not yet reviewed by a fluent speaker" in header.split("msgid")[0]


def test_the_browser_language_is_matched_by_preference() -> None:
    assert best_match("fr-CH, fr;q=0.9, en;q=0.8") == "fr"
    assert best_match("de-DE,de;q=0.9,es;q=0.8,en;q=0.7") == "es"
    assert best_match("en-US") == "en"
    assert best_match("de, pt;q=0.5") is None
    assert best_match("es;q=0, fr;q=0.1") == "fr"
    assert best_match(None) is None
    assert supported("ES_mx") == "es" and supported("xx") is None


def test_the_language_is_per_context_not_per_process() -> None:
    seen: dict[str, str] = {}

    def speak(code: str) -> None:
        with using_language(code):
            seen[code] = _("Results")

    threads = [threading.Thread(target=speak, args=(code,)) for code in ("es", "fr")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"es": "Resultados", "fr": "Résultats"}
    assert current_language() == "en" and _("Results") == "Results"


def test_counts_take_each_languages_plural_forms() -> None:
    def minutes(n: int) -> str:
        return ngettext("It takes about {n} minute.", "It takes about {n} minutes.", n).format(n=n)

    assert (minutes(1), minutes(0)) == ("It takes about 1 minute.", "It takes about 0 minutes.")
    with using_language("fr"):
        # French counts zero as one; Spanish does not.
        assert minutes(0).replace("0", "1") == minutes(1) != minutes(2).replace("2", "1")
    with using_language("es"):
        assert minutes(0).replace("0", "1") != minutes(1)
        assert minutes(2).replace("2", "5") == minutes(5)


def test_numbers_dates_and_lists_follow_the_locale() -> None:
    day = date(2026, 12, 1)
    assert (number(3.45), percent(46), long_date(day)) == ("3.5", "46%", "1 December 2026")
    assert join_words(["A", "B", "C"]) == "A, B and C"
    with using_language("es"):
        assert (number(3.45), long_date(day)) == ("3,5", "1 de diciembre de 2026")
        assert join_words(["A", "B", "C"]) == "A, B y C"
    with using_language("fr"):
        assert percent(46) == "46\u202f%" or percent(46) == "46\xa0%"
        assert join_words(["A", "B"], "or") == "A ou B"


def test_catalog_files_are_where_gettext_looks() -> None:
    for code in TRANSLATED:
        assert Path(LOCALES_DIR / code / "LC_MESSAGES" / "rapport.mo").is_file()
