"""A file built on click is built as the page was: in its language (the wait for a pending
run is a browser matter: tests/e2e/test_no_stumbles.py types and clicks at once)."""

from __future__ import annotations

import threading

from rapport.core.i18n import _, using_language
from rapport.ui.downloads import built_on_click


def test_a_file_built_on_another_thread_keeps_the_pages_language() -> None:
    with using_language("fr"):
        build = built_on_click(lambda: _("Results"))
    made: list[str] = []
    worker = threading.Thread(target=lambda: made.append(build()))  # as Streamlit does
    worker.start()
    worker.join()
    assert made == ["Résultats"]
