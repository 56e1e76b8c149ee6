"""What a check is, what it looks at, and the registry that lists them all.

A check is a plain function registered with an id (kebab-case, stable: users
write it in ``--select``, ``--ignore`` and ``l10n-ignore`` comments), a
severity and a scope. Its title is the first line of its docstring, so the
text users see in ``l10n check --list`` cannot drift from the code.

Scopes, from small to large:

``unit``     one (source, target) pair of a message: the msgid and its msgstr,
             or each plural form against msgid/msgid_plural;
``catalog``  a whole catalog (completeness);
``cross``    the same message in the uk and ru catalogs of one document;
``file``     reported by the runner itself (a catalog that cannot be parsed).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal, TypeVar, cast, overload

from ..glossary import TermFinder, finder
from ..model import Catalog, Message, Term
from ..paths import split_catalog_path
from ..plural_expr import PluralForms
from .text import Text, analyze

SEVERITIES = ("error", "warning")
ALL_STATES = frozenset({"translated", "fuzzy", "untranslated"})
_IGNORE_RE = re.compile(r"^\s*l10n-ignore\b\s*:?\s*(.*)$")


@dataclass(frozen=True, eq=False)
class Glossary:
    """The glossary terms in the shape checks need, built once per run."""

    terms: tuple[Term, ...] = ()

    def find(self, text: str) -> tuple[Term, ...]:
        """Terms occurring in English ``text``: :class:`l10n.glossary.TermFinder`,
        with its cache, shared by every check of the run."""
        return self._finder.find(text)

    @functools.cached_property
    def _finder(self) -> TermFinder:
        return finder(self.terms)

    @functools.cached_property
    def latin_words(self) -> frozenset[str]:
        """Words of terms that stay in Latin script (Telegram, Leopard, AP)."""
        return frozenset(
            word for term in self.terms if term.keep_latin for word in re.findall(r"[A-Za-z]+", term.source)
        )


@dataclass
class Context:
    """What every check of one catalog may consult: its language, the glossary
    and its header's plural rule (None when absent or invalid)."""

    lang: str | None
    glossary: Glossary
    minimum: float = 100.0
    nplurals: int | None = None
    plural_rule: PluralForms | None = None


@dataclass
class Unit:
    """One source/target pair to check, with the message it belongs to.

    ``form`` is the plural form index (0 for ordinary messages); checks about
    the message as a whole look at form 0 only, so they report once.
    """

    message: Message
    source: Text
    target: Text
    form: int = 0


@dataclass
class LoadedCatalog:
    """A parsed catalog, where it came from and which language it holds."""

    path: str
    catalog: Catalog
    lang: str | None


@dataclass
class Side:
    """One language's unit of a message compared across languages."""

    unit: Unit
    ctx: Context
    path: str


def path_language(path: str) -> str | None:
    """The language of a catalog from its folder (``…/uk/LC_MESSAGES/x.po``, see :mod:`l10n.paths`)."""
    parts = split_catalog_path(path)
    return primary(parts[0]) if parts else None


def primary(code: str) -> str:
    """``uk_UA``, ``uk-UA`` and ``uk@latin`` → ``uk``: checks are per language."""
    return re.split(r"[_@-]", code, maxsplit=1)[0]


Located = tuple[int, str]
"""A catalog or file check's finding: (line, message)."""
UnitCheck = Callable[[Unit, Context], Iterator[str]]
CatalogCheck = Callable[[LoadedCatalog, Context], Iterator[Located]]
CrossCheck = Callable[[Side, Side], Iterator[str]]
FileCheck = Callable[[str, int, str], Iterator[Located]]
"""``(path, line, error)`` of a catalog that cannot be read."""
CheckFunc = UnitCheck | CatalogCheck | CrossCheck | FileCheck
_F = TypeVar("_F", bound=CheckFunc)


