"""APA in-text citations are found, matched to references, and checked both ways."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from rapport.core.citations import GroupAuthors, citations_in, matches, parse_cite
from rapport.core.framework import Framework, Reference
from tests.conftest import english_data


def ref(key: str, cite: str, group_name: str | None = None) -> Reference:
    return Reference(key=key, cite=cite, apa=f"{cite}. A title.", group_name=group_name)


def test_parenthetical_and_narrative_citations_are_found_in_order() -> None:
    text = (
        "Dixon et al. (2010) found it; others agree (Bourne & Walker, 2006; Bourne, 2009). "
        "Rogers and Farson (1957) said so, as did the chapter "
        "(\u201cUnderstanding and Meeting Client Expectations,\u201d 2010). "
        "Not citations: (7th ed.), (n = 5), (2019 was a year)."
    )
    found = [(c.authors, c.year) for c in citations_in(text)]
    assert found == [
        ("Dixon et al.", "2010"),
        ("Bourne & Walker", "2006"),
        ("Bourne", "2009"),
        ("Rogers and Farson", "1957"),
        ("\u201cUnderstanding and Meeting Client Expectations", "2010"),
    ]


def test_and_and_ampersand_are_the_same_authors() -> None:
    rogers = ref("rogers", "Rogers & Farson, 1957")
    (narrative,) = citations_in("Rogers and Farson (1957) wrote it.")
    assert matches(narrative, rogers)
    (wrong_year,) = citations_in("(Rogers & Farson, 1958)")
    assert not matches(wrong_year, rogers)


def test_a_group_author_is_spelled_out_once_then_abbreviated() -> None:
    pmi = ref("pmi-2021", "PMI, 2021", "Project Management Institute")
    code = ref("pmi-2006", "PMI, 2006", "Project Management Institute")
    writer = GroupAuthors((pmi, code))
    first = writer.write("Engagement is two-way (PMI, 2021).")
    assert first == "Engagement is two-way (Project Management Institute [PMI], 2021)."
    assert writer.write("Honesty is a duty (PMI, 2006).") == "Honesty is a duty (PMI, 2006)."
    assert writer.write("Again (PMI, 2021).") == "Again (PMI, 2021)."
    (full,) = citations_in(first)
    assert matches(full, pmi)


def test_a_cite_must_be_authors_and_year() -> None:
    assert parse_cite("Ojasalo, 2001").year == "2001"
    with pytest.raises(ValueError, match="not an author-and-year citation"):
        parse_cite("Ojasalo 2001")


def _framework_with(change: callable) -> dict:  # type: ignore[valid-type]
    data = english_data()
    change(data)
    return data


def test_a_reference_nothing_cites_fails_validation() -> None:
    def add_uncited(data: dict) -> None:
        data["references"].append(
            {"key": "extra-2020", "cite": "Extra, 2020", "apa": "Extra, A. (2020). *X*."}
        )

    with pytest.raises(ValueError, match="reference 'extra-2020' is cited nowhere"):
        Framework.model_validate(_framework_with(add_uncited))


def test_a_citation_without_a_reference_fails_validation() -> None:
    def cite_unknown(data: dict) -> None:
        data["practices"][0]["why_it_matters"] += " So says Nobody (1999)."

    with pytest.raises(ValueError, match="cites 'Nobody, 1999', which is not in references"):
        Framework.model_validate(_framework_with(cite_unknown))


def test_listed_sources_must_be_cited_in_their_own_text() -> None:
    def list_but_not_cite(data: dict) -> None:
        data["practices"][0]["citations"].append("perlow-2017")

    with pytest.raises(ValueError, match="lists 'perlow-2017' among its sources but never"):
        Framework.model_validate(_framework_with(list_but_not_cite))


def test_the_shipped_framework_cites_every_reference(framework: Framework) -> None:
    prose = [*framework.introduction, *(p.why_it_matters for p in framework.practices)]
    cited = {r.key for r in framework.references for t in prose for c in citations_in(t)
             if matches(c, r)}  # fmt: skip
    assert cited == {r.key for r in framework.references}


@dataclass(frozen=True)
class Ref:
    """A reference as the citation reader sees one."""

    key: str
    cite: str
    group_name: str | None = None


def test_narrative_citations_in_spanish_and_french_prose() -> None:
    # Accented surnames, and "y" / "et" joining two authors as "and" does.
    found = citations_in("García y López (2015) lo sitúan; según Pérez (2019), no.")
    assert [(c.authors, c.year) for c in found] == [("García y López", "2015"), ("Pérez", "2019")]
    assert matches(found[0], Ref("gl", "García & López, 2015"))
    assert matches(found[1], Ref("p", "Pérez, 2019"))
    # A word and an author, not two authors: the author alone still matches...
    joined = citations_in("le PMBOK et Bourne (2009) décrivent")[0]
    assert matches(joined, Ref("b", "Bourne, 2009"))
    # ...but only in running prose: inside parentheses "&" joins authors, always.
    (listed,) = citations_in("(PMBOK & Bourne, 2009)")
    assert not matches(listed, Ref("b", "Bourne, 2009"))


def test_a_title_cited_in_french_quotation_marks_matches() -> None:
    chapter = Ref("ch4", "\u201cUnderstanding and Meeting Client Expectations,\u201d 2010")
    (french,) = citations_in("(«\xa0Understanding and Meeting Client Expectations\xa0», 2010)")
    assert matches(french, chapter)
