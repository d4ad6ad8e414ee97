"""Rapport's command line.

python -m rapport report --answers FILE.json --out FILE.docx [--language es]
python -m rapport schema > docs/answers-schema.json
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from rapport.core.assessment import fit_to
from rapport.core.errors import RapportError
from rapport.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, supported, using_language
from rapport.files.answers_file import json_schema, parse
from rapport.files.framework_file import framework_paths, load_catalog
from rapport.settings import Settings
from rapport.usecases.student import student_report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rapport", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="write the Word report for an answers file")
    report.add_argument("--answers", type=Path, required=True, help="answers .json from Rapport")
    report.add_argument("--out", type=Path, required=True, help="where to write the .docx")
    report.add_argument("--data", type=Path, default=None, help="folder of framework files")
    report.add_argument(
        "--language",
        choices=sorted(LANGUAGES),
        default=None,
        help="the report's language (default: the one the answers were saved in)",
    )
    commands.add_parser("schema", help="print the JSON Schema of the answers file")
    return parser


def _report(args: argparse.Namespace) -> str:
    settings = Settings.from_sources(os.environ)
    data_dir = args.data or settings.data_dir
    if not data_dir.is_dir():
        raise RapportError(
            f"The framework folder {data_dir} does not exist.",
            ["Pass --data with the folder of framework files, or set RAPPORT_DATA_DIR."],
        )
    try:
        raw = args.answers.read_bytes()
    except OSError as exc:
        raise RapportError(f"Cannot read {args.answers}: {exc.strerror}.") from exc
    saved = parse(raw)
    assessment = saved.assessment
    language = args.language or supported(saved.language) or DEFAULT_LANGUAGE
    catalog = load_catalog(framework_paths(data_dir))
    framework = catalog.get(assessment.framework_id, language)
    if framework is None:
        raise RapportError(
            f"The answers use the framework '{assessment.framework_id}', which is not in "
            f"{data_dir}.",
            [f"Available: {', '.join(catalog.ids) or 'none'}."],
        )
    fitted, unknown = fit_to(framework, assessment)
    with using_language(language):
        document = student_report(framework, fitted, date.today())
    # Write beside the target, then rename: an interrupted run never leaves half a report.
    partial = args.out.with_name(args.out.name + ".partial")
    try:
        partial.write_bytes(document)
        partial.replace(args.out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise RapportError(f"Cannot write {args.out}: {exc.strerror}.") from exc
    note = f" ({len(unknown)} answers for items this framework no longer has were left out)"
    return f"Wrote {args.out}{note if unknown else ''}."


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        sys.stdout.write(json_schema())
        return 0
    try:
        print(_report(args))
    except RapportError as error:
        print(f"rapport: {error.message}", file=sys.stderr)
        return 1
    return 0
