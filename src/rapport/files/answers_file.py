"""The answers file: a small, versioned JSON document holding one assessment.

It is what the Report page offers for download, what the command line reads, and what
travels inside the Word report. Format, version 4 (version 1 files, without "writing",
version 2 files, without "scenarios", and version 3 files, without "language", still load):

    {
      "format": "rapport-answers",
      "version": 4,
      "saved_at": "2026-11-27T10:00:00+00:00",
      "language": "es",
      "framework": {"id": "client-relationships", "version": "1.0"},
      "respondent": {"name": "", "course": ""},
      "writing": {"introduction": "", "reflection": ""},
      "ratings": {"cc-agree-channels": 4, "cc-response-times": "na"},
      "practices": {"clear-channels": {"target": 4, "importance": 3, "example": "..."}},
      "scenarios": {"cc-scenario-new-client": {"a": 6, "b": 2, "c": 4, "d": 1}}
    }

Ratings are 1..n on the framework's scale or "na"; target and importance may be omitted to
use the framework's defaults; scenario options are rated 1 (very ineffective) to 6 (very
effective), and a scenario may be left out or partly rated. `language` says which language
the person worked in; the answers themselves are ids and numbers, the same in every
language, so a file saved in Spanish restores and rebuilds in French. See
docs/answers-format.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from rapport.core.assessment import Assessment, PracticeChoice, Respondent, Writing
from rapport.core.errors import AnswersError
from rapport.core.i18n import _, current_language, ngettext, pgettext
from rapport.core.text import (
    MAX_ESSAY_CHARS,
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    clean_text,
    grouped,
    join_words,
    one_line,
    xml_safe,
)

FORMAT = "rapport-answers"
VERSION = 4
# The fields each version added; older files have none of them.
ADDED_IN = {"writing": 2, "scenarios": 3, "language": 4}
READABLE_VERSIONS = (1, 2, 3, 4)
MAX_BYTES = 1_000_000
MAX_ITEMS = 2_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FrameworkRef(_Strict):
    id: StrictStr = Field(max_length=64)
    version: StrictStr = Field(max_length=32)


class RespondentV1(_Strict):
    name: StrictStr = Field(default="", max_length=MAX_NAME_CHARS * 4)
    course: StrictStr = Field(default="", max_length=MAX_NAME_CHARS * 4)


class PracticeV1(_Strict):
    target: StrictInt | None = None
    importance: StrictInt | None = None
    example: StrictStr = Field(default="", max_length=MAX_NOTE_CHARS * 4)


class WritingV2(_Strict):
    introduction: StrictStr = Field(default="", max_length=MAX_ESSAY_CHARS * 4)
    reflection: StrictStr = Field(default="", max_length=MAX_ESSAY_CHARS * 4)


class AnswersV4(_Strict):
    """The on-disk shape; its JSON schema is published as docs/answers-schema.json.
    Versions 1 to 3 are the same without `writing`, `scenarios` and `language`, so one
    model reads all four."""

    format: Literal["rapport-answers"]
    version: Literal[1, 2, 3, 4]
    saved_at: StrictStr | None = None
    # The language the answers were saved in (a two-letter code); information only.
    language: StrictStr | None = Field(default=None, pattern=r"^[a-z]{2}$")
    framework: FrameworkRef
    respondent: RespondentV1 = RespondentV1()
    writing: WritingV2 = WritingV2()
    ratings: dict[StrictStr, StrictInt | Literal["na"]] = Field(max_length=MAX_ITEMS)
    practices: dict[StrictStr, PracticeV1] = Field(default_factory=dict, max_length=MAX_ITEMS)
    # scenario id -> option id -> how effective (1-6) the person rates that response
    scenarios: dict[StrictStr, dict[StrictStr, StrictInt]] = Field(
        default_factory=dict, max_length=MAX_ITEMS
    )


def json_schema() -> str:
    """The published JSON Schema of the file (docs/answers-schema.json is this text)."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "rapport-answers-v4",
        **AnswersV4.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def to_json(assessment: Assessment, now: datetime | None = None) -> bytes:
    document = AnswersV4(
        format=FORMAT,
        version=VERSION,
        saved_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
        language=current_language(),
        framework=FrameworkRef(id=assessment.framework_id, version=assessment.framework_version),
        respondent=RespondentV1(**assessment.respondent.model_dump()),
        writing=WritingV2(**assessment.writing.model_dump()),
        ratings=dict(assessment.ratings),
        practices={
            pid: PracticeV1(**choice.model_dump()) for pid, choice in assessment.choices.items()
        },
        scenarios={sid: dict(options) for sid, options in assessment.scenarios.items()},
    )
    return document.model_dump_json(indent=2).encode("utf-8")


def _unedited() -> str:
    return _("Choose the .json file Rapport saved, unedited.")


