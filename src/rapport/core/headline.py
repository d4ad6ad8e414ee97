"""The results in plain words, drawn from the person's answers only, in two voices.

The app speaks to the person ("Your strongest practice is ..."); the Word report they hand
in speaks as them ("My strongest practice is ..."). Both come from one builder, so the
page and the report never disagree about what the answers say. Each sentence is written
whole in both voices: other languages conjugate the verb with the person.
"""

from __future__ import annotations

from rapport.core.i18n import _, ngettext
from rapport.core.plan import describe_level
from rapport.core.scoring import PracticeScore, Profile
from rapport.core.text import YOU, Voice, join_some, join_words, number, percent

SHOWN_STRENGTHS = 2  # other strengths named before "and {n} more"


def nothing_scored_sentence(profile: Profile, voice: Voice = YOU) -> str:
    """Why there is no score yet: nothing answered, or only Not applicable answers."""
    if profile.answered == 0:
        return _("No statement has been rated yet, so there are no results to summarize.")
    n = profile.answered
    if voice.first_person:
        # Translators: {label} is the rating scale's word for "not applicable".
        text = ngettext(
            "The only statement I have answered so far is marked {label}, so there is "
            "nothing to score yet.",
            "All {n} statements I have answered so far are marked {label}, so there is "
            "nothing to score yet.",
            n,
        )
    else:
        # Translators: {label} is the rating scale's word for "not applicable".
        text = ngettext(
            "The only statement answered so far is marked {label}, so there is nothing to "
            "score yet. Rate the statements that apply to your work.",
            "All {n} statements answered so far are marked {label}, so there is nothing to "
            "score yet. Rate the statements that apply to your work.",
            n,
        )
    return text.format(n=n, label=profile.framework.scale.not_applicable.label)


def _coverage(profile: Profile, voice: Voice) -> str:
    if voice.first_person:
        # Translators: {answered} and {total} count statements; {percent} reads "46%".
        text = ngettext(
            "These results cover {answered} of the {total} statement so far ({percent}); "
            "practices I have not rated are left out.",
            "These results cover {answered} of the {total} statements so far ({percent}); "
            "practices I have not rated are left out.",
            profile.total,
        )
    else:
        # Translators: {answered} and {total} count statements; {percent} reads "46%".
        text = ngettext(
            "These results cover {answered} of the {total} statement so far ({percent}); "
            "practices you have not rated are left out.",
            "These results cover {answered} of the {total} statements so far ({percent}); "
            "practices you have not rated are left out.",
            profile.total,
        )
    return text.format(
        answered=profile.answered,
        total=profile.total,
        percent=percent(profile.completion * 100),
    )


def _strengths(profile: Profile, voice: Voice) -> str:
    strengths = profile.strengths
    if not strengths:
        if voice.first_person:
            return _("None of the practices I rated reaches its target yet.")
        return _("None of the practices you rated reaches its target yet.")
    best = strengths[0]
    values = {
        "practice": best.practice.name,
        "level": describe_level(profile, best.current or 0),
        "target": profile.framework.scale.label(best.target),
    }
    if voice.first_person:
        # Translators: {level} reads "3.4 (Sometimes)"; {target} is a word of the rating scale.
        sentence = _(
            "My strongest practice is {practice}: I rate it {level}, meeting my target of {target}."
        ).format(**values)
    else:
        # Translators: {level} reads "3.4 (Sometimes)"; {target} is a word of the rating scale.
        sentence = _(
            "Your strongest practice is {practice}: you rate it {level}, meeting your target "
            "of {target}."
        ).format(**values)
    if len(strengths) == 1:
        return sentence
    names = [s.practice.name for s in strengths[1:]]
    left = max(2, len(names) - SHOWN_STRENGTHS)  # join_some counts two or more, never one
    # Translators: the end of a list of practices: "A, B and {n} more".
    more = ngettext("{n} more", "{n} more", left)
    others = join_some(names, SHOWN_STRENGTHS, more)
    if voice.first_person:
        # Translators: {practices} is a list of practice names.
        also = _("I also meet my target in {practices}.")
    else:
        # Translators: {practices} is a list of practice names.
        also = _("You also meet your target in {practices}.")
    return f"{sentence} {also.format(practices=others)}"


