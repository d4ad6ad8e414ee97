"""Keyboard only: from Home, through every practice, to the downloaded Word report.

No mouse: only Tab, arrow keys, Space, Enter and typing. The test reads the DOM
to know where focus is (as a sighted keyboard user sees the focus ring), never to act.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import DRAWN_CHART, Page, expect, expect_no_crash, wait_for_app
from tests.run_watch import WATCH_RUNS, runs_of

pytestmark = pytest.mark.e2e

FRAMEWORK = load_framework(FRAMEWORK_FILE)
# Cycled over all statements. Each costs one or two key presses from the first option
# (Space; one or two arrows, wrapping left to Not applicable), and each press is a rerun.
ANSWERS = ("Rarely", "Always", "Never", "Sometimes", "Not applicable")
EXAMPLE = "Weekly call with the client, typed with the keyboard only"
TAB_LIMIT = 60  # more presses than this to reach a control counts as unreachable
ICON_NAME = re.compile(r"[a-z_]+")  # a Material icon's ligature text, e.g. "expand_more"

FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
        return {tag: 'BODY', type: '', text: '', testid: '', group: '', checked: false,
                options: []};
    }
    const group = el.closest('[role="radiogroup"]');
    const owner = el.closest('[data-testid]');
    const label = el.tagName === 'INPUT' && el.type === 'radio' ? el.closest('label') : null;
    const text = label ? label.innerText
        : el.getAttribute('aria-label') || el.innerText || el.value || '';
    const options = group ? [...group.querySelectorAll('input[type="radio"]')]
        .map((radio) => (radio.closest('label')?.innerText || '').trim()) : [];
    return {
        tag: el.tagName, type: el.type || '', text: text.trim(),
        testid: owner ? owner.dataset.testid : '',
        group: group ? group.getAttribute('aria-label') || '' : '',
        checked: !!el.checked, options,
    };
}"""


@dataclass(frozen=True)
class Focus:
    tag: str
    type: str
    text: str  # a radio's option label; otherwise aria-label or visible text
    testid: str  # data-testid of the nearest Streamlit element around the focus
    group: str  # aria-label of the radio group around the focus, if any
    checked: bool
    options: list[str]

    @property
    def label(self) -> str:
        """The visible words without Material icon names ("arrow_forward\\nNext" -> "Next")."""
        words = [line.strip() for line in self.text.splitlines() if line.strip()]
        return next((w for w in reversed(words) if not ICON_NAME.fullmatch(w)), "")

    def __str__(self) -> str:
        where = f" in {self.group[:40]!r}" if self.group else ""
        return f"{self.tag.lower()}[{self.testid}] {self.label[:40]!r}{where}"


# What the page holds when a control could not be reached, for the failure message: drawn
# radios, how many are disabled, stale, or under an inert or aria-hidden container.
RADIOS_NOW = """() => {
    const inputs = [...document.querySelectorAll('[data-testid="stRadio"] input')];
    return {
        radios: inputs.length,
        disabled: inputs.filter((el) => el.disabled).length,
        stale: inputs.filter((el) => el.closest('[data-stale="true"]')).length,
        hidden: inputs.filter((el) => el.closest('[inert], [aria-hidden="true"]')).length,
        scriptState: document.querySelector('[data-test-script-state]')
            ?.getAttribute('data-test-script-state'),
    };
}"""


def focus(page: Page) -> Focus:
    return Focus(**page.evaluate(FOCUS))


def tab_to(page: Page, wanted: Callable[[Focus], bool], what: str) -> Focus:
    """Press Tab until the focused element is `wanted`; fail with the path focus took."""
    key = "Tab"
    path = []
    for _ in range(TAB_LIMIT):
        page.keyboard.press(key)
        now = focus(page)
        if wanted(now):
            return now
        path.append(str(now))
    pytest.fail(
        f"keyboard: {what} was not reached in {TAB_LIMIT} presses of {key}; the page's "
        f"radio inputs: {page.evaluate(RADIOS_NOW)}. Focus went:\n  " + "\n  ".join(path),
        pytrace=False,
    )


def press(page: Page, key: str) -> None:
    """A key press that reruns the script: wait for that run's own "script finished"
    message, then for the page to settle. The script-state attribute alone can read
    notRunning before the run has even started, and Tab pressed then may pass controls
    not yet drawn (suspected in a CI failure: no statement of practice 1 was reachable)."""
    runs_of(page, lambda: page.keyboard.press(key))
    wait_for_app(page)
    expect_no_crash(page)


