"""What the workshop and feedback use cases share: secrets kept only as their hashes, and
the framework a workshop or request was made with, pinned to its version."""

from __future__ import annotations

import hashlib

from rapport.core.errors import RapportError
from rapport.core.framework import Framework
from rapport.files.framework_file import FrameworkCatalog


def hash_secret(value: str) -> str:
    """A link's secret as stored: its SHA-256. The plain secret is never stored or
    compared, so response times cannot leak it character by character."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def pinned_framework(
    catalog: FrameworkCatalog,
    framework_id: str,
    version: str,
    what: str,
    error: type[RapportError],
    advice: str,
) -> Framework:
    """The framework a `what` ("workshop", "request") was made with. Answers scored against
    another version would be added up with different statements, so a mismatch is
    refused as `error`, with `advice` on what to do, never guessed."""
    framework = catalog.get(framework_id)
    if framework is None:
        summary = (
            f"This {what} uses the framework '{framework_id}', which this server does not have."
        )
    elif framework.version != version:
        summary = (
            f"This {what} was made with version {version} of '{framework.name}', and this "
            f"server now has version {framework.version}."
        )
    else:
        return framework
    raise error(summary, [advice])
