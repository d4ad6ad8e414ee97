"""Files in and out: resume from a file, compare with an earlier one, save the answers,
and the sample profile for demo links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from rapport.core.errors import AnswersError
from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.text import join_words
from rapport.files.answers_file import to_json
from rapport.files.uploads import LoadedAnswers, load_upload
from rapport.ui import pages, resources, state
from rapport.ui.components import escape_markdown, render_error
from rapport.ui.downloads import built_on_click

RESUME_WIDGET = "w.upload.resume"
EARLIER_WIDGET = "w.upload.earlier"


def _read(
    framework: Framework, key: str, label: str, help_text: str
) -> tuple[str | None, LoadedAnswers | None]:
    """An uploader whose file is checked at once; problems are shown, nothing is changed.

    Returns the upload's id (None without a file) and the answers it holds, if readable.
    """
    # No `type=` filter: Streamlit would refuse other extensions inside its own runtime,
    # before any page code runs, with an error the page cannot word. load_upload checks the
    # extension itself and says what to upload instead.
    upload = st.file_uploader(label, key=key, help=help_text)
    if upload is None:
        return None, None
    try:
        return upload.file_id, load_upload(upload.getvalue(), upload.name, framework)
    except AnswersError as error:
        render_error(error)
        return upload.file_id, None


# What a restored or compared file was, one whole sentence (or button) for each kind of
# file, dated or not: (what is said, from a Word report, with a date) -> the counted message.
_ABOUT: dict[tuple[str, bool, bool], Callable[[int], str]] = {
    # Translators: {date} is like "27 November 2026"; {n} counts the answers restored.
    ("restored", True, True): lambda n: ngettext(
        "Restored the Word report saved on {date} ({n} answer).",
        "Restored the Word report saved on {date} ({n} answers).",
        n,
    ),
    ("restored", True, False): lambda n: ngettext(
        "Restored the Word report ({n} answer).", "Restored the Word report ({n} answers).", n
    ),
    ("restored", False, True): lambda n: ngettext(
        "Restored the answers file saved on {date} ({n} answer).",
        "Restored the answers file saved on {date} ({n} answers).",
        n,
    ),
    ("restored", False, False): lambda n: ngettext(
        "Restored the answers file ({n} answer).", "Restored the answers file ({n} answers).", n
    ),
    # Translators: a button. {date} is like "27 November 2026"; {n} counts the file's answers.
    ("replace", True, True): lambda n: ngettext(
        "Replace my answers with the Word report saved on {date} ({n} answer)",
        "Replace my answers with the Word report saved on {date} ({n} answers)",
        n,
    ),
    ("replace", True, False): lambda n: ngettext(
        "Replace my answers with the Word report ({n} answer)",
        "Replace my answers with the Word report ({n} answers)",
        n,
    ),
    ("replace", False, True): lambda n: ngettext(
        "Replace my answers with the answers file saved on {date} ({n} answer)",
        "Replace my answers with the answers file saved on {date} ({n} answers)",
        n,
    ),
    ("replace", False, False): lambda n: ngettext(
        "Replace my answers with the answers file ({n} answer)",
        "Replace my answers with the answers file ({n} answers)",
        n,
    ),
    # Translators: {date} is like "27 November 2026"; {n} counts the earlier answers.
    ("comparing", True, True): lambda n: ngettext(
        "Comparing with the Word report saved on {date} ({n} answer).",
        "Comparing with the Word report saved on {date} ({n} answers).",
        n,
    ),
    ("comparing", True, False): lambda n: ngettext(
        "Comparing with the Word report ({n} answer).",
        "Comparing with the Word report ({n} answers).",
        n,
    ),
    ("comparing", False, True): lambda n: ngettext(
        "Comparing with the answers file saved on {date} ({n} answer).",
        "Comparing with the answers file saved on {date} ({n} answers).",
        n,
    ),
    ("comparing", False, False): lambda n: ngettext(
        "Comparing with the answers file ({n} answer).",
        "Comparing with the answers file ({n} answers).",
        n,
    ),
}


def _about(loaded: LoadedAnswers, said: str) -> str:
    """ "Restored the Word report saved on 27 November 2026 (34 answers)." and the like:
    `said` is "restored", "replace" (the button) or "comparing"."""
    n, on = loaded.assessment.answered_count, loaded.saved_on
    return _ABOUT[said, loaded.source == "Word report", bool(on)](n).format(date=on, n=n)


def _render_left_out(loaded: LoadedAnswers) -> None:
    if loaded.left_out:
        # Translators: {ids} lists the ids of statements or practices, as the file has them.
        text = _("Left out because this version of the framework no longer has them: {ids}.")
        st.info(
            # ids from the file: shown as typed
            text.format(ids=escape_markdown(join_words(loaded.left_out))),
            icon=":material/info:",
        )


def render_resume(framework: Framework) -> None:
    """Bring back an assessment from a Rapport Word report or answers file."""
    upload_id, loaded = _read(
        framework,
        RESUME_WIDGET,
        _("Continue from a Rapport report (.docx) or answers file (.json)"),
        _("The Word report Rapport made for you carries your answers inside it."),
    )
    if loaded is None:
        return
    marker = f"resume:{upload_id}"
    if state.handled(marker):
        st.success(_about(loaded, "restored"), icon=":material/check_circle:")
        render_next_step(framework)
        return
    current = state.assessment(framework)
    if current.answered_count and not state.is_sample(framework):
        n = current.answered_count
        st.warning(
            ngettext(
                "You have {n} answer in this session. Restoring replaces it with the file's "
                "answers.",
                "You have {n} answers in this session. Restoring replaces them with the file's "
                "answers.",
                n,
            ).format(n=n),
            icon=":material/warning:",
        )
        if not st.button(_about(loaded, "replace"), type="primary"):
            return
    state.mark_handled(marker)
    state.replace(loaded.assessment)
    st.success(_about(loaded, "restored"), icon=":material/check_circle:")
    _render_left_out(loaded)
    render_next_step(framework)


def render_next_step(framework: Framework) -> None:
    """After a restore: carry on where the answers stop, or see the results."""
    answers = state.assessment(framework)
    first_open = next(
        (
            index
            for index, practice in enumerate(framework.practices)
            if any(answers.rating(i.id) is None for i in practice.indicators)
        ),
        None,
    )
    left, right = st.columns(2)
    if first_open is not None:
        practice = framework.practices[first_open]
        if left.button(
            # Translators: a button, as in "Continue at 4. Agree on communication".
            _("Continue at {number}. {practice}").format(
                number=first_open + 1, practice=practice.short_name
            ),
            type="primary",
            icon=":material/play_arrow:",
            key="w.resume.continue",
        ):
            state.set_step(first_open)
            st.switch_page(pages.ASSESS)
    if answers.answered_count and right.button(
        _("See my results"),
        type="primary" if first_open is None else "secondary",
        icon=":material/insights:",
        key="w.resume.results",
    ):
        st.switch_page(pages.RESULTS)


def render_compare(framework: Framework) -> None:
    """Choose an earlier report or answers file to compare the current answers with."""
    earlier = state.earlier(framework)
    with st.expander(_("Compare with an earlier assessment"), expanded=earlier is None):
        _upload, loaded = _read(
            framework,
            EARLIER_WIDGET,
            _("Earlier Rapport report (.docx) or answers file (.json)"),
            _("Retake the assessment, then upload your earlier report to see your progress."),
        )
        if loaded is not None:
            state.set_earlier(framework, loaded)
            earlier = loaded
        if earlier is not None:
            st.caption(_about(earlier, "comparing"))
            _render_left_out(earlier)
            if st.button(_("Stop comparing"), icon=":material/close:"):
                state.set_earlier(framework, None)
                st.rerun()


def render_answers_download(framework: Framework, file_stem: str) -> None:
    assessment = state.assessment(framework)
    read_answers = state.reader(framework)
    st.download_button(
        _("Download your answers (.json)"),
        data=built_on_click(lambda: to_json(read_answers())),  # it records the language
        file_name=f"{file_stem}-answers.json",
        mime="application/json",
        icon=":material/save:",
        on_click="ignore",
        disabled=assessment.answered_count == 0,
        help=_("Keep this small file to continue later or to compare a retake with today."),
    )


def sample_profile(framework: Framework) -> LoadedAnswers | None:
    """The framework's demo profile from data/samples/, if it ships one: its made-up notes
    in the framework's language where a `<id>.<language>.json` exists (the answers
    themselves are the same in every language)."""
    folder = Path(resources.settings().data_dir) / "samples"
    for name in (f"{framework.id}.{framework.language}.json", f"{framework.id}.json"):
        path = folder / name
        if path.is_file():
            return load_upload(path.read_bytes(), path.name, framework)
    return None


def load_sample(framework: Framework) -> bool:
    sample = sample_profile(framework)
    if sample is None:
        return False
    state.replace(sample.assessment, sample=True)
    return True


def render_sample_banner(framework: Framework) -> None:
    """On every page while the sample profile is shown: say so, and lead back to the
    person's own answers (set aside, exactly as they were) or to a fresh start."""
    if not state.is_sample(framework):
        return
    kept = state.set_aside(framework)
    text = _(
        "**You are looking at a sample profile**, not your own answers. Explore the results "
        "and the report, then start your own assessment."
    )
    if kept is not None:
        # Translators: {work} is "34 answers" or "your notes and writing".
        mine = _("Your own work ({work}) is kept aside, unchanged.")
        text += " " + mine.format(work=state.work_words(kept.assessment))
    with st.container(border=True):
        st.markdown(f":material/science: {text}")
        if kept is not None:
            if st.button(
                # Translators: a button; {work} is "34 answers" or "your notes and writing".
                _("Back to my own work ({work})").format(work=state.work_words(kept.assessment)),
                icon=":material/undo:",
                type="primary",
                key="w.sample.back",
            ):
                state.bring_back(framework)
                st.rerun()
        elif st.button(
            _("Clear the sample and start my own"),
            icon=":material/restart_alt:",
            key="w.sample.clear",
        ):
            state.clear(framework)
            st.rerun()
