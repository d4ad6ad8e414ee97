"""Watch a Streamlit page's script runs from inside the page, for tests and benchmarks.

Installed before the page's own scripts (`context.add_init_script(WATCH_RUNS)`), it notes
every "script finished" message the page's WebSockets receive: when, and how the run
ended (a whole run, a fragment's run, or one cut short by st.rerun). The script-state
attribute alone cannot say this: a quick run that arrives in one task is rendered as
"running" and "notRunning" in one React render, so the attribute never changes (seen on a
quiet machine, for a third of a bare page's clicks), and it does not tell a fragment's run
from the page's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

# ForwardMsg's field "script_finished" and its statuses (streamlit/proto/ForwardMsg.proto).
SCRIPT_FINISHED_FIELD = 6
WHOLE_RUN, EARLY_FOR_RERUN, FRAGMENT_RUN = 0, 2, 3

WATCH_RUNS = """(() => {
  const FINISHED = SCRIPT_FINISHED_FIELD;
  const finishedStatus = (buffer) => {  // a walk over the message's top-level fields
    const bytes = new Uint8Array(buffer);
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; }
      while (byte & 0x80 && at < bytes.length);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
      if (field === FINISHED && wire === 0) return varint();
      if (wire === 0) varint();
      else if (wire === 1) at += 8;
      else if (wire === 2) { const length = varint(); at += length; }  // not at += varint()
      else if (wire === 5) at += 4;
      else return null;
    }
    return null;
  };
  const Native = window.WebSocket;
  window.__runs = [];  // [milliseconds since the page opened, status], one per run
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const status = finishedStatus(event.data);
        if (status === null) return;
        window.__runs.push([performance.now(), status]);
        if (window.__onRunFinished) window.__onRunFinished(status);
      });
    }
  };
})();""".replace("SCRIPT_FINISHED_FIELD", str(SCRIPT_FINISHED_FIELD))


def finished_runs(page: Page) -> list[int]:
    """The statuses of the runs finished so far, oldest first."""
    return [int(status) for _, status in page.evaluate("window.__runs")]


def runs_after(page: Page, seen: int, timeout_ms: float = 30_000) -> list[int]:
    """The statuses of the runs that finished after the first `seen`, once at least one
    has (a busy machine may not have finished the click's run when the page looks still).
    A run cut short by st.rerun is followed by another: wait for that one too."""
    page.wait_for_function(
        """(seen) => {
            const runs = window.__runs.slice(seen);
            return runs.length > 0 && runs[runs.length - 1][1] !== EARLY_FOR_RERUN;
        }""".replace("EARLY_FOR_RERUN", str(EARLY_FOR_RERUN)),
        arg=seen,
        timeout=timeout_ms,
    )
    return finished_runs(page)[seen:]


def runs_of(page: Page, action: Callable[[], object]) -> list[int]:
    """Do `action` (a click, a key press) and return the statuses of the runs it started,
    once they have finished (runs_after)."""
    seen = int(page.evaluate("window.__runs.length"))
    action()
    return runs_after(page, seen)
