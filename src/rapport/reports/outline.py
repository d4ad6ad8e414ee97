"""The student's report in outline, for the preview on the Report page: its sections and
what each holds. Said to the person ("you"); the section names are the report's own
headings, which speak as them ("My self-assessment").
"""

from __future__ import annotations

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.judgement import say_do
from rapport.core.scoring import Profile
from rapport.core.text import join_words, spelled


def outline(
    framework: Framework,
    profile: Profile,
    assessment: Assessment,
    with_progress: bool,
    with_others: bool = False,
) -> list[tuple[str, str]]:
    """The report's sections and what each holds, for the preview on the Report page."""
    writing = assessment.writing
    # Said on the Report page, to the person ("you"): the report itself speaks as them.
    # The section names are the report's own headings, in its first person ("My ...").
    own = _("In your own words, from the text above.")
    draft = _("A first-person draft made from your answers, marked as a draft to rewrite.")
    focus = (
        # Translators: {practices} lists the practices of the action plan ("A, B
        # and C").
        _("Steps for {practices}.").format(
            practices=join_words([s.practice.name for s in profile.focus])
        )
        if profile.focus
        else _("None needed: every target is met.")
    )
    practices, sources = len(framework.practices), len(framework.references)
    sections = [
        (
            # Translators: the heading of the table of contents in the Word documents.
            _("Contents"),
            _("Every section; Word adds the page numbers when it updates the fields."),
        ),
        (_("Introduction"), own if writing.introduction else draft),
        (
            _("Good practices in the research"),
            # Translators: {n} is the number of practices, in words in English
            # ("seven").
            ngettext(
                "The {n} practice, defined and explained with its sources.",
                "The {n} practices, each defined and explained with its sources.",
                practices,
            ).format(n=spelled(practices)),
        ),
        (
            _("My self-assessment"),
            _(
                "How you rated, what the results show, three charts with captions, scores and "
                "priorities, and your ratings practice by practice, in your voice."
            ),
        ),
        (_("Action plan"), focus),
        (_("Conclusion"), own if writing.reflection else draft),
        (
            # Translators: a heading of the Word documents, the list of sources.
            _("References"),
            ngettext(
                "{n} source in APA 7 style, with links.",
                "{n} sources in APA 7 style, with links.",
                sources,
            ).format(n=sources),
        ),
    ]
    if say_do(framework, profile, assessment.scenarios):
        sections.insert(
            4,
            (
                _("What my choices show"),
                _(
                    "Your ratings of the client situations against the key, beside your "
                    "self-ratings; the strongest response in each, and why."
                ),
            ),
        )
    if with_others:
        sections.insert(
            4,
            (
                _("How others see me"),
                _(
                    "Your raters' averages beside your own scores, blind spots and hidden "
                    "strengths, and how their anonymity was kept (no comments)."
                ),
            ),
        )
    if with_progress:
        sections.insert(
            4,
            (
                # Translators: the Report page's short name for the report's section
                # "Progress since my earlier assessment".
                _("Progress"),
                _("Before and after per practice, against your earlier answers."),
            ),
        )
    return sections
