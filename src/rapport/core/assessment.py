"""One person's answers to a framework: ratings, per-practice target, importance and example.

An Assessment is an immutable value; every change returns a new one. Ratings map an
indicator id to a scale value (1..n) or NOT_APPLICABLE; an indicator not in the map is
simply unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from rapport.core.errors import AnswersError
from rapport.core.framework import NOT_APPLICABLE, Framework
from rapport.core.i18n import _, current_language
from rapport.core.scenarios import HIGHEST, LOWEST
from rapport.core.text import MAX_ESSAY_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS, clean_text, one_line

Rating = int | Literal["na"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PracticeChoice(_Frozen):
    """What the person chose for one practice; None means "use the framework default"."""

    target: int | None = None
    importance: int | None = None
    example: str = Field(default="", max_length=MAX_NOTE_CHARS)


class Respondent(_Frozen):
    name: str = Field(default="", max_length=MAX_NAME_CHARS)
    course: str = Field(default="", max_length=MAX_NAME_CHARS)


class Writing(_Frozen):
    """What the person writes in their own words for the report: why client relationships
    matter in their work, and what they learned and will change. Empty: the report drafts
    both from the answers, marked as drafts."""

    introduction: str = Field(default="", max_length=MAX_ESSAY_CHARS)
    reflection: str = Field(default="", max_length=MAX_ESSAY_CHARS)


class Assessment(_Frozen):
    framework_id: str
    framework_version: str
    ratings: Mapping[str, Rating] = Field(default_factory=dict)
    choices: Mapping[str, PracticeChoice] = Field(default_factory=dict)
    respondent: Respondent = Respondent()
    writing: Writing = Writing()
    # Client scenarios (core/scenarios.py): scenario id -> option id -> 1..6 effectiveness.
    scenarios: Mapping[str, Mapping[str, int]] = Field(default_factory=dict)

    @classmethod
    def empty(cls, framework: Framework) -> Assessment:
        return cls(framework_id=framework.id, framework_version=framework.version)

    # -- reading -----------------------------------------------------------------------------

    def rating(self, indicator_id: str) -> Rating | None:
        return self.ratings.get(indicator_id)

    def numeric_rating(self, indicator_id: str) -> int | None:
        """The scale value, or None when unanswered or not applicable."""
        rating = self.ratings.get(indicator_id)
        return rating if isinstance(rating, int) else None

    def choice(self, practice_id: str) -> PracticeChoice:
        return self.choices.get(practice_id, PracticeChoice())

    def target(self, framework: Framework, practice_id: str) -> int:
        chosen = self.choice(practice_id).target
        return framework.defaults.target if chosen is None else chosen

    def importance(self, framework: Framework, practice_id: str) -> int:
        chosen = self.choice(practice_id).importance
        return framework.defaults.importance if chosen is None else chosen

    def scenario_ratings(self, scenario_id: str) -> Mapping[str, int]:
        return self.scenarios.get(scenario_id, {})

    @property
    def answered_count(self) -> int:
        return len(self.ratings)

    # -- changing ----------------------------------------------------------------------------

    def with_rating(self, indicator_id: str, rating: Rating | None) -> Assessment:
        """Set (or, with None, clear) one rating."""
        ratings = dict(self.ratings)
        if rating is None:
            ratings.pop(indicator_id, None)
        else:
            ratings[indicator_id] = rating
        return self.model_copy(update={"ratings": ratings})

    def with_scenario_rating(
        self, scenario_id: str, option_id: str, value: int | None
    ) -> Assessment:
        """Set (or, with None, clear) how effective one option of a scenario is rated."""
        options = dict(self.scenarios.get(scenario_id, {}))
        if value is None:
            options.pop(option_id, None)
        else:
            options[option_id] = value
        scenarios = {**self.scenarios, scenario_id: options}
        if not options:
            scenarios.pop(scenario_id)
        return self.model_copy(update={"scenarios": scenarios})

    def with_choice(self, practice_id: str, **changes: object) -> Assessment:
        """Change target, importance and/or example for one practice."""
        if "example" in changes:
            changes["example"] = clean_text(str(changes["example"]), MAX_NOTE_CHARS)
        updated = self.choice(practice_id).model_copy(update=changes)
        choices = {**self.choices, practice_id: PracticeChoice.model_validate(updated.model_dump())}
        return self.model_copy(update={"choices": choices})

    def with_writing(self, **changes: str) -> Assessment:
        """Change the introduction and/or the reflection (cleaned, trimmed to the limit)."""
        cleaned = {k: clean_text(v, MAX_ESSAY_CHARS) for k, v in changes.items()}
        return self.model_copy(update={"writing": self.writing.model_copy(update=cleaned)})

    def with_respondent(self, name: str, course: str) -> Assessment:
        respondent = Respondent(
            name=one_line(name, MAX_NAME_CHARS), course=one_line(course, MAX_NAME_CHARS)
        )
        return self.model_copy(update={"respondent": respondent})


def check_fits(framework: Framework, assessment: Assessment) -> tuple[str, ...]:
    """Raise AnswersError if values are out of the framework's scales; return unknown ids.

    Unknown indicator or practice ids are not fatal (a framework may have been revised since
    the answers were saved): they are returned so the caller can list them, and dropped by
    `fit_to`.
    """
    if assessment.framework_id != framework.id:
        # Translators: {answers} and {framework} are framework ids ("client-relationships").
        summary = _("These answers belong to the framework '{answers}', not to '{framework}'.")
        raise AnswersError(
            summary.format(answers=assessment.framework_id, framework=framework.id),
            [_("Choose the matching framework, or start a new assessment.")],
        )
    problems: list[str] = []
    top = framework.scale.max_value
    for indicator_id, rating in assessment.ratings.items():
        if rating != NOT_APPLICABLE and not (isinstance(rating, int) and 1 <= rating <= top):
            # Translators: one line of a list of problems in an answers file: {statement} is
            # a statement's id, {value} the value found, {top} the highest rating; "na" is
            # written in the file as it is and stays untranslated.
            problem = _("rating of '{statement}' is {value}; use 1-{top} or \"na\"")
            problems.append(problem.format(statement=indicator_id, value=repr(rating), top=top))
    levels = len(framework.importance.levels)
    for practice_id, choice in assessment.choices.items():
        if choice.target is not None and not 1 <= choice.target <= top:
            # Translators: one line of a list of problems in an answers file: {practice} is
            # a practice's id, {value} the target found, {top} the highest level.
            problem = _("target of '{practice}' is {value}; use 1-{top}")
            problems.append(problem.format(practice=practice_id, value=choice.target, top=top))
        if choice.importance is not None and not 1 <= choice.importance <= levels:
            # Translators: one line of a list of problems in an answers file: {practice} is
            # a practice's id, {value} the importance found, {top} the highest level.
            problem = _("importance of '{practice}' is {value}; use 1-{top}")
            problems.append(
                problem.format(practice=practice_id, value=choice.importance, top=levels)
            )
    for scenario_id, options in assessment.scenarios.items():
        for option_id, value in options.items():
            if not (isinstance(value, int) and LOWEST <= value <= HIGHEST):
                # Translators: one line of a list of problems in an answers file: {scenario}
                # and {option} are ids, {value} the rating found, {lowest}-{highest} the range.
                problem = _(
                    "scenario '{scenario}', option '{option}' is rated {value}; "
                    "use {lowest}-{highest}"
                )
                problems.append(
                    problem.format(
                        scenario=scenario_id,
                        option=option_id,
                        value=repr(value),
                        lowest=LOWEST,
                        highest=HIGHEST,
                    )
                )
    if problems:
        raise AnswersError(_("Some answers are outside the scale."), problems)
    unknown = [i for i in assessment.ratings if not framework.has_indicator(i)]
    unknown += [p for p in assessment.choices if not framework.has_practice(p)]
    known = _scenario_options(framework)
    unknown += [s for s in assessment.scenarios if s not in known]
    return tuple(unknown)


def _scenario_options(framework: Framework) -> dict[str, set[str]]:
    return {s.id: {o.id for o in s.options} for p in framework.practices for s in p.scenarios}


def fit_to(framework: Framework, assessment: Assessment) -> tuple[Assessment, tuple[str, ...]]:
    """Validate against the framework; return the answers without the ids it does not know,
    and those ids."""
    unknown = check_fits(framework, assessment)
    ratings = {k: v for k, v in assessment.ratings.items() if framework.has_indicator(k)}
    choices = {k: v for k, v in assessment.choices.items() if framework.has_practice(k)}
    known = _scenario_options(framework)
    scenarios = {
        sid: {o: v for o, v in options.items() if o in known[sid]}
        for sid, options in assessment.scenarios.items()
        if sid in known
    }
    fitted = assessment.model_copy(
        update={
            "ratings": ratings,
            "choices": choices,
            "scenarios": {k: v for k, v in scenarios.items() if v},
            "framework_version": framework.version,
        }
    )
    return fitted, unknown


def pictures_key(framework: Framework, assessment: Assessment) -> str:
    """What the charts drawn from a set of answers depend on, as a cache key: the answers,
    the framework's version and language (its words) and the reader's (the catalog's)."""
    where = f"{framework.id}:{framework.version}:{framework.language}:{current_language()}"
    return f"{where}:{assessment.model_dump_json()}"