def choose(page: Page, answer: str) -> None:
    """Select `answer` in the focused radio group with the fewest key presses."""
    now = focus(page)
    assert now.type == "radio", f"expected a focused radio button, not {now}"
    options = now.options
    current, target = options.index(now.label), options.index(answer)
    if current == target:
        if not now.checked:
            press(page, "Space")
    else:
        right = (target - current) % len(options)
        left = (current - target) % len(options)
        key, times = ("ArrowRight", right) if right <= left else ("ArrowLeft", left)
        for _ in range(times):
            press(page, key)  # arrows move the selection: every press is a rerun
    chosen = focus(page)
    assert chosen.label == answer and chosen.checked, (
        f"after choosing {answer!r} in {now.group!r} the focus is on {chosen}, "
        f"checked={chosen.checked}"
    )


def in_group(prefix: str) -> Callable[[Focus], bool]:
    return lambda f: f.type == "radio" and f.group.startswith(prefix)


def button(words: str) -> Callable[[Focus], bool]:
    return lambda f: f.tag == "BUTTON" and f.label.startswith(words)


def expect_progress(page: Page, answered: int) -> None:
    text = f"{answered} of {FRAMEWORK.indicator_count} statements answered"
    expect(page.get_by_text(text, exact=True)).to_be_visible()


def set_choices_by_keyboard(page: Page) -> None:
    """Target, importance and example: a slider, a radio group and a text area."""
    tab_to(page, lambda f: f.type == "range", "the target slider")
    press(page, "ArrowRight")  # Often -> Always
    slider = page.get_by_role("slider", name=re.compile("Target"))
    expect(slider).to_have_attribute("aria-valuetext", "Always")
    tab_to(page, in_group("Importance to you"), "the importance radio group")
    choose(page, "High")
    tab_to(page, lambda f: f.tag == "TEXTAREA", "the example text area")
    page.keyboard.type(EXAMPLE)
    press(page, "Tab")  # Streamlit commits a text area when it loses focus
    example = page.get_by_role("textbox", name="A recent example (optional)")
    expect(example).to_have_value(EXAMPLE)


def rate_practice_by_keyboard(page: Page, number: int, answered: int) -> int:
    """Rate every statement of the practice on screen; return the running total answered."""
    practice = FRAMEWORK.practices[number]
    expect(page.get_by_role("heading", name=f"{number + 1}. {practice.name}")).to_be_visible()
    tab_to(page, in_group("1. "), f"the first statement of practice {number + 1}")
    for statement in range(len(practice.indicators)):
        if statement:
            page.keyboard.press("Tab")  # a radio group is one tab stop
            now = focus(page)
            assert in_group(f"{statement + 1}. ")(now), (
                f"Tab from statement {statement} should reach statement {statement + 1} of "
                f"practice {number + 1}; focus is on {now}"
            )
        choose(page, ANSWERS[answered % len(ANSWERS)])
        answered += 1
        expect_progress(page, answered)
    return answered


def test_assessment_and_report_with_the_keyboard_only(
    app_server: str, page: Page, tmp_path: Path
) -> None:
    page.add_init_script(WATCH_RUNS)
    page.goto(app_server)  # the only navigation that is not a key press
    wait_for_app(page)
    tab_to(page, button("Start the assessment"), "'Start the assessment'")
    press(page, "Enter")
    expect(page).to_have_url(re.compile(r"/assess$"))

    answered = 0
    last = len(FRAMEWORK.practices) - 1
    for number in range(len(FRAMEWORK.practices)):
        answered = rate_practice_by_keyboard(page, number, answered)
        if number == 1:
            set_choices_by_keyboard(page)
        words = "See my results" if number == last else "Next:"
        tab_to(page, button(words), f"the {words!r} button of practice {number + 1}")
        press(page, "Enter" if number % 2 == 0 else "Space")  # a button takes both
        if number < last:  # focus moves to the new practice's heading, not the page's top
            heading = f"{number + 2}. {FRAMEWORK.practices[number + 1].name}"
            expect(page.get_by_role("heading", name=heading)).to_be_focused()
    assert answered == FRAMEWORK.indicator_count

    expect(page).to_have_url(re.compile(r"/results$"))
    expect(page.get_by_role("heading", name="Your results")).to_be_visible()
    expect(page.locator(DRAWN_CHART)).to_have_count(3)

    tab_to(
        page,
        lambda f: f.testid == "stPageLink-NavLink" and f.label == "Report",
        "the sidebar's Report link",
    )
    press(page, "Enter")
    expect(page).to_have_url(re.compile(r"/report$"))
    expect(page.get_by_role("heading", name="Your Word report")).to_be_visible()

    tab_to(page, button("Download the Word report (.docx)"), "the Word download button")
    with page.expect_download(timeout=60_000) as info:
        page.keyboard.press("Enter")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.suffix == ".docx", saved.name

    document = docx.Document(str(saved))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    numbered = [f"{n}. {p.name}" for n, p in enumerate(FRAMEWORK.practices, start=1)]
    missing = [name for name in numbered if name not in headings]
    assert not missing, f"no heading for {missing} in {headings}"
    text = "\n".join(p.text for p in document.paragraphs)
    assert EXAMPLE in text, "the example typed on the keyboard is not in the report"
