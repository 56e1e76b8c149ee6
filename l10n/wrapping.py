"""Wrapping PO strings exactly as GNU gettext 0.21 does (write-po.c ``wrap()``).

A port of gettext's string layout: escape, cut after each ``\\n``, then break
the escaped text at Unicode line-break opportunities (libunistring 1.0's
UAX #14 pair table) so a line holds ``PAGE_WIDTH`` columns with its quotes.
Most strings take a fast path that gives the same lines (see "the fast
path" below). Kept apart from :mod:`l10n.pofile` because it is a
self-contained algorithm with its own tables; the only entry point is
:func:`wrap_string`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache
from itertools import accumulate

from .directives import brace_interiors, directive_interiors

PAGE_WIDTH = 79
_ESCAPES = dict(zip('\n\t\b\r\f\v\a\\"', 'ntbrfva\\"', strict=True))

_NEEDS_ESCAPE = re.compile('[\a\b\f\n\r\t\v\\\\"]')
_ESCAPE_TABLE = {ord(char): "\\" + letter for char, letter in _ESCAPES.items()}
_ESCAPED = re.compile(r"\\.", re.DOTALL)  # in escaped text every backslash starts an escape
_Breaks = Callable[[int], list[int]]  # start column -> indexes that start a new line
_PIECES = re.compile(r"[^\n]*\n|[^\n]+")  # gettext cuts a string after each newline
_NO, _YES, _MUST = 1, 2, 3  # libunistring's UC_BREAK_PROHIBITED, _POSSIBLE, _MANDATORY


def wrap_string(prefix: str, keyword: str, value: str, wrap: bool, fmt: str) -> list[str]:
    """Port of gettext's ``wrap()`` (write-po.c), non-indented style."""
    width = (PAGE_WIDTH if wrap else 1 << 30) - 2 - len(prefix)
    if "\n" not in value and (line := _one_line(prefix, keyword, value, width)) is not None:
        return [line]
    if fmt == "c" and keyword.startswith("msgstr"):
        fmt = "c msgstr"
    inside = (brace_interiors(value) if fmt == "python-brace" else
              directive_interiors(value, fmt) if "%" in value else set[int]())
    pieces = _PIECES.findall(value) or [""]
    lines, head, offset = [], f"{prefix}{keyword} ", 0
    for number, piece in enumerate(pieces):
        text, breaks_from = _layout(piece, offset, inside, width)
        offset += len(piece)
        column = len(keyword) + 1 if head != prefix else 0
        breaks = breaks_from(column)
        if column and text and (number + 1 < len(pieces) or column > width or breaks):
            lines.append(head + '""')
            head, breaks = prefix, breaks_from(0)
        for start, end in zip([0] + breaks, breaks + [len(text)], strict=True):
            lines.append(f'{head}"{text[start:end]}"')
            head = prefix
    return lines


def _one_line(prefix: str, keyword: str, value: str, width: int) -> str | None:
    """The line of a string without newlines that fits after its keyword (most
    do): no break to find, so no directive or class matters."""
    text = value.translate(_ESCAPE_TABLE) if _NEEDS_ESCAPE.search(value) else value
    room = width - len(keyword) - 1
    if len(text) <= room and (text.isascii() or sum(map(_char_width, text)) <= room):
        return f'{prefix}{keyword} "{text}"'
    return None


def _layout(piece: str, offset: int, inside: set[int], width: int) -> tuple[str, _Breaks]:
    """The escaped ``piece`` (at ``offset`` in its string) and what gives its
    line starts for a start column: the fast path when it applies, else the
    full port."""
    text, blocked = _escape_text(piece, offset, inside)
    fast = _fast_breaks(text, blocked, width)
    if fast is not None:
        return text, fast
    chars, overrides = _escape(piece, offset, inside)
    return "".join(chars), lambda column: _line_breaks(chars, overrides, width, column)


def _escape(piece: str, offset: int, inside: set[int]) -> tuple[list[str], list[int]]:
    """Escaped characters of ``piece`` and gettext's break override for each."""
    if not inside and not _NEEDS_ESCAPE.search(piece):
        return list(piece), [0] * len(piece)
    chars: list[str] = []
    overrides: list[int] = []
    for index, char in enumerate(piece, start=offset):
        override = _NO if index in inside else 0
        if char in _ESCAPES:
            chars += ["\\", _ESCAPES[char]]
            overrides += [override, _NO]
        else:
            chars.append(char)
            overrides.append(override)
    if piece.endswith("\n"):
        overrides[-2] = _NO
    return chars, overrides


