"""Client scenarios: a short project situation and four ways to respond, each keyed for
effectiveness, as in a situational judgement test (SJT) of the "rate each option" kind.

A frequency self-rating says what people believe they do; rating the options of a
realistic situation shows what they would choose. The key (1 very ineffective to 6 very
effective) is an expert key: each value comes with a one-sentence rationale tied to a
source the framework cites. How a person's ratings are scored against it: core/judgement.py.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from rapport.core.content import Frozen, Slug, Text
from rapport.core.i18n import N_, _

# The words of the effectiveness scale, 1 first: English, marked for the catalog, so `_()`
# them where they are shown (effectiveness() does).
EFFECTIVENESS = (
    # Translators: the effectiveness scale a response to a client situation is rated on,
    # from 1 to 6: "Very ineffective" ... "Very effective".
    N_("Very ineffective"),
    N_("Ineffective"),
    N_("Slightly ineffective"),
    N_("Slightly effective"),
    N_("Effective"),
    N_("Very effective"),
)
LOWEST, HIGHEST = 1, len(EFFECTIVENESS)
OPTIONS = 4


def effectiveness(value: int) -> str:
    """The word of one level of the effectiveness scale (1..6), in the reader's language."""
    return _(EFFECTIVENESS[value - LOWEST])


class ScenarioOption(Frozen):
    id: Slug
    text: Text
    key: int = Field(ge=LOWEST, le=HIGHEST)  # the expert key's effectiveness
    rationale: Text  # why, in one sentence
    citation: Slug  # the reference the rationale rests on


class Scenario(Frozen):
    id: Slug
    situation: Text
    options: tuple[ScenarioOption, ...] = Field(min_length=OPTIONS, max_length=OPTIONS)
    # What a workshop asks when the room rates this situation unlike the key (optional:
    # the dashboard has a general question without it).
    discussion: Text | None = None

    @model_validator(mode="after")
    def _keyed_to_rank(self) -> Scenario:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"scenario '{self.id}': option ids repeat")
        keys = sorted((o.key for o in self.options), reverse=True)
        if keys[0] == keys[1]:
            raise ValueError(
                f"scenario '{self.id}': two options share the highest key {keys[0]}; "
                "the key must name one best response"
            )
        if keys[0] == keys[-1]:
            raise ValueError(f"scenario '{self.id}': every option has the same key")
        return self

    @property
    def best(self) -> ScenarioOption:
        return max(self.options, key=lambda o: o.key)

    @property
    def weakest(self) -> ScenarioOption:
        return min(self.options, key=lambda o: o.key)

    def option(self, option_id: str) -> ScenarioOption | None:
        return next((o for o in self.options if o.id == option_id), None)
