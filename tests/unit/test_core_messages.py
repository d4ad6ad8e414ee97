"""The core's own words go through gettext whole: under a pseudo-translation that brackets
every message, each sentence the core builds is one bracketed message (its placeholders
may hold others), never English fragments glued together."""

from __future__ import annotations

import gettext
import re

import pytest

from rapport.core import i18n
from rapport.core.assessment import Assessment, PracticeChoice, check_fits
from rapport.core.compare import compare, progress_sentences
from rapport.core.drafts import conclusion_draft, example_sentence, introduction_draft
from rapport.core.errors import AnswersError
from rapport.core.feedback import (
    ALL_LABEL,
    OTHERS_LABEL,
    PERSPECTIVES,
    FeedbackError,
    chosen_perspectives,
    display_name,
)
from rapport.core.headline import nothing_scored_sentence, summary_sentences, unsupported_sentence
from rapport.core.room import MEAN_MARGIN, MEANS_ROUNDED, PracticeAggregate, counts_waiting
from rapport.core.room_choices import ASK_ANYWAY, ScenarioAggregate
from rapport.core.scenarios import EFFECTIVENESS, effectiveness
from rapport.core.scoring import score
from rapport.core.text import ME, YOU, Voice
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.helpers import rated_by

FRAMEWORK = load_framework(FRAMEWORK_FILE)
OPEN, CLOSE = "\u27e6", "\u27e7"


class Brackets(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "catalog", lambda code: Brackets())


def outside(text: str) -> str:
    """What of `text` no message holds: the characters outside every bracket."""
    depth, kept = 0, []
    for char in text:
        depth += char == OPEN
        if depth == 0:
            kept.append(char)
        depth -= char == CLOSE
    assert depth == 0, text
    return "".join(kept)


def assert_whole(*texts: str | None) -> None:
    for text in texts:
        assert text and outside(text).strip() == "", text


def rate(values: dict[str, object]) -> Assessment:
    assessment = Assessment.empty(FRAMEWORK)
    for indicator_id, value in values.items():
        assessment = assessment.with_rating(indicator_id, value)  # type: ignore[arg-type]
    return assessment


def every(value: object, practices: int | None = None) -> dict[str, object]:
    chosen = FRAMEWORK.practices[:practices]
    return {i.id: value for p in chosen for i in p.indicators}


def mixed() -> Assessment:
    """Five practices above target ("and 2 more"), two far below (one of them marked more
    important), one statement left unanswered: every kind of sentence at once."""
    values = every(5, 5) | {i.id: 1 for p in FRAMEWORK.practices[5:] for i in p.indicators}
    del values[FRAMEWORK.practices[0].indicators[0].id]
    return rate(values).with_choice(FRAMEWORK.practices[6].id, importance=3)


@pytest.mark.usefixtures("pseudo")
@pytest.mark.parametrize("voice", [YOU, ME])
def test_the_headline_is_made_of_whole_messages(voice: Voice) -> None:
    for assessment in (mixed(), rate(every(5)), rate(every(2)), rate(every(4))):
        profile = score(FRAMEWORK, assessment)
        assert_whole(*summary_sentences(profile, voice))
        if profile.unsupported_high:
            assert_whole(unsupported_sentence(profile, voice))
    one = rate({FRAMEWORK.practices[0].indicators[0].id: "na"})
    for assessment in (Assessment.empty(FRAMEWORK), one, rate(every("na", 1))):
        assert_whole(nothing_scored_sentence(score(FRAMEWORK, assessment), voice))


