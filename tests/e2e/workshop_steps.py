"""The steps of a live workshop in a real browser, shared by the workshop tests: create one
on the Run a workshop page, and take part from its join link as a participant."""

from __future__ import annotations

import re
from contextlib import ExitStack
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from rapport.core.i18n import _, ngettext, pgettext, using_language
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.conftest import save_screenshot
from tests.e2e.helpers import (
    Browser,
    Locator,
    Page,
    expect,
    facilitator_link_on_screen,
    horizontal_overflow,
    wait_for_app,
)

FRAMEWORK = load_framework(FRAMEWORK_FILE)
FIRST = FRAMEWORK.practices[0]
FRAMEWORKS = {code: load_framework(FRAMEWORK_FILE, code) for code in FRAMEWORK.languages}
TITLE = "E2E seminar, week 5"
MIN_GROUP = 3
NOT_APPLICABLE = "Not applicable"
# What only the facilitator link holds: the key, after # (the path before it carries ?lang=).
FACILITATOR_LINK = "#key="
TIMEOUT_MS = 20_000
# The dashboard redraws itself every 2 s; give a slow machine several ticks.
LIVE_TIMEOUT_MS = 30_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def t(message: str, language: str = "en", context: str | None = None) -> str:
    """The app's own words for `message` in `language`, as its catalog has them."""
    with using_language(language):
        return pgettext(context, message) if context else _(message)


def counted(singular: str, plural: str, n: int, language: str = "en", **values: object) -> str:
    with using_language(language):
        return ngettext(singular, plural, n).format(n=n, **values)


@dataclass(frozen=True)
class Participant:
    answers: tuple[str, ...]  # English level words, one per statement of the first practice
    phone: bool = False
    language: str = "en"  # the language the participant's browser asks for

    def word(self, number: int) -> str:
        """The answer to statement `number`, as the participant's page writes it."""
        answer = self.answers[number % len(self.answers)]
        scale = FRAMEWORKS[self.language].scale
        if answer == NOT_APPLICABLE:
            return scale.not_applicable.label
        value = next(level.value for level in FRAMEWORK.scale.levels if level.label == answer)
        return scale.label(value)


# Varied answers, so the room has a spread and the spotlight has something to show.
PARTICIPANTS = (
    Participant(("Often", "Always", "Often", "Sometimes", "Often")),
    Participant(("Rarely", "Sometimes", "Rarely", "Never", NOT_APPLICABLE), phone=True),
    Participant(("Sometimes", "Often", "Always", "Rarely", "Sometimes")),
)


def open_page(browser: Browser, stack: ExitStack, *, phone: bool = False) -> Page:
    """A new context (a new person's Streamlit session), closed when the stack unwinds."""
    if phone:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    else:
        context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    stack.callback(context.close)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


