"""Shared fixtures: the shipped framework, and assessments built from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from rapport.core.assessment import Assessment, Rating
from rapport.core.framework import Framework
from rapport.files.framework_file import load_framework
from rapport.files.framework_languages import resolve

REPO = Path(__file__).resolve().parents[1]
FRAMEWORK_FILE = REPO / "data" / "client-relationships.yaml"


def english_data() -> dict[str, Any]:
    """The shipped framework as a one-language English file's data: what a test edits to
    break or vary one rule (tests/unit/test_framework_languages.py varies the languages)."""
    data = resolve(yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8")), "en")
    data.pop("languages", None)
    return data


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework(FRAMEWORK_FILE)


AssessmentFactory = Callable[..., Assessment]


@pytest.fixture
def answered(framework: Framework) -> AssessmentFactory:
    """Build an assessment where every statement of practice i gets ratings[i % len]."""

    def build(*ratings: Rating, **choices: dict[str, object]) -> Assessment:
        assessment = Assessment.empty(framework)
        for index, practice in enumerate(framework.practices):
            for indicator in practice.indicators:
                assessment = assessment.with_rating(indicator.id, ratings[index % len(ratings)])
        for practice_id, change in choices.items():
            assessment = assessment.with_choice(practice_id.replace("_", "-"), **change)
        return assessment

    return build
