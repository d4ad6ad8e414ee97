"""A same-elements floor: a bare script that draws what a Rapport page drew, and nothing else.

Generated from the element tree AppTest parsed from a run of the page: the same titles,
texts, widgets (labels, options, keys), layout blocks and, for charts and tables, frames of
the same size. It computes nothing, so the time it takes is Streamlit's own price for the
page's elements; what the page takes beyond it is Rapport's Python (routing, state,
scoring, building charts) plus AppTest compiling the bigger scripts.

The whole page, as app.py draws it: a router whose page links lead to stub pages, the page
settings and icon, the sidebar, and the main area as the router's page. Cases 1 and 6 are
budgeted against it (docs/benchmarks.md says why); case 2 reports it beside its budget.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from rapport.ui.pages import FAVICON

HEADER = """import altair as alt
import pandas as pd
import streamlit as st


def frame(rows, columns):
    return pd.DataFrame(
        {
            f"c{j}": [f"item {i % 9}" if j % 2 else float(i % 5 + 1) for i in range(rows)]
            for j in range(columns)
        }
    )


def chart(shapes):
    layers = [
        alt.Chart(frame(rows, columns)).mark_point().encode(x="c0:Q", y="c1:N")
        for rows, columns in shapes
    ]
    return layers[0] if len(layers) == 1 else alt.layer(*layers)


"""
TEXT = {"title", "header", "subheader", "markdown", "caption"}
TEXT |= {"info", "warning", "success", "error"}  # callouts: st.info(body) and the others
WIDGETS_WITH_OPTIONS = {"selectbox", "select_slider"}


class _Writer:
    """Writes the lines that draw an element tree; page links lead to the stub pages of
    the script's router, noted in `links` (url path: title) as they are met."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.unmapped: list[str] = []
        self.links: dict[str, str] = {}
        self.needs_frames = False  # a chart or table: the script needs HEADER's helpers
        self._keys = 0

    def key(self, node: Any) -> str:
        self._keys += 1
        found = getattr(node, "key", None)
        return str(found) if found else f"replica-{self._keys}"

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def children(self, node: Any, depth: int) -> None:
        kids = list((getattr(node, "children", {}) or {}).values())
        for child in kids:
            self.node(child, depth)
        if not kids:
            self.emit(depth, "pass")

    def node(self, node: Any, depth: int) -> None:
        kind = getattr(node, "type", "")
        label = getattr(node, "label", None)
        if kind in TEXT:
            self.emit(depth, f"st.{kind}({str(node.value)!r})")
        elif kind == "divider":
            self.emit(depth, "st.divider()")
        elif kind == "progress":
            self.emit(depth, f"st.progress({int(node.value)}, text={node.proto.text or None!r})")
        elif kind == "transparent":  # an st.empty() slot, filled with one element
            self.emit(depth, "with st.empty():")
            self.children(node, depth + 1)
        elif kind == "expander":
            self.emit(depth, f"with st.expander({label!r}):")
            self.children(node, depth + 1)
        elif kind == "popover":
            self.emit(depth, f"with st.popover({node.proto.popover.label!r}):")
            self.children(node, depth + 1)
        elif kind == "flex_container":
            self._container(node, depth)
        elif kind == "radio":
            captions = list(node.proto.captions) or None
            self.emit(
                depth,
                f"st.radio({label!r}, {list(node.options)!r}, index=None, key={self.key(node)!r}, "
                f"horizontal={bool(node.proto.horizontal)!r}, captions={captions!r})",
            )
        elif kind in WIDGETS_WITH_OPTIONS:
            self.emit(
                depth, f"st.{kind}({label!r}, {list(node.options)!r}, key={self.key(node)!r})"
            )
        elif kind == "button":
            button = node.proto  # the icon and the kind drawn too: both are on the page
            kind_of = button.type or "secondary"
            self.emit(
                depth,
                f"st.button({label!r}, key={self.key(node)!r}, type={kind_of!r}, "
                f"icon={button.icon or None!r}, help={button.help or None!r})",
            )
        elif kind in ("text_area", "text_input", "file_uploader", "checkbox"):
            helped = node.proto.help or None
            self.emit(depth, f"st.{kind}({label!r}, key={self.key(node)!r}, help={helped!r})")
        elif kind == "download_button":
            self.emit(depth, f"st.download_button({label!r}, b'', key={self.key(node)!r})")
        elif kind == "metric":
            self.emit(depth, f"st.metric({label!r}, {str(node.value)!r})")
        elif kind == "dataframe":
            self.needs_frames = True
            rows, columns = node.value.shape
            self.emit(depth, f"st.dataframe(frame({rows}, {columns}), hide_index=True)")
        elif kind == "vega_lite_chart":
            self.needs_frames = True
            shapes = [_arrow_shape(d.data.data) for d in node.proto.datasets]
            self.emit(depth, f"st.altair_chart(chart({shapes!r}), width='stretch', theme=None)")
        elif kind == "page_link":
            link = node.proto
            self.links[link.page] = link.label
            self.emit(
                depth,
                f"st.page_link(PAGES[{link.page!r}], label={link.label!r}, icon={link.icon!r})",
            )
        elif kind == "html":
            html = node.proto
            self.emit(
                depth,
                f"st.html({html.body!r}, unsafe_allow_javascript={html.unsafe_allow_javascript!r})",
            )
        else:
            self.unmapped.append(kind)
            if getattr(node, "children", None):
                self.children(node, depth)

    def _container(self, node: Any, depth: int) -> None:
        kids = list(node.children.values())
        if kids and all(getattr(k, "type", "") == "column" for k in kids):
            name = f"columns_{len(self.lines)}"
            self.emit(depth, f"{name} = st.columns({len(kids)})")
            for number, column in enumerate(kids):
                self.emit(depth, f"with {name}[{number}]:")
                self.children(column, depth + 1)
        else:
            self.emit(depth, "with st.container(border=True):")
            self.children(node, depth + 1)


