"""The Report page's own-words fields: the introduction and the reflection."""

from __future__ import annotations

import streamlit as st

from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.text import MAX_ESSAY_CHARS
from rapport.ui import state

SUGGESTED_WORDS = (100, 250)


def word_count(text: str) -> int:
    return len(text.split())


def render_own_words(framework: Framework, field: str, label: str, prompt: str) -> None:
    """A text area bound to the assessment's writing, with its word count beneath."""
    current = getattr(state.assessment(framework).writing, field)
    st.text_area(
        label,
        max_chars=MAX_ESSAY_CHARS,
        height=180,
        placeholder=prompt,
        help=_(
            "A blank line starts a new paragraph. Saved with your answers and inside the report."
        ),
        **state.bound(
            framework,
            state.widget_key("writing", framework.id, field),
            current,
            lambda a, v: a.with_writing(**{field: v or ""}),
        ),
    )
    words = word_count(current)
    low, high = SUGGESTED_WORDS
    if not words:
        # Translators: {low} and {high} bound the suggested length in words (100 and 250).
        empty = _("Empty: the report drafts it from your answers. Aim for {low}-{high} words.")
        st.caption(empty.format(low=low, high=high))
    else:
        # Translators: {n} counts the words written; {low}-{high} is the suggested length.
        st.caption(
            ngettext(
                "{n} word; {low}-{high} is a good length.",
                "{n} words; {low}-{high} is a good length.",
                words,
            ).format(n=words, low=low, high=high)
        )
