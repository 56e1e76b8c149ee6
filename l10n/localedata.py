"""Locale data (CLDR through Babel): the only module that imports Babel.

Config validates language codes here, headers take English language names,
plural rules fall back to CLDR for languages gettext has no entry for, the
HTML byline writes dates, and the numbers check reads digit grouping and
decimal marks. Babel is imported inside each function, so commands that need
no locale data (``l10n --help``, ``l10n stats``) never load it.
"""

from __future__ import annotations

import datetime
import functools
import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

_CANONICAL_RE = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|[0-9]{3}))?")
"""A locale identifier as CLDR names its data files: language, script, territory."""


def is_known(lang: str) -> bool:
    """Whether CLDR knows the language code ``lang`` ("uk", "pt_BR").

    Every command validates the configured languages, so the common answer
    comes without importing Babel (a tenth of ``l10n stats``): a canonical
    identifier is known when Babel has its data file, which is the test
    Babel's own ``Locale.parse`` makes for it (``localedata.exists``).
    Anything else (aliases, other spellings, unknown codes) asks Babel.
    """
    folder = _babel_data_folder()
    if folder is not None and _CANONICAL_RE.fullmatch(lang) and (folder / f"{lang}.dat").is_file():
        return True
    return _babel_knows(lang)


@functools.cache
def _babel_data_folder() -> Path | None:
    """Babel's ``locale-data`` folder, found without importing Babel."""
    spec = importlib.util.find_spec("babel")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "locale-data"


def _babel_knows(lang: str) -> bool:
    """:func:`is_known` as Babel answers it (``Locale.parse``)."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def english_name(lang: str) -> str:
    """The language's English name ("Ukrainian"), for the Language-Team header."""
    from babel import Locale

    return Locale.parse(lang).english_name or lang


def plural_forms(lang: str) -> str:
    """CLDR's Plural-Forms expression for ``lang`` (when gettext has none)."""
    from babel import Locale
    from babel.messages.plurals import get_plural

    return get_plural(Locale.parse(lang)).plural_forms


def long_date(value: datetime.date, lang: str) -> str:
    """A date the way ``lang`` writes it in running text («1 грудня 2026 р.»)."""
    from babel.dates import format_date

    return format_date(value, format="long", locale=lang)


def number_symbols(locale: str) -> tuple[str, str] | None:
    """The group separator and decimal mark of ``locale``; None if unknown."""
    from babel.core import UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        return get_group_symbol(locale), get_decimal_symbol(locale)
    except (UnknownLocaleError, ValueError):
        return None


def parse_number(token: str, locale: str) -> Decimal | None:
    """The value of a number as ``locale`` writes it ("1 234,5"); None if not one."""
    from decimal import InvalidOperation

    from babel.core import UnknownLocaleError
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        return parse_decimal(token, locale)
    except (NumberFormatError, InvalidOperation, UnknownLocaleError, ValueError):
        return None


def format_number(value: Decimal, locale: str) -> str | None:
    """``value`` written the way ``locale`` writes numbers; None if unknown."""
    from babel.core import UnknownLocaleError
    from babel.numbers import format_decimal

    try:
        return format_decimal(value, locale=locale)
    except (UnknownLocaleError, ValueError):
        return None
