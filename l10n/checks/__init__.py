"""Quality checks over PO catalogs: the CI gate before an edition is published.

One module per family of checks; each registers its checks in
:data:`~l10n.checks.base.REGISTRY` on import, so importing this package
makes every check available. Library entry points:

* :func:`check_catalogs` — read PO files and run the selected checks;
* :func:`check_loaded` — the same over catalogs already in memory;
* :func:`check_message` — the per-entry checks of one message;
* :func:`select_checks` — resolve ``--select``/``--ignore`` names;
* :mod:`l10n.checks.report` — text, JSON, JUnit XML and GitHub formats.
"""

from __future__ import annotations

from ..errors import UnknownCheck

# Imported for registration, in the order `l10n check --list` shows the checks.
from . import (  # noqa: F401, I001
    completeness,
    consistency,
    glossary,
    markup,
    numbers,
    orthography,
    review,
    validity,
)
from .base import REGISTRY, Check, ignored_names
from .runner import (
    CatalogSummary,
    CheckOptions,
    CheckResult,
    check_catalogs,
    check_loaded,
    check_message,
    select_checks,
)

__all__ = [
    "REGISTRY",
    "CatalogSummary",
    "Check",
    "CheckOptions",
    "CheckResult",
    "UnknownCheck",
    "check_catalogs",
    "check_loaded",
    "check_message",
    "ignored_names",
    "select_checks",
]