def metric_value(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def assert_no_facilitator_link(page: Page) -> None:
    assert FACILITATOR_LINK not in page.content(), "a participant page shows the facilitator link"


def assert_no_horizontal_scroll(page: Page) -> None:
    overflow = horizontal_overflow(page)
    assert overflow is None, overflow


def create_workshop(page: Page, base_url: str, language: str = "en") -> tuple[str, str]:
    """Create a workshop on the Run a workshop page; return its join and facilitator links."""
    page.goto(f"{base_url}/workshop" + ("" if language == "en" else f"?lang={language}"))
    wait_for_app(page)
    run = t("Run a workshop", language)
    expect(page.get_by_role("heading", name=run)).to_be_visible()
    # The app's own navigation (app.py's st.navigation), not Streamlit's pages/ folder listing.
    expect(
        page.get_by_test_id("stSidebar").get_by_role("link", name=run),
        "a deep link ran the page file without app.py (Streamlit's pages/ folder mode)",
    ).to_be_visible()
    title = page.get_by_label(t("Title", language, "workshop"), exact=True)
    title.fill(TITLE)
    title.press("Tab")
    # exact: the help icon's button is labelled "Help for Minimum group size ..." too.
    group = page.get_by_role(
        "spinbutton", name=t("Minimum group size before anything is shown", language), exact=True
    )
    group.fill(str(MIN_GROUP))
    group.press("Tab")  # a number input commits its value on blur
    page.get_by_role("button", name=t("Create the workshop", language)).click()
    wait_for_app(page)
    expect(
        page.get_by_text(t("Workshop created: {title}", language).format(title=TITLE))
    ).to_be_visible()
    # Step 1: the private facilitator link, alone: nothing here is made to be projected.
    key_link = facilitator_link_on_screen(page)
    dashboard = f"/dashboard?lang={language}#key="
    assert key_link.startswith(f"{base_url}{dashboard}"), key_link
    scan = t("Scan to join", language)
    expect(page.get_by_text(scan)).to_have_count(0)
    page.get_by_role(
        "button", name=re.compile(re.escape(t("I saved the link: show the join screen", language)))
    ).click()
    wait_for_app(page)

    # Step 2: the join screen, and no trace of the facilitator link.
    code_block = page.get_by_test_id("stCode").filter(has_text="?join=")
    expect(code_block).to_have_count(1)
    link = code_block.inner_text().strip()
    # RAPPORT_PUBLIC_URL points at this server, so the link (and its QR code) reach it.
    assert link.startswith(f"{base_url}/join?join="), link
    expect(page.get_by_text(scan)).to_be_visible()
    assert FACILITATOR_LINK not in page.content(), "the join screen shows the facilitator link"
    save_screenshot(page, "workshop-join-screen" + ("" if language == "en" else f"-{language}"))
    return link, key_link


def take_part(page: Page, link: str, participant: Participant) -> None:
    """Follow the join link (in the participant's language), rate the first practice by
    clicking labels, submit."""
    code = parse_qs(urlsplit(link).query)["join"][0]
    language = participant.language
    first = FRAMEWORKS[language].practices[0]
    page.goto(link if language == "en" else f"{link}&lang={language}")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/join\?join="))
    expect(page.get_by_label(t("Join code", language))).to_have_value(code)
    expect(page.get_by_text(TITLE, exact=True)).to_be_visible()
    assert_no_facilitator_link(page)
    if participant.phone:
        assert_no_horizontal_scroll(page)

    page.get_by_role("button", name=re.compile(re.escape(t("Join and start", language)))).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/assess(\?lang=[a-z]{2})?$"))
    expect(page.get_by_role("heading", name=f"1. {first.name}")).to_be_visible()

    # Rating groups offer "Not applicable"; the importance group (Low/Medium/High) does not.
    not_applicable = FRAMEWORKS[language].scale.not_applicable.label
    groups = page.get_by_role("radiogroup").filter(has_text=not_applicable)
    expect(groups).to_have_count(len(first.indicators))
    for number, indicator in enumerate(first.indicators):
        group = groups.nth(number)
        expect(group).to_have_attribute("aria-label", re.compile(re.escape(indicator.text)))
        answer = participant.word(number)
        group.get_by_text(answer, exact=True).click()
        wait_for_app(page)
        expect(group.get_by_role("radio", name=answer)).to_be_checked()

    joined = t("**You joined a workshop**", language).strip("*")
    expect(page.get_by_text(joined)).to_be_visible()
    expect(page.get_by_text(TITLE, exact=True)).to_be_visible()
    submit = t("Submit to the workshop", language)
    page.get_by_role("button", name=re.compile(re.escape(submit))).click()
    wait_for_app(page)
    expect(page.get_by_text(t("Your answers are in.", language))).to_be_visible()
    assert_no_facilitator_link(page)
    if participant.phone:
        assert_no_horizontal_scroll(page)
        save_screenshot(page, "workshop-phone" + ("" if language == "en" else f"-{language}"))
