"""Screens of one workshop share its charts and are capped in number."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rapport.ui import viewers
from rapport.ui.room_figures import shared_figures

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_charts_are_built_once_per_key() -> None:
    built: list[int] = []

    def build() -> tuple:
        built.append(1)
        return ()

    key = ("w-shared", 7, ("all",), "fw", "1.0")
    assert shared_figures(key, build) == ()
    assert shared_figures(key, build) == ()
    assert len(built) == 1
    shared_figures(("w-shared", 8, ("all",), "fw", "1.0"), build)  # a new snapshot
    assert len(built) == 2


def test_a_workshop_refreshes_for_its_cap_of_screens() -> None:
    assert viewers.admit("w-cap", "a", NOW, cap=2, stale_seconds=6)
    assert viewers.admit("w-cap", "b", NOW, cap=2, stale_seconds=6)
    assert not viewers.admit("w-cap", "c", NOW, cap=2, stale_seconds=6)
    assert viewers.admit("w-cap", "a", NOW, cap=2, stale_seconds=6)  # one already counted
    later = NOW + timedelta(seconds=7)  # a and b stopped refreshing: closed
    assert viewers.admit("w-cap", "c", later, cap=2, stale_seconds=6)
