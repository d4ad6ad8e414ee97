"""Domain errors. Only the ui layer turns them into messages on screen."""

from __future__ import annotations


class RapportError(Exception):
    """Something the user can fix; `problems` lists what was wrong, one line each."""

    def __init__(self, summary: str, problems: list[str] | tuple[str, ...] = ()) -> None:
        self.summary = summary
        self.problems = tuple(problems)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if not self.problems:
            return self.summary
        lines = "\n".join(f"- {p}" for p in self.problems)
        return f"{self.summary}\n{lines}"


class FrameworkError(RapportError):
    """A practice framework file is missing, unreadable or inconsistent."""


class AnswersError(RapportError):
    """An answers file or answers payload cannot be used."""