def _arrow_shape(data: bytes) -> tuple[int, int]:
    table = pa.ipc.open_stream(data).read_all()
    return table.num_rows, table.num_columns


def replica_script(at: Any) -> tuple[str, list[str]]:
    """A bare router script that draws what app.py drew in AppTest `at`'s last run: the
    page settings with Rapport's image icon (app.py sets it on every run), the sidebar
    with its page links to stub pages, and the page's main area as the router's page; and
    the element kinds it could not reproduce (none on Home, Assess and Results; forms and
    number and date inputs on the workshop and feedback pages). It imports only
    Streamlit, and altair and pandas if the page had charts or tables."""
    writer = _Writer()  # one writer for both areas: its generated keys never meet
    for child in at.main.children.values():
        writer.node(child, 1)
    body, writer.lines = writer.lines or ["    pass"], []
    for child in at.sidebar.children.values():
        writer.node(child, 1)
    sidebar = writer.lines or ["    pass"]
    links = writer.links
    stubs = [
        f"    {page!r}: st.Page(_blank, title={title!r}, url_path={page!r}),"
        for page, title in links.items()
        if page
    ]
    script = [
        HEADER if writer.needs_frames else "import streamlit as st\n\n",
        "def _page():",
        *body,
        "",
        "",
        "def _blank():",
        "    pass",
        "",
        "",
        "PAGES = {",
        f"    '': st.Page(_page, title={links.get('', 'Home')!r}, default=True),",
        *stubs,
        "}",
        "page = st.navigation(list(PAGES.values()), position='hidden')",
        "st.set_page_config(page_title='Rapport', layout='centered')",
        "with st.sidebar:",
        *sidebar,
        f"st.set_page_config(page_icon={str(FAVICON)!r})",
        "page.run()",
        "",
    ]
    return "\n".join(script), writer.unmapped
