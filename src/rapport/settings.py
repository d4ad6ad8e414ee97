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


@dataclass(frozen=True)
class Settings:
    data_dir: Path = PROJECT_ROOT / "data"
    default_framework: str = DEFAULT_FRAMEWORK

    @classmethod
    def from_sources(
        cls, environ: Mapping[str, str], secrets: Mapping[str, Any] | None = None
    ) -> Settings:
        secrets = secrets or {}

        def pick(env_name: str, secret_name: str) -> str | None:
            value = environ.get(env_name) or secrets.get(secret_name)
            return str(value) if value else None

        data_dir = pick("RAPPORT_DATA_DIR", "data_dir")
        framework = pick("RAPPORT_FRAMEWORK", "framework")
        return cls(
            data_dir=Path(data_dir) if data_dir else cls.data_dir,
            default_framework=framework or DEFAULT_FRAMEWORK,
        )
