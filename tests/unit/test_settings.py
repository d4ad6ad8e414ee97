"""Settings come from the environment, then secrets, then defaults."""

from pathlib import Path

import pytest

from rapport.settings import DEFAULT_DATABASE, Settings, SettingsError
from rapport.usecases.workshops import app_address


def test_defaults_need_no_configuration() -> None:
    settings = Settings.from_sources({})
    assert settings.database_url == DEFAULT_DATABASE
    assert settings.database_url.startswith("sqlite:///")
    assert settings.public_url is None  # links follow the browser's address
    assert settings.workshop_days == 30
    assert (settings.data_dir / "client-relationships.yaml").is_file()


def test_environment_beats_secrets() -> None:
    settings = Settings.from_sources(
        {"RAPPORT_PUBLIC_URL": "https://rapport.example.org/", "RAPPORT_DATA_DIR": "/srv/fw"},
        {"public_url": "https://ignored.example", "database_url": "postgresql://db/rapport"},
    )
    assert settings.public_url == "https://rapport.example.org"
    assert settings.database_url == "postgresql://db/rapport"
    assert settings.data_dir == Path("/srv/fw")


@pytest.mark.parametrize("days", ["0", "-3", "soon"])
def test_bad_retention_is_refused_with_a_message(days: str) -> None:
    with pytest.raises(SettingsError, match="RAPPORT_WORKSHOP_DAYS"):
        Settings.from_sources({"RAPPORT_WORKSHOP_DAYS": days})


@pytest.mark.parametrize(
    ("configured", "browser", "base", "expected"),
    [
        # A configured public URL always wins.
        ("https://rapport.example.org/", "http://127.0.0.1:8611/workshop", "", "https://rapport.example.org"),
        # Without one, the browser's origin: `PORT=8611 make run` gives links on 8611.
        (None, "http://localhost:8611/workshop", "", "http://localhost:8611"),
        (None, "http://10.0.0.5:8501/", "", "http://10.0.0.5:8501"),
        # Under a base path (server.baseUrlPath), the page's own path is dropped.
        (None, "https://host.example/rapport/dashboard", "/rapport/", "https://host.example/rapport"),
        # Nothing usable: the local default.
        (None, None, "", "http://localhost:8501"),
        (None, "javascript:alert(1)", "", "http://localhost:8501"),
        (None, "not a url", "", "http://localhost:8501"),
    ],
)  # fmt: skip
def test_links_follow_the_address_in_use(
    configured: str | None, browser: str | None, base: str, expected: str
) -> None:
    assert app_address(configured, browser, base) == expected
