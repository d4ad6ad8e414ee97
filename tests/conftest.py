"""Shared fixtures: the shipped framework, and assessments built from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rapport.core.assessment import Assessment, Rating
from rapport.core.framework import Framework
from rapport.files.framework_file import load_framework

REPO = Path(__file__).resolve().parents[1]
FRAMEWORK_FILE = REPO / "data" / "client-relationships.yaml"


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
