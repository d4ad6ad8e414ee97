"""The results in plain words, drawn from the person's answers only, in two voices.

The app speaks to the person ("Your strongest practice is ..."); the Word report they hand
in speaks as them ("My strongest practice is ..."). Both come from one builder, so the
page and the report never disagree about what the answers say.
"""

from __future__ import annotations

from rapport.core.plan import describe_level
from rapport.core.scoring import Profile
from rapport.core.text import YOU, Voice, join_some, join_words


def nothing_scored_sentence(profile: Profile, voice: Voice = YOU) -> str:
    """Why there is no score yet: nothing answered, or only Not applicable answers."""
    if profile.answered == 0:
        return "No statement has been rated yet, so there are no results to summarize."
    label = profile.framework.scale.not_applicable.label
    if voice.first_person:
        return (
            f"All {profile.answered} statements I have answered so far are marked {label}, "
            "so there is nothing to score yet."
        )
    return (
        f"All {profile.answered} statements answered so far are marked {label}, so there is "
        "nothing to score yet. Rate the statements that apply to your work."
    )


def summary_sentences(profile: Profile, voice: Voice = YOU) -> tuple[str, ...]:
    """A plain-words headline of this profile: what is strong, what to work on first."""
    if profile.is_empty:
        return ()
    v = voice
    scale = profile.framework.scale
    sentences: list[str] = []
    if not profile.is_complete:
        sentences.append(
            f"These results cover {profile.answered} of the {profile.total} statements so far "
            f"({profile.completion:.0%}); practices {v.me} have not rated are left out."
        )
    strengths = profile.strengths
    if strengths:
        best = strengths[0]
        sentence = (
            f"{v.My} strongest practice is {best.practice.name}: {v.me} rate it "
            f"{describe_level(profile, best.current or 0)}, meeting {v.my} target of "
            f"{scale.label(best.target)}."
        )
        if len(strengths) > 1:
            others = join_some([s.practice.name for s in strengths[1:]], 2, "{n} more")
            sentence += f" {v.Me} also meet {v.my} target in {others}."
        sentences.append(sentence)
    else:
        sentences.append(f"None of the practices {v.me} rated reaches its target yet.")
    focus = profile.focus
    if focus:
        first = focus[0]
        importance = profile.framework.importance.label(first.importance).lower()
        weight = (
            f"importance left at its default, {importance}"
            if first.importance_is_default
            else f"a practice {v.me} marked {importance} importance"
        )
        opening = f"{v.My} first priority is" if v.first_person else "Focus first on"
        sentences.append(
            f"{opening} {first.practice.name}: {v.me} rate it "
            f"{describe_level(profile, first.current or 0)} against a target of "
            f"{scale.label(first.target)}, a gap of {first.gap:.1f} ({weight})."
        )
        if len(focus) > 1:
            levels = profile.framework.importance
            rest = join_words(
                [
                    f"{s.practice.name} (gap {s.gap:.1f}, "
                    f"{levels.label(s.importance).lower()} importance)"
                    for s in focus[1:]
                ]
            )
            then = "After that I will work on" if v.first_person else "Then work on"
            sentences.append(f"{then} {rest}.")
    elif v.first_person:
        sentences.append(
            "I meet or exceed every target I set, so my next step is to raise a target "
            "where I want to stretch."
        )
    else:
        sentences.append(
            "You meet or exceed every target you set; raise a target where you want to stretch."
        )
    return tuple(sentences)


def unsupported_sentence(profile: Profile, voice: Voice = YOU) -> str | None:
    """A caution when high ratings come without the recent example that would back them."""
    flagged = profile.unsupported_high
    if not flagged:
        return None
    names = join_words([s.practice.name for s in flagged])
    if voice.first_person:
        return (
            f"I rated {names} highly without giving a recent example. Self-ratings tend to "
            "run optimistic, so I should back these scores with concrete examples from my "
            "own work."
        )
    return (
        f"High ratings without a recent example: {names}. Self-ratings tend to run "
        "optimistic; a concrete example from your own work makes a high score credible."
    )
