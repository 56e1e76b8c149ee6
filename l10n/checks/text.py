"""One analysis of a msgid or msgstr that every check reads.

Checks look at words, numbers and punctuation, not at markup: placeholders
(``<1>…</1>``), HTML tags and entities, URLs, e-mail addresses and printf or
brace format specifiers are code, and a number inside ``%(count)d`` or a URL
is not a number of the text. :func:`analyze` takes those out once per
string (cached: a msgid is analyzed once for both languages) and keeps what
the markup checks need.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..alphabet import CYRILLIC_RE
from ..inline import PLACEHOLDER_RE

URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'«»“”„]*[^\s<>\"'«»“”„.,;:!?)\]]")
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HTML = r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"
_PRINTF = r"%(?:\([^)]*\))?[-#0 +']*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlLqjzt]*[diouxXeEfFgGcrsa%]"
_BRACE = r"\{\{|\}\}|\{[^{}\s]*\}"
_CODE = {
    None: re.compile("|".join((PLACEHOLDER_RE.pattern, URL_RE.pattern, _EMAIL, _HTML))),
    "printf": re.compile("|".join((PLACEHOLDER_RE.pattern, URL_RE.pattern, _EMAIL, _HTML, _PRINTF))),
    "brace": re.compile("|".join((PLACEHOLDER_RE.pattern, URL_RE.pattern, _EMAIL, _HTML, _BRACE))),
}
FORMAT_RE = {"printf": re.compile(_PRINTF), "brace": re.compile(_BRACE)}
_MAYBE_CODE = re.compile(r"[<&%{@]|//|www\.")


@dataclass(frozen=True)
class Text:
    """A msgid or msgstr with its code parts separated from its prose.

    ``plain`` is the text with every code part replaced by one space, so word
    and number boundaries stay where they were.
    """

    raw: str
    plain: str
    urls: tuple[str, ...]
    formats: tuple[str, ...]
    format_kind: str | None

    @property
    def tags(self) -> list[str]:
        return [m.group(0) for m in PLACEHOLDER_RE.finditer(self.raw)]

    @functools.cached_property
    def cyrillic(self) -> bool:
        return CYRILLIC_RE.search(self.plain) is not None


@functools.lru_cache(maxsize=1 << 16)
def analyze(raw: str, format_kind: str | None = None) -> Text:
    """Split ``raw`` into prose and code; ``format_kind`` is ``printf``, ``brace`` or None."""
    if _MAYBE_CODE.search(raw) is None:
        return Text(raw, raw, (), (), format_kind)
    plain = _CODE[format_kind].sub(" ", raw)
    urls = tuple(m.group(0) for m in URL_RE.finditer(raw)) if ("//" in raw or "www." in raw) else ()
    formats = tuple(FORMAT_RE[format_kind].findall(raw)) if format_kind else ()
    return Text(raw, plain, urls, formats, format_kind)
