"""The ``l10n`` command line: parse options, call the library, print, exit.

Exit codes: 0 ok, 1 findings (check failed, ``build SLUG`` or ``--strict`` refused, ``--check``
found stale files), 2 usage, 3 tool error (bad input). Every L10nError
becomes one line on stderr; no traceback reaches the user.

The package loads click and its commands only when they are asked for
(``from l10n.cli import main``, or ``run`` with anything but ``--version``):
a hook that starts one process per file pays for every import.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .. import __version__

if TYPE_CHECKING:
    from ._common import EXIT_ERROR, EXIT_FINDINGS, main, one_line

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "main", "one_line", "run"]

VERSION_LINE = f"l10n, version {__version__}\n"
"""What click's version option prints for ``l10n --version`` (a test holds the two equal)."""


def run() -> None:
    """The console script: ``l10n --version`` is answered before click is imported, the rest goes to click."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(VERSION_LINE)
        return
    from ._common import main

    main()


def __getattr__(name: str) -> object:
    """``main`` and its companions, imported on first use (PEP 562)."""
    if name in __all__:
        from . import _common

        return getattr(_common, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
