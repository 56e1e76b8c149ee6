"""The translator's text between placeholders: made literal Markdown, and its markup found.

The text between placeholders is the translator's. Markup in it is never the
source's (the source's is behind the placeholders), so the edition shows it as
text: each character that Markdown or HTML would read as syntax gets a
backslash (a pipe becomes ``&#124;``). A backslash escape is literal already
and stays; an entity stays only when the msgid has it too (``&nbsp;`` copied
from the source).
The checks find markup a translator added with :func:`markup_forms`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .inline import PLACEHOLDER_RE, restore

if TYPE_CHECKING:
    from .model import Placeholder

ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
ESCAPABLE = r"[!-/:-@\[-`{-~]"
"""The characters a backslash escapes in CommonMark: ASCII punctuation."""
_ESCAPE = rf"\\{ESCAPABLE}"
_SYNTAX = rf"{_ESCAPE}|{ENTITY_RE.pattern}|<(?=[A-Za-z/!?])|[\[\]`*~|]|\\\Z|(?<![^\W_])_|_(?![^\W_])"
"""What Markdown or HTML would read as syntax in the translator's text. A ``|`` (escaped
or not) becomes ``&#124;``: with a ``---`` line after it, a line with a pipe is a table's
header, even an escaped pipe (markdown-it's table rule)."""
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@cache
def _syntax() -> re.Pattern[str]:
    """:data:`_SYNTAX` compiled when an edition is first built, not at import
    (``check`` imports this module for :func:`markup_forms` and the spacing patterns, not this one)."""
    return re.compile(_SYNTAX)


def restore_literal(text: str, placeholders: tuple[Placeholder, ...], msgid: str) -> str:
    """:func:`restore`, with the translator's text between placeholders made literal.

    ``msgid`` is the source's text (its entities may be kept). A line break
    of the translator's becomes a space: it could open a new block.
    """
    return "".join(markdown for _, markdown in literal_parts(text, placeholders, msgid))


def literal_parts(text: str, placeholders: tuple[Placeholder, ...], msgid: str) -> list[tuple[str, str]]:
    """:func:`restore_literal` in parts: (tag, its markup) for a placeholder, ("", Markdown) for
    translator text; the parts let a build assemble the HTML without parsing (:mod:`l10n.skeleton`)."""
    table = {p.number: p for p in placeholders}
    text = _spaces_outside_emphasis(text, table)
    entities = frozenset(ENTITY_RE.findall(translator_text(msgid)))
    out: list[tuple[str, str]] = []
    cursor = 0
    for match in PLACEHOLDER_RE.finditer(text):
        markup = restore(match.group(0), placeholders)
        if int(match.group(2)) not in table or markup == match.group(0):
            continue  # a tag of no placeholder is the translator's text
        if markup in ("]", "][]") and match.group(1):
            markup = _named_reference(int(match.group(2)), msgid, placeholders) or markup
        out.append(("", _literal(text[cursor : match.start()], entities, markup)))
        out.append((match.group(0), markup))
        cursor = match.end()
    out.append(("", _literal(text[cursor:], entities, "")))
    return out


def _named_reference(number: int, msgid: str, placeholders: tuple[Placeholder, ...]) -> str | None:
    """``][label]`` for a shortcut (``[label]``) or collapsed (``[label][]``) reference link: its
    text is its label, so translated text would name no reference and print its brackets."""
    found = re.search(rf"<{number}>(.*?)</{number}>", msgid, re.S)
    label = restore(found.group(1), placeholders) if found else ""
    if not label.strip() or re.search(r"(?<!\\)[\[\]]", label):
        return None  # a label cannot hold an unescaped bracket
    return f"][{label}]"


_DELIMITER_RUN = re.compile(r"[*_~]+")
# Spaces just inside a placeholder pair (moved out of emphasis here; the placeholder-spacing check warns of them).
SPACE_AFTER_OPENING = re.compile(r"<(\d+)>(\s+)")
SPACE_BEFORE_CLOSING = re.compile(r"(\s+)</(\d+)>")


def _spaces_outside_emphasis(text: str, table: dict[int, Placeholder]) -> str:
    """Spaces a translator typed just inside an emphasis pair (``<1> слово </1>``), moved outside it.

    CommonMark does not open or close emphasis next to a space, so ``* слово *``
    would print its asterisks, and at a line start become a list item. The
    translator meant the words emphasised; links and code keep their spaces.
    """

    def emphasis(number: str) -> bool:
        found = table.get(int(number))
        return found is not None and found.paired and _DELIMITER_RUN.fullmatch(found.opening) is not None

    def opening(m: re.Match[str]) -> str:
        if not emphasis(m[1]):
            return m[0]
        space = "" if m.start() == 0 or m.string[m.start() - 1].isspace() else m[2]
        return space + f"<{m[1]}>"

    def closing(m: re.Match[str]) -> str:
        if not emphasis(m[2]):
            return m[0]
        space = "" if m.end() == len(m.string) or m.string[m.end()].isspace() else m[1]
        return f"</{m[2]}>" + space

    return SPACE_BEFORE_CLOSING.sub(closing, SPACE_AFTER_OPENING.sub(opening, text))


def _literal(chunk: str, entities: frozenset[str], following: str) -> str:
    """``chunk`` as Markdown that reads as exactly its characters, before ``following``."""

    def substitute(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in ("|", "\\|"):
            return "&#124;"
        if len(found) == 2 and found[0] == "\\" or found in entities:
            return found
        return "\\" + found

    chunk = _syntax().sub(substitute, _LINE_BREAK.sub(" ", chunk))
    backslashes = len(chunk[:-1]) - len(chunk[:-1].rstrip("\\"))
    if chunk.endswith("!") and following.startswith("[") and backslashes % 2 == 0:
        chunk = chunk[:-1] + "\\!"  # "!" before a link would make it an image (one escaped already is text)
    return chunk


def translator_text(text: str) -> str:
    """``text`` without its placeholders and backslash escapes: what a translator wrote."""
    return re.sub(_ESCAPE, "  ", PLACEHOLDER_RE.sub(" ", text))


_MARKUP_FORMS = (
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"  # an autolink
    r"|<!--.*?(?:-->|\Z)|<[!?][^<>]*>?"  # a comment, declaration or processing instruction
    r"|</?[A-Za-z][\w-]*(?:[^<>]*>|[^<>]*\Z)"  # a tag, closed or not
    rf"|{ENTITY_RE.pattern}"
    r"|!?\[[^\[\]]*\](?:\((?:[^()]|\([^()]*\))*\)?|\[[^\[\]]*\])"  # a link or image
)
_SCRIPT_URL = r"\b(?:javascript|vbscript):|\bdata:[a-z]+/"
_EVENT_HANDLER = r"\s(on[a-z]+)\s*="


@cache
def _markup_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Markup forms, script URLs and event handlers, compiled (case-blind) when a check first asks,
    not at import: the three cost a process that never checks about 2 ms."""
    return re.compile(_MARKUP_FORMS, re.I | re.S), re.compile(_SCRIPT_URL, re.I), re.compile(_EVENT_HANDLER, re.I)


def markup_forms(text: str) -> list[str]:
    """HTML and Markdown markup in the text of a msgid or msgstr, outside placeholders.

    Tags, comments, entities, autolinks, link and image syntax, script URLs
    and event-handler attributes, each as written. Backslash-escaped
    characters are text, not markup.
    """
    text = translator_text(text)
    markup, script_url, event_handler = _markup_patterns()
    forms: list[str] = []
    for match in markup.finditer(text):
        form = match.group(0)
        forms.append(form)
        if form.startswith("<"):
            forms.extend(f"{name}=" for name in event_handler.findall(form))
    return forms + [match.group(0).lower() for match in script_url.finditer(text)]
