"""Session-state keys and the answer store.

Widgets are not the store: Streamlit drops a widget's state when its page is left. The
store holds one immutable Assessment per framework; widgets are bound to it before they
are drawn (`bind`) and write back through their on_change callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
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
SET_ASIDE = "rapport.set_aside"


@dataclass(frozen=True)
class SetAside:
    """A person's own answers, kept whole while something else took their place: the
    sample profile, a restored file, or "Clear all my answers". Nothing a person does in
    the app throws their answers away; this is what brings them back."""

    assessment: Assessment
    reason: str  # "sample", "replaced" (by a file, or by bringing others back) or "cleared"
    when: datetime


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


def replace(value: Assessment, sample: bool = False, reason: str = "replaced") -> None:
    """Swap in a whole assessment (restored from a file, the sample profile, or an empty
    one). The person's own answers it displaces are set aside, never dropped: a sample or
    an empty assessment is nobody's work and is not kept."""
    current = _store().get(value.framework_id)
    if current is not None and current.answered_count and value.framework_id not in _samples():
        st.session_state.setdefault(SET_ASIDE, {})[value.framework_id] = SetAside(
            current, "sample" if sample else reason, datetime.now().astimezone()
        )
    save(value)
    samples = _samples()
    if sample:
        samples.add(value.framework_id)
    else:
        samples.discard(value.framework_id)
    st.session_state.pop(STEP, None)


def _samples() -> set[str]:
    return st.session_state.setdefault(SAMPLE, set())


def is_sample(framework: Framework) -> bool:
    return framework.id in _samples()


def clear(framework: Framework) -> None:
    """Start over. The answers cleared stay set aside for the rest of the session."""
    replace(Assessment.empty(framework), reason="cleared")
    st.session_state.get(EARLIER, {}).pop(framework.id, None)


def set_aside(framework: Framework) -> SetAside | None:
    return st.session_state.get(SET_ASIDE, {}).get(framework.id)


def bring_back(framework: Framework) -> None:
    """Put the set-aside answers back exactly as they were. Whatever they replace is set
    aside in turn (unless it is the sample or empty), so this can be undone too."""
    kept = set_aside(framework)
    if kept is None:
        return
    st.session_state[SET_ASIDE].pop(framework.id)
    displaced = assessment(framework)
    if displaced.answered_count and not is_sample(framework):
        st.session_state[SET_ASIDE][framework.id] = SetAside(
            displaced, "replaced", datetime.now().astimezone()
        )
    save(kept.assessment)
    _samples().discard(framework.id)
    st.session_state.pop(STEP, None)


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


def set_step(value: object, count: int | None = None) -> None:
    """Show another practice. Any value a widget may send is tolerated: a stale or
    unknown one (not a whole number, or none of the `count` practices) is ignored."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return
    if count is not None and value >= count:
        return
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


def bound(
    framework: Framework,
    key: str,
    value: Any,
    update: Update,
    allowed: Collection[Any] | type = str,
) -> dict[str, Any]:
    """Widget arguments that show `value` and write changes back through `update`.

    Use as `st.radio(..., **bound(fw, key, current, lambda a, v: a.with_rating(i, v),
    allowed=options))`. `allowed` is the widget's options, or the type of a free value.
    """
    bind(key, value)
    return {"key": key, "on_change": _write_back, "args": (framework, key, update, allowed)}


def accepts(allowed: Collection[Any] | type, value: Any) -> bool:
    """Whether a value sent back by a widget is one it offers. A front end can send what
    no option is any more (a label from before a rerun, say): that is not an answer."""
    if value is None:
        return True
    if isinstance(allowed, type):
        return isinstance(value, allowed)
    return any(value == option and type(value) is type(option) for option in allowed)


def _write_back(framework: Framework, key: str, update: Update, allowed: Any = str) -> None:
    value = st.session_state.get(key)
    if accepts(allowed, value):
        save(update(assessment(framework), value))
    # Otherwise the stored answer stands; the next run shows it again (bind).
