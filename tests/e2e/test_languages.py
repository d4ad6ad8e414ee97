"""Rapport in Spanish and French in a real browser: a student's whole path with `?lang=es`,
a workshop where one participant answers in French and others in Spanish, counted
together, and two people on one server at once, each in their own language."""

from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path

import docx
import pytest

from tests.e2e.conftest import save_screenshot
from tests.e2e.helpers import (
    DRAWN_CHART,
    Browser,
    Page,
    expect,
    horizontal_overflow,
    open_dashboard,
    wait_for_app,
)
from tests.e2e.workshop_steps import (
    FRAMEWORKS,
    LIVE_TIMEOUT_MS,
    TITLE,
    Participant,
    counted,
    create_workshop,
    open_page,
    t,
    take_part,
)
from tests.language_probes import english_probes

pytestmark = pytest.mark.e2e

# A person's pace: a few hundred ms between clicks, not waiting for every rerun.
PACE_MS = 250


def _no_error_box(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "Traceback" not in page.content()


def _assess_everything(page: Page, language: str) -> None:
    """Rate every statement at a person's pace, practice by practice, in `language`."""
    framework = FRAMEWORKS[language]
    words = [level.label for level in framework.scale.levels]
    not_applicable = framework.scale.not_applicable.label
    answered = 0
    for number, practice in enumerate(framework.practices):
        expect(page.get_by_role("heading", name=f"{number + 1}. {practice.name}")).to_be_visible()
        groups = page.get_by_role("radiogroup").filter(has_text=not_applicable)
        expect(groups).to_have_count(len(practice.indicators))
        for statement in range(len(practice.indicators)):
            # A change of mind on the first statement: one level, then another.
            if statement == 0:
                groups.nth(0).get_by_text(words[1], exact=True).click()
                page.wait_for_timeout(PACE_MS)
            groups.nth(statement).get_by_text(words[(number + statement) % 5], exact=True).click()
            page.wait_for_timeout(PACE_MS)
            answered += 1
        wait_for_app(page)
        progress = counted(
            "{answered} of {total} statement answered",
            "{answered} of {total} statements answered",
            framework.indicator_count,
            language,
            answered=answered,
            total=framework.indicator_count,
        )
        expect(page.get_by_text(progress, exact=True)).to_be_visible()
        _no_error_box(page)
        if number < len(framework.practices) - 1:
            following = framework.practices[number + 1].short_name
            label = t("Next: {practice}", language).format(practice=following)
            page.get_by_role("button", name=re.compile(re.escape(label))).click()
        else:
            page.get_by_role(
                "button", name=re.compile(re.escape(t("See my results", language)))
            ).click()
        wait_for_app(page)


def test_a_student_does_everything_in_spanish(app_server: str, page: Page, tmp_path: Path) -> None:
    page.goto(f"{app_server}/?lang=es")
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.get_by_role("button", name=re.compile(re.escape(t("Start the assessment", "es")))).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/assess\?lang=es$"))
    _assess_everything(page, "es")

    expect(page.get_by_role("heading", name=t("Your results", "es"))).to_be_visible()
    expect(page.locator(DRAWN_CHART)).to_have_count(3)
    text = page.inner_text("body")
    assert not [p for p in english_probes("es") if p in text], "English left on Results"
    save_screenshot(page, "results-es")

    report = t("Report", "es")
    page.get_by_test_id("stSidebar").get_by_role("link", name=report, exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=t("Your Word report", "es"))).to_be_visible()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role(
            "button", name=re.compile(re.escape(t("Download the Word report (.docx)", "es")))
        ).click()
    path = tmp_path / "informe.docx"
    info.value.save_as(path)
    _no_error_box(page)

    document = docx.Document(str(path))
    assert document.core_properties.language == "es-ES"
    headings = [p.text for p in document.paragraphs if str(p.style.name).startswith("Heading")]
    spanish = FRAMEWORKS["es"]
    assert f"1. {spanish.practices[0].name}" in headings
    body = "\n".join(p.text for p in document.paragraphs)
    left = [p for p in english_probes("es") if p in body]
    assert not left, f"the Spanish report still has English: {left[:5]}"


def test_french_on_a_phone_fits_the_screen(app_server: str, browser: Browser) -> None:
    with ExitStack() as stack:
        page = open_page(browser, stack, phone=True)
        page.goto(f"{app_server}/assess?lang=fr")
        wait_for_app(page)
        french = FRAMEWORKS["fr"]
        expect(page.get_by_role("heading", name=f"1. {french.practices[0].name}")).to_be_visible()
        groups = page.get_by_role("radiogroup").filter(has_text=french.scale.not_applicable.label)
        for number in range(len(french.practices[0].indicators)):
            groups.nth(number).get_by_text(french.scale.levels[3].label, exact=True).click()
            page.wait_for_timeout(PACE_MS)
        wait_for_app(page)
        _no_error_box(page)
        assert horizontal_overflow(page) is None, horizontal_overflow(page)
        save_screenshot(page, "assess-phone-fr")


def test_participants_in_french_and_spanish_count_together(
    app_server: str, page: Page, browser: Browser
) -> None:
    facilitator = page
    link, key_link = create_workshop(facilitator, app_server, "es")
    open_dashboard(facilitator, key_link)
    expect(facilitator.get_by_role("heading", name=TITLE)).to_be_visible()
    people = (
        Participant(("Often", "Always", "Often", "Sometimes", "Often"), language="fr"),
        Participant(("Rarely", "Sometimes", "Rarely", "Never", "Often"), True, "es"),
        Participant(("Sometimes", "Often", "Always", "Rarely", "Sometimes"), language="es"),
    )
    with ExitStack() as stack:
        for participant in people:
            take_part(open_page(browser, stack, phone=participant.phone), link, participant)

    # The projected dashboard follows the facilitator's language, and counts everyone.
    responses = facilitator.get_by_test_id("stMetric").filter(has_text=t("Responses", "es"))
    expect(responses.get_by_test_id("stMetricValue")).to_have_text("3", timeout=LIVE_TIMEOUT_MS)
    expect(facilitator.locator("html")).to_have_attribute("lang", "es")
    _no_error_box(facilitator)
    save_screenshot(facilitator, "workshop-dashboard-es")


def test_two_people_at_once_keep_their_own_language(app_server: str, browser: Browser) -> None:
    with ExitStack() as stack:
        spanish, french = open_page(browser, stack), open_page(browser, stack)
        spanish.goto(f"{app_server}/assess?lang=es")
        french.goto(f"{app_server}/assess?lang=fr")
        for statement in range(3):
            for page, language in ((spanish, "es"), (french, "fr")):
                framework = FRAMEWORKS[language]
                groups = page.get_by_role("radiogroup").filter(
                    has_text=framework.scale.not_applicable.label
                )
                level = framework.scale.levels[2].label
                groups.nth(statement).get_by_text(level, exact=True).click()
                page.wait_for_timeout(PACE_MS)
        for page, language in ((spanish, "es"), (french, "fr")):
            wait_for_app(page)
            heading = f"1. {FRAMEWORKS[language].practices[0].name}"
            expect(page.get_by_role("heading", name=heading)).to_be_visible()
            expect(
                page.get_by_role("link", name=t("Results", language), exact=True)
            ).to_be_visible()
            _no_error_box(page)
