"""Judgement scores: a person's ratings of a scenario's options against its expert key,
and the say-do gap between a practice's self-rating and those choices.

The score follows the distance approach of SJT scoring (Legree et al.): the mean absolute
distance between the person's rating of each option and the key, on the 1-6 scale, turned
into 0-100 (100: every option rated exactly as keyed; 0: every option five points off):

    judgement = 100 * (1 - mean(|rating - key|) / 5)

Two parts say why a score is low (Legree et al. split the distance into elevation and
shape): *order*, the share of option pairs with different keys that the person puts in the
key's order (a tie counts half), 0-100; and *elevation*, mean(rating) - mean(key):
positive when the person rates every option too kindly, negative when too harshly.

The say-do gap puts the practice's self-rated level on the same 0-100 footing,
100 * (level - 1) / (levels - 1), and compares it with the mean judgement of the
practice's answered scenarios. A gap of a third of the range or more is flagged, as blind
spots are against others' ratings (core/blind_spots.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from rapport.core.framework import Framework, Practice
from rapport.core.scenarios import HIGHEST, LOWEST, Scenario
from rapport.core.scoring import Profile

SPAN = HIGHEST - LOWEST
FLAG_GAP = 100 / 3
SAYS_MORE = "says more"  # the self-rating is well above the choices
CHOOSES_BETTER = "chooses better"  # the choices are well above the self-rating

Ratings = Mapping[str, int]  # option id -> 1..6


@dataclass(frozen=True)
class Judgement:
    scenario: Scenario
    score: float  # 0-100
    order: float  # 0-100
    elevation: float  # mean rating minus mean key, in scale points

    @property
    def lenient(self) -> bool:
        return self.elevation >= 1

    @property
    def harsh(self) -> bool:
        return self.elevation <= -1


def judge(scenario: Scenario, ratings: Ratings) -> Judgement | None:
    """The scenario's judgement, or None until every option is rated."""
    values = {o.id: ratings.get(o.id) for o in scenario.options}
    if any(v is None or not LOWEST <= v <= HIGHEST for v in values.values()):
        return None
    given = {k: int(v) for k, v in values.items() if v is not None}
    distance = sum(abs(given[o.id] - o.key) for o in scenario.options) / len(scenario.options)
    elevation = sum(given.values()) / len(given) - sum(o.key for o in scenario.options) / len(
        scenario.options
    )
    return Judgement(
        scenario,
        round(100 * (1 - distance / SPAN), 1),
        order_agreement(scenario, given),
        round(elevation, 2),
    )


def order_agreement(scenario: Scenario, values: Mapping[str, float]) -> float:
    """The share (0-100, one decimal) of option pairs with different keys that `values`
    (a person's ratings, or a room's means) put in the key's order; a tie counts half."""
    pairs = [(a, b) for a, b in combinations(scenario.options, 2) if a.key != b.key]
    agreed = 0.0
    for a, b in pairs:
        keyed, rated = a.key - b.key, values[a.id] - values[b.id]
        agreed += 1.0 if keyed * rated > 0 else 0.5 if rated == 0 else 0.0
    return round(100 * agreed / len(pairs), 1)


def say_level(current: float, levels: int) -> float:
    """A practice score (1..levels) on the judgement's 0-100 footing."""
    return 100 * (current - 1) / (levels - 1)


@dataclass(frozen=True)
class SayDo:
    """One practice: what the person says they do, beside what their choices show."""

    practice: Practice
    say: float  # 0-100, from the self-rating
    do: float  # 0-100, the mean judgement of its answered scenarios
    judgements: tuple[Judgement, ...]

    @property
    def gap(self) -> float:
        return self.say - self.do

    @property
    def flag(self) -> str | None:
        if self.gap >= FLAG_GAP:
            return SAYS_MORE
        if -self.gap >= FLAG_GAP:
            return CHOOSES_BETTER
        return None


def say_do(
    framework: Framework, profile: Profile, answers: Mapping[str, Ratings]
) -> tuple[SayDo, ...]:
    """Every practice with a self-rating and at least one fully answered scenario, the
    flagged ones first (widest gap first), then the others in framework order."""
    levels = framework.scale.max_value
    found = []
    for score in profile.scored:
        judged = tuple(
            j
            for s in score.practice.scenarios
            if (j := judge(s, answers.get(s.id, {}))) is not None
        )
        if not judged or score.current is None:
            continue
        do = sum(j.score for j in judged) / len(judged)
        found.append(SayDo(score.practice, say_level(score.current, levels), do, judged))
    return tuple(sorted(found, key=lambda s: (s.flag is None, -abs(s.gap) if s.flag else 0)))
