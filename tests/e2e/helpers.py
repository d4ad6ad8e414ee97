"""Helpers shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def wait_for_app(page: Page) -> None:
    """Wait for the current script run to finish, the way Streamlit's own e2e suite does."""
    expect(page.get_by_test_id("stAppViewContainer")).to_be_visible()
    expect(
        page.locator('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    ).to_be_attached()
    expect(page.locator('[data-test-script-state="notRunning"]')).to_be_attached()
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    # The run's final deltas can land just after the state flips; let the page settle.
    page.wait_for_timeout(300)
