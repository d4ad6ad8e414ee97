"""Settings come from the environment, then secrets, then defaults."""

from pathlib import Path

import pytest

from rapport.settings import DEFAULT_DATABASE, Settings, SettingsError


def test_defaults_need_no_configuration() -> None:
    settings = Settings.from_sources({})
    assert settings.database_url == DEFAULT_DATABASE
    assert settings.database_url.startswith("sqlite:///")
    assert settings.public_url == "http://localhost:8501"
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
