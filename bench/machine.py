"""The machine a run measured: CPU, cores, memory, load, and the versions that matter."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench.common import CHROMIUM, POSTGRES_URL, REPO

PACKAGES = (
    "streamlit",
    "altair",
    "pandas",
    "python-docx",
    "vl-convert-python",
    "pydantic",
    "SQLAlchemy",
    "psycopg",
    "playwright",
)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text("utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text("utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return None


def _command(*args: str) -> str | None:
    try:
        done = subprocess.run(  # noqa: S603 - fixed commands, no shell
            args, capture_output=True, text=True, timeout=10, check=False, cwd=REPO
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip().splitlines()[0] if done.stdout.strip() else None


def _postgres_version() -> str | None:
    import psycopg

    from rapport.storage.engine import database_url

    dsn = database_url(POSTGRES_URL).set(drivername="postgresql")
    try:
        with psycopg.connect(dsn.render_as_string(hide_password=False), connect_timeout=3) as conn:
            row = conn.execute("SHOW server_version").fetchone()
    except psycopg.Error:
        return None
    return str(row[0]) if row else None


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def machine_info() -> dict[str, Any]:
    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    dirty = _command("git", "status", "--porcelain")
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "cores": cores,
        "usable_cores": usable,
        "memory_gib": _memory_gib(),
        "load_average_at_start": list(os.getloadavg()),
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES},
        "sqlite": sqlite3.sqlite_version,
        "postgresql": _postgres_version(),
        "chromium": _command(CHROMIUM, "--version"),
        "git_commit": _command("git", "rev-parse", "--short", "HEAD"),
        "git_dirty": bool(dirty),
    }


def describe(info: dict[str, Any]) -> str:
    """One paragraph for the console and docs/benchmarks.md."""
    packages = info["packages"]
    return (
        f"{info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['memory_gib']} GiB RAM, load {info['load_average_at_start'][0]:.2f} at start; "
        f"{info['os']}; Python {info['python']}, Streamlit {packages['streamlit']}, "
        f"Altair {packages['altair']}, vl-convert {packages['vl-convert-python']}, "
        f"python-docx {packages['python-docx']}, SQLAlchemy {packages['SQLAlchemy']}, "
        f"SQLite {info['sqlite']}, PostgreSQL {info['postgresql'] or 'not reachable'}, "
        f"{info['chromium'] or 'no Chromium'}; commit {info['git_commit']}"
        f"{' with local changes' if info['git_dirty'] else ''}."
    )
