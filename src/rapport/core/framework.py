"""The practice framework: practices, behaviour indicators, the rating scale, references.

A framework is content (it lives in data/); these models are its schema. Cross-field rules
(unique ids, known citation keys, a well-formed scale) are checked here, for any loader."""

from __future__ import annotations

import math
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from rapport.core.citations import parse_cite, uncited, unmatched
from rapport.core.content import Frozen as _Frozen
from rapport.core.content import Slug, Text, Url
from rapport.core.i18n import _
from rapport.core.scenarios import Scenario

NOT_APPLICABLE: Literal["na"] = "na"


class Level(_Frozen):
    value: int
    label: Text
    description: Text


def _check_levels(levels: tuple[Level, ...], what: str) -> None:
    values = [level.value for level in levels]
    if values != list(range(1, len(values) + 1)):
        raise ValueError(f"{what} levels must be numbered 1, 2, 3, ... in order; found {values}")
    labels = [level.label.casefold() for level in levels]
    if len(set(labels)) != len(labels):
        raise ValueError(f"{what} level labels must be different from each other")


class NotApplicable(_Frozen):
    label: Text
    description: Text


class RatingScale(_Frozen):
    citations: tuple[Slug, ...] = ()
    levels: tuple[Level, ...] = Field(min_length=3, max_length=7)
    not_applicable: NotApplicable

    @model_validator(mode="after")
    def _well_formed(self) -> RatingScale:
        _check_levels(self.levels, "scale")
        if self.not_applicable.label.casefold() in {lv.label.casefold() for lv in self.levels}:
            raise ValueError("scale: the not-applicable label repeats a level label")
        return self

    @property
    def max_value(self) -> int:
        return len(self.levels)

    def label(self, value: int) -> str:
        return self.levels[value - 1].label

    def word(self, rating: int | str | None) -> str:
        """How an answer reads: a level word, the not-applicable label, or "Not answered"."""
        if rating is None:
            return _("Not answered")
        if rating == NOT_APPLICABLE:
            return self.not_applicable.label
        return self.label(int(rating))

    @property
    def high_from(self) -> int:
        """The first "high" level (Often on five levels): high ratings want an example."""
        return math.ceil(0.75 * self.max_value)

    @property
    def low_levels(self) -> tuple[Level, ...]:
        return self.levels[: self.max_value // 2]

    @property
    def high_levels(self) -> tuple[Level, ...]:
        return self.levels[-(self.max_value // 2) :]

    def nearest_label(self, score: float) -> str:
        """The level word closest to an average score (2.5 rounds up, as people expect)."""
        return self.label(min(self.max_value, max(1, int(score + 0.5))))


class ImportanceScale(_Frozen):
    levels: tuple[Level, ...] = Field(min_length=2, max_length=5)

    @model_validator(mode="after")
    def _well_formed(self) -> ImportanceScale:
        _check_levels(self.levels, "importance")
        return self

    def label(self, value: int) -> str:
        return self.levels[value - 1].label


class Defaults(_Frozen):
    target: int
    importance: int


class Indicator(_Frozen):
    id: Slug
    text: Text  # in the person's voice: "I reply to client messages ..."
    observed: Text | None = None  # about them, for raters: "Answers the client's messages ..."


class Action(_Frozen):
    id: Slug
    title: Text
    detail: Text
    indicators: tuple[Slug, ...] = Field(min_length=1)


class Practice(_Frozen):
    id: Slug
    name: Text
    short_name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)
    ]
    definition: Text
    why_it_matters: Text
    target_description: str = ""
    citations: tuple[Slug, ...] = Field(min_length=1)
    indicators: tuple[Indicator, ...] = Field(min_length=1)
    actions: tuple[Action, ...] = Field(min_length=1)
    discussion_prompts: tuple[Text, ...] = ()
    scenarios: tuple[Scenario, ...] = ()  # client scenarios (core/scenarios.py), optional

    @model_validator(mode="after")
    def _short_name_is_part_of_name(self) -> Practice:
        # Charts use the short name, text the full one: a reader must see they are the
        # same practice ("Proactivity" beside "Be proactive" reads as two).
        if self.short_name.casefold() not in self.name.casefold():
            raise ValueError(
                f"short name '{self.short_name}' must be words taken from the name "
                f"'{self.name}', so a reader can tell they are the same practice"
            )
        return self

    @model_validator(mode="after")
    def _actions_point_inside(self) -> Practice:
        own = {indicator.id for indicator in self.indicators}
        for action in self.actions:
            strangers = [i for i in action.indicators if i not in own]
            if strangers:
                raise ValueError(
                    f"action '{action.id}': indicators {strangers} "
                    "are not indicators of this practice"
                )
        return self


class Reference(_Frozen):
    key: Slug
    cite: Text  # the in-text form, e.g. "Parasuraman et al., 1988"; "PMI, 2021" for a group
    apa: Text
    url: Url | None = None
    # A group author cited by its abbreviation: the name in full, which a document spells
    # out at its first citation ("Project Management Institute [PMI], 2021").
    group_name: Text | None = None

    @model_validator(mode="after")
    def _cite_is_author_and_year(self) -> Reference:
        parse_cite(self.cite)
        return self


def _first_duplicate(ids: list[str]) -> str | None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            return item
        seen.add(item)
    return None


class Framework(_Frozen):
    schema_version: Literal[1]
    id: Slug
    version: Text
    # The languages of every text (the first serves a reader whose language is missing), and
    # the one this instance speaks: a file is resolved once per language, same ids in all.
    languages: tuple[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")], ...] = ("en",)
    language: str = "en"
    name: Text
    description: Text
    introduction: tuple[Text, ...] = ()
    keywords: tuple[Text, ...] = ()
    scale: RatingScale
    importance: ImportanceScale
    defaults: Defaults
    practices: tuple[Practice, ...] = Field(min_length=1)
    references: tuple[Reference, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        checks = {
            "practice id": [p.id for p in self.practices],
            # Charts label rows by short name: two alike would merge into one row.
            "practice short name": [p.short_name for p in self.practices],
            "indicator id": [i.id for p in self.practices for i in p.indicators],
            "action id": [a.id for p in self.practices for a in p.actions],
            "scenario id": [s.id for p in self.practices for s in p.scenarios],
            "reference key": [r.key for r in self.references],
        }
        for what, ids in checks.items():
            duplicate = _first_duplicate(ids)
            if duplicate is not None:
                raise ValueError(f"duplicate {what} '{duplicate}'")
        known = set(checks["reference key"])
        cited = [("scale", key) for key in self.scale.citations] + [
            (f"practice '{p.id}'", key) for p in self.practices for key in p.citations
        ]
        cited += [
            (f"scenario '{s.id}', option '{o.id}'", o.citation)
            for p in self.practices
            for s in p.scenarios
            for o in s.options
        ]
        for where, key in cited:
            if key not in known:
                raise ValueError(f"{where}: citation key '{key}' is not in references")
        self._check_citations()
        unphrased = [i.id for p in self.practices for i in p.indicators if i.observed is None]
        if unphrased and len(unphrased) < self.indicator_count:
            raise ValueError(
                f"indicator '{unphrased[0]}' has no 'observed' phrasing: raters need one for "
                "every statement, so give all of them one, or none"
            )
        if not 1 <= self.defaults.target <= self.scale.max_value:
            raise ValueError(f"defaults: target {self.defaults.target} is not a scale level")
        if not 1 <= self.defaults.importance <= len(self.importance.levels):
            raise ValueError(
                f"defaults: importance {self.defaults.importance} is not an importance level"
            )
        return self

    def _check_citations(self) -> None:
        """APA's two rules for a reference list, checked on the prose a report prints:
        every citation has its reference, and every reference is cited. A practice's
        sources and the scale's must be cited in its own text too, so that the sources
        listed beside a text are the ones it uses."""
        prose = [*self.introduction, *(p.why_it_matters for p in self.practices)]
        for citation in unmatched(prose, self.references):
            raise ValueError(
                f"the text cites '{citation.authors}, {citation.year}', which is not in references"
            )
        for reference in uncited(prose, self.references):
            raise ValueError(
                f"reference '{reference.key}' is cited nowhere: cite it in the introduction "
                "or a practice's why_it_matters, or remove it"
            )
        by_key = {r.key: r for r in self.references}
        owners = [("the introduction", self.introduction, self.scale.citations)] + [
            (f"practice '{p.id}'", (p.why_it_matters,), p.citations) for p in self.practices
        ]
        for where, texts, keys in owners:
            for key in keys:
                if key in by_key and uncited(texts, [by_key[key]]):
                    raise ValueError(f"{where} lists '{key}' among its sources but never cites it")

    @cached_property
    def _practice_by_id(self) -> dict[str, Practice]:
        return {p.id: p for p in self.practices}

    @cached_property
    def _practice_by_indicator(self) -> dict[str, Practice]:
        return {i.id: p for p in self.practices for i in p.indicators}

    @property
    def indicator_count(self) -> int:
        return len(self._practice_by_indicator)

    @property
    def observable(self) -> bool:
        """Whether others can rate it: every statement has a phrasing about the person."""
        return all(i.observed for p in self.practices for i in p.indicators)

    @property
    def estimated_minutes(self) -> int:
        """Time to answer everything, rounded up to five minutes: about ten seconds a
        statement, and half a minute per practice for its target, importance and example."""
        seconds = 10 * self.indicator_count + 30 * len(self.practices)
        return 5 * math.ceil(seconds / 300)

    def practice(self, practice_id: str) -> Practice:
        return self._practice_by_id[practice_id]

    def has_practice(self, practice_id: str) -> bool:
        return practice_id in self._practice_by_id

    def has_indicator(self, indicator_id: str) -> bool:
        return indicator_id in self._practice_by_indicator

    def reference(self, key: str) -> Reference:
        return next(r for r in self.references if r.key == key)