def _line_breaks(chars: list[str], overrides: list[int], width: int, column: int) -> list[int]:
    """Port of libunistring's ``u8_width_linebreaks``: indexes that start a new line."""
    breaks: list[int] = []
    if column + sum(map(_char_width, chars)) <= width:  # fits: the common, fast case
        return breaks
    last, piece = None, 0
    possible = _possible_breaks([_lb_class(char) for char in chars])
    for index, char in enumerate(chars):
        kind = overrides[index] or possible[index]
        if kind != _NO and last is not None and column + piece > width:
            breaks.append(last)
            column = 0
        if kind == _MUST:
            last, column, piece = None, 0, 0
            continue
        if kind == _YES:
            last, column, piece = index, column + piece, 0
        piece += _char_width(char)
    if last is not None and column + piece > width:
        breaks.append(last)
    return breaks


# ------------------------------------------------------------ the fast path
#
# Most strings are words, spaces and punctuation whose break opportunities
# follow from the pair table alone: no combining marks, joiners, regional
# indicators, Hebrew letters, zero-width spaces or mandatory breaks, the
# classes _possible_breaks treats apart. For them each character's class is
# one code point (str.translate over a table filled on first sight), the
# pairs that break come from the table once (_pair_codes), and each line's
# end is found by looking back from where the line is full, a few
# characters, instead of walking the whole string. Any other string takes
# the full port; tests/test_wrapping.py checks that both give the same lines.


def _escape_text(piece: str, offset: int, inside: set[int]) -> tuple[str, set[int]]:
    """Escaped ``piece`` and the indexes no line may start at: inside a format
    directive, an escape's second character, the backslash of a final ``\\n``."""
    end = offset + len(piece)
    directive = [index - offset for index in inside if offset <= index < end]
    if not _NEEDS_ESCAPE.search(piece):
        return piece, set(directive)
    text = piece.translate(_ESCAPE_TABLE)
    blocked = {match.start() + 1 for match in _ESCAPED.finditer(text)}
    if piece.endswith("\n"):
        blocked.add(len(text) - 2)
    if directive:  # each escape before an index moves it one place on
        escapes = [match.start() for match in _NEEDS_ESCAPE.finditer(piece)]
        blocked.update(index + bisect_left(escapes, index) for index in directive)
    return text, blocked


def _fast_breaks(text: str, blocked: set[int], width: int) -> _Breaks | None:
    """Line starts of escaped ``text`` as _line_breaks finds them, or None when
    ``text`` holds a character of a class the fast path leaves to it."""
    codes = text.translate(_CODES)
    top = max(codes, default=_NARROW)
    if top >= _SPECIAL:
        return None
    prefix = [0, *accumulate(map(_char_width, text))] if top >= _OTHER_WIDTH else None
    return lambda column: _fill(codes, blocked, prefix, width, column)


def _fill(codes: str, blocked: set[int], prefix: list[int] | None, width: int,
          column: int) -> list[int]:
    """u8_width_linebreaks' greedy fill, line by line: a line ends at the last
    opportunity where its content still fits in ``width`` columns, or, when
    none does, at the first one after its start (a word longer than a line)."""
    breaks: list[int] = []
    start, end = 0, len(codes)
    while True:
        room = width - column
        if (prefix[end] - prefix[start] if prefix else end - start) <= room:
            return breaks
        full = (bisect_right(prefix, prefix[start] + room) - 1 if prefix else start + room)
        cut = next((index for index in range(min(full, end - 1), start, -1)
                    if index not in blocked and _opportunity(codes, index)), 0)
        cut = cut or next((index for index in range(max(full, start) + 1, end)
                           if index not in blocked and _opportunity(codes, index)), 0)
        if not cut:
            return breaks
        breaks.append(cut)
        start, column = cut, 0


def _opportunity(codes: str, index: int) -> bool:
    """Whether a line may start at ``index`` (> 0) of fast-path ``codes``: the
    pair table between the character before and this one, or, after spaces,
    between the last character before them and this one."""
    after, before = codes[index], codes[index - 1]
    if after == _SPACE:
        return False
    if before != _SPACE:
        return before + after in _DIRECT_PAIRS
    index -= 2
    while index >= 0 and codes[index] == _SPACE:
        index -= 1
    return index >= 0 and codes[index] + after in _SPACED_PAIRS


# ------------------------------------------- UAX #14 as in libunistring 1.0

# Classes 0-32 index libunistring 1.0's pair table, read from the library
# (row: class before the opportunity, column: after; D direct break, I only
# after spaces, P prohibited); "_8" has no members; the rest are handled in
# _possible_breaks. Line_Break data comes from uniseg (Unicode 16): 163
# assigned characters, none Latin, Cyrillic or CJK, differ from libunistring's.
_CLASSES = ("WJ GL B2 BA BB HY CL CP _8 EX IN NS OP OP2 QU IS NU PO PR SY AL H2 H3 ID ID2 "
            "JL JV JT HL RI ZWJ EB EM BK CR LF CM ZW SP").split()
_BK, _CR, _LF, _CM, _ZW, _SP, _ZWJ, _RI, _HL, _HY, _BA, _AL = (
    _CLASSES.index(name) for name in "BK CR LF CM ZW SP ZWJ RI HL HY BA AL".split())
