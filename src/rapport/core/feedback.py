"""Feedback from others: clients, teammates and supervisors rate the habits a person rated.

A person (the owner) asks raters from one or more perspectives. What the owner may see
keeps one rule on every output (page, chart, report): nothing of a perspective appears
below FLOOR raters, per practice as well as overall. Each perspective's results move in
published snapshots of their own, by the room's rules (core/snapshots.py): a practice's
numbers change only once FLOOR of its ratings are new, so two views never differ by one
rater. Perspectives below the floor are folded into "Other perspectives" once the request
has closed (after which nothing changes), and only if the fold reaches the floor. "All
others" for a practice is the union of the groups whose numbers for it are shown: every
figure, and every difference between two figures, mixes at least FLOOR people.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from rapport.core.errors import RapportError
from rapport.core.framework import Framework
from rapport.core.i18n import N_, _, ngettext
from rapport.core.room import PracticeAggregate, PracticeRow, RoomSummary, summarize
from rapport.core.snapshots import Snapshot
from rapport.core.text import one_line

FLOOR = 3  # raters a perspective needs before anything of theirs is shown
# id -> (one of them, the group): the order here is the order on every output. Both words
# are English (marked for the catalog): `_()` them where they are shown.
PERSPECTIVES: Mapping[str, tuple[str, str]] = {
    # Translators: one kind of rater, "as a client"; the group is "Clients".
    "client": (N_("client"), N_("Clients")),
    # Translators: one kind of rater, "as a teammate"; the group is "Teammates".
    "teammate": (N_("teammate"), N_("Teammates")),
    # Translators: one kind of rater, "as a supervisor"; the group is "Supervisors".
    "supervisor": (N_("supervisor"), N_("Supervisors")),
}
OTHERS = "others"  # perspectives below the floor, folded together at closing
# Translators: a column of feedback results: the small groups of raters, folded together.
OTHERS_LABEL = N_("Other perspectives")
ALL = "all"
# Translators: a column of feedback results: every rater but the person themselves.
ALL_LABEL = N_("All others")
NAME_MAX = 40


class FeedbackError(RapportError):
    """A feedback action that cannot be done: unknown link, closed request, bad settings."""


@dataclass(frozen=True)
class FeedbackRequest:
    """What the owner asked: the only personal datum is the name shown to raters."""

    id: str
    display_name: str
    perspectives: tuple[str, ...]
    allow_comments: bool
    framework_id: str
    framework_version: str
    created_at: datetime
    closes_at: datetime
    expires_at: datetime
    closed_early: bool = False

    def is_open(self, now: datetime) -> bool:
        return not self.closed_early and now < self.closes_at

    def has_ended(self, now: datetime) -> bool:
        """Past its retention time: purged, nothing opens it any more."""
        return self.expires_at <= now


def chosen_perspectives(chosen: Iterable[str]) -> tuple[str, ...]:
    """The perspectives to ask, in the fixed order; at least one, all known."""
    wanted = set(chosen)
    unknown = sorted(wanted - set(PERSPECTIVES))
    if unknown:
        # Translators: {kinds} lists the unknown ids, as sent ("boss, friend").
        raise FeedbackError(_("Unknown kind of rater: {kinds}.").format(kinds=", ".join(unknown)))
    if not wanted:
        raise FeedbackError(
            _("Choose at least one kind of person to ask."),
            [_("Clients, teammates or supervisors: each gets a link of its own.")],
        )
    return tuple(p for p in PERSPECTIVES if p in wanted)


def display_name(text: str) -> str:
    """The first name or nickname raters see: one clean line, 1 to NAME_MAX characters."""
    name = one_line(text)
    if not name:
        raise FeedbackError(
            _("Give a first name or nickname for your raters to see."),
            [_("It tells them whose habits they rate; nothing else about you is stored.")],
        )
    if len(name) > NAME_MAX:
        # Translators: {length} is the name's length in characters, {limit} the most allowed.
        summary = ngettext(
            "The name is {length} character long; keep it to {limit}.",
            "The name is {length} characters long; keep it to {limit}.",
            len(name),
        )
        raise FeedbackError(
            summary.format(length=len(name), limit=NAME_MAX),
            [_("A first name or a nickname is enough.")],
        )
    return name


@dataclass(frozen=True)
class Group:
    """One column of the comparison: a perspective, the fold, or all others."""

    key: str  # a perspective id, OTHERS or ALL
    name: str  # its English name, marked N_(): `label` is the reader's
    summary: RoomSummary  # the floor applied per practice (summarize with k = FLOOR)
    rows: tuple[PracticeRow, ...]  # what it was summarized from (never shown as such)

    @property
    def label(self) -> str:
        """The group's name in the reader's language ("Clients", "All others")."""
        return _(self.name)

    @property
    def raters(self) -> int:
        return self.summary.count

    def shown(self, practice_id: str) -> PracticeAggregate | None:
        aggregate = self.summary.practice(practice_id)
        return aggregate if aggregate is not None and aggregate.shown else None


@dataclass(frozen=True)
class Waiting:
    """A perspective not (or not fully) in the results, and why."""

    perspective: str
    answered: int  # raters so far
    published: int  # raters in its published results (0 while below the floor)
    folded: bool = False  # below the floor, but shown within "Other perspectives"

    @property
    def needed(self) -> int:
        """More raters before anything of this perspective may show (0: it shows)."""
        if self.folded or self.published >= FLOOR:
            return 0
        return max(0, FLOOR - self.answered)

    @property
    def held_back(self) -> int:
        """Answers in, but not yet in the results: they move FLOOR at a time."""
        return self.answered - self.published if self.published >= FLOOR else 0


@dataclass(frozen=True)
class FeedbackView:
    request: FeedbackRequest
    groups: tuple[Group, ...]  # shown perspectives, then the fold, then all others
    waiting: tuple[Waiting, ...]  # every asked perspective, in order

    def group(self, key: str) -> Group | None:
        return next((g for g in self.groups if g.key == key), None)

    @property
    def everyone(self) -> Group | None:
        return self.group(ALL)

    @property
    def answered(self) -> int:
        return sum(w.answered for w in self.waiting)


def _group(framework: Framework, key: str, label: str, rows: Sequence[PracticeRow]) -> Group:
    return Group(key, label, summarize(framework, FLOOR, rows), tuple(rows))


def feedback_view(
    framework: Framework,
    request: FeedbackRequest,
    snapshots: Mapping[str, Snapshot],
    answered: Mapping[str, int],
    now: datetime,
) -> FeedbackView:
    """What the owner may see, from each perspective's published snapshot and live counts.

    A perspective is its own group once its snapshot holds FLOOR raters. Those below the
    floor join "Other perspectives" once the request has closed, if together they reach
    it: before closing, a fold could change by one rater at a time. "All others" takes, per
    practice, the rows of every group whose numbers for that practice are shown.
    """
    groups: list[Group] = []
    below: list[PracticeRow] = []
    waiting: list[Waiting] = []
    for perspective in request.perspectives:
        snapshot = snapshots.get(perspective)
        published = snapshot.responses if snapshot is not None else 0
        in_results = published if published >= FLOOR else 0
        waiting.append(Waiting(perspective, answered.get(perspective, 0), in_results))
        if snapshot is None or not snapshot.rows:
            continue
        if published >= FLOOR:
            label = PERSPECTIVES[perspective][1]
            groups.append(_group(framework, perspective, label, snapshot.rows))
        else:
            below.extend(snapshot.rows)
    if below and not request.is_open(now):
        fold = _group(framework, OTHERS, OTHERS_LABEL, below)
        if fold.raters >= FLOOR:
            groups.append(fold)
            folded = {p for p, s in snapshots.items() if 0 < s.responses < FLOOR}
            waiting = [replace(w, folded=True) if w.perspective in folded else w for w in waiting]
    if groups:
        groups.append(_group(framework, ALL, ALL_LABEL, _shown_rows(groups)))
    return FeedbackView(request, tuple(groups), tuple(waiting))


def _shown_rows(groups: Sequence[Group]) -> list[PracticeRow]:
    """Every row of every group's practices that are shown: a hidden cell (fewer than
    FLOOR ratings of one practice) stays out, or "All others" minus the groups shown
    would give it away."""
    rows: list[PracticeRow] = []
    for group in groups:
        shown = {a.practice.id for a in group.summary.practices if a.shown}
        rows.extend(r for r in group.rows if r.practice_id in shown)
    return rows


@dataclass(frozen=True)
class Comment:
    """A rater's optional note on one practice, stored apart from any rating."""

    perspective: str
    practice_id: str
    seq: int  # the rater's number in the request: which snapshot took them in
    text: str


