"""What a room may see of its answers to the client scenarios, under the room's rules.

Each option of a scenario is aggregated as a practice is (core/room.py): means rounded and
kept inside the 1-6 scale, rating counts only where they cannot tell anyone the others'
ratings, and everything moving only in published snapshots (one snapshot unit per option,
core/snapshots.py). The floor is higher than a practice's: a scenario is shown only once
every one of its options has 2k ratings. An option's ratings are whole numbers, so n and a
mean to one decimal give their exact sum: at n = k = 3, 5.8 could only be 6, 6, 6 and 5.7
only 6, 6, 5, which told the one who chose 5 what both others chose. From 2k raters the
kept-inside top (5.8) always covers the room at 6 and the room with one rating below it.

From the shown options: the room's *consensus order* (options by their published mean) set
against the expert key, as the share of option pairs in the key's order (the same measure
a person's judgement uses, core/judgement.order_agreement); and the *scenario spotlight*,
the option the room rates furthest from its key, which is where a discussion pays most.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapport.core.framework import Framework, Practice
from rapport.core.i18n import N_, _
from rapport.core.judgement import order_agreement
from rapport.core.room import PracticeRow, by_practice, published_mean
from rapport.core.scenarios import HIGHEST, Scenario, ScenarioOption
from rapport.core.workshop import choice_unit

# The spotlight needs the room a whole scale step away from the key: closer than that,
# it agrees with the key well enough that no option stands out.
SPOTLIGHT_FROM = 1.0
# The room's words for its rules (English, marked for the catalog: `_()` them where shown).
ASK_ANYWAY = N_(
    "What did people weigh when they rated this response, and what does the key's reason "
    "add or leave out for this client?"
)
CHOICES_HIDDEN = N_(
    "A situation appears once at least twice the minimum group size have rated every one of "
    "its responses: ratings are whole numbers, so an average of fewer could give them away."
)
# Raters every option of a situation needs before any of its numbers is shown, per k.
CHOICES_FLOOR = 2

COUNTS_HIDDEN = N_(
    "Rating counts for a response appear only once twice the minimum group size have rated "
    "it and at least the minimum group size sit outside its most common rating, so no one "
    "can read the others' ratings off them."
)


@dataclass(frozen=True)
class OptionAggregate:
    option: ScenarioOption
    responses: int  # people who rated this option
    mean: float | None  # as published (core/room.published_mean); None if hidden
    distribution: tuple[int, ...]  # ratings per effectiveness level, 1 first; zeros if hidden
    distribution_shown: bool = False

    @property
    def off_key(self) -> float:
        """How far the room's published mean sits from the key, in scale points."""
        return 0.0 if self.mean is None else abs(self.mean - self.option.key)


@dataclass(frozen=True)
class ScenarioAggregate:
    practice: Practice
    scenario: Scenario
    options: tuple[OptionAggregate, ...]  # in the scenario's order
    shown: bool  # every option has at least 2k ratings (CHOICES_FLOOR)

    @property
    def responses(self) -> int:
        """People behind every number shown: the fewest raters of any option."""
        return min((o.responses for o in self.options), default=0)

    @property
    def consensus(self) -> tuple[OptionAggregate, ...]:
        """The options in the room's order, most effective first (ties: scenario order)."""
        return tuple(sorted(self.options, key=lambda o: -(o.mean or 0.0)))

    @property
    def agreement(self) -> float:
        """How far the room's order follows the key's, 0-100 (pairs in the key's order)."""
        return order_agreement(self.scenario, {o.option.id: o.mean or 0.0 for o in self.options})

    @property
    def furthest(self) -> OptionAggregate:
        """The option the room rates most unlike the key (ties: scenario order)."""
        return max(self.options, key=lambda o: o.off_key)

    def letter(self, option_id: str) -> str:
        """Responses are named A, B, C, D in the order the scenario lists them."""
        return "ABCD"[[o.option.id for o in self.options].index(option_id)]

    @property
    def prompt(self) -> str:
        return self.scenario.discussion or _(ASK_ANYWAY)


def summarize_choices(
    framework: Framework,
    min_group_size: int,
    rows: Iterable[PracticeRow],
    published_counts: Mapping[str, Sequence[int]] | None,
) -> tuple[ScenarioAggregate, ...]:
    """Every scenario of the framework as the room may see it, from a choices snapshot's
    rows (one unit per option, see core/snapshots.choice_rows) and the rating counts it
    publishes (units missing there draw none)."""
    grouped = by_practice(rows)
    counts = published_counts or {}
    found = []
    for practice in framework.practices:
        for scenario in practice.scenarios:
            raters = {
                o.id: sum(r.responses for r in grouped.get(choice_unit(scenario.id, o.id), ()))
                for o in scenario.options
            }
            shown = min(raters.values()) >= CHOICES_FLOOR * min_group_size
            options = []
            for option in scenario.options:
                unit = choice_unit(scenario.id, option.id)
                n = raters[option.id]
                if not shown:
                    options.append(OptionAggregate(option, n, None, (0,) * HIGHEST))
                    continue
                total = sum(r.sum_current for r in grouped[unit])
                drawn = counts.get(unit)
                options.append(
                    OptionAggregate(
                        option,
                        n,
                        published_mean(total / n, HIGHEST),
                        tuple(drawn) if drawn is not None else (0,) * HIGHEST,
                        drawn is not None,
                    )
                )
            found.append(ScenarioAggregate(practice, scenario, tuple(options), shown))
    return tuple(found)


def scenario_spotlight(aggregates: Iterable[ScenarioAggregate]) -> ScenarioAggregate | None:
    """The shown scenario with the option furthest from its key, a scale step off or more;
    None when the room follows the key that closely everywhere."""
    shown = [a for a in aggregates if a.shown and a.furthest.off_key >= SPOTLIGHT_FROM]
    return max(shown, key=lambda a: a.furthest.off_key, default=None)
