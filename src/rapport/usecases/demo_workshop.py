"""A demo workshop: a room of simulated participants, for rehearsing or trying Rapport.

The answers are plausible and varied around a sample profile, with the scenario options
rated near their key, so every part of the projected view has something to show.
"""

from __future__ import annotations

import random
from datetime import datetime

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.i18n import _
from rapport.core.ports import WorkshopRepository
from rapport.core.scenarios import HIGHEST, LOWEST
from rapport.core.workshop import NewResponse, Workshop
from rapport.usecases.workshops import CreatedWorkshop, create_workshop, response_for

DEMO_DAYS = 1  # a demo is for trying things out


def simulated_participants(
    framework: Framework, base: Assessment, count: int, seed: int
) -> list[Assessment]:
    """Plausible, varied answers around a sample profile, for rehearsing a workshop."""
    rng = random.Random(seed)  # noqa: S311 - simulated answers, not secrets
    # The situations draw from their own stream, so adding them left the ratings as they were.
    chooser = random.Random(seed + 1)  # noqa: S311
    top = framework.scale.max_value
    people = []
    for _person in range(count):
        person = Assessment.empty(framework)
        lean = rng.choice((-1, 0, 0, 1))  # some people rate themselves harder or softer
        for practice in framework.practices:
            for indicator in practice.indicators:
                start = base.numeric_rating(indicator.id) or rng.randint(2, 4)
                value = min(top, max(1, start + lean + rng.choice((-1, 0, 0, 1))))
                person = person.with_rating(indicator.id, "na" if rng.random() < 0.04 else value)
        person = _simulated_choices(framework, person, chooser)
        people.append(person)
    return people


def _simulated_choices(framework: Framework, person: Assessment, rng: random.Random) -> Assessment:
    """Ratings of the scenario options near the key, most people answering. In every
    scenario the room overrates its weakest option, as rooms often rate a polite but weak
    response kindly, so a demo has a scenario spotlight to show."""
    for practice in framework.practices:
        for scenario in practice.scenarios:
            if rng.random() < 0.15:  # some skip a situation
                continue
            for option in scenario.options:
                lift = 2 if option is scenario.weakest else 0
                value = option.key + lift + rng.choice((-1, 0, 0, 1))
                rating = min(HIGHEST, max(LOWEST, value))
                person = person.with_scenario_rating(scenario.id, option.id, rating)
    return person


def create_demo_workshop(
    repo: WorkshopRepository,
    framework: Framework,
    sample: Assessment,
    now: datetime,
    days: int,
    participants: int = 14,
    max_live: int | None = None,
) -> CreatedWorkshop:
    people = simulated_participants(framework, sample, participants, seed=7)

    def room(workshop: Workshop) -> list[NewResponse]:
        return [
            response_for(workshop, framework, f"demo-{number}", person, now)
            for number, person in enumerate(people)
        ]

    # A demo is for trying things out: it lasts a day at most, whatever the setting. Its
    # title is stored in the language of whoever made it, as a typed title would be.
    # Translators: the title of a demo workshop, shown to its participants (120
    # characters at most).
    title = _("Demo workshop (simulated participants)")
    return create_workshop(
        repo, framework, title, 5, True, now, min(days, DEMO_DAYS), seeded=room,
        max_live=max_live,
    )  # fmt: skip