def _reject_constant(name: str) -> Any:
    # Translators: shown under "The answers file is not valid JSON."; {name} is
    # NaN, Infinity or -Infinity, as written in the file.
    raise ValueError(_("{name} is not a number JSON allows").format(name=name))


def _decode(raw: bytes) -> Any:
    if not raw.strip():
        raise AnswersError(
            _("The answers file is empty."), [_("Choose the .json file Rapport saved.")]
        )
    if len(raw) > MAX_BYTES:
        raise AnswersError(
            ngettext(
                "The answers file is too large ({size} byte; the limit is {limit}).",
                "The answers file is too large ({size} bytes; the limit is {limit}).",
                len(raw),
            ).format(size=grouped(len(raw)), limit=grouped(MAX_BYTES)),
            [_("Choose the .json file Rapport saved; it is only a few kilobytes.")],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnswersError(
            _("The answers file is not UTF-8 text."), [_("Choose the .json file Rapport saved.")]
        ) from exc
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        # Python's own JSON error ("Expecting value: line 1 column 1") stays in English.
        # Translators: shown under "The answers file is not valid JSON."
        nested = _("it is nested too deeply")
        detail = str(exc) if isinstance(exc, ValueError) else nested
        raise AnswersError(_("The answers file is not valid JSON."), [detail, _unedited()]) from exc


def _scrub(value: Any) -> Any:
    """Drop characters no document can hold (lone surrogates from a JSON \\ud800 escape)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list):
        return [_scrub(item) for item in value]
    if isinstance(value, dict):
        return {xml_safe(str(k)): _scrub(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class SavedAnswers:
    assessment: Assessment
    saved_at: str | None
    language: str | None = None  # the language it was saved in (version 4 on)


def from_json(raw: bytes) -> Assessment:
    """Parse an answers file into an Assessment (not yet checked against a framework)."""
    return parse(raw).assessment


def parse(raw: bytes) -> SavedAnswers:
    """Parse an answers file, keeping when it was saved."""
    data = _decode(raw)
    try:
        data = _scrub(data)
    except RecursionError as exc:
        raise AnswersError(
            _("The answers file is nested too deeply to be a Rapport file.")
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersError(
            _("This is not a Rapport answers file."),
            # Translators: "format" and "rapport-answers" are written in the file: keep
            # them.
            [_('Its "format" field should be "rapport-answers".')],
        )
    version = data.get("version")
    if version is None:
        raise AnswersError(
            _("This answers file does not say which version of the format it uses."),
            [_unedited()],
        )
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        readable = join_words([str(v) for v in READABLE_VERSIONS])
        raise AnswersError(
            # Translators: {version} is the file's version as written in it (4, '3',
            # 'one'...); {readable} lists the version numbers this Rapport reads ("1, 2
            # and 3").
            _("This answers file has version {version}; this Rapport reads versions {readable}.")
            .format(version=repr(version), readable=readable),
            [_("Update Rapport, or save the answers again from this version.")],
        )  # fmt: skip
    for field, added in ADDED_IN.items():
        if version < added and field in data:
            raise AnswersError(
                # Translators: {version} is the version the file says it has (1 to 3),
                # {added} the version that added {field}, the field's name in the file:
                # keep it as it is.
                _("This answers file says version {version} but holds version {added}'s "
                  "{field} field.").format(version=version, added=added, field=field),
                [_unedited()],
            )  # fmt: skip
    try:
        document = AnswersV4.model_validate(data)
    except ValidationError as exc:
        # The validator's explanations (e['msg']) come from pydantic, in English.
        whole = pgettext("where a problem is: the whole answers file", "file")
        problems = [
            # Translators: {field} is where in the file ("ratings.cc-agree-channels", or
            # "file" for the whole of it); {problem} is the validator's English
            # explanation.
            _("{field}: {problem}").format(
                field=".".join(str(p) for p in e["loc"]) or whole, problem=e["msg"]
            )
            for e in exc.errors(include_url=False)[:10]
        ]
        raise AnswersError(
            _("The answers file does not have the expected fields."), problems
        ) from exc
    assessment = Assessment(
        framework_id=document.framework.id,
        framework_version=document.framework.version,
        ratings=document.ratings,
        choices={
            pid: PracticeChoice(
                target=p.target,
                importance=p.importance,
                example=clean_text(p.example, MAX_NOTE_CHARS),
            )
            for pid, p in document.practices.items()
        },
        respondent=Respondent(
            name=one_line(document.respondent.name, MAX_NAME_CHARS),
            course=one_line(document.respondent.course, MAX_NAME_CHARS),
        ),
        writing=Writing(
            introduction=clean_text(document.writing.introduction, MAX_ESSAY_CHARS),
            reflection=clean_text(document.writing.reflection, MAX_ESSAY_CHARS),
        ),
        scenarios={sid: dict(options) for sid, options in document.scenarios.items() if options},
    )
    return SavedAnswers(assessment, document.saved_at, document.language)
