"""APA 7 in-text citations: find them in prose and match them to the reference list.

Framework files write citations in their prose, as a person would: "(Ojasalo, 2001)",
"Dixon et al. (2010)", "(Bourne & Walker, 2006; Bourne, 2009)". This module reads them
back, so that validation can refuse a reference nothing cites or a citation with no
reference, and so that a group author is written in full with its abbreviation the first
time a document cites it ("Project Management Institute [PMI], 2021") and abbreviated
after ("PMI, 2021"), whatever order the sections come in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

YEAR = r"\d{4}[a-z]?"
# Between authors and year: a comma, which APA puts inside the quotes of a quoted title
# ("“Understanding and Meeting Client Expectations,” 2010").
SEP = r",[”\"]?\s*"
# A parenthetical group that ends in a year: "(Ojasalo, 2001)", "(A, 2001; B & C, 2006)".
_PARENTHETICAL = re.compile(rf"\(([^()]*?{SEP}{YEAR})\)")
# A narrative citation: "Ojasalo (2001)", "Dixon et al. (2010)", "Rogers and Farson (1957)";
# Spanish and French APA join two authors with "y" and "et" ("Bourne y Walker (2006)").
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"  # "García", "Ojasalo", "O’Brien": any script's letters
_AND = r"(?:and|&|y|et)"
_NARRATIVE = re.compile(rf"\b({_NAME}(?: et al\.)?(?: {_AND} {_NAME})?) \(({YEAR})\)")
_CITE = re.compile(rf"^(?P<authors>.+?){SEP}(?P<year>{YEAR})$")


class Citable(Protocol):
    """What a reference offers for matching: its in-text form, and for a group author
    the name in full that its abbreviated form stands for."""

    @property
    def key(self) -> str: ...

    @property
    def cite(self) -> str: ...

    @property
    def group_name(self) -> str | None: ...


@dataclass(frozen=True)
class Citation:
    authors: str  # as written: "Bourne & Walker", "PMI", "“Understanding ...,”"
    year: str
    # Read from running prose ("Ojasalo (2001)"), where "X and Y (2009)" may also be a
    # word and an author ("le PMBOK et Bourne (2009)"): see matches().
    narrative: bool = field(default=False, compare=False)


def _normal(authors: str) -> str:
    """Compare author parts loosely: "and", "y", "et" and "&" alike, quotes and trailing
    commas off."""
    text = authors.replace(" and ", " & ").replace(" y ", " & ").replace(" et ", " & ")
    # Quotation marks of any language around a title cited by name: “ ”, " ", « ».
    for mark in ("“", "”", '"', "«", "»"):
        text = text.replace(mark, "")
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    return " ".join(text.strip(" ,").split()).casefold()


def parse_cite(cite: str) -> Citation:
    match = _CITE.match(cite.strip())
    if match is None:
        raise ValueError(f"'{cite}' is not an author-and-year citation such as 'Ojasalo, 2001'")
    return Citation(match["authors"], match["year"])


def _names(reference: Citable) -> set[str]:
    """Every author part that cites this reference: its own, and for a group author the
    full name, alone or with the abbreviation in brackets."""
    own = parse_cite(reference.cite).authors
    names = {_normal(own)}
    if reference.group_name:
        names |= {_normal(reference.group_name), _normal(f"{reference.group_name} [{own}]")}
    return names


def citations_in(text: str) -> list[Citation]:
    """Every in-text citation in `text`, in order."""
    found: list[tuple[int, Citation]] = []
    for group in _PARENTHETICAL.finditer(text):
        for part in group.group(1).split(";"):
            match = _CITE.match(part.strip())
            if match is not None:
                found.append((group.start(), Citation(match["authors"], match["year"])))
    for match in _NARRATIVE.finditer(text):
        found.append((match.start(), Citation(match.group(1), match.group(2), narrative=True)))
    return [citation for _, citation in sorted(found, key=lambda pair: pair[0])]


def matches(citation: Citation, reference: Citable) -> bool:
    if citation.year != parse_cite(reference.cite).year:
        return False
    names = _names(reference)
    if _normal(citation.authors) in names:
        return True
    # "the PMBOK and Bourne (2009)": in prose, the word before "and" may not be an author.
    last = re.split(rf" {_AND} ", citation.authors)[-1]
    return citation.narrative and last != citation.authors and _normal(last) in names


def unmatched(texts: Iterable[str], references: Iterable[Citable]) -> list[Citation]:
    """Citations in the texts that no reference answers to."""
    known = list(references)
    return [
        c
        for text in texts
        for c in citations_in(text)
        if not any(matches(c, reference) for reference in known)
    ]


def uncited(texts: Iterable[str], references: Iterable[Citable]) -> list[Citable]:
    """References that no citation in the texts points to."""
    found = [c for text in texts for c in citations_in(text)]
    return [r for r in references if not any(matches(c, r) for c in found)]


@dataclass
class GroupAuthors:
    """Spells a group author in full the first time a document cites it, then abbreviated.

    Feed the document's texts through `write` in reading order."""

    references: tuple[Citable, ...]
    introduced: set[str] = field(default_factory=set)

    def write(self, text: str) -> str:
        for reference in self.references:
            if not reference.group_name:
                continue
            short = parse_cite(reference.cite).authors
            if short in self.introduced:
                continue
            pattern = re.compile(rf"(?<![\w\[])({re.escape(short)})({SEP}{YEAR})")
            match = pattern.search(text)
            if match is not None:
                full = f"{reference.group_name} [{short}]"
                text = text[: match.start()] + full + match.group(2) + text[match.end() :]
                self.introduced.add(short)
        return text
