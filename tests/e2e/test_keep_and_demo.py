"""A demo link shows results at once; a downloaded report brings the answers back."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from rapport.files.framework_file import load_framework
from rapport.files.uploads import load_upload
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import Browser, Page, expect, wait_for_app

pytestmark = pytest.mark.e2e
FRAMEWORK = load_framework(FRAMEWORK_FILE)
SAMPLE = FRAMEWORK_FILE.parent / "samples" / "client-relationships.json"


def _download_report(page: Page, folder: Path) -> Path:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile(r"Download the Word report")).click()
    saved = folder / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def test_demo_link_then_report_then_resume_in_a_fresh_browser(
    app_server: str,
    page: Page,
    browser: Browser,
    screenshot: Callable[[str], Path],
    tmp_path: Path,
) -> None:
    # One click: the demo link shows complete, clearly labelled results.
    page.goto(f"{app_server}/?demo=1")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Your results")).to_be_visible()
    expect(page.get_by_text("You are looking at a sample profile")).to_be_visible()
    expect(page.locator('[data-testid="stVegaLiteChart"] :is(canvas, svg.marks)')).to_have_count(3)
    screenshot("demo-results")

    # Second and third clicks: the Report page and its download.
    page.get_by_test_id("stSidebar").get_by_role("link", name=re.compile("Report")).click()
    wait_for_app(page)
    report = _download_report(page, tmp_path)
    sample = load_upload(SAMPLE.read_bytes(), SAMPLE.name, FRAMEWORK).assessment
    assert load_upload(report.read_bytes(), report.name, FRAMEWORK).assessment == sample

    # A fresh browser context is a new person's session: upload the report, answers return.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    fresh = context.new_page()
    fresh.set_default_timeout(20_000)
    try:
        fresh.goto(app_server)
        wait_for_app(fresh)
        fresh.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(report)
        wait_for_app(fresh)
        expect(fresh.get_by_text(re.compile(r"Restored the Word report saved on"))).to_be_visible()
        fresh.get_by_test_id("stSidebar").get_by_role("link", name="Assess").click()
        wait_for_app(fresh)
        first = FRAMEWORK.practices[0].indicators[0]
        group = fresh.get_by_role("radiogroup", name=re.compile(re.escape(first.text)))
        expect(group.get_by_role("radio", name="Often")).to_be_checked()
        expect(fresh.get_by_text("34 of 34 statements answered", exact=True)).to_be_visible()
    finally:
        context.close()
