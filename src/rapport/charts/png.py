"""Render Altair charts to PNG offline with vl-convert (no browser, no network).

Rendering is nearly all of a Word report's time (about 100 ms a chart), and the report
pictures the very charts the person has just seen on Results. So pictures are kept in a
small process-wide cache keyed by the chart's spec: the same answers give the same spec and
the same picture, and Results renders its charts ahead (`render_ahead`) while the person
reads, so the report that follows finds them ready.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import altair as alt

PNG_SCALE = 2  # 2x pixels keep text crisp when Word scales the picture to the page width
# A picture is 40-120 kB: 128 of them stay under ~15 MB, for a few dozen people at once.
CACHED_PICTURES = 128

_cache: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    # validate=False: the unit tests validate every builder; at run time it only costs.
    return chart.to_dict(validate=False)


def _key(spec: dict[str, Any], scale: int) -> str:
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{scale}:{text}".encode()).hexdigest()


def render_png(chart: alt.TopLevelMixin, scale: int = PNG_SCALE) -> bytes:
    spec = _spec(chart)
    key = _key(spec, scale)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    import vl_convert  # imported here: it is large and only the report needs it

    picture = vl_convert.vegalite_to_png(spec, scale=scale)
    with _lock:
        _cache[key] = picture
        while len(_cache) > CACHED_PICTURES:
            _cache.popitem(last=False)
    return picture


def render_ahead(charts: Iterable[alt.TopLevelMixin]) -> threading.Thread:
    """Render these charts into the cache on a background thread, for a report to come."""
    pending = list(charts)
    worker = threading.Thread(
        target=lambda: [render_png(c) for c in pending], name="rapport-render-ahead", daemon=True
    )
    worker.start()
    return worker


def cached_pictures() -> int:
    with _lock:
        return len(_cache)


def forget_pictures() -> None:
    """Empty the cache (benchmarks measure a report without it)."""
    with _lock:
        _cache.clear()


def warm_up() -> None:
    """The first conversion in a process costs ~400 ms; pay it once, before a user waits."""
    render_png(alt.Chart({"values": [{"x": 1}]}).mark_point().encode(x="x:Q"), scale=1)
