"""Feedback from others: the floor, the fold, "all others", blind spots and comments."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rapport.core.assessment import Assessment
from rapport.core.blind_spots import BLIND_SPOT, HIDDEN_STRENGTH, contrasts, gap_threshold
from rapport.core.feedback import (
    ALL,
    FLOOR,
    OTHERS,
    Comment,
    FeedbackError,
    FeedbackRequest,
    chosen_perspectives,
    comments_to_show,
    display_name,
    feedback_view,
)
from rapport.core.room import PracticeRow
from rapport.core.scoring import score
from rapport.core.snapshots import Snapshot, Stamps, next_snapshot
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE

FRAMEWORK = load_framework(FRAMEWORK_FILE)
LEVELS = FRAMEWORK.scale.max_value
T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)


def request(*perspectives: str, closed: bool = False, comments: bool = True) -> FeedbackRequest:
    return FeedbackRequest(
        "r1", "Alex", perspectives or ("client",), comments, FRAMEWORK.id, FRAMEWORK.version,
        T0, T0 + timedelta(days=14), T0 + timedelta(days=60), closed_early=closed,
    )  # fmt: skip


def rows(scores: list[float], skip: frozenset[str] = frozenset()) -> list[PracticeRow]:
    """GROUP BY rows of raters who gave every practice (but `skip`) the scores given."""
    out = []
    for practice in FRAMEWORK.practices:
        if practice.id in skip:
            out.append(PracticeRow(practice.id, None, len(scores), 0.0, 0.0, 4.0 * len(scores)))
            continue
        levels: dict[int, list[float]] = {}
        for value in scores:
            levels.setdefault(math.floor(value + 0.5), []).append(value)
        out += [
            PracticeRow(practice.id, lv, len(vs), sum(vs), sum(v * v for v in vs), 4.0 * len(vs))
            for lv, vs in levels.items()
        ]
    return out


def snapshot(scores: list[float], skip: frozenset[str] = frozenset()) -> Snapshot:
    return next_snapshot(None, rows(scores, skip), [], len(scores), FLOOR, LEVELS)


def test_perspectives_and_names_are_checked() -> None:
    assert chosen_perspectives(["supervisor", "client"]) == ("client", "supervisor")
    with pytest.raises(FeedbackError, match="at least one"):
        chosen_perspectives([])
    with pytest.raises(FeedbackError, match="Unknown kind of rater: boss"):
        chosen_perspectives(["boss"])
    assert display_name("  Alex \n ") == "Alex"
    with pytest.raises(FeedbackError, match="first name or nickname"):
        display_name("   ")
    with pytest.raises(FeedbackError, match="keep it to 40"):
        display_name("x" * 41)


def test_nothing_shows_below_the_floor() -> None:
    view = feedback_view(
        FRAMEWORK, request("client"), {"client": snapshot([4.0, 2.0])}, {"client": 2}, T0
    )
    assert view.groups == ()
    assert view.everyone is None
    assert view.waiting[0].needed == 1


def test_a_perspective_shows_from_the_floor_with_all_others_beside_it() -> None:
    view = feedback_view(
        FRAMEWORK, request("client"), {"client": snapshot([4.0, 2.0, 3.0])}, {"client": 3}, T0
    )
    assert [g.key for g in view.groups] == ["client", ALL]
    first = FRAMEWORK.practices[0].id
    client, everyone = view.group("client"), view.everyone
    assert client is not None and everyone is not None
    assert client.shown(first).mean_current == everyone.shown(first).mean_current == 3.0
    assert view.waiting[0].needed == 0


def test_a_practice_few_raters_have_seen_stays_out_of_all_others_too() -> None:
    """Two clients saw practice P (one hasn't); three teammates saw it. Showing P for
    all others would let the owner subtract the teammates and read the two clients."""
    unseen = FRAMEWORK.practices[0].id
    clients = rows([4.0, 4.0], frozenset()) + rows([2.0], frozenset({unseen}))
    snapshots = {
        "client": next_snapshot(None, clients, [], 3, FLOOR, LEVELS),
        "teammate": snapshot([3.0, 3.0, 3.0]),
    }
    view = feedback_view(
        FRAMEWORK, request("client", "teammate"), snapshots, {"client": 3, "teammate": 3}, T0
    )
    client, everyone = view.group("client"), view.everyone
    assert client is not None and everyone is not None
    assert client.shown(unseen) is None
    aggregate = everyone.shown(unseen)
    assert aggregate is not None and aggregate.responses == 3  # the teammates only
    second = FRAMEWORK.practices[1].id
    assert everyone.shown(second).responses == 6


def test_perspectives_below_the_floor_fold_only_after_closing_and_only_to_the_floor() -> None:
    snapshots = {
        "client": snapshot([4.0, 4.0, 4.0]),
        "teammate": snapshot([2.0, 2.0]),
        "supervisor": snapshot([3.0]),
    }
    answered = {"client": 3, "teammate": 2, "supervisor": 1}
    everyone = ("client", "teammate", "supervisor")
    still_open = feedback_view(FRAMEWORK, request(*everyone), snapshots, answered, T0)
    assert [g.key for g in still_open.groups] == ["client", ALL]
    closed = feedback_view(FRAMEWORK, request(*everyone, closed=True), snapshots, answered, T0)
    assert [g.key for g in closed.groups] == ["client", OTHERS, ALL]
    assert closed.group(OTHERS).raters == 3
    assert closed.everyone.raters == 6
    assert all(w.needed == 0 for w in closed.waiting)
    # One teammate alone cannot be folded: the fold would be that one person.
    lonely = {"client": snapshots["client"], "teammate": snapshot([2.0])}
    view = feedback_view(
        FRAMEWORK, request("client", "teammate", closed=True), lonely, {"client": 3}, T0
    )
    assert [g.key for g in view.groups] == ["client", ALL]
    assert view.everyone.raters == 3


def test_results_move_only_with_floor_new_ratings_per_practice() -> None:
    first = snapshot([4.0, 4.0, 4.0])
    fourth = rows([4.0, 4.0, 4.0, 1.0])
    stamps = [(p.id, Stamps(4, 4)) for p in FRAMEWORK.practices]
    later = next_snapshot(first, fourth, stamps, 4, FLOOR, LEVELS)
    view = feedback_view(FRAMEWORK, request("client"), {"client": later}, {"client": 4}, T0)
    assert view.everyone.shown(FRAMEWORK.practices[0].id).mean_current == 4.0
    assert view.waiting[0].held_back == 1


@given(st.floats(1, 5), st.floats(1, 5))
def test_blind_spots_and_hidden_strengths_are_a_third_of_the_scale_apart(
    own: float, others: float
) -> None:
    from rapport.core.blind_spots import Contrast

    contrast = Contrast(FRAMEWORK.practices[0], own, others, 3, gap_threshold(LEVELS))
    difference = own - others
    if difference >= 4 / 3:
        assert contrast.kind == BLIND_SPOT
    elif difference <= -4 / 3:
        assert contrast.kind == HIDDEN_STRENGTH
    else:
        assert contrast.kind is None


def test_contrasts_put_the_widest_gap_first() -> None:
    view = feedback_view(
        FRAMEWORK, request("client"), {"client": snapshot([2.0, 2.0, 2.0])}, {"client": 3}, T0
    )
    own = Assessment.empty(FRAMEWORK)
    for indicator in (i for p in FRAMEWORK.practices for i in p.indicators):
        own = own.with_rating(indicator.id, 4)
    found = contrasts(score(FRAMEWORK, own), view)
    assert len(found) == len(FRAMEWORK.practices)
    assert all(c.kind == BLIND_SPOT and c.others_n == 3 for c in found)


def test_comments_show_only_where_all_others_show_and_never_in_arrival_order() -> None:
    first, second = (p.id for p in FRAMEWORK.practices[:2])
    snapshots = {"client": snapshot([4.0, 4.0, 4.0], frozenset())}
    view = feedback_view(FRAMEWORK, request("client"), snapshots, {"client": 4}, T0)
    notes = [
        Comment("client", first, 1, "Always on time."),
        Comment("client", first, 2, "Clear updates."),
        Comment("client", first, 9, "Came later: not in the numbers yet."),
        Comment("teammate", second, 1, "Not asked: never shown."),
    ]
    shown = comments_to_show(view, snapshots, notes)
    assert set(shown) == {first}
    assert sorted(shown[first]) == ["Always on time.", "Clear updates."]
    closed = request("client", comments=False)
    view = feedback_view(FRAMEWORK, closed, snapshots, {"client": 3}, T0)
    assert comments_to_show(view, snapshots, notes) == {}


def _raters(scores: dict[str, list[int | None]]) -> list:
    """Three clients with statement ratings; each list gives rater n's rating at index n."""
    from rapport.core.blind_spots import RaterRatings

    raters = []
    for number in range(3):
        ratings = {
            i.id: scores.get(i.id, [3, 3, 3])[number]
            for p in FRAMEWORK.practices
            for i in p.indicators
        }
        raters.append(RaterRatings("client", number + 1, ratings))
    return raters


def test_statements_differ_most_only_where_every_rater_rated_every_statement() -> None:
    from rapport.core.blind_spots import statement_gaps

    first, second = FRAMEWORK.practices[:2]
    low = first.indicators[0].id
    skipped = second.indicators[0].id
    raters = _raters({low: [1, 1, 2], skipped: [1, None, 1]})
    snapshots = {"client": snapshot([3.0, 3.0, 3.0])}
    view = feedback_view(FRAMEWORK, request("client"), snapshots, {"client": 3}, T0)
    own = Assessment.empty(FRAMEWORK)
    for indicator in (i for p in FRAMEWORK.practices for i in p.indicators):
        own = own.with_rating(indicator.id, 5)
    found = statement_gaps(FRAMEWORK, view, snapshots, raters, own)
    assert [g.indicator.id for g in found][:1] == [low]
    assert found[0].others == 1.3 and found[0].others_n == 3
    # One client skipped a statement of the second practice: none of it is shown, or its
    # practice average and statement averages together would give that client away.
    assert all(g.practice.id != second.id for g in found)


@given(
    counts=st.fixed_dictionaries(
        {p: st.integers(0, 7) for p in ("client", "teammate", "supervisor")}
    ),
    closed=st.booleans(),
)
def test_every_group_shown_holds_the_floor_and_all_others_is_their_union(
    counts: dict[str, int], closed: bool
) -> None:
    snapshots = {p: snapshot([3.0] * n) for p, n in counts.items() if n}
    view = feedback_view(
        FRAMEWORK, request("client", "teammate", "supervisor", closed=closed), snapshots,
        counts, T0,
    )  # fmt: skip
    groups = [g for g in view.groups if g.key != ALL]
    assert all(g.raters >= FLOOR for g in groups)
    if groups:
        assert view.everyone is not None
        assert view.everyone.raters == sum(g.raters for g in groups)
    else:
        assert view.everyone is None
    small = sum(n for n in counts.values() if 0 < n < FLOOR)
    folded = view.group(OTHERS) is not None
    assert folded == (closed and small >= FLOOR)
