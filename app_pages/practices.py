"""Practices & sources: every practice explained, with the reference list."""

import streamlit as st

from rapport.core.citations import GroupAuthors
from rapport.core.i18n import _
from rapport.ui.components import active_framework

framework = active_framework()
# APA: a group author is spelled out at its first citation on the page, abbreviated after.
cite = GroupAuthors(framework.references).write

st.title(_("Practices & sources"))
st.markdown(framework.description)
with st.expander(_("Why these practices: the research in brief"), expanded=False):
    for paragraph in framework.introduction:
        st.markdown(cite(paragraph))

for number, practice in enumerate(framework.practices, start=1):
    st.header(f"{number}. {practice.name}", divider="gray")
    st.markdown(f"**{practice.definition}**")
    st.markdown(cite(practice.why_it_matters))
    cites = "; ".join(framework.reference(key).cite for key in practice.citations)
    # Translators: {sources} lists a practice's citations, like "Bourne, 2009; PMI, 2021".
    st.caption(_("Sources: {sources}").format(sources=cites))
    with st.expander(_("What it looks like, and how to improve")):
        st.markdown(_("**Behaviours you rate yourself on**"))
        st.markdown("\n".join(f"- {indicator.text}" for indicator in practice.indicators))
        st.markdown(_("**Actions**"))
        st.markdown("\n".join(f"- **{a.title}.** {a.detail}" for a in practice.actions))
        if practice.discussion_prompts:
            st.markdown(_("**Questions for discussion**"))
            st.markdown("\n".join(f"- {prompt}" for prompt in practice.discussion_prompts))

st.header(_("References"), divider="gray")
for reference in framework.references:
    link = f" [{reference.url}]({reference.url})" if reference.url else ""
    st.markdown(f"{reference.apa}{link}")
