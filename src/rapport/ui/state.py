"""Session-state keys and the answer store.

Widgets are not the store: Streamlit drops a widget's state when its page is left. The
store holds one immutable Assessment per framework; widgets are bound to it before they
are drawn (`bind`) and write back through their on_change callbacks.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework

FRAMEWORK = "rapport.framework"
ASSESSMENTS = "rapport.assessments"
STEP = "rapport.assess_step"


def chosen_framework_id() -> str | None:
    return st.session_state.get(FRAMEWORK)


def choose_framework(framework_id: str) -> None:
    st.session_state[FRAMEWORK] = framework_id


def _store() -> dict[str, Assessment]:
    return st.session_state.setdefault(ASSESSMENTS, {})


def assessment(framework: Framework) -> Assessment:
    return _store().get(framework.id) or Assessment.empty(framework)


def save(value: Assessment) -> None:
    _store()[value.framework_id] = value


def step(count: int) -> int:
    return min(max(int(st.session_state.get(STEP, 0)), 0), count - 1)


def set_step(value: int) -> None:
    st.session_state[STEP] = value


def widget_key(kind: str, framework_id: str, item_id: str) -> str:
    return f"w.{kind}.{framework_id}.{item_id}"


def bind(key: str, value: Any) -> None:
    """Make the widget with `key` show `value` (None: nothing selected) on this run."""
    if value is None:
        st.session_state.pop(key, None)
    else:
        st.session_state[key] = value


def widget_value(key: str) -> Any:
    return st.session_state.get(key)
