"""Rate limits: a sliding window admits `limit` actions per `seconds`, then says how long
to wait; settings give every limit a default and refuse nonsense."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rapport.core.limits import Window, admit, wait_seconds
from rapport.settings import LIMITS, Settings, SettingsError

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_window_admits_its_limit_then_refuses_until_the_oldest_leaves() -> None:
    window = Window(limit=3, seconds=60)
    times: tuple[datetime, ...] = ()
    for second in (0, 10, 20):
        after = admit(times, START + timedelta(seconds=second), window)
        assert after is not None
        times = after
    at_30 = START + timedelta(seconds=30)
    assert admit(times, at_30, window) is None
    assert wait_seconds(times, at_30, window) == 31  # the first leaves at 60 s
    assert admit(times, START + timedelta(seconds=61), window) is not None


def test_every_limit_has_a_setting_with_a_floor() -> None:
    settings = Settings.from_sources({})
    for name, (default, _) in LIMITS.items():
        assert getattr(settings, name) == default
    assert Settings.from_sources({"RAPPORT_MAX_RESPONSES": "50"}).max_responses == 50
    with pytest.raises(SettingsError, match="RAPPORT_MAX_RESPONSES must be at least 3"):
        Settings.from_sources({"RAPPORT_MAX_RESPONSES": "2"})
    with pytest.raises(SettingsError, match="RAPPORT_JOINS_PER_MINUTE must be a whole number"):
        Settings.from_sources({"RAPPORT_JOINS_PER_MINUTE": "lots"})
