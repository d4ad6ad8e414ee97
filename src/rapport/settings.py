"""Typed settings, read once from the environment and (when hosted) Streamlit secrets.

Nothing else in Rapport reads os.environ or st.secrets; tests build Settings directly.
Precedence: environment variable, then secret, then the embedded default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FRAMEWORK = "client-relationships"
DEFAULT_DATABASE = f"sqlite:///{PROJECT_ROOT / 'var' / 'rapport.db'}"
DEFAULT_PUBLIC_URL = "http://localhost:8501"
DEFAULT_WORKSHOP_DAYS = 30

# (field, environment variable, secret name): the one table of every setting.
SOURCES = (
    ("data_dir", "RAPPORT_DATA_DIR", "data_dir"),
    ("default_framework", "RAPPORT_FRAMEWORK", "framework"),
    ("database_url", "RAPPORT_DATABASE_URL", "database_url"),
    ("public_url", "RAPPORT_PUBLIC_URL", "public_url"),
    ("workshop_days", "RAPPORT_WORKSHOP_DAYS", "workshop_days"),
    *(
        (name, f"RAPPORT_{name.upper()}", name)
        for name in (
            "max_live_workshops",
            "max_responses",
            "workshops_per_hour",
            "server_workshops_per_hour",
            "joins_per_minute",
            "server_joins_per_minute",
            "max_dashboards",
            "max_raters",
            "requests_per_hour",
            "server_requests_per_hour",
        )
    ),
)

# Limits against a hostile or runaway visitor (SECURITY.md): name -> (default, least).
LIMITS = {
    "max_live_workshops": (500, 1),  # workshops open at once on this server
    "max_responses": (1000, 3),  # responses one workshop accepts
    "workshops_per_hour": (10, 1),  # workshops one browser session may create an hour
    "server_workshops_per_hour": (200, 1),  # ... all sessions together
    "joins_per_minute": (10, 1),  # join codes one session may try a minute
    "server_joins_per_minute": (600, 1),  # ... all sessions together
    "max_dashboards": (10, 1),  # screens that refresh one workshop's dashboard at once
    "max_raters": (50, 3),  # raters one feedback request accepts
    "requests_per_hour": (5, 1),  # feedback requests one browser session may make an hour
    "server_requests_per_hour": (200, 1),  # ... all sessions together
}


class SettingsError(ValueError):
    """A setting has a value Rapport cannot use."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path = PROJECT_ROOT / "data"
    default_framework: str = DEFAULT_FRAMEWORK
    database_url: str = DEFAULT_DATABASE  # SQLite file by default; a postgresql:// URL to share
    # Where participants reach the app (join links, QR codes). None: not configured, so
    # the links follow the address the facilitator's browser is using.
    public_url: str | None = None
    workshop_days: int = DEFAULT_WORKSHOP_DAYS  # workshops close and are purged after this
    max_live_workshops: int = LIMITS["max_live_workshops"][0]
    max_responses: int = LIMITS["max_responses"][0]
    workshops_per_hour: int = LIMITS["workshops_per_hour"][0]
    server_workshops_per_hour: int = LIMITS["server_workshops_per_hour"][0]
    joins_per_minute: int = LIMITS["joins_per_minute"][0]
    server_joins_per_minute: int = LIMITS["server_joins_per_minute"][0]
    max_dashboards: int = LIMITS["max_dashboards"][0]
    max_raters: int = LIMITS["max_raters"][0]
    requests_per_hour: int = LIMITS["requests_per_hour"][0]
    server_requests_per_hour: int = LIMITS["server_requests_per_hour"][0]

    @classmethod
    def from_sources(
        cls, environ: Mapping[str, str], secrets: Mapping[str, Any] | None = None
    ) -> Settings:
        secrets = secrets or {}
        values: dict[str, str] = {}
        for name, env_name, secret_name in SOURCES:
            value = environ.get(env_name) or secrets.get(secret_name)
            if value not in (None, ""):
                values[name] = str(value)
        try:
            days = int(values.get("workshop_days", DEFAULT_WORKSHOP_DAYS))
        except ValueError as exc:
            raise SettingsError("RAPPORT_WORKSHOP_DAYS must be a whole number of days.") from exc
        if days < 1:
            raise SettingsError("RAPPORT_WORKSHOP_DAYS must be at least 1.")
        limits = {name: _whole(values, name, *bounds) for name, bounds in LIMITS.items()}
        return cls(
            **limits,
            data_dir=Path(values["data_dir"]) if "data_dir" in values else cls.data_dir,
            default_framework=values.get("default_framework", DEFAULT_FRAMEWORK),
            database_url=values.get("database_url", DEFAULT_DATABASE),
            public_url=values["public_url"].rstrip("/") if "public_url" in values else None,
            workshop_days=days,
        )


def _whole(values: Mapping[str, str], name: str, default: int, least: int) -> int:
    raw = values.get(name)
    if raw is None:
        return default
    try:
        number = int(raw)
    except ValueError as exc:
        raise SettingsError(f"RAPPORT_{name.upper()} must be a whole number.") from exc
    if number < least:
        raise SettingsError(f"RAPPORT_{name.upper()} must be at least {least}.")
    return number
