"""Session-state keys and the answer store.

Widgets are not the store: Streamlit drops a widget's state when its page is left. The
store holds one immutable Assessment per framework; widgets are bound to it before they
are drawn (`bind`) and write back through their on_change callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.restore import LoadedAnswers

FRAMEWORK = "rapport.framework"
ASSESSMENTS = "rapport.assessments"
STEP_MOVED = "rapport.step_moved"
STEP = "rapport.assess_step"
EARLIER = "rapport.earlier"
SAMPLE = "rapport.sample"
HANDLED_UPLOADS = "rapport.handled_uploads"


def chosen_framework_id() -> str | None:
    return st.session_state.get(FRAMEWORK)


def choose_framework(framework_id: str) -> None:
    st.session_state[FRAMEWORK] = framework_id


def _store() -> dict[str, Assessment]:
    return st.session_state.setdefault(ASSESSMENTS, {})


def assessment(framework: Framework) -> Assessment:
    return _store().get(framework.id) or Assessment.empty(framework)


def reader(framework: Framework) -> Callable[[], Assessment]:
    """Read this session's answers later, from outside the session (a deferred download
    runs in another thread): it holds the store itself, not a snapshot, so an edit made
    just before the click (a name committed on blur) is included."""
    store = _store()
    return lambda: store.get(framework.id) or Assessment.empty(framework)


def save(value: Assessment) -> None:
    _store()[value.framework_id] = value


def replace(value: Assessment, sample: bool = False) -> None:
    """Swap in a whole assessment (restored from a file, or the sample profile)."""
    save(value)
    samples = st.session_state.setdefault(SAMPLE, set())
    if sample:
        samples.add(value.framework_id)
    else:
        samples.discard(value.framework_id)
    st.session_state.pop(STEP, None)


def is_sample(framework: Framework) -> bool:
    return framework.id in st.session_state.get(SAMPLE, set())


def clear(framework: Framework) -> None:
    replace(Assessment.empty(framework))
    st.session_state.get(EARLIER, {}).pop(framework.id, None)


def earlier(framework: Framework) -> LoadedAnswers | None:
    return st.session_state.get(EARLIER, {}).get(framework.id)


def set_earlier(framework: Framework, value: LoadedAnswers | None) -> None:
    store = st.session_state.setdefault(EARLIER, {})
    if value is None:
        store.pop(framework.id, None)
    else:
        store[framework.id] = value


def handled(upload_id: str) -> bool:
    """Whether this upload was already applied: reruns must not restore it again."""
    return upload_id in st.session_state.get(HANDLED_UPLOADS, set())


def mark_handled(upload_id: str) -> None:
    st.session_state.setdefault(HANDLED_UPLOADS, set()).add(upload_id)


def step(count: int) -> int:
    return min(max(int(st.session_state.get(STEP, 0)), 0), count - 1)


def set_step(value: int) -> None:
    st.session_state[STEP] = value
    st.session_state[STEP_MOVED] = True


def step_moved() -> bool:
    """True once after Back, Next or the step picker moved to another practice."""
    return bool(st.session_state.pop(STEP_MOVED, False))


def widget_key(kind: str, framework_id: str, item_id: str) -> str:
    return f"w.{kind}.{framework_id}.{item_id}"


def bind(key: str, value: Any) -> None:
    """Make the widget with `key` show `value` (None: nothing selected) on this run."""
    if value is None:
        st.session_state.pop(key, None)
    else:
        st.session_state[key] = value


Update = Callable[[Assessment, Any], Assessment]


def bound(framework: Framework, key: str, value: Any, update: Update) -> dict[str, Any]:
    """Widget arguments that show `value` and write changes back through `update`.

    Use as `st.radio(..., **bound(fw, key, current, lambda a, v: a.with_rating(i, v)))`.
    """
    bind(key, value)
    return {"key": key, "on_change": _write_back, "args": (framework, key, update)}


def _write_back(framework: Framework, key: str, update: Update) -> None:
    save(update(assessment(framework), st.session_state.get(key)))
