"""The one table of pages: app.py's router, the sidebar, every switch_page and page link.

No other module spells a page's path. The sidebar is drawn here from the same table,
rather than by st.navigation's own menu, for two reasons:
- st.navigation's sectioned menu puts its section labels inside its list, which screen
  readers and axe report as a broken list on every page;
- a page's icon in st.Page also becomes the browser tab's icon, which Streamlit fetches
  from Google's font servers: every page view sent the visitor's address to a third
  party and showed a broken icon on a room's offline network. Links drawn here carry
  their icons as the Material Symbols font Streamlit serves itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from rapport.core.i18n import N_, _

FAVICON = Path(__file__).resolve().parent / "favicon.png"


@dataclass(frozen=True)
class PageSpec:
    file: str  # in app_pages/
    title: str  # marked with N_ and translated where drawn
    icon: str  # a Material Symbols name, drawn by the font Streamlit serves
    url_path: str  # "" for the default page
    section: str


PAGES = (
    PageSpec("home.py", N_("Home"), ":material/home:", "", N_("Self-assessment")),
    PageSpec("assess.py", N_("Assess"), ":material/checklist:", "assess", N_("Self-assessment")),
    PageSpec("results.py", N_("Results"), ":material/insights:", "results", N_("Self-assessment")),
    PageSpec("report.py", N_("Report"), ":material/description:", "report", N_("Self-assessment")),
    PageSpec(
        "practices.py",
        N_("Practices & sources"),
        ":material/menu_book:",
        "practices",
        N_("Self-assessment"),
    ),
    PageSpec("join.py", N_("Join a workshop"), ":material/login:", "join", N_("Workshops")),
    PageSpec("workshop.py", N_("Run a workshop"), ":material/groups:", "workshop", N_("Workshops")),
    PageSpec(
        "dashboard.py", N_("Dashboard"), ":material/monitoring:", "dashboard", N_("Workshops")
    ),
    PageSpec("feedback.py", N_("Ask for feedback"), ":material/forum:", "feedback", N_("Feedback")),
    PageSpec("rate.py", N_("Give feedback"), ":material/rate_review:", "rate", N_("Feedback")),
)
SECTIONS = (N_("Self-assessment"), N_("Workshops"), N_("Feedback"))


def _spec(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)


def path(url_path: str) -> str:
    """A page's script path, for st.switch_page and st.page_link."""
    return f"app_pages/{_spec(url_path).file}"


HOME = path("")
ASSESS = path("assess")
RESULTS = path("results")
REPORT = path("report")
PRACTICES = path("practices")
JOIN = path("join")
WORKSHOP = path("workshop")
DASHBOARD = path("dashboard")
FEEDBACK = path("feedback")
RATE = path("rate")


def navigation() -> StreamlitPage:
    """Register every page with the router, its own menu hidden (the sidebar below
    draws the menu); returns the page this run shows."""
    pages = [
        st.Page(
            path(spec.url_path),
            title=_(spec.title),
            url_path=spec.url_path or None,
            default=spec.url_path == "",
        )
        for spec in PAGES
    ]
    return st.navigation(pages, position="hidden")


# Our own fixed script. On a phone the sidebar covers the page; Streamlit's own menu closes
# it after a choice, links drawn here did not, so a tap on "Report" left the report hidden
# behind the menu. A click on a sidebar link at phone width closes it the same way.
_CLOSE_ON_PHONE = """<script>
(() => {
  const top = window.parent;
  if (top.__rapportClosesSidebar) return;
  top.__rapportClosesSidebar = true;
  top.document.addEventListener("click", (event) => {
    const link = event.target.closest('[data-testid="stSidebar"] a');
    if (!link || top.innerWidth > 640) return;
    const close = top.document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close) setTimeout(() => close.click(), 0);
  }, true);
})();
</script>"""


def render_sidebar_menu() -> None:
    """The pages under their section headings: a heading, then a plain list of links."""
    with st.sidebar:
        for section in SECTIONS:
            st.markdown(f"**{_(section)}**")
            for spec in (p for p in PAGES if p.section == section):
                st.page_link(path(spec.url_path), label=_(spec.title), icon=spec.icon)
        st.html(_CLOSE_ON_PHONE, unsafe_allow_javascript=True)
