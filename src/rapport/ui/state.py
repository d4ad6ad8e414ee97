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
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.files.uploads import LoadedAnswers

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


MAX_SET_ASIDE = 10  # per framework: more undo than anyone needs, bounded memory


def has_work(value: Assessment | None) -> bool:
    """Whether an assessment holds anything a person wrote or chose: ratings, examples,
    a target or importance, scenario ratings, their introduction or conclusion, their name."""
    if value is None:
        return False
    writing, who = value.writing, value.respondent
    return bool(
        value.ratings
        or value.scenarios
        or any(c.example or c.target is not None or c.importance is not None
               for c in value.choices.values())
        or writing.introduction or writing.reflection or who.name or who.course
    )  # fmt: skip


def work_words(value: Assessment) -> str:
    """What a person would call this work: "34 answers", "1 answer", "your writing"."""
    n = value.answered_count
    if n:
        # Translators: what a person has done, shown in brackets: "Your earlier work (34 answers)".
        return ngettext("{n} answer", "{n} answers", n).format(n=n)
    # Translators: work without ratings, shown in brackets: "Your earlier work (your notes...)".
    return _("your notes and writing")


def _local_now() -> datetime:
    """Now in the browser's time zone (st.context.timezone), for times shown to the person."""
    try:
        return datetime.now(ZoneInfo(str(st.context.timezone)))
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return datetime.now().astimezone()


def _set_aside_stack(framework_id: str) -> list[SetAside]:
    return st.session_state.setdefault(SET_ASIDE, {}).setdefault(framework_id, [])


def _keep(value: Assessment, reason: str, bottom: bool = False) -> None:
    """Put someone's own work on the set-aside pile (a sample is nobody's work): on top,
    or at the bottom for what a bring-back displaces, so that bringing back again and
    again walks the whole pile instead of swapping the top two."""
    if not has_work(value) or value.framework_id in _samples():
        return
    pile = _set_aside_stack(value.framework_id)
    pile.insert(0 if bottom else len(pile), SetAside(value, reason, _local_now()))
    del pile[:-MAX_SET_ASIDE]


def replace(value: Assessment, sample: bool = False, reason: str = "replaced") -> None:
    """Swap in a whole assessment (restored from a file, the sample profile, or an empty
    one). The person's own work it displaces is set aside, never dropped, on a pile: a
    second clear does not lose what the first one kept."""
    current = _store().get(value.framework_id)
    if current is not None:
        _keep(current, "sample" if sample else reason)
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
    """The work set aside most recently, which "bring back" restores."""
    pile = st.session_state.get(SET_ASIDE, {}).get(framework.id)
    return pile[-1] if pile else None


def bring_back(framework: Framework) -> None:
    """Put the most recently set-aside work back exactly as it was. Whatever it replaces
    is set aside in turn (unless it is the sample or empty), so this can be undone too."""
    pile = st.session_state.get(SET_ASIDE, {}).get(framework.id)
    if not pile:
        return
    kept = pile.pop()
    displaced = assessment(framework)
    if not is_sample(framework):
        _keep(displaced, "replaced", bottom=True)
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
