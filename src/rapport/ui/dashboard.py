"""The facilitator's projected dashboard: the room, refreshed on its own, and the controls."""

from __future__ import annotations

import streamlit as st

from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.ports import WorkshopRepository
from rapport.core.room import DISTRIBUTION_HIDDEN, widest_spread
from rapport.core.workshop import REVEAL_ALL, Workshop, WorkshopError
from rapport.files.qr import qr_png
from rapport.ui import resources, viewers
from rapport.ui.components import escape_markdown, render_error, render_table
from rapport.ui.facilitator import render_delete, render_exports
from rapport.ui.links import app_url
from rapport.ui.room_choices import render_room_choices
from rapport.ui.room_figures import projected_figures, shared_figures
from rapport.ui.store import now
from rapport.usecases.rooms import RoomView, room_view, shown_aggregates
from rapport.usecases.workshops import join_link, reveal, reveal_all, set_open

REFRESH_SECONDS = 2
# Projection: bigger type for the back row and less empty space above, so the count, the
# spotlight and all seven practices fit a 1280x720 projector without scrolling.
PROJECTOR_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 4rem; }
[data-testid="stMain"] { font-size: 1.2rem; }
[data-testid="stMetricValue"] { font-size: 3.2rem; line-height: 1.1; }
</style>
"""


def render_room(repo: WorkshopRepository, framework: Framework, workshop_id: str) -> None:
    """One tick of the projected view: one status query, then drawing. Tests call it."""
    view = room_view(repo, framework, workshop_id)
    if view is None:
        st.warning(_("This workshop has been deleted."), icon=":material/delete:")
        return
    workshop = view.workshop
    if workshop.has_ended(now()):
        st.warning(_("This workshop has ended."), icon=":material/event_busy:")
        return
    heading, count, code = st.columns([3, 1, 1.3], vertical_alignment="center")
    heading.markdown(f"## {escape_markdown(workshop.title)}")
    count.metric(_("Responses"), view.responses)
    code.metric(_("Join code"), " ".join(workshop.code))
    if not workshop.is_open:
        st.markdown("### " + _("Submissions are closed"))
    elif not view.ready:
        n, k = view.waiting_for, workshop.min_group_size
        waiting = ngettext("Waiting for {n} more response", "Waiting for {n} more responses", n)
        st.markdown("### " + waiting.format(n=n))
        nothing_yet = ngettext(
            "Nothing is shown until {n} person has answered, so no one's answers can be "
            "singled out.",
            "Nothing is shown until {n} people have answered, so no one's answers can be "
            "singled out.",
            k,
        )
        st.caption(nothing_yet.format(n=k))
    if not view.ready:
        return
    summary = view.summary
    visible = [] if summary is None else shown_aggregates(summary, workshop, projected=True)
    if summary is None or not visible:
        st.markdown("### " + _("Ready: reveal the results when you are"))
        st.caption(
            _(
                "Before you reveal, check that the count matches the people in the room: it "
                "counts answers, and one person answering from several devices would count "
                "twice."
            )
        )
        return
    hidden = len(shown_aggregates(summary, workshop, projected=False)) - len(visible)
    if hidden:
        still = ngettext(
            "{n} practice stays hidden until you reveal them.",
            "{n} practices stay hidden until you reveal them.",
            hidden,
        )
        st.caption(still.format(n=hidden))
    st.caption(_publication_note(view, summary.count))
    drawn = [a for a in visible if a.distribution_shown]
    # Every viewer of this workshop shows the same published snapshot: its charts are
    # built once per snapshot and reveal, not once per screen and tick (building and
    # serializing them was ~45 ms a tick, which 30 projected screens made a whole core).
    key = (
        workshop.id, view.published, tuple(sorted(workshop.revealed)), framework.id,
        framework.version,
    )  # fmt: skip
    charted = shared_figures(key, lambda: projected_figures(framework, visible, drawn))
    figures = [figure for figure, _spec, _counts in charted]
    left, middle, right = st.columns([1.15, 1.15, 0.8])
    for column, (figure, spec, counts) in zip((left, middle), charted, strict=False):
        with column:
            st.markdown(f"**{figure.title}**")
            # n on screen, not only in the alt text: beside each practice when the counts
            # differ (the chart's labels), once under the title when they are all the same.
            if len(counts) == 1:
                n = next(iter(counts))
                same_n = ngettext(
                    "n = {n} response for every practice.",
                    "n = {n} responses for every practice.",
                    n,
                )
                st.caption(same_n.format(n=n))
            st.vega_lite_chart(spec, width="stretch", theme=None, alt=figure.caption)
    spread_left_out = len(visible) - len(drawn)
    if len(figures) < 2:
        middle.caption(_(DISTRIBUTION_HIDDEN))
    elif spread_left_out:
        left_out = ngettext(
            "{n} practice is not in this chart.",
            "{n} practices are not in this chart.",
            spread_left_out,
        )
        middle.caption(f"{left_out.format(n=spread_left_out)} {_(DISTRIBUTION_HIDDEN)}")
    with right:
        spotlight = widest_spread(visible)  # among what the room may see
        if spotlight is not None:
            with st.container(border=True):
                # Translators: a heading; {practice} is a practice's name.
                most = _("Most disagreement: {practice}").format(practice=spotlight.practice.name)
                st.markdown(f"#### :material/flare: {most}")
                # Translators: {n} is the number of responses; a list of questions follows.
                ask = _("Scores spread the widest here (n={n}). Ask:")
                st.caption(ask.format(n=spotlight.responses))
                st.markdown("\n".join(f"- {p}" for p in spotlight.practice.discussion_prompts))
    with st.expander(_("The charts as text and tables")):
        for figure in figures:
            st.markdown(f"**{figure.title}.** {escape_markdown(figure.caption)}")
            render_table(figure.table)
    render_room_choices(view.choices, workshop, key)


def _publication_note(view: RoomView, published: int) -> str:
    """Why the results may lag the count: they move only when k answers have changed."""
    shown = ngettext("Results from {n} response.", "Results from {n} responses.", published)
    shown = shown.format(n=published)
    if not (n := view.pending):
        return shown
    if view.workshop.is_open:
        # Translators: {k}, the workshop's minimum group size, is 3 or more.
        later = ngettext(
            "{n} newer answer will be added once {k} have come in, so no one's answers can "
            "be worked out from the change.",
            "{n} newer answers will be added once {k} have come in, so no one's answers can "
            "be worked out from the change.",
            n,
        )
    else:
        # Translators: {k}, the workshop's minimum group size, is 3 or more.
        later = ngettext(
            "{n} answer that came in later stays out: fewer than {k} would let the room work "
            "out their scores from the change.",
            "{n} answers that came in later stay out: fewer than {k} would let the room work "
            "out their scores from the change.",
            n,
        )
    return f"{shown} {later.format(n=n, k=view.workshop.min_group_size)}"


def render_live_room(repo: WorkshopRepository, framework: Framework, workshop_id: str) -> None:
    cap = resources.settings().max_dashboards
    who = viewers.viewer()

    def draw() -> None:
        try:
            render_room(repo, framework, workshop_id)
        except WorkshopError as error:  # the database went away: say so, try again next tick
            render_error(error)

    if not viewers.admit(workshop_id, who, now(), cap, 3 * REFRESH_SECONDS):
        full = ngettext(
            "This workshop's dashboard is open on {n} screen already, the most it refreshes "
            "for. This screen shows the room as it is now and does not refresh: close the other "
            "screen, then reload this one.",
            "This workshop's dashboard is open on {n} screens already, the most it refreshes "
            "for. This screen shows the room as it is now and does not refresh: close another "
            "screen, then reload this one.",
            cap,
        )
        st.warning(full.format(n=cap), icon=":material/tv_off:")
        draw()
        return

    @st.fragment(run_every=f"{REFRESH_SECONDS}s")
    def tick() -> None:
        viewers.admit(workshop_id, who, now(), cap, 3 * REFRESH_SECONDS)
        draw()

    tick()


def render_join_panel(workshop: Workshop) -> None:
    """How latecomers join: the code, the link and a QR code big enough for the back row."""
    link = join_link(app_url(), workshop.code)
    code, qr = st.columns([2, 1])
    with code:
        # Translators: above a workshop's join code and link, projected for the room.
        st.markdown(_("Join at"))
        st.markdown(f"# {' '.join(workshop.code)}")
        st.code(link, language=None, wrap_lines=True)
    # The caption stays plain: a link in a faded caption fails contrast, and the link is
    # already beside it and in the image's alt text.
    # Translators: the alternative text of a QR code image; {link} is a web address.
    alt = _("QR code that opens {link}").format(link=link)
    qr.image(qr_png(link), width=320, caption=_("Scan to join"), alt=alt)


def render_controls(repo: WorkshopRepository, framework: Framework, workshop: Workshop) -> None:
    try:
        _render_controls(repo, framework, workshop)
    except WorkshopError as error:
        render_error(error)


def _render_controls(repo: WorkshopRepository, framework: Framework, workshop: Workshop) -> None:
    open_col, reveal_col = st.columns(2)
    with open_col:
        if workshop.is_open:
            if st.button(_("Close submissions"), icon=":material/lock:"):
                set_open(repo, workshop, False)
                st.rerun()
        elif st.button(_("Reopen submissions"), icon=":material/lock_open:"):
            set_open(repo, workshop, True)
            st.rerun()
    with reveal_col:
        names = {p.id: p.name for p in framework.practices}
        key = f"w.reveal.{workshop.id}"
        # Follow the stored state when it changes ("Reveal all", another device), but keep
        # a choice the facilitator is still making in between.
        shown = list(names) if REVEAL_ALL in workshop.revealed else sorted(workshop.revealed)
        shown = [p for p in shown if p in names]
        if st.session_state.get(f"{key}.stored") != shown:
            st.session_state[f"{key}.stored"] = shown
            st.session_state[key] = shown
        chosen = st.multiselect(
            _("Revealed practices"), options=list(names), format_func=names.__getitem__, key=key
        )
        if st.button(_("Reveal the chosen practices"), width="stretch"):
            picked = frozenset(c for c in chosen if c in names)
            if picked:
                reveal(repo, workshop, picked)
                st.rerun()
            st.warning(
                # Translators: "Reveal all" is the label of the button beside it.
                _("No practice is chosen. Pick one or more above, or use Reveal all."),
                icon=":material/info:",
            )
        every, none = st.columns(2)
        if every.button(_("Reveal all"), type="primary", width="stretch"):
            reveal_all(repo, workshop)
            st.rerun()
        if none.button(_("Hide all"), width="stretch"):
            reveal(repo, workshop, frozenset())
            st.rerun()
    render_exports(repo, framework, workshop)
    render_delete(repo, workshop)
