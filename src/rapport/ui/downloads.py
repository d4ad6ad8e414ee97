"""Files built when their download button is clicked (Streamlit's deferred `data=callable`).

Streamlit runs such a callable at once, on a thread of its own, outside the page's script
run. Two things the page knows are then missing:
- the language: no session speaks on that thread, so the page's language is kept;
- the last words typed: a click on the button first takes the focus from a text area,
  which commits its text by asking for a rerun, and the callable would run before that
  rerun has stored it: a student typing an introduction and clicking Download at once got
  the report without it. The browser sends the file's request first and the text a few
  ms later, so the callable gives that run a moment to begin, waits (a few seconds at
  most) for it to end, then reads the answers.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from streamlit.runtime.scriptrunner import get_script_run_ctx

from rapport.core.i18n import keeping_language

T = TypeVar("T")
PENDING_RUN_WAIT_S = 5.0
# How long a click's own rerun may take to reach the server after the file's request
# (about 35 ms measured; a loaded machine or a phone on Wi-Fi takes longer).
RUN_TO_BEGIN_S = 0.4


def built_on_click(build: Callable[[], T]) -> Callable[[], T]:
    """`build`, run later as the page is now: in its language, after its pending run."""
    in_language = keeping_language(build)
    ctx = get_script_run_ctx(suppress_warning=True)
    session_id = ctx.session_id if ctx is not None else None

    def built() -> T:
        if session_id is not None:
            _wait_for_pending_run(session_id)
        return in_language()

    return built


def _wait_for_pending_run(session_id: str) -> None:
    """Give a rerun RUN_TO_BEGIN_S to begin, then wait until the session runs no script
    (its runner is released when a run ends), PENDING_RUN_WAIT_S at most. Streamlit
    offers no public way to ask; if its internals change shape, the file is built at
    once, as before."""
    try:
        from streamlit.runtime import Runtime

        info = Runtime.instance()._session_mgr.get_active_session_info(session_id)
        session = info.session if info is not None else None
    except (AttributeError, RuntimeError):
        return
    start = time.monotonic()
    while _idle(session) and time.monotonic() - start < RUN_TO_BEGIN_S:
        time.sleep(0.01)
    while not _idle(session) and time.monotonic() - start < PENDING_RUN_WAIT_S:
        time.sleep(0.02)


def _idle(session: object) -> bool:
    return getattr(session, "_scriptrunner", None) is None