def _first_focus(profile: Profile, first: PracticeScore, voice: Voice) -> str:
    values = {
        "practice": first.practice.name,
        "level": describe_level(profile, first.current or 0),
        "target": profile.framework.scale.label(first.target),
        "gap": number(first.gap or 0.0, 1),
        "importance": profile.framework.importance.label(first.importance).lower(),
    }
    if voice.first_person and first.importance_is_default:
        # Translators: {level} reads "3.4 (Sometimes)", {target} is a word of the rating
        # scale, {gap} a number ("1.5") and {importance} a word of the importance scale.
        text = _(
            "My first priority is {practice}: I rate it {level} against a target of "
            "{target}, a gap of {gap} (importance left at its default, {importance})."
        )
    elif voice.first_person:
        # Translators: {level} reads "3.4 (Sometimes)", {target} is a word of the rating
        # scale, {gap} a number ("1.5") and {importance} a word of the importance scale.
        text = _(
            "My first priority is {practice}: I rate it {level} against a target of "
            "{target}, a gap of {gap} (a practice I marked {importance} importance)."
        )
    elif first.importance_is_default:
        # Translators: {level} reads "3.4 (Sometimes)", {target} is a word of the rating
        # scale, {gap} a number ("1.5") and {importance} a word of the importance scale.
        text = _(
            "Focus first on {practice}: you rate it {level} against a target of {target}, "
            "a gap of {gap} (importance left at its default, {importance})."
        )
    else:
        # Translators: {level} reads "3.4 (Sometimes)", {target} is a word of the rating
        # scale, {gap} a number ("1.5") and {importance} a word of the importance scale.
        text = _(
            "Focus first on {practice}: you rate it {level} against a target of {target}, "
            "a gap of {gap} (a practice you marked {importance} importance)."
        )
    return text.format(**values)


def _then(profile: Profile, rest: tuple[PracticeScore, ...], voice: Voice) -> str:
    levels = profile.framework.importance
    items = join_words(
        [
            # Translators: one practice in a list: {gap} is a number ("1.5"), {importance}
            # a word of the importance scale (high).
            _("{practice} (gap {gap}, {importance} importance)").format(
                practice=s.practice.name,
                gap=number(s.gap or 0.0, 1),
                importance=levels.label(s.importance).lower(),
            )
            for s in rest
        ]
    )
    if voice.first_person:
        # Translators: {practices} lists practices: "A (gap 1.5, high importance) and B (...)".
        return _("After that I will work on {practices}.").format(practices=items)
    # Translators: {practices} lists practices: "A (gap 1.5, high importance) and B (...)".
    return _("Then work on {practices}.").format(practices=items)


def summary_sentences(profile: Profile, voice: Voice = YOU) -> tuple[str, ...]:
    """A plain-words headline of this profile: what is strong, what to work on first."""
    if profile.is_empty:
        return ()
    sentences: list[str] = []
    if not profile.is_complete:
        sentences.append(_coverage(profile, voice))
    sentences.append(_strengths(profile, voice))
    focus = profile.focus
    if focus:
        sentences.append(_first_focus(profile, focus[0], voice))
        if len(focus) > 1:
            sentences.append(_then(profile, focus[1:], voice))
    elif voice.first_person:
        sentences.append(
            _(
                "I meet or exceed every target I set, so my next step is to raise a target "
                "where I want to stretch."
            )
        )
    else:
        sentences.append(
            _("You meet or exceed every target you set; raise a target where you want to stretch.")
        )
    return tuple(sentences)


def unsupported_sentence(profile: Profile, voice: Voice = YOU) -> str | None:
    """A caution when high ratings come without the recent example that would back them."""
    flagged = profile.unsupported_high
    if not flagged:
        return None
    names = join_words([s.practice.name for s in flagged])
    if voice.first_person:
        # Translators: {practices} is a list of practice names.
        text = _(
            "I rated {practices} highly without giving a recent example. Self-ratings tend "
            "to run optimistic, so I should back these scores with concrete examples from "
            "my own work."
        )
    else:
        # Translators: {practices} is a list of practice names.
        text = _(
            "High ratings without a recent example: {practices}. Self-ratings tend to run "
            "optimistic; a concrete example from your own work makes a high score credible."
        )
    return text.format(practices=names)
