"""Render Altair charts to PNG offline with vl-convert (no browser, no network)."""

from __future__ import annotations

import altair as alt

PNG_SCALE = 2  # 2x pixels keep text crisp when Word scales the picture to the page width


def render_png(chart: alt.TopLevelMixin, scale: int = PNG_SCALE) -> bytes:
    import vl_convert  # imported here: it is large and only the report needs it

    # validate=False: the unit tests validate every builder; at run time it only costs.
    return vl_convert.vegalite_to_png(chart.to_dict(validate=False), scale=scale)


def warm_up() -> None:
    """The first conversion in a process costs ~400 ms; pay it once, before a user waits."""
    render_png(alt.Chart({"values": [{"x": 1}]}).mark_point().encode(x="x:Q"), scale=1)
