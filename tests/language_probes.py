"""What must not show through in Spanish or French: pieces of Rapport's English, used by
the page, browser and document tests of the languages."""

from __future__ import annotations

import re
from functools import cache

from babel.messages.pofile import read_po

from rapport.core.i18n import LOCALES_DIR
from rapport.files.framework_file import load_framework_languages
from tests.conftest import FRAMEWORK_FILE

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@cache
def english_probes(code: str) -> tuple[str, ...]:
    """Pieces of English that must not appear on a page in `code`: the longest literal
    part of each message whose translation differs, when it has three words or more."""
    with (LOCALES_DIR / code / "LC_MESSAGES" / "rapport.po").open("rb") as handle:
        catalog = read_po(handle, locale=code)
    probes = set()
    for message in catalog:
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        target = message.string[0] if isinstance(message.string, tuple) else message.string
        if not source or source == target:
            continue
        longest = max(PLACEHOLDER.split(source), key=len).strip(" .,:;*_()")
        if len(longest.split()) >= 3:
            probes.add(longest)
    english = load_framework_languages(FRAMEWORK_FILE)[0]
    probes |= {p.name for p in english.practices}
    probes |= {i.text for p in english.practices for i in p.indicators}
    return tuple(sorted(probes))


def english_left(text: str, code: str) -> list[str]:
    """The English probes found in `text`, which should be in `code`."""
    return [probe for probe in english_probes(code) if probe in text]
