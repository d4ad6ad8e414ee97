"""Workshops: a room of participants answering privately, under a join code.

The entity the facilitator creates (its settings, what is revealed, when it ends), the join
code a room types off a projector, and a submission as stored. What the room may see of the
answers is decided in core/room.py.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime

from rapport.core.assessment import Assessment
from rapport.core.errors import RapportError
from rapport.core.framework import Framework
from rapport.core.scoring import score

# No look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B): a code read off a projector is typed right.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
MIN_GROUP_FLOOR = 3
DEFAULT_MIN_GROUP = 5
REVEAL_ALL = "*"


class WorkshopError(RapportError):
    """A workshop action that cannot be done: unknown code, closed workshop, bad settings."""


class StorageUnavailable(WorkshopError):  # noqa: N818 (the name the app and brief use)
    """The workshop database cannot be reached; everything else in Rapport still works.

    A WorkshopError, so every page that handles workshop problems says this one plainly too.
    Declared here rather than in storage/, so the pages can name it without loading the
    database layer (SQLAlchemy, Alembic) before they need it.
    """


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str | None:
    """A typed code in canonical form, or None when it cannot be a join code."""
    code = "".join(text.split()).upper().replace("-", "")
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


@dataclass(frozen=True)
class Workshop:
    id: str
    code: str
    title: str
    framework_id: str
    framework_version: str
    min_group_size: int
    share_with_participants: bool
    is_open: bool
    revealed: frozenset[str]  # practice ids, or REVEAL_ALL
    created_at: datetime
    expires_at: datetime

    def is_revealed(self, practice_id: str) -> bool:
        return REVEAL_ALL in self.revealed or practice_id in self.revealed

    def has_ended(self, now: datetime) -> bool:
        """Past its retention time: it takes no answers and opens no dashboard."""
        return self.expires_at <= now


@dataclass(frozen=True)
class NewResponse:
    """A submission as stored: who (a hash), the anonymous answers, their practices."""

    participant_hash: str
    answers_json: str
    practices: tuple[PracticeResult, ...]
    submitted_at: datetime
    choices: tuple[ChoiceResult, ...] = ()  # the scenario options it rated


@dataclass(frozen=True)
class PracticeResult:
    """One practice of one submission, as stored for aggregation."""

    practice_id: str
    current: float | None
    target: int
    importance: int

    @property
    def level(self) -> int | None:
        """The scale level this score rounds to (half rounds up), for the distribution."""
        return None if self.current is None else math.floor(self.current + 0.5)


@dataclass(frozen=True)
class ChoiceResult:
    """How effective one submission rated one option of a client scenario (1..6)."""

    scenario_id: str
    option_id: str
    rating: int

    @property
    def unit(self) -> str:
        """The id the room's snapshot keeps this option's numbers under."""
        return choice_unit(self.scenario_id, self.option_id)


def choice_unit(scenario_id: str, option_id: str) -> str:
    # Slugs never hold "/", so the pair reads back unambiguously.
    return f"{scenario_id}/{option_id}"


def choice_results(framework: Framework, assessment: Assessment) -> tuple[ChoiceResult, ...]:
    """Every option the person rated, of the framework's scenarios only."""
    return tuple(
        ChoiceResult(scenario.id, option.id, rating)
        for practice in framework.practices
        for scenario in practice.scenarios
        for option in scenario.options
        if (rating := assessment.scenario_ratings(scenario.id).get(option.id)) is not None
    )


def practice_results(framework: Framework, assessment: Assessment) -> tuple[PracticeResult, ...]:
    return tuple(
        PracticeResult(s.practice.id, s.current, s.target, s.importance)
        for s in score(framework, assessment).scores
    )
