"""The answers file: a small, versioned JSON document holding one assessment.

It is what the Report page offers for download, what the command line reads, and what
travels inside the Word report. Format, version 3 (version 1 files, without "writing",
and version 2 files, without "scenarios", still load):

    {
      "format": "rapport-answers",
      "version": 3,
      "saved_at": "2026-11-27T10:00:00+00:00",
      "framework": {"id": "client-relationships", "version": "1.0"},
      "respondent": {"name": "", "course": ""},
      "writing": {"introduction": "", "reflection": ""},
      "ratings": {"cc-agree-channels": 4, "cc-response-times": "na"},
      "practices": {"clear-channels": {"target": 4, "importance": 3, "example": "..."}},
      "scenarios": {"cc-scenario-new-client": {"a": 6, "b": 2, "c": 4, "d": 1}}
    }

Ratings are 1..n on the framework's scale or "na"; target and importance may be omitted to
use the framework's defaults; scenario options are rated 1 (very ineffective) to 6 (very
effective), and a scenario may be left out or partly rated. See docs/answers-format.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from rapport.core.assessment import Assessment, PracticeChoice, Respondent, Writing
from rapport.core.errors import AnswersError
from rapport.core.text import (
    MAX_ESSAY_CHARS,
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    clean_text,
    one_line,
    xml_safe,
)

FORMAT = "rapport-answers"
VERSION = 3
# Version 2 added "writing", version 3 "scenarios"; older files have none of them.
READABLE_VERSIONS = (1, 2, 3)
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


class AnswersV3(_Strict):
    """The on-disk shape; its JSON schema is published as docs/answers-schema.json.
    Versions 1 and 2 are the same without `writing` and `scenarios`, so one model reads
    all three."""

    format: Literal["rapport-answers"]
    version: Literal[1, 2, 3]
    saved_at: StrictStr | None = None
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
        "$id": "rapport-answers-v3",
        **AnswersV3.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def to_json(assessment: Assessment, now: datetime | None = None) -> bytes:
    document = AnswersV3(
        format=FORMAT,
        version=VERSION,
        saved_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
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


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _decode(raw: bytes) -> Any:
    if not raw.strip():
        raise AnswersError("The answers file is empty.", ["Choose the .json file Rapport saved."])
    if len(raw) > MAX_BYTES:
        raise AnswersError(
            f"The answers file is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,}).",
            ["Choose the .json file Rapport saved; it is only a few kilobytes."],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnswersError(
            "The answers file is not UTF-8 text.", ["Choose the .json file Rapport saved."]
        ) from exc
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        detail = str(exc) if isinstance(exc, ValueError) else "it is nested too deeply"
        raise AnswersError(
            "The answers file is not valid JSON.",
            [detail, "Choose the .json file Rapport saved, unedited."],
        ) from exc


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


def from_json(raw: bytes) -> Assessment:
    """Parse an answers file into an Assessment (not yet checked against a framework)."""
    return parse(raw).assessment


def parse(raw: bytes) -> SavedAnswers:
    """Parse an answers file, keeping when it was saved."""
    data = _decode(raw)
    try:
        data = _scrub(data)
    except RecursionError as exc:
        raise AnswersError("The answers file is nested too deeply to be a Rapport file.") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersError(
            "This is not a Rapport answers file.",
            ['Its "format" field should be "rapport-answers".'],
        )
    version = data.get("version")
    if version is None:
        raise AnswersError(
            "This answers file does not say which version of the format it uses.",
            ["Choose the .json file Rapport saved, unedited."],
        )
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        raise AnswersError(
            f"This answers file has version {version!r}; this Rapport reads versions {readable}.",
            ["Update Rapport, or save the answers again from this version."],
        )
    if version == 1 and "writing" in data:
        raise AnswersError(
            "This answers file says version 1 but holds version 2's writing field.",
            ["Choose the .json file Rapport saved, unedited."],
        )
    if version in (1, 2) and "scenarios" in data:
        raise AnswersError(
            f"This answers file says version {version} but holds version 3's scenarios field.",
            ["Choose the .json file Rapport saved, unedited."],
        )
    try:
        document = AnswersV3.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}"
            for e in exc.errors(include_url=False)[:10]
        ]
        raise AnswersError("The answers file does not have the expected fields.", problems) from exc
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
    return SavedAnswers(assessment, document.saved_at)
