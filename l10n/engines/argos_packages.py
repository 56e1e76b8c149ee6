"""Installed Argos packages: what ``l10n models list`` shows and which package translates a pair.

Packages are found through argostranslate's own package code (imported only
through :mod:`.argos_runtime`), so ``ARGOS_PACKAGES_DIR`` and Argos' other
settings apply.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from l10n.engines.argos_runtime import ArgosInstalled, argos_package, require_argos
from l10n.errors import EngineError

if TYPE_CHECKING:
    from packaging.version import Version

INSTALL_HINT = "l10n models install FILE.argosmodel"


@dataclass(frozen=True)
class InstalledPackage:
    """An installed Argos translation package, as ``l10n models list`` shows it."""

    from_code: str
    to_code: str
    name: str
    version: str
    path: Path

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def provenance(self) -> str:
        """``translate-en_uk 1.9``: what a machine-filled entry credits."""
        return f"{self.name} {self.version}"


@dataclass(frozen=True)
class PackageListing:
    """Installed packages serving the requested pairs, and the pairs none serves."""

    installed: list[InstalledPackage]
    missing: list[tuple[str, str]]


def pair_label(pair: tuple[str, str]) -> str:
    return f"{pair[0]}→{pair[1]}"


def missing_package_error(pair: tuple[str, str]) -> EngineError:
    """The one-line error for a pair without a package, naming both ways to fix it."""
    return EngineError(
        f"no Argos package installed for {pair_label(pair)}: run "
        f"'{INSTALL_HINT}' or 'l10n models install --from-index {pair[0]}:{pair[1]}'"
    )


def _argos_packages() -> list[ArgosInstalled]:
    """Argos' installed translation packages (``argostranslate.package.Package``)."""
    require_argos()
    package = argos_package()

    try:
        packages = package.get_installed_packages()
    except (OSError, ValueError) as error:
        raise EngineError(f"cannot read the installed Argos packages: {error}") from error
    return [p for p in packages if p.type == "translate" and p.from_code and p.to_code]


def describe(pkg: ArgosInstalled) -> InstalledPackage:
    return InstalledPackage(
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        name=argos_package().argospm_package_name(pkg),
        version=pkg.package_version,
        path=Path(pkg.package_path),
    )


def list_packages(pairs: Iterable[tuple[str, str]] = ()) -> PackageListing:
    """Installed packages for ``pairs`` (all of them if none are given)."""
    wanted = list(dict.fromkeys(pairs))
    installed = [describe(p) for p in _argos_packages()]
    if wanted:
        installed = [p for p in installed if p.pair in set(wanted)]
    installed.sort(key=lambda p: (p.from_code, p.to_code, version_key(p.version)))
    have = {p.pair for p in installed}
    return PackageListing(installed, [pair for pair in wanted if pair not in have])


def version_key(version: str) -> tuple[int, Version | str]:
    """Sorts package versions: PEP 440 ones by value, above any other string."""
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def find_package(from_code: str, to_code: str) -> ArgosInstalled:
    """The newest installed package for the pair (Argos takes the first found)."""
    candidates = [p for p in _argos_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        raise missing_package_error((from_code, to_code))
    return max(candidates, key=lambda p: version_key(p.package_version))
