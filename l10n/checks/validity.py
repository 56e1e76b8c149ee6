"""A catalog that gettext tools cannot read, or read wrongly.

A malformed catalog is reported as a finding with its file and line, so the
other catalogs are still checked and CI shows every problem in one run. The
structural checks here are the ones ``msgfmt -c`` makes and our parser
would accept: a plural entry with the wrong number of forms, a header that
does not say which language and plural rule the catalog uses, a plural
rule gettext refuses (parsed by :mod:`l10n.plural_expr`, never evaluated
as Python).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import PluralFormsError
from ..model import Catalog
from ..plural_expr import PluralForms, plural_forms
from .base import (
    ALL_STATES,
    Context,
    LoadedCatalog,
    Unit,
    path_language,
    primary,
    register,
)

_NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")


def nplurals(plural_forms: str | None) -> int | None:
    """``nplurals`` of a Plural-Forms header value, or None when absent."""
    match = _NPLURALS_RE.search(plural_forms or "")
    return int(match.group(1)) if match else None


def plural_rule(catalog: Catalog) -> PluralForms | None:
    """The header's plural rule, or None when it has none or an invalid one
    (the ``plural-expression`` check reports that)."""
    header = catalog.header
    try:
        return plural_forms(header.msgstr) if header is not None else None
    except PluralFormsError:
        return None


@register("po-syntax", "error", "file")
def check_syntax(path: str, line: int, message: str) -> Iterator[tuple[int, str]]:
    """The catalog cannot be parsed (reported with the file and line of the problem)."""
    yield line, message


@register("plural-forms", "error", "unit", states=ALL_STATES)
def check_plural_forms(unit: Unit, ctx: Context) -> Iterator[str]:
    """A plural entry has a different number of forms than the header's nplurals."""
    message = unit.message
    if unit.form or message.msgid_plural is None or ctx.nplurals is None:
        return
    count = len(message.msgstr_plural)
    if count != ctx.nplurals:
        yield f"{count} plural form(s), the header's Plural-Forms says nplurals={ctx.nplurals}"


@register("po-header", "warning", "catalog")
def check_header(loaded: LoadedCatalog, ctx: Context) -> Iterator[tuple[int, str]]:
    """The header does not declare the language and plural rule the catalog is in."""
    fields = loaded.catalog.header_fields()
    declared = fields.get("Language", "")
    line = loaded.catalog.header.lineno if loaded.catalog.header else 1
    if not declared:
        yield line or 1, "no Language header"
    elif (folder := path_language(loaded.path)) and primary(declared) != folder:
        yield line or 1, f"Language header says {declared!r} but the catalog is in the {folder} folder"
    if "Plural-Forms" not in fields and any(m.msgid_plural is not None for m in loaded.catalog.entries()):
        yield line or 1, "plural entries but no Plural-Forms header"


@register("plural-expression", "error", "catalog")
def check_plural_expression(loaded: LoadedCatalog, ctx: Context) -> Iterator[tuple[int, str]]:
    """The header's Plural-Forms rule is one msgfmt -c refuses: bad syntax, or a value not below nplurals for some n in 0..1000."""
    header = loaded.catalog.header
    if header is None:
        return
    try:
        plural_forms(header.msgstr)
    except PluralFormsError as error:
        yield header.lineno or 1, error.message
