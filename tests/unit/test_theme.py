"""Both themes in .streamlit/config.toml keep text readable: WCAG contrast >= 4.5:1."""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import REPO

CONFIG = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
AA_TEXT = 4.5


def luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize("foreground", ["textColor", "primaryColor"])
@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_theme_contrast(name: str, foreground: str, background: str) -> None:
    theme = CONFIG["theme"][name]
    ratio = contrast(theme[foreground], theme[background])
    assert ratio >= AA_TEXT, f"{name} {foreground} on {background}: {ratio:.2f}:1"


def test_chart_colours_hold_3_to_1_for_graphics() -> None:
    from rapport.charts.style import CURRENT_COLOUR, NEUTRAL_COLOUR, TARGET_COLOUR

    for colour in (CURRENT_COLOUR, TARGET_COLOUR, NEUTRAL_COLOUR):
        assert contrast(colour, "#FFFFFF") >= 3.0


def blend(colour: str, background: str, alpha: float) -> str:
    """The colour Streamlit draws faded text in: `colour` at `alpha` over `background`."""
    mixed = [
        round(alpha * int(colour.lstrip("#")[i : i + 2], 16)
              + (1 - alpha) * int(background.lstrip("#")[i : i + 2], 16))
        for i in (0, 2, 4)
    ]  # fmt: skip
    return "#" + "".join(f"{c:02X}" for c in mixed)


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_captions_stay_readable(name: str, background: str) -> None:
    # st.caption draws the text colour at 60% opacity; axe flagged it at 4.43:1 with a
    # lighter text colour, so the themes keep it above 4.5:1 on both backgrounds.
    theme = CONFIG["theme"][name]
    caption = blend(theme["textColor"], theme[background], 0.6)
    assert contrast(caption, theme[background]) >= AA_TEXT
