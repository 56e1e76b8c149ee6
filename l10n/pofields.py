"""What a PO file's fields mean to the reader and the writer alike.

The default domain, the format flags and their canonical order, the
charset names gettext accepts, and the writer's UTF-8 rule, which the
reader also applies to a catalog l10n will write back. Both
:mod:`l10n.pofile` and :mod:`l10n.powriter` import this module, so reading
a catalog (``l10n stats``) loads no part of the writer or its wrapping.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from l10n.errors import CatalogError
from l10n.pomodel import Catalog

FORMATS = ("c objc python python-brace java java-printf csharp javascript scheme lisp elisp "
           "librep ruby sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost "
           "tcl perl perl-brace php gcc-internal gfc-internal ycp").split()
DEFAULT_DOMAIN = "messages"


def codec_name(charset: str) -> str | None:
    """Python's codec for a gettext charset name; None when Python has none.

    The template placeholder ``CHARSET`` reads as UTF-8, as msgcat treats it
    (ASCII, plus the UTF-8 our own templates hold).
    """
    if charset.upper() == "CHARSET":
        return "utf-8"
    try:
        return codecs.lookup(charset).name.replace("us-ascii", "ascii")
    except LookupError:
        return None


def require_utf8(catalog: Catalog, text: str | None = None) -> None:
    """The writer writes UTF-8: a header declaring another charset is refused,
    and so is ASCII when ``text`` (what would be written) is not ASCII."""
    charset = _declared_charset(catalog)
    codec = codec_name(charset) if charset is not None else "utf-8"
    header = catalog.header
    line = header.lineno or 1 if header else 1
    if codec not in ("utf-8", "ascii"):
        raise CatalogError(f"charset {charset} is not UTF-8; convert the catalog first: "
                           f"msgconv --to-code=UTF-8 -o FILE FILE", path=catalog.path, line=line)
    if codec == "ascii" and text is not None and not text.isascii():
        raise CatalogError(f"charset {charset} but the text is not ASCII; declare charset=UTF-8",
                           path=catalog.path, line=line)


def _declared_charset(catalog: Catalog) -> str | None:
    header = catalog.header
    found = re.search(r"charset=([^\s]+)", header.msgstr) if header else None
    return found.group(1) if found else None


def normalize_flags(text: str) -> list[str]:
    """Read a ``#,`` line as gettext does; return the flags in its canonical order."""
    return list(_normal_flags(text)) if text else []


@cache
def _normal_flags(text: str) -> tuple[str, ...]:
    """normalize_flags, once per distinct line (catalogs repeat a few)."""
    tokens = iter(token for token in re.split(r"[\s,]+", text) if token)
    fuzzy, wrap, span, formats = False, "", "", {}
    for token in tokens:
        match = re.fullmatch(r"(no-|possible-|impossible-)?(.+)-format", token)
        if token == "range:":  # the next token is its value, consumed even if invalid
            bounds = re.match(r"(\d+)\.\.(\d+)", next(tokens, ""))
            if bounds and int(bounds[1]) <= int(bounds[2]):
                span = f"range: {int(bounds[1])}..{int(bounds[2])}"
        elif match and match[2] in FORMATS:
            formats[match[2]] = {"no-": "no-", "impossible-": None}.get(match[1], "")
        fuzzy = fuzzy or token == "fuzzy"
        wrap = token if token in ("wrap", "no-wrap") else wrap
    flags = ["fuzzy"] * fuzzy + [f"{formats[lang]}{lang}-format" for lang in FORMATS
                                  if formats.get(lang) is not None]
    return (*flags, *[span] * bool(span), *["no-wrap"] * (wrap == "no-wrap"))
