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


def test_the_start_path_imports_no_heavy_library() -> None:
    script = (
        "import json, sys\n"
        + "".join(f"import {module}\n" for module in START_PATH)
        + f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
