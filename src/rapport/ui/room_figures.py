"""The projected dashboard's charts, built once per published snapshot for every screen.

Every viewer of a workshop shows the same published snapshot, so its charts are built
once per snapshot and reveal, not once per screen and tick: building and serializing them
took ~45 ms a tick, which 30 projected screens made a whole core.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from rapport.charts.room import distribution_figure, room_figure
from rapport.charts.room_choices import choices_figure
from rapport.charts.style import PROJECTOR, Figure
from rapport.core.framework import Framework
from rapport.core.i18n import current_language
from rapport.core.room import PracticeAggregate
from rapport.core.room_choices import ScenarioAggregate
from rapport.ui.components import vega_spec

Charted = tuple[tuple[Figure, dict[str, Any], frozenset[int]], ...]


def projected_figures(
    framework: Framework, visible: list[PracticeAggregate], drawn: list[PracticeAggregate]
) -> Charted:
    pairs = (
        (room_figure(visible, framework.scale, PROJECTOR), visible),
        (distribution_figure(visible, framework.scale, PROJECTOR), drawn),
    )
    return tuple(
        (figure, vega_spec(figure.chart), frozenset(a.responses for a in aggregates))
        for figure, aggregates in pairs
        if figure is not None
    )


def projected_choices(shown: list[ScenarioAggregate]) -> Charted:
    """One chart per client situation the room may see, in framework order."""
    return tuple(
        (figure, vega_spec(figure.chart), frozenset({a.responses}))
        for a in shown
        for figure in (choices_figure(a, PROJECTOR),)
    )


_SHARED: OrderedDict[tuple[object, ...], Charted] = OrderedDict()
_SHARED_LOCK = threading.Lock()
SHARED_ENTRIES = 64


def shared_figures(key: tuple[object, ...], build: Callable[[], Charted]) -> Charted:
    """The charts for this key, built by the first screen that needs them (a small LRU
    across every session of the process: values are frozen, so sharing is safe). Charts
    hold words, so screens share them only within one language."""
    key = (current_language(), *key)
    with _SHARED_LOCK:
        if key in _SHARED:
            _SHARED.move_to_end(key)
            return _SHARED[key]
    built = build()
    with _SHARED_LOCK:
        _SHARED[key] = built
        while len(_SHARED) > SHARED_ENTRIES:
            _SHARED.popitem(last=False)
    return built
