"""The interface's own sentences that are chosen rather than assembled: each variant is a
whole message for the translators, and the English reads as it always has."""

from __future__ import annotations

import gettext
from datetime import UTC, datetime

import pytest

from rapport.core import i18n
from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.limits import Window
from rapport.core.scoring import score
from rapport.files.uploads import LoadedAnswers
from rapport.ui import assess_form, files, limits


def _answers(framework: Framework, count: int) -> Assessment:
    ids = [i.id for p in framework.practices for i in p.indicators]
    answers = Assessment.empty(framework)
    for indicator in ids[:count]:
        answers = answers.with_rating(indicator, 3)
    return answers


@pytest.mark.parametrize("name", ["create", "ask", "join"])
@pytest.mark.parametrize("whose", ["browser", "server"])
def test_every_limit_refuses_in_one_sentence(name: str, whose: str) -> None:
    action = limits.Action(name, Window(1, 60), Window(1, 60))
    one, many = limits._refusal(action, 1, whose), limits._refusal(action, 42, whose)
    assert one.summary.startswith("Too many attempts to ")
    assert one.summary.endswith(f" from this {whose} just now.")
    assert one.problems == ("Wait 1 second and try again; nothing was changed.",)
    assert many.problems == ("Wait 42 seconds and try again; nothing was changed.",)


@pytest.mark.parametrize("said", ["restored", "replace", "comparing"])
@pytest.mark.parametrize("source", ["Word report", "answers file"])
def test_a_file_is_named_whole_with_and_without_its_date(
    framework: Framework, said: str, source: str
) -> None:
    for saved_at, count in (("2026-11-27T10:00:00+00:00", 1), (None, 34)):
        loaded = LoadedAnswers(_answers(framework, count), saved_at, (), source)
        text = files._about(loaded, said)
        assert f"the {source}" in text
        assert ("saved on 27 November 2026" in text) == (saved_at is not None)
        counted = "(1 answer)" if count == 1 else "(34 answers)"
        assert text.endswith(counted if said == "replace" else f"{counted}.")


def test_the_progress_captions_count_this_practice_and_what_is_left(framework: Framework) -> None:
    profile = score(framework, _answers(framework, 5))  # practice 1 complete
    assert assess_form.here_caption(profile, 0) == "5 of 5 statements answered here."
    assert assess_form.here_caption(profile, 1) == "0 of 5 statements answered here."
    assert assess_form.elsewhere_caption(profile, 0) == (
        "Still to finish: practices 2, 3, 4, 5, 6 and 7."
    )
    assert assess_form.elsewhere_caption(profile, 1) == (
        "Still to finish: practices 3, 4, 5, 6 and 7."  # the current one is counted above
    )
    everything = score(framework, _answers(framework, framework.indicator_count))
    assert assess_form.elsewhere_caption(everything, 1) == "Every other practice is finished."
    alone = framework.model_copy(update={"practices": framework.practices[:1]})
    assert assess_form.elsewhere_caption(score(alone, _answers(alone, 0)), 0) == ""


def test_every_shown_word_goes_through_the_catalog(
    framework: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Marked(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return f"<{message}>"

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return f"<{singular if n == 1 else plural}>"

    monkeypatch.setattr(i18n, "catalog", lambda code: Marked())
    loaded = LoadedAnswers(
        _answers(framework, 2), datetime.now(UTC).isoformat(), (), "answers file"
    )
    assert files._about(loaded, "comparing").startswith("<Comparing with the answers file")
    action = limits.Action("join", Window(1, 60), Window(1, 60))
    refusal = limits._refusal(action, 5, "server")
    assert refusal.summary == "<Too many attempts to try join codes from this server just now.>"
