"""The ``Plural-Forms`` header a new catalog gets: GNU msginit's, else Babel's.

The shipped catalogs and every gettext tool a team runs carry msginit's text,
so a new catalog gets exactly that text, whatever Babel's version (Babel
2.19.0 rewrote the uk/ru expression; 2.14–2.18 wrote gettext's). Babel's CLDR
rules stay the fallback for languages GNU gettext has no entry for.
"""

from __future__ import annotations

import re

from .localedata import plural_forms as cldr_plural_forms

# The data of GNU gettext's gettext-tools/src/plural-table.c (the table msginit
# consults before anything else), at commit b82d012a1ab8595d75d58e8b0898c7f09f41105d
# of the gettext repository (May 2026). Only the codes and formulas are taken.
_ONE = "nplurals=1; plural=0;"
_NOT_ONE = "nplurals=2; plural=(n != 1);"
_EAST_SLAVIC = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                "(n%100<10 || n%100>=20) ? 1 : 2);")
GETTEXT_PLURAL_FORMS: dict[str, str] = {
    "ja": _ONE, "vi": _ONE, "ko": _ONE,
    **dict.fromkeys(("en", "de", "nl", "sv", "da", "no", "nb", "nn", "fo", "es", "pt", "it", "bg",
                     "el", "fi", "et", "he", "eo", "hu", "tr", "ca"), _NOT_ONE),
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
    **dict.fromkeys(("ru", "uk", "be", "sr", "hr"), _EAST_SLAVIC),
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
}
"""Language code → msginit's Plural-Forms value (``pt_BR`` before ``pt``)."""


def plural_forms(lang: str) -> str:
    """``Plural-Forms`` for a new catalog of ``lang``, looked up as msginit does.

    msginit tries the whole catalog name (``pt_BR``), then the language alone
    (``pt``); only then do Babel's CLDR rules answer.
    """
    catalog_name = lang.replace("-", "_")
    language = re.split(r"[_@.]", catalog_name, maxsplit=1)[0]
    for code in (catalog_name, language):
        if code in GETTEXT_PLURAL_FORMS:
            return GETTEXT_PLURAL_FORMS[code]
    return cldr_plural_forms(lang)
