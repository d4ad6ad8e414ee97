"""The first page's start path stays light: what app.py and the Home page import must not
pull in the charting, reporting or database libraries (issue #18, cold start). Checked in a
fresh interpreter, since this test process has imported everything already."""

from __future__ import annotations

import json
import subprocess
import sys

# What app.py's frame and the Home page import before drawing anything.
START_PATH = (
    "rapport.ui.components",
    "rapport.ui.files",
    "rapport.ui.language",
    "rapport.ui.links",
    "rapport.ui.pages",
    "rapport.ui.participant",
)
HEAVY = ("altair", "pandas", "numpy", "docx", "vl_convert", "sqlalchemy", "alembic", "psycopg")


def loaded_by(imports: tuple[str, ...], watched: tuple[str, ...]) -> list[str]:
    """Which of `watched` a fresh interpreter has loaded after importing `imports`."""
    script = (
        "import json, sys\n"
        + "".join(f"import {module}\n" for module in imports)
        + f"print(json.dumps([m for m in {list(watched)!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_start_path_imports_no_heavy_library() -> None:
    assert loaded_by(START_PATH, HEAVY) == []


def test_the_sidebar_is_drawn_before_the_answers_models_are_imported() -> None:
    """app.py draws the navigation and the language menu before importing the rest of the
    frame, so the browser fetches their script code while Python imports: that only helps
    while those two modules stay clear of pydantic and the answers' models."""
    early = ("rapport.ui.language", "rapport.ui.pages")
    later = ("pydantic", "rapport.core.assessment", "rapport.ui.state", "numpy")
    assert loaded_by(early, later) == []
