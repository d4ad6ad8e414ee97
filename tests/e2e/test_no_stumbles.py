"""What a newcomer stumbled on, in a real browser: nothing loses answers without asking,
links follow the address in use, a participant sees that submitting is the point, a
restore says what to do next, and the facilitator's screens say what they do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PIL import Image

from rapport.core.assessment import Assessment
from rapport.files.answers_file import to_json
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import (
    Browser,
    Page,
    choose_in_picker,
    close_sidebar,
    download_report,
    expect,
    facilitator_link_on_screen,
    open_controls,
    open_dashboard,
    open_sidebar,
    save_named_screenshot,
    wait_for_app,
)
from tests.server_process import ServerFailedError, StreamlitServer

try:
    import zxingcpp
except ImportError:  # pragma: no cover - a dev dependency; CI has it
    zxingcpp = None

pytestmark = pytest.mark.e2e
FRAMEWORK = load_framework(FRAMEWORK_FILE)
PHONE = {"width": 390, "height": 844}


def progress(page: Page, answered: int) -> None:
    total = FRAMEWORK.indicator_count
    expect(
        page.get_by_text(f"{answered} of {total} statements answered", exact=True)
    ).to_be_visible()


def rate_first_statements(page: Page, count: int) -> None:
    groups = page.get_by_role("radiogroup").filter(has_text="Not applicable")
    for number in range(count):
        groups.nth(number).get_by_text("Sometimes", exact=True).click()
        wait_for_app(page)
    progress(page, count)


def sidebar(page: Page, name: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("link", name=re.compile(name)).click()
    wait_for_app(page)


def test_the_sample_profile_sets_my_answers_aside_and_gives_them_back(
    app_server: str, page: Page
) -> None:
    page.goto(f"{app_server}/assess")
    wait_for_app(page)
    rate_first_statements(page, 3)
    sidebar(page, "Home")
    page.get_by_role("button", name="Try it with a sample profile").click()
    wait_for_app(page)
    expect(page.get_by_text("You are looking at a sample profile")).to_be_visible()
    expect(page.get_by_text("Your own work (3 answers) is kept aside, unchanged.")).to_be_visible()
    page.get_by_role("button", name="Back to my own work (3 answers)").click()
    wait_for_app(page)
    expect(page.get_by_text("You are looking at a sample profile")).to_have_count(0)
    sidebar(page, "Assess")
    progress(page, 3)


def test_clearing_asks_first_and_can_be_undone(app_server: str, page: Page) -> None:
    page.goto(f"{app_server}/assess")
    wait_for_app(page)
    rate_first_statements(page, 2)
    page.get_by_role("button", name="Save or start over").click()
    clear = page.get_by_role("button", name="Clear all my answers")
    expect(clear).to_be_disabled()  # nothing is cleared by one stray tap
    page.get_by_text("Yes, clear all my answers").click()
    wait_for_app(page)
    expect(clear).to_be_enabled()
    clear.click()
    wait_for_app(page)
    progress(page, 0)
    expect(page.get_by_text("Your earlier work (2 answers) is kept aside")).to_be_visible()
    bring_back = page.get_by_role("button", name="Bring back my earlier work")
    expect(bring_back).to_be_visible()
    # The undo lasts the session: still there after a visit to another page.
    sidebar(page, "Practices")
    sidebar(page, "Assess")
    bring_back.click()
    wait_for_app(page)
    progress(page, 2)
    checked = page.get_by_role("radiogroup").first.get_by_role("radio", name="Sometimes")
    expect(checked).to_be_checked()


def test_a_restore_offers_the_next_step(app_server: str, page: Page, tmp_path: Path) -> None:
    first = FRAMEWORK.practices[0]
    answers = Assessment.empty(FRAMEWORK)
    for indicator in first.indicators:
        answers = answers.with_rating(indicator.id, 4)
    saved = tmp_path / "my-answers.json"
    saved.write_bytes(to_json(answers))
    page.goto(app_server)
    wait_for_app(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(saved)
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Restored the answers file"))).to_be_visible()
    second = FRAMEWORK.practices[1]
    page.get_by_role("button", name=f"Continue at 2. {second.short_name}").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=f"2. {second.name}")).to_be_visible()
    progress(page, len(first.indicators))


@pytest.fixture
def unconfigured_server(tmp_path: Path) -> Iterator[StreamlitServer]:
    """A server with no public URL set, as `PORT=8611 make run` starts it."""
    server = StreamlitServer(tmp_path, extra_env={"RAPPORT_PUBLIC_URL": ""})
    try:
        server.start()
    except ServerFailedError as error:
        pytest.fail(str(error))
    try:
        yield server
    finally:
        server.stop()


def test_links_follow_the_address_in_use(unconfigured_server: StreamlitServer, page: Page) -> None:
    base = unconfigured_server.base_url  # a free port, never 8501
    page.goto(f"{base}/workshop")
    wait_for_app(page)
    page.get_by_role("button", name="Create a demo workshop").click()
    wait_for_app(page)
    assert facilitator_link_on_screen(page).startswith(f"{base}/dashboard?lang=en#key=")
    page.get_by_role("button", name=re.compile("I saved the link")).click()
    wait_for_app(page)
    block = page.get_by_test_id("stCode").filter(has_text="?join=")
    link = block.inner_text().strip()
    assert link.startswith(f"{base}/join?join="), link
    if zxingcpp is not None:
        picture = page.get_by_test_id("stImage").locator("img")
        picture.evaluate("(img) => img.decode()")
        picture.evaluate("(img) => img.scrollIntoView({block: 'center'})")
        shot = save_named_screenshot(page, "join-qr-unconfigured", whole_page=False)
        with Image.open(shot) as screen:
            assert [r.text for r in zxingcpp.read_barcodes(screen)] == [link]
    # The link opens the Join page directly, with no detour through Home.
    visited: list[str] = []
    page.on("framenavigated", lambda frame: visited.append(frame.url))
    page.goto(link)
    expect(page.get_by_role("heading", name="Join a workshop")).to_be_visible()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/join\?join="))
    assert all("/join" in url for url in visited), visited


def test_a_participant_is_told_to_submit(app_server: str, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{app_server}/workshop")
        wait_for_app(page)
        page.get_by_role("button", name="Create a demo workshop").click()
        wait_for_app(page)
        page.get_by_role("button", name=re.compile("I saved the link")).click()
        wait_for_app(page)
        link = page.get_by_test_id("stCode").filter(has_text="?join=").inner_text().strip()
        page.goto(link)
        wait_for_app(page)
        page.get_by_role("button", name=re.compile("Join and start")).click()
        wait_for_app(page)
        rate_first_statements(page, 1)
        # At the last practice, submitting is the primary action, above See my results.
        last = FRAMEWORK.practices[-1]
        choose_in_picker(page, f"{len(FRAMEWORK.practices)}. {last.short_name}")
        wait_for_app(page)
        submit = page.get_by_role("button", name="Submit to the workshop")
        expect(submit).to_have_attribute("data-testid", "stBaseButton-primary")
        results = page.get_by_role("button", name="See my results")
        expect(results).to_have_attribute("data-testid", "stBaseButton-secondary")
        expect(page.get_by_text("Your answers are not sent yet")).to_be_visible()
        submit_box, results_box = submit.bounding_box(), results.bounding_box()
        assert submit_box and results_box and submit_box["y"] < results_box["y"]
        save_named_screenshot(page, "participant-last-practice-phone")
        # Leaving with unsent answers says so: on Results, and on any other page.
        results.click()
        wait_for_app(page)
        expect(page.get_by_text("Your answers are not sent yet")).to_be_visible()
        open_sidebar(page)
        sidebar(page, "Practices")
        close_sidebar(page)
        expect(page.get_by_text("Your answers are not sent to the workshop yet")).to_be_visible()
        page.get_by_role("link", name="Review and submit").click()
        wait_for_app(page)
        page.get_by_role("button", name="Submit to the workshop").click()
        wait_for_app(page)
        expect(page.get_by_text("Your answers are in.")).to_be_visible()
        expect(page.get_by_text("The workshop has your latest answers.")).to_be_visible()
        # A change of mind afterwards, on Assess: the rating reruns only the statements,
        # yet the card outside them must stop saying "sent" (the page reruns for it).
        open_sidebar(page)
        sidebar(page, "Assess")
        close_sidebar(page)
        groups = page.get_by_role("radiogroup").filter(has_text="Not applicable")
        groups.first.get_by_text("Always", exact=True).click()
        wait_for_app(page)
        expect(
            page.get_by_text("Changes since your last submission are not sent yet.")
        ).to_be_visible()
        expect(page.get_by_role("button", name="Submit my changes")).to_be_enabled()
    finally:
        context.close()


def test_the_dashboard_says_what_it_does(app_server: str, page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_server}/dashboard")
    wait_for_app(page)
    expect(page.get_by_role("link", name="Run a workshop").last).to_be_visible()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("link", name="Run a workshop")).to_be_visible()
    expect(main.get_by_role("link", name="Join a workshop")).to_be_visible()

    page.goto(f"{app_server}/workshop")
    wait_for_app(page)
    page.get_by_role("button", name="Create a demo workshop").click()
    wait_for_app(page)
    open_dashboard(page, facilitator_link_on_screen(page))
    # Projected: the controls stay closed, and their name appears once.
    expect(page.get_by_text("Facilitator controls", exact=True)).to_have_count(1)
    expect(page.get_by_role("button", name="Reveal all")).not_to_be_visible()
    controls = open_controls(page)
    reveal = controls.get_by_role("button", name="Reveal the chosen practices")
    reveal.click()
    wait_for_app(page)
    expect(page.get_by_text("No practice is chosen.")).to_be_visible()


def test_words_typed_just_before_the_download_are_in_the_report(
    app_server: str, page: Page, tmp_path: Path
) -> None:
    # A student types the introduction and clicks Download at once: the click takes the
    # focus from the text area, whose rerun stores the text while the file is being built.
    page.goto(f"{app_server}/?demo=1")
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Report", exact=True).click()
    wait_for_app(page)
    words = "I typed this and clicked Download straight away, as people do."
    page.get_by_role("textbox", name="Introduction (optional)").fill(words)
    document = docx.Document(str(download_report(page, tmp_path)))  # no Tab, no wait
    assert words in "\n".join(p.text for p in document.paragraphs)
