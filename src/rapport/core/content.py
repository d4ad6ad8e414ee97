"""What every model of a framework file shares: frozen pydantic models that refuse unknown
fields, and the field types for ids, text and links."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]

# The fields a reader reads, written in every language the file declares (SoSci Survey's
# shape: each item carries all its languages, with one id). Everything else (ids, values,
# citation keys, references "as published") is the same in every language. A test checks
# that every text field of the framework's models is listed here.
TRANSLATED_FIELDS = frozenset(
    {
        "name",
        "short_name",
        "description",
        "introduction",
        "keywords",
        "label",
        "definition",
        "why_it_matters",
        "target_description",
        "text",
        "observed",
        "title",
        "detail",
        "discussion_prompts",
        "situation",
        "discussion",
        "rationale",
    }
)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
