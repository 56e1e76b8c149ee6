"""The ``l10n`` command group with every command registered on it.

Exit codes: 0 ok, 1 findings (check failed, ``build SLUG`` or ``--strict`` refused, ``--check``
found stale files), 2 usage, 3 tool error (bad input). Every L10nError
becomes one line on stderr; no traceback reaches the user.
"""

from . import _memory, _sources, _steps  # noqa: F401  (each module registers its commands on main)
from ._common import EXIT_ERROR, EXIT_FINDINGS, main, one_line

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "main", "one_line"]
