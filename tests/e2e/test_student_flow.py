"""A student's whole journey in a real browser: assess, read the results, download the report."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph

from rapport.files.framework_file import load_framework
from tests.docx_reading import report_problems, section
from tests.e2e.helpers import Page, expect, wait_for_app

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
FRAMEWORK = load_framework(REPO / "data" / "client-relationships.yaml")
# An emoji (outside the Basic Multilingual Plane) and an accent: the name must survive the
# text input, the session state and python-docx's XML unchanged.
STUDENT_NAME = unicodedata.normalize("NFC", "Zoë Okafor 🤝")
# Answers per practice, cycled over its statements. Even practices meet the default target
# (Often); odd ones fall short, so the results have both strengths and a focus.
INTRODUCTION = (
    "In my internship I coordinate a website rebuild for two clients, and how they see the "
    "project decides whether it succeeds."
)
STRONG = ("Often", "Always", "Often", "Often", "Always")
WEAK = ("Rarely", "Sometimes", "Rarely", "Often", "Never")
NOT_APPLICABLE = "Not applicable"


def expect_progress(page: Page, answered: int) -> None:
    """The progress bar's caption changes only when a rerun has saved the answer."""
    total = FRAMEWORK.indicator_count
    text = f"{answered} of {total} statements answered"
    expect(page.get_by_text(text, exact=True)).to_be_visible()


def answer_for(practice: int, statement: int) -> str:
    if practice == 0 and statement == len(FRAMEWORK.practices[0].indicators) - 1:
        return NOT_APPLICABLE
    pattern = STRONG if practice % 2 == 0 else WEAK
    return pattern[statement % len(pattern)]


def complete_assessment(page: Page) -> None:
    """Rate every statement by clicking option labels, as a student would, page by page."""
    practices = FRAMEWORK.practices
    answered = 0
    for number, practice in enumerate(practices):
        expect(page.get_by_role("heading", name=f"{number + 1}. {practice.name}")).to_be_visible()
        # Rating groups offer "Not applicable"; the importance group (Low/Medium/High) does not.
        groups = page.get_by_role("radiogroup").filter(has_text=NOT_APPLICABLE)
        expect(groups).to_have_count(len(practice.indicators))
        for statement, indicator in enumerate(practice.indicators):
            group = groups.nth(statement)
            expect(group).to_have_attribute("aria-label", re.compile(re.escape(indicator.text)))
            group.get_by_text(answer_for(number, statement), exact=True).click()
            wait_for_app(page)
            answered += 1
            expect_progress(page, answered)
        if number == 1:
            # One weak practice matters most to this student: it should lead the focus list.
            importance = page.get_by_role("radiogroup", name="Importance to you")
            importance.get_by_text("High", exact=True).click()
            wait_for_app(page)
            expect(importance.get_by_role("radio", name="High")).to_be_checked()
        if number < len(practices) - 1:
            page.get_by_role("button", name=re.compile(r"^\W*Next")).click()
        else:
            page.get_by_role("button", name=re.compile("See my results")).click()
        wait_for_app(page)


def _is_heading(paragraph: Paragraph) -> bool:
    style = paragraph.style
    return style is not None and str(style.name).startswith("Heading")


def check_report(path: Path) -> None:
    """Open the downloaded file with python-docx and check its structure, not its wording."""
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    text = "\n".join(p.text for p in paragraphs)
    # The download must carry this session's answers, not a blank assessment.
    assert "I have not rated any statement" not in text, "the report ignores the answers"
    headings = [p.text for p in paragraphs if _is_heading(p)]
    for number, practice in enumerate(FRAMEWORK.practices, start=1):
        name = f"{number}. {practice.name}"
        assert name in headings, f"no heading for {name!r} in {headings}"
    assert report_problems(document, FRAMEWORK) == []
    # The introduction typed on the Report page, in the student's own words.
    assert section(document, "Introduction") == [INTRODUCTION]

    assert len(document.inline_shapes) >= 3, "the three result charts should be embedded"

    references = next(
        i for i, p in enumerate(paragraphs) if p.text == "References" and _is_heading(p)
    )
    after = [p for p in paragraphs[references + 1 :] if p.text.strip()]
    assert len(after) >= 10, f"only {len(after)} paragraphs follow the References heading"

    # The title page is everything before the first heading ("Introduction").
    first_heading = next(i for i, p in enumerate(paragraphs) if _is_heading(p))
    title_page = "\n".join(p.text for p in paragraphs[:first_heading])
    assert STUDENT_NAME in title_page, f"name missing from the title page:\n{title_page}"
    assert document.core_properties.title, "the document has no title property"


def test_student_completes_assessment_and_downloads_report(
    app_server: str, page: Page, screenshot: Callable[[str], Path], tmp_path: Path
) -> None:
    page.goto(app_server)
    wait_for_app(page)
    start = page.get_by_role("button", name=re.compile("Start the assessment"))
    expect(start).to_be_visible()
    start.click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/assess$"))

    complete_assessment(page)

    expect(page).to_have_url(re.compile(r"/results$"))
    expect(page.get_by_role("heading", name="Your results")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(3)
    expect(page.get_by_text("Focus first on", exact=False)).to_be_visible()
    # Vega draws asynchronously after the run ends; wait for a drawing before the screenshot.
    expect(page.locator('[data-testid="stVegaLiteChart"] :is(canvas, svg.marks)')).to_have_count(3)
    screenshot("results")

    page.get_by_test_id("stSidebar").get_by_role("link", name=re.compile("Report")).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Your Word report")).to_be_visible()
    name_box = page.get_by_label("Your name (optional)")
    name_box.fill(STUDENT_NAME)
    name_box.press("Tab")  # Streamlit commits a text input on blur or Enter
    wait_for_app(page)
    # The preview repeats the name once the rerun has stored it.
    expect(page.get_by_text(f"Name: {STUDENT_NAME}")).to_be_visible()
    introduction = page.get_by_role("textbox", name="Introduction (optional)")
    introduction.fill(INTRODUCTION)
    introduction.press("Tab")  # a text area commits on blur
    wait_for_app(page)
    expect(page.get_by_text(f"{len(INTRODUCTION.split())} words;")).to_be_visible()

    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile(r"Download the Word report \(\.docx\)")).click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    check_report(saved)