_RESOLVE = {"CJ": "NS", "NL": "BK", "SG": "AL", "AK": "AL", "AP": "AL", "AS": "AL", "VI": "CM",
            "VF": "CM", "AI": "AL", "SA": "AL", "XX": "AL", "CB": "ID"}
_PAIRS = re.findall(".{33}", """
PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIIIPIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIIIPIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDDPIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIIIPDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD
PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDDPIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDDPIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDDPIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDDPIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII
PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDDPIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDDPIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD
PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIIIPIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDDPIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDDPIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDDPIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDIPIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDDPIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDDPIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDDPIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIIIPIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDIPIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
""".replace("\n", ""))


@cache
def _lb_class(char: str) -> int:
    """Line_Break class of ``char`` as libunistring 1.0 resolves it.

    uniseg is imported here, on the first character: it costs more than the
    rest of the PO layer to import (its version lookup loads importlib.metadata),
    and a command that only reads catalogs (``stats``) never wraps.
    """
    from uniseg.linebreak import line_break  # type: ignore[import-untyped]

    name = line_break(char).value
    name = _RESOLVE.get(name, name)
    if name == "OP" and unicodedata.east_asian_width(char) in "FWH":
        name = "OP2"
    if name == "CP" and char not in ")]":
        name = "CL"
    return _CLASSES.index(name)


@cache
def _char_width(char: str) -> int:
    """Columns of ``char`` as libunistring's ``uc_width`` counts them."""
    code, category = ord(char), unicodedata.category(char)
    if (code < 0x20 or 0x7F <= code < 0xA0 or 0x1160 <= code < 0x1200 or 0xD7B0 <= code < 0xD800
            or category in ("Mn", "Me", "Cf") and code not in (0xCBF, 0xCC6, 0x11A07, 0x11A08,
                                                                0x11C3F)):
        return 0
    wide = category != "Cn" and unicodedata.east_asian_width(char) in "WF"
    return 2 if wide or 0x20000 <= code < 0x40000 else 1


def _possible_breaks(classes: list[int]) -> list[int]:
    """Port of libunistring 1.0's ``u8_possible_linebreaks`` loop."""
    result, last, prev, spaces, regional = [], _BK, _BK, False, 0
    for cls in classes:
        kind = _NO
        if cls in (_BK, _CR, _LF):
            kind, last, spaces = _MUST, _BK, False
        elif cls == _SP:
            spaces = True
        elif cls == _ZW:
            last, spaces = _ZW, False
        elif cls in (_CM, _ZWJ):
            if last in (_BK, _ZW) or spaces:
                kind, last, spaces = (_NO if last == _BK else _YES), _AL, False
        else:
            kind, last, spaces = _pair_break(last, prev, cls, spaces, regional), cls, False
        prev = -1 if prev == _HL and cls in (_HY, _BA) else cls  # -1: Hebrew letter + hyphen
        regional = regional + 1 if cls == _RI else 0
        result.append(kind)
    return result


def _pair_break(last: int, prev: int, cls: int, spaces: bool, regional: int) -> int:
    if last in (_BK, _ZW):
        return _NO if last == _BK else _YES
    if prev in (_ZWJ, -1) or last == cls == _RI and not spaces and regional % 2:
        return _NO
    rule = "D" if last == cls == _RI else _PAIRS[last][cls]
    return _YES if rule == "D" or rule == "I" and spaces else _NO


class _Codes(dict[int, str]):
    """Code point -> the fast path's code for its character, filled on first
    sight (str.translate reads it): U+0000 + class for a character one column
    wide, U+0028 + class for another width, U+0050 + class for a class only
    the full port handles."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        cls = _lb_class(char)
        base = (_SPECIAL if cls in _SPECIAL_CLASSES else
                _NARROW if _char_width(char) == 1 else _OTHER_WIDTH)
        self[code] = found = chr(ord(base) + cls)
        return found


_NARROW, _OTHER_WIDTH, _SPECIAL = "\x00", "\x28", "\x50"  # ASCII: translate's fast lane
_SPECIAL_CLASSES = {_BK, _CR, _LF, _CM, _ZW, _ZWJ, _RI, _HL}
_CODES = _Codes()


def _pair_codes(rule: str) -> frozenset[str]:
    """The two-code strings of fast-path classes whose pair-table rule is in
    ``rule``: built once."""
    simple = [cls for cls in range(len(_PAIRS)) if cls not in _SPECIAL_CLASSES]
    bases = (_NARROW, _OTHER_WIDTH)
    return frozenset(chr(ord(a) + x) + chr(ord(b) + y) for x in simple for y in simple
                     if _PAIRS[x][y] in rule for a in bases for b in bases)


_DIRECT_PAIRS = _pair_codes("D")
_SPACED_PAIRS = _pair_codes("DI")  # libunistring's I: a break only after spaces
_SPACE = chr(ord(_NARROW) + _SP)  # U+0020 is the only SP character, one column wide