@pytest.mark.usefixtures("pseudo")
def test_drafts_and_progress_are_made_of_whole_messages() -> None:
    for assessment in (mixed(), rate(every(5)), rate(every(1)), Assessment.empty(FRAMEWORK)):
        profile = score(FRAMEWORK, assessment)
        assert_whole(*introduction_draft(profile), *conclusion_draft(profile, assessment))
        if not profile.is_empty:
            assert_whole(example_sentence(profile))
    scenario = FRAMEWORK.practices[0].scenarios[0]
    before, after = rate(every(2, 3) | every(4, 1)), mixed().with_choice("transparency", target=5)
    for option in scenario.options:
        before = before.with_scenario_rating(scenario.id, option.id, 7 - option.key)
        after = after.with_scenario_rating(scenario.id, option.id, option.key)
    for voice in (YOU, ME):
        found = compare(FRAMEWORK, before, after, left_out=("gone",))
        assert_whole(*progress_sentences(found, FRAMEWORK.scale, voice))
        assert_whole(*progress_sentences(compare(FRAMEWORK, after, before), None, voice))
    assert_whole(*progress_sentences(compare(FRAMEWORK, Assessment.empty(FRAMEWORK), after)))


@pytest.mark.usefixtures("pseudo")
def test_errors_and_room_words_are_whole_messages() -> None:
    for attempt in (lambda: chosen_perspectives([]), lambda: chosen_perspectives(["boss"])):
        with pytest.raises(FeedbackError) as caught:
            attempt()
        assert_whole(caught.value.summary, *caught.value.problems)
    for name in ("  ", "x" * 41):
        with pytest.raises(FeedbackError) as caught:
            display_name(name)
        assert_whole(caught.value.summary, *caught.value.problems)
    practice, indicator = FRAMEWORK.practices[0], FRAMEWORK.practices[0].indicators[0]
    scenario = practice.scenarios[0]
    wrong = Assessment.empty(FRAMEWORK).model_copy(
        update={
            "ratings": {indicator.id: 9},
            "choices": {practice.id: PracticeChoice(target=9, importance=9)},
            "scenarios": {scenario.id: {scenario.options[0].id: 0}},
        }
    )
    with pytest.raises(AnswersError) as caught:
        check_fits(FRAMEWORK, wrong)
    assert len(caught.value.problems) == 4
    assert_whole(caught.value.summary, *caught.value.problems)
    other = Assessment(framework_id="another", framework_version="1")
    with pytest.raises(AnswersError) as caught:
        check_fits(FRAMEWORK, other)
    assert_whole(caught.value.summary, *caught.value.problems)
    waiting = PracticeAggregate(practice, 8, 3.0, 4.0, 1.0, (0, 2, 4, 0, 0), True, True)
    assert_whole(counts_waiting([waiting, waiting]))
    view = rated_by(FRAMEWORK, [3, 4, 5], [2, 2, 2])
    assert_whole(*(group.label for group in view.groups))
    bare = scenario.model_copy(update={"discussion": None})
    assert_whole(ScenarioAggregate(practice, bare, (), False).prompt)
    assert_whole(*(effectiveness(value) for value in range(1, len(EFFECTIVENESS) + 1)))


def test_the_constants_stay_english_for_the_catalog() -> None:
    view = rated_by(FRAMEWORK, [3, 4, 5], [2, 2, 2])
    assert [g.label for g in view.groups] == ["Clients", "Teammates", "All others"]
    assert {PERSPECTIVES["client"], (OTHERS_LABEL, ALL_LABEL)} == {
        ("client", "Clients"),
        ("Other perspectives", "All others"),
    }
    assert effectiveness(1) == "Very ineffective" and ASK_ANYWAY.startswith("What did people")
    # MEANS_ROUNDED spells MEAN_MARGIN out, so that it can be looked up as it is.
    assert f" {MEAN_MARGIN:.1f} inside" in MEANS_ROUNDED


@pytest.mark.parametrize("voice", [YOU, ME])
def test_a_single_not_applicable_answer_is_named_not_counted(voice: Voice) -> None:
    one = rate({FRAMEWORK.practices[0].indicators[0].id: "na"})
    sentence = nothing_scored_sentence(score(FRAMEWORK, one), voice)
    assert sentence.startswith("The only statement ")
    assert "is marked Not applicable, so there is nothing to score yet." in sentence
    several = nothing_scored_sentence(score(FRAMEWORK, rate(every("na", 1))), voice)
    count = len(FRAMEWORK.practices[0].indicators)
    assert re.match(rf"All {count} statements (I have )?answered so far are marked", several)
