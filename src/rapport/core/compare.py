"""Progress between two assessments of the same framework: what improved, what slipped.

Like the Stakeholder Circle's Monitor step, a retake is read against the earlier profile.
Only statements both assessments rated on the scale are compared item by item; practices
are compared on their current levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapport.core.assessment import Assessment
from rapport.core.framework import NOT_APPLICABLE, Framework, Practice, RatingScale
from rapport.core.i18n import _, ngettext
from rapport.core.judgement import judge
from rapport.core.scoring import score
from rapport.core.text import YOU, Voice, join_words, number

# A practice counts as moved when its level changed by at least a tenth of a scale step:
# smaller differences come from rounding, not from a change in habit.
MIN_CHANGE = 0.1


@dataclass(frozen=True)
class PracticeChange:
    practice: Practice
    before: float | None
    after: float | None
    target_before: int
    target_after: int

    @property
    def comparable(self) -> bool:
        return self.before is not None and self.after is not None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def target_moved(self) -> bool:
        return self.target_before != self.target_after


@dataclass(frozen=True)
class Comparison:
    changes: tuple[PracticeChange, ...]  # framework order
    not_comparable: tuple[str, ...]  # statements rated in only one of the two assessments
    left_out: tuple[str, ...]  # ids from the earlier file the framework no longer has
    framework_changed: bool  # the earlier answers were made with another framework version
    # Client situations judged in both: (practice, judgement before, after), each 0-100.
    choices: tuple[tuple[Practice, float, float], ...] = ()

    @property
    def improved(self) -> tuple[PracticeChange, ...]:
        moved = [c for c in self.changes if (c.change or 0.0) >= MIN_CHANGE]
        return tuple(sorted(moved, key=lambda c: -(c.change or 0.0)))

    @property
    def slipped(self) -> tuple[PracticeChange, ...]:
        moved = [c for c in self.changes if (c.change or 0.0) <= -MIN_CHANGE]
        return tuple(sorted(moved, key=lambda c: c.change or 0.0))

    @property
    def steady(self) -> tuple[PracticeChange, ...]:
        return tuple(c for c in self.changes if c.comparable and abs(c.change or 0.0) < MIN_CHANGE)

    @property
    def targets_moved(self) -> tuple[PracticeChange, ...]:
        return tuple(c for c in self.changes if c.target_moved)

    @property
    def comparable_count(self) -> int:
        return sum(c.comparable for c in self.changes)


def _rated(assessment: Assessment, framework: Framework) -> set[str]:
    return {
        i.id
        for p in framework.practices
        for i in p.indicators
        if assessment.rating(i.id) not in (None, NOT_APPLICABLE)
    }


def compare(
    framework: Framework,
    before: Assessment,
    after: Assessment,
    left_out: tuple[str, ...] = (),
    before_version: str | None = None,
) -> Comparison:
    """Compare an earlier assessment (already fitted to `framework`) with the current one."""
    first, second = score(framework, before), score(framework, after)
    changes = tuple(
        PracticeChange(a.practice, a.current, b.current, a.target, b.target)
        for a, b in zip(first.scores, second.scores, strict=True)
    )
    only_one = sorted(_rated(before, framework) ^ _rated(after, framework))
    version = before_version or before.framework_version
    choices = tuple(
        (practice, then.score, now.score)
        for practice in framework.practices
        for scenario in practice.scenarios
        if (then := judge(scenario, before.scenario_ratings(scenario.id))) is not None
        and (now := judge(scenario, after.scenario_ratings(scenario.id))) is not None
    )
    return Comparison(changes, tuple(only_one), left_out, version != framework.version, choices)


def _change(name: str, before: str, after: str) -> str:
    # Translators: one practice and how it moved, "Be proactive (2.0 to 3.0)": {before} and
    # {after} are levels, targets (words of the rating scale) or 0-100 scores.
    return _("{practice} ({before} to {after})").format(practice=name, before=before, after=after)


def _moved(improved: bool, changes: tuple[PracticeChange, ...]) -> str:
    """ "Improved: Be proactive (2.0 to 3.0)." or "Improved: 3 practices, most of all ..." """
    first = changes[0]
    change = _change(
        first.practice.name, number(first.before or 0.0, 1), number(first.after or 0.0, 1)
    )
    n = len(changes)
    if improved and n == 1:
        # Translators: {change} reads "Be proactive (2.0 to 3.0)".
        text = _("Improved: {change}.")
    elif improved:
        # Translators: {change} reads "Be proactive (2.0 to 3.0)".
        text = ngettext(
            "Improved: {n} practice, most of all {change}.",
            "Improved: {n} practices, most of all {change}.",
            n,
        )
    elif n == 1:
        # Translators: {change} reads "Be proactive (3.0 to 2.0)".
        text = _("Slipped: {change}.")
    else:
        # Translators: {change} reads "Be proactive (3.0 to 2.0)".
        text = ngettext(
            "Slipped: {n} practice, most of all {change}.",
            "Slipped: {n} practices, most of all {change}.",
            n,
        )
    return text.format(n=n, change=change)


def _not_compared(comparison: Comparison) -> str:
    count = len(comparison.not_comparable) + len(comparison.left_out)
    if comparison.left_out:
        text = ngettext(
            "{n} statement could not be compared because only one of the two assessments "
            "rated it or the framework has changed since.",
            "{n} statements could not be compared because only one of the two assessments "
            "rated them or the framework has changed since.",
            count,
        )
    else:
        text = ngettext(
            "{n} statement could not be compared because only one of the two assessments rated it.",
            "{n} statements could not be compared because only one of the two assessments "
            "rated them.",
            count,
        )
    return text.format(n=count)


def progress_sentences(
    comparison: Comparison, scale: RatingScale | None = None, voice: Voice = YOU
) -> tuple[str, ...]:
    """The progress since the earlier assessment, in plain words; with the scale, targets
    are named by their words (Often), as everywhere else."""
    if comparison.comparable_count == 0:
        return (_("No practice was rated in both assessments, so there is nothing to compare."),)

    def level(value: int) -> str:
        return scale.label(value) if scale is not None else str(value)

    sentences = []
    if comparison.improved:
        sentences.append(_moved(True, comparison.improved))
    if comparison.slipped:
        sentences.append(_moved(False, comparison.slipped))
    if comparison.steady:
        n = len(comparison.steady)
        sentences.append(
            ngettext("About the same: {n} practice.", "About the same: {n} practices.", n).format(
                n=n
            )
        )
    if comparison.targets_moved:
        moved = join_words(
            [
                _change(c.practice.name, level(c.target_before), level(c.target_after))
                for c in comparison.targets_moved
            ]
        )
        if voice.first_person:
            # Translators: {targets} lists practices: "Be proactive (Often to Always) and ...".
            sentences.append(_("Targets I changed: {targets}.").format(targets=moved))
        else:
            # Translators: {targets} lists practices: "Be proactive (Often to Always) and ...".
            sentences.append(_("Targets you changed: {targets}.").format(targets=moved))
    if comparison.choices:
        judged = join_words(
            [
                _change(p.name, number(then, 0), number(now, 0))
                for p, then, now in comparison.choices
            ]
        )
        # Translators: {choices} lists practices and their scores: "Be proactive (40 to 75)".
        sentences.append(
            _("Choices in the client situations, scored 0-100: {choices}.").format(choices=judged)
        )
    if comparison.not_comparable or comparison.left_out:
        sentences.append(_not_compared(comparison))
    return tuple(sentences)
