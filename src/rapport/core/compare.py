"""Progress between two assessments of the same framework: what improved, what slipped.

Like the Stakeholder Circle's Monitor step, a retake is read against the earlier profile.
Only statements both assessments rated on the scale are compared item by item; practices
are compared on their current levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapport.core.assessment import Assessment
from rapport.core.framework import NOT_APPLICABLE, Framework, Practice
from rapport.core.scoring import score

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
    return Comparison(changes, tuple(only_one), left_out, version != framework.version)


def progress_sentences(comparison: Comparison) -> tuple[str, ...]:
    """The progress since the earlier assessment, in plain words."""
    if comparison.comparable_count == 0:
        return ("No practice was rated in both assessments, so there is nothing to compare.",)
    sentences = []
    if comparison.improved:
        best = comparison.improved[0]
        sentences.append(
            f"Improved: {len(comparison.improved)} practice"
            f"{'s' if len(comparison.improved) > 1 else ''}, most of all "
            f"{best.practice.name} ({best.before:.1f} to {best.after:.1f})."
        )
    if comparison.slipped:
        worst = comparison.slipped[0]
        sentences.append(
            f"Slipped: {len(comparison.slipped)}, most of all {worst.practice.name} "
            f"({worst.before:.1f} to {worst.after:.1f})."
        )
    if comparison.steady:
        sentences.append(f"About the same: {len(comparison.steady)}.")
    if comparison.targets_moved:
        moved = ", ".join(
            f"{c.practice.name} ({c.target_before} to {c.target_after})"
            for c in comparison.targets_moved
        )
        sentences.append(f"Targets you changed: {moved}.")
    if comparison.not_comparable or comparison.left_out:
        count = len(comparison.not_comparable) + len(comparison.left_out)
        sentences.append(
            f"{count} statement{'s' if count > 1 else ''} could not be compared because only "
            "one of the two assessments rated them"
            + (" or the framework has changed since." if comparison.left_out else ".")
        )
    return tuple(sentences)
