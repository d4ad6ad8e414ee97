"""Shared render_* components used by more than one page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import streamlit as st

from rapport.core.assessment import Assessment, pictures_key
from rapport.core.errors import FrameworkError, RapportError
from rapport.core.framework import Framework
from rapport.core.headline import nothing_scored_sentence
from rapport.core.i18n import _, ngettext
from rapport.core.scoring import Profile
from rapport.core.text import grouped
from rapport.ui import pages, resources, state

if TYPE_CHECKING:
    from rapport.charts.style import Figure

PICKER = "w.framework"

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


# Streamlit turns ":material/name:" into an icon even when its colons are escaped, so a
# word joiner (invisible, and no break opportunity) goes after a colon that a shortcode
# could start with: one before a letter. An address ("postgresql://", "host:5432") stays
# exactly as typed, so it can be copied.
_WORD_JOINER = "\u2060"
_SHORTCODE_START = re.compile(r"\\:(?=[A-Za-z_])")


def escape_markdown(text: str) -> str:
    """Show user text literally: no links, images, HTML, icons, emoji shortcodes, LaTeX or
    formatting can sneak in, wherever Streamlit reads markdown (text, labels, headings)."""
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return _SHORTCODE_START.sub("\\\\:" + _WORD_JOINER, escaped)


def render_error(error: RapportError) -> None:
    """The message and its problems as a list. Every line is shown literally: problems
    quote what a file or a person supplied (a field name, a file's extension, a title)."""
    lines = [escape_markdown(error.summary)]
    lines += [f"- {escape_markdown(problem)}" for problem in error.problems]
    st.error("\n".join(lines), icon=":material/error:")


def active_framework() -> Framework:
    """The framework this session works with; stops the page with guidance if none loads."""
    catalog = resources.catalog(str(resources.settings().data_dir))
    chosen = state.chosen_framework_id() or resources.settings().default_framework
    # In the session's language (catalog.get's default), else the file's first.
    framework = catalog.get(chosen) or (
        catalog.get(catalog.frameworks[0].id) if catalog.frameworks else None
    )
    if framework is None:
        problems = [e.message for e in catalog.errors] or [_("No framework file was found.")]
        render_error(
            FrameworkError(
                _("Rapport could not load a practice framework, so there is nothing to assess."),
                [*problems, _("Fix the file in data/ (or RAPPORT_DATA_DIR) and reload the page.")],
            )
        )
        st.stop()
    return framework


def render_framework_picker() -> None:
    """Sidebar choice between frameworks, shown only when data/ holds more than one."""
    catalog = resources.catalog(str(resources.settings().data_dir))
    if len(catalog.frameworks) > 1:
        # Each named in the session's language where its file has it (catalog.get).
        names = {f.id: (catalog.get(f.id) or f).name for f in catalog.frameworks}
        state.bind(PICKER, active_framework().id)
        st.sidebar.selectbox(
            _("Framework"),
            options=list(names),
            format_func=names.__getitem__,
            key=PICKER,
            on_change=_choose_framework,
            args=(tuple(names),),
            help=_("Your answers to each framework are kept separately for this session."),
        )
    for error in catalog.errors:
        skipped = _("Skipped a framework file.") + " " + error.message
        st.sidebar.warning(skipped, icon=":material/warning:")


def _choose_framework(known: tuple[str, ...]) -> None:
    chosen = st.session_state.get(PICKER)
    if chosen in known:  # anything else (a stale label, say) is no choice
        state.choose_framework(chosen)


def render_progress(profile: Profile) -> None:
    st.progress(
        profile.completion,
        text=ngettext(
            "{answered} of {total} statement answered",
            "{answered} of {total} statements answered",
            profile.total,
        ).format(answered=profile.answered, total=profile.total),
    )


def vega_spec(chart: Any) -> dict[str, Any]:
    """The chart's Vega-Lite spec, without Altair's per-call schema validation (the unit
    tests validate every builder) and without Altair's default-theme view size, which
    st.altair_chart leaves out too."""
    spec = chart.to_dict(validate=False)
    view = spec.get("config", {}).get("view", {})
    view.pop("continuousWidth", None)
    view.pop("continuousHeight", None)
    return spec


@st.cache_resource(show_spinner=False, max_entries=128, ttl=3600)
def _result_figures(
    key: str, _profile: Profile, _assessment: Assessment
) -> tuple[tuple[Figure, dict[str, Any]], ...]:
    from rapport.charts.results import figures

    return tuple((f, vega_spec(f.chart)) for f in figures(_profile, _assessment))


def result_figures(
    profile: Profile, assessment: Assessment
) -> tuple[tuple[Figure, dict[str, Any]], ...]:
    """The Results charts and their specs, built once per distinct set of answers: the
    answers, the framework and the languages are the key (core/assessment.pictures_key)."""
    return _result_figures(pictures_key(profile.framework, assessment), profile, assessment)


def render_table(table: Any) -> None:
    """A figure's data as a table, its decimals written as the page's language writes
    them (st.dataframe would show 2.75 on a page that says 2,75)."""
    shown = table.copy()
    for column in table.select_dtypes("float").columns:
        shown[column] = [grouped(v) if v == v else "" for v in table[column]]  # NaN
    st.dataframe(shown, hide_index=True, width="stretch")


def render_figure(figure: Figure, spec: dict[str, Any] | None = None) -> None:
    """A chart with its text alternative: a caption stating the finding, and the data table."""
    st.subheader(figure.title)
    # theme=None keeps our fonts and dark axis labels (Streamlit's theme greys them out).
    st.vega_lite_chart(
        spec if spec is not None else vega_spec(figure.chart),
        width="stretch",
        theme=None,
        alt=figure.caption,
    )
    st.caption(escape_markdown(figure.caption))
    # Translators: {title} is a chart's title; this opens the chart's data as a table.
    with st.expander(_("{title}: as a table").format(title=figure.title)):
        render_table(figure.table)


def _nothing_yet(page: str, answered: bool) -> str:
    """ "Nothing to chart yet.", whole for each page ("chart" for Results, "report")."""
    if page == "chart":
        if answered:
            return _("Nothing to chart yet.")
        return _("Nothing to chart yet: rate at least one statement on the Assess page first.")
    if answered:
        return _("Nothing to report yet.")
    return _("Nothing to report yet: rate at least one statement on the Assess page first.")


def render_nothing_to_show(page: str, framework: Framework, profile: Profile) -> None:
    """What a page without scores says instead: `page` is "chart" (Results) or "report"."""
    message = _nothing_yet(page, bool(profile.answered))
    if profile.answered:
        message += " " + nothing_scored_sentence(profile)
    else:
        count = len(framework.practices)
        # Translators: {minutes} is the estimated time, a multiple of five minutes.
        message += " " + ngettext(
            "The one practice takes about {minutes} minutes, and you can stop at any point.",
            "All {n} practices take about {minutes} minutes, and you can stop at any point.",
            count,
        ).format(n=count, minutes=framework.estimated_minutes)
    st.info(
        message,
        icon=":material/info:",
    )
    st.page_link(pages.ASSESS, label=_("Go to Assess"), icon=":material/arrow_forward:")