def in_numbers(view: FeedbackView, perspective: str, snapshot: Snapshot, practice_id: str) -> bool:
    """Whether this perspective's raters are in a shown number for the practice: its own
    group's, or the fold's when it is folded. Statements and comments draw only on raters
    for whom this holds: anyone else would be in no figure the owner could check them
    against, and so alone (the red team read a folded teammate's every rating from the
    statement averages when the fold's own number for the practice was hidden)."""
    own = view.group(perspective)
    if own is not None and own.shown(practice_id) is not None:
        return True
    fold = view.group(OTHERS)
    return (
        0 < snapshot.responses < FLOOR and fold is not None and fold.shown(practice_id) is not None
    )


def comments_to_show(
    view: FeedbackView,
    snapshots: Mapping[str, Snapshot],
    comments: Iterable[Comment],
) -> dict[str, list[str]]:
    """Per practice, the comments the owner may read: only where all others' numbers for
    it are shown, only from raters already in those numbers, in an order that follows
    neither time nor perspective (a hash of the text), and without their ratings."""
    if not view.request.allow_comments or view.everyone is None:
        return {}
    shown: dict[str, list[str]] = {}
    for comment in comments:
        snapshot = snapshots.get(comment.perspective)
        if snapshot is None or view.everyone.shown(comment.practice_id) is None:
            continue
        practice_shown = in_numbers(view, comment.perspective, snapshot, comment.practice_id)
        taken_at = snapshot.refreshed.get(comment.practice_id, 0)
        if practice_shown and comment.seq <= taken_at:
            shown.setdefault(comment.practice_id, []).append(comment.text)
    salt = view.request.id.encode()
    return {
        practice: sorted(texts, key=lambda t: hashlib.sha256(salt + t.encode()).digest())
        for practice, texts in shown.items()
    }
