"""What every model of a framework file shares: frozen pydantic models that refuse unknown
fields, and the field types for ids, text and links."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
