"""What the workshop and feedback use cases share: secrets kept only as their hashes, and
the framework a workshop or request was made with, pinned to its version."""

from __future__ import annotations

import hashlib
from typing import Literal

from rapport.core.errors import RapportError
from rapport.core.framework import Framework
from rapport.core.i18n import _
from rapport.files.framework_file import FrameworkCatalog


def hash_secret(value: str) -> str:
    """A link's secret as stored: its SHA-256. The plain secret is never stored or
    compared, so response times cannot leak it character by character."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _missing(what: Literal["workshop", "request"], framework_id: str) -> str:
    if what == "workshop":
        # Translators: {framework_id} is the framework's id, such as
        # client-relationships.
        message = _(
            "This workshop uses the framework '{framework_id}', which this server does not have."
        )
    else:
        # Translators: {framework_id} is the framework's id, such as
        # client-relationships.
        message = _(
            "This feedback request uses the framework '{framework_id}', which this server "
            "does not have."
        )
    return message.format(framework_id=framework_id)


def _changed(what: Literal["workshop", "request"], version: str, framework: Framework) -> str:
    if what == "workshop":
        # Translators: {version} and {current} are version numbers ("1.0"); {name}
        # is the framework's name.
        message = _(
            "This workshop was made with version {version} of '{name}', and this server now "
            "has version {current}."
        )
    else:
        # Translators: {version} and {current} are version numbers ("1.0"); {name}
        # is the framework's name.
        message = _(
            "This feedback request was made with version {version} of '{name}', and this "
            "server now has version {current}."
        )
    return message.format(version=version, name=framework.name, current=framework.version)


def pinned_framework(
    catalog: FrameworkCatalog,
    framework_id: str,
    version: str,
    what: Literal["workshop", "request"],
    error: type[RapportError],
    advice: str,
) -> Framework:
    """The framework a `what` (a workshop or a feedback request) was made with. Answers
    scored against another version would be added up with different statements, so a
    mismatch is refused as `error`, with `advice` on what to do, never guessed."""
    framework = catalog.get(framework_id)
    if framework is None:
        summary = _missing(what, framework_id)
    elif framework.version != version:
        summary = _changed(what, version, framework)
    else:
        return framework
    raise error(summary, [advice])