@dataclass(frozen=True)
class Check:
    """A registered check; ``family`` is the module it lives in."""

    id: str
    severity: str
    scope: str
    family: str
    run: CheckFunc = field(repr=False, compare=False)
    states: frozenset[str] = frozenset({"translated"})

    @property
    def title(self) -> str:
        doc = (self.run.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else ""

    # One runner per scope: :func:`register`'s overloads tie each scope to
    # its function type, so the casts below only restate what mypy checked.
    def run_unit(self, unit: Unit, ctx: Context) -> Iterator[str]:
        return cast(UnitCheck, self.run)(unit, ctx)

    def run_catalog(self, loaded: LoadedCatalog, ctx: Context) -> Iterator[Located]:
        return cast(CatalogCheck, self.run)(loaded, ctx)

    def run_cross(self, first: Side, second: Side) -> Iterator[str]:
        return cast(CrossCheck, self.run)(first, second)

    def run_file(self, path: str, line: int, error: str) -> Iterator[Located]:
        return cast(FileCheck, self.run)(path, line, error)


REGISTRY: dict[str, Check] = {}


@overload
def register(check_id: str, severity: str, scope: Literal["unit"], states: frozenset[str] | None = None) -> Callable[[UnitCheck], UnitCheck]: ...
@overload
def register(check_id: str, severity: str, scope: Literal["catalog"], states: frozenset[str] | None = None) -> Callable[[CatalogCheck], CatalogCheck]: ...
@overload
def register(check_id: str, severity: str, scope: Literal["cross"], states: frozenset[str] | None = None) -> Callable[[CrossCheck], CrossCheck]: ...
@overload
def register(check_id: str, severity: str, scope: Literal["file"], states: frozenset[str] | None = None) -> Callable[[FileCheck], FileCheck]: ...
def register(check_id: str, severity: str, scope: str, states: frozenset[str] | None = None) -> Callable[[_F], _F]:
    """Decorator adding a function to :data:`REGISTRY` under ``check_id``."""
    if severity not in SEVERITIES or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", check_id):
        raise ValueError(f"bad check registration {check_id!r} ({severity})")

    def decorate(func: _F) -> _F:
        if check_id in REGISTRY:
            raise ValueError(f"check {check_id!r} registered twice")
        family = func.__module__.rsplit(".", 1)[-1]
        REGISTRY[check_id] = Check(check_id, severity, scope, family, func, states or frozenset({"translated"}))
        return func

    return decorate


def ignored_names(message: Message) -> frozenset[str]:
    """Check ids or families a translator switched off with ``# l10n-ignore: …``.

    Only translator comments are read: GNU msgcat and msgmerge drop flags they
    do not know (``#, l10n-ignore-numbers`` vanishes on the next msgcat pass),
    while translator comments survive msgcat, msgmerge and Poedit. A bare
    ``# l10n-ignore`` switches off every check for the entry.
    """
    names: set[str] = set()
    for comment in message.translator_comments:
        match = _IGNORE_RE.match(comment)
        if match:
            listed = [name for name in re.split(r"[\s,]+", match.group(1)) if name]
            names.update(listed or ["*"])
    return frozenset(names)


def matches(check: Check, names: frozenset[str] | set[str]) -> bool:
    """Whether ``names`` (ids, families or ``*``) cover ``check``."""
    return "*" in names or check.id in names or check.family in names


def units(message: Message) -> Iterator[Unit]:
    """The source/target pairs of a message, analyzed once for every check.

    Plural form 0 is checked against the msgid, the other forms against
    msgid_plural (what the forms stand for in English).
    """
    formats = format_kind(message.flags)
    if message.msgid_plural is None:
        yield Unit(message, analyze(message.msgid, formats), analyze(message.msgstr, formats))
        return
    for form, target in sorted(message.msgstr_plural.items()):
        source = message.msgid if form == 0 else message.msgid_plural
        yield Unit(message, analyze(source, formats), analyze(target, formats), form)


def format_kind(flags: list[str]) -> str | None:
    """Which printf-like syntax the entry's format flag declares, if any."""
    for flag in flags:
        if flag in ("python-format", "c-format", "php-format", "perl-format", "sh-format"):
            return "printf"
        if flag in ("python-brace-format", "csharp-format", "java-format"):
            return "brace"
    return None
