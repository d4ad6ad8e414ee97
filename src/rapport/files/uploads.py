"""Bring back an assessment from an upload: a Rapport answers file or a Rapport Word report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rapport.core.assessment import Assessment, fit_to
from rapport.core.errors import AnswersError
from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.text import grouped, long_date
from rapport.files.answers_file import parse

MAX_UPLOAD_BYTES = 5_000_000  # matches server.maxUploadSize in .streamlit/config.toml
ACCEPTED_TYPES = ("json", "docx")


@dataclass(frozen=True)
class LoadedAnswers:
    assessment: Assessment  # fitted to the framework: unknown ids removed
    saved_at: str | None
    left_out: tuple[str, ...]  # ids in the file that the framework no longer has
    # "Word report" or "answers file": an id (English in every language), for the
    # interface to choose its whole sentence by; never shown as it is.
    source: str

    @property
    def saved_on(self) -> str | None:
        """The save date as a person reads it, e.g. "27 November 2026"."""
        if not self.saved_at:
            return None
        try:
            moment = datetime.fromisoformat(self.saved_at)
        except ValueError:
            return None
        return long_date(moment)


def load_upload(raw: bytes, file_name: str, framework: Framework) -> LoadedAnswers:
    """Read an uploaded file; raise AnswersError saying what was wrong and what to do."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise AnswersError(
            ngettext(
                "The file is too large ({size} byte; the limit is {limit}).",
                "The file is too large ({size} bytes; the limit is {limit}).",
                len(raw),
            ).format(size=grouped(len(raw)), limit=grouped(MAX_UPLOAD_BYTES)),
            [_("Upload the Word report or .json answers file Rapport gave you.")],
        )
    suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if suffix not in ACCEPTED_TYPES:
        raise AnswersError(
            # Translators: {suffix} is the uploaded file's extension as typed ("txt",
            # "pdf").
            _("Rapport cannot read .{suffix} files.").format(suffix=suffix or "?"),
            [_("Upload a Rapport Word report (.docx) or answers file (.json).")],
        )
    if suffix == "docx":
        # Imported on the first report restored: python-docx stays off the start path.
        from rapport.files.docx_answers import extract_answers

        source, payload = "Word report", extract_answers(raw)
    else:
        if raw.startswith(b"PK\x03\x04"):
            raise AnswersError(
                _("This file is named .json but is a zip archive, perhaps a renamed document."),
                [_("Upload the file with its original name.")],
            )
        source, payload = "answers file", raw
    saved = parse(payload)
    fitted, left_out = fit_to(framework, saved.assessment)
    return LoadedAnswers(fitted, saved.saved_at, left_out, source)
