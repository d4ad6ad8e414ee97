"""Case 8: one refresh of 1, 10 and 30 open dashboards of one workshop.

A screen's refresh reads the room (rapport.rooms.room_view) and draws its two charts. The
charts of a published snapshot are built once and shared by every screen
(rapport.ui.room_figures); before, each screen built and serialized them on every tick
(~45 ms), and 30 projected screens kept a core busy. The floor is what one screen's
refresh cost then: the room read plus building both charts. The budget: 30 screens
sharing the charts refresh in no more time than one screen took alone before.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Plan, Step, interleaved, sample
from bench.results import CaseResult, Check, median, ms
from rapport.storage import open_repository
from rapport.ui.room_figures import projected_figures, shared_figures
from rapport.usecases.demo_workshop import create_demo_workshop
from rapport.usecases.rooms import room_view, shown_aggregates
from rapport.usecases.workshops import reveal_all

SCREENS = (1, 10, 30)


def dashboards_case(plan: Plan) -> CaseResult:
    framework, assessment = sample()
    with tempfile.TemporaryDirectory() as folder:
        repo = open_repository(f"sqlite:///{Path(folder) / 'bench.db'}")
        made = create_demo_workshop(repo, framework, assessment, datetime.now(UTC), 1)
        reveal_all(repo, made.workshop)
        workshop_id = made.workshop.id

        def tick(shared: bool) -> None:
            view = room_view(repo, framework, workshop_id)
            assert view is not None
            assert view.summary is not None
            visible = shown_aggregates(view.summary, view.workshop, projected=True)
            drawn = [a for a in visible if a.distribution_shown]
            key = (workshop_id, view.published, tuple(sorted(view.workshop.revealed)))
            if shared:
                shared_figures(key, lambda: projected_figures(framework, visible, drawn))
            else:
                projected_figures(framework, visible, drawn)

        def screens(count: int) -> Step:
            return Step(lambda: [tick(shared=True) for _ in range(count)])

        floor = Step(lambda: tick(shared=False))
        results = {
            count: interleaved(screens(count), floor, plan.warmup, plan.runs) for count in SCREENS
        }
        repo.dispose()
    thirty, before = results[30]
    result = CaseResult.timed(
        "8 dashboards",
        "Dashboards: one refresh of 30 screens",
        "one screen's refresh building its own charts (before sharing)",
        thirty,
        before,
        {f"screens_{count}_ms": median(times) * 1000 for count, (times, _) in results.items()},
    )
    result.summary = ", ".join(
        f"{count} screen{'s' if count > 1 else ''} {ms(median(times))}"
        for count, (times, _) in results.items()
    )
    result.checks = [Check("ratio", "<=", 1.0, result.ratio)]
    return result


if __name__ == "__main__":  # quick look at this case alone
    print(dashboards_case(Plan()).to_json())
