"""Where GNU gettext 0.21 sees format directives in a msgid, for line wrapping.

write-po.c forbids a line break inside a c-format or python-format
directive (and, through an offset quirk, near the start of a string with a
python-brace directive); :mod:`l10n.wrapping` asks this module which string
indexes those are. A port of gettext's format parsers as far as wrapping
needs them: the directives' extent, and the first one gettext rejects, after
which it marks nothing. (Checking translations' directives is
:mod:`l10n.checks.formatspec`'s job.)
"""

from __future__ import annotations

import re

_ARG = r"0*[1-9]\d*\$"  # a positional argument number: 1 and up
_C_DIRECTIVE = (rf"(?:{_ARG})?[-+ #0'{{}}]*(?:\d+|\*(?:{_ARG})?)?(?:\.(?:\d+|\*(?:{_ARG})?)?)?"
                r"[hlLqjzZt]*(?:[diouxXeEfFgGaAcCsSpnm%]|<PRI\w+>)")
_DIRECTIVES = {  # what follows "%" (and, in python, a parenthesized name)
    "c": re.compile(_C_DIRECTIVE.format("")),
    "c msgstr": re.compile(_C_DIRECTIVE.format("I")),  # glibc's I flag: translations only
    "python": re.compile(r"[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?[hlL]?[diouxXeEfgGcrs%]"),
}
_BRACE_FIELD = re.compile(r"[A-Za-z_]\w*|\d+", re.ASCII)  # then .name or [field] accessors:
_BRACE_CHAIN = re.compile(r"(?:[A-Za-z_]\w*|\d+)(?:\.[A-Za-z_]\w*|\[(?:[A-Za-z_]\w*|\d+)])*",
                          re.ASCII)
_BRACE_SPEC = re.compile(r"(?:.[<>=^]|[<>=^])?[-+ ]?#?0?\d*(?:\.\d*)?[bcdoxXneEfFgG%]?",
                         re.ASCII | re.DOTALL)


def directive_interiors(value: str, fmt: str) -> set[int]:
    """Indexes inside c/python directives, up to the first one gettext rejects."""
    pos, kinds, inside = 0, set(), set[int]()
    while fmt in _DIRECTIVES and (start := value.find("%", pos)) != -1:
        pos = start + 1
        if fmt == "python" and value.startswith("(", pos):  # a name; parentheses nest
            depth, pos = 0, pos + 1
            while pos < len(value) and (value[pos] != ")" or depth):
                depth += {"(": 1, ")": -1}.get(value[pos], 0)
                pos += 1
            pos += 1  # past ")", or past the end if there is none
        if pos > len(value) or (match := _DIRECTIVES[fmt].match(value, pos)) is None:
            break
        named, spec, pos = value[start + 1] == "(", match.group(), match.end()
        if fmt == "python":  # gettext rejects named + unnamed, or named with "*"
            kinds.update([named] if spec[-1] != "%" or named else [])
            if named and "*" in spec:
                break
        else:  # c: numbered ("%1$d", "*2$") and plain arguments must not mix
            kinds.update([bool(re.match(_ARG, spec))] if spec[-1] not in "%m" else [])
            kinds.update(bool(star[1]) for star in re.finditer(rf"\*({_ARG})?", spec))
        if len(kinds) > 1:
            break
        inside.update(range(start + 1, pos))
    return inside


def brace_interiors(value: str) -> set[int]:
    """gettext 0.21 marks python-brace directives at byte offsets relative to
    the directive, not the string, so all of them land on the string's start:
    breaks are forbidden in its first n bytes, n the shortest directive's
    length, unless an invalid directive's error offset comes first."""
    marks, pos = [], 0
    while (start := value.find("{", pos)) != -1:
        pos, error = _brace_directive(value, start, toplevel=True)
        if error is not None:
            marks.append((error, True))
            break
        if value[start + 1] != "{":  # not an escaped brace
            marks.append((len(value[start:pos].encode()) - 1, False))
    if all(error for _, error in marks):
        return set()
    end, error = min(marks, key=lambda mark: (mark[0], not mark[1]))  # errors win ties
    inside, offset = set[int](), 0
    for index, char in enumerate(value if not error else ""):
        if 0 < offset <= end:
            inside.add(index)
        offset += len(char.encode())
    return inside


def _brace_directive(value: str, start: int, toplevel: bool) -> tuple[int, int | None]:
    """Port of gettext's python-brace ``parse_directive`` at the "{" at ``start``:
    (end, None) for a valid directive, else (0, byte offset of the error from it)."""

    def error(at: int) -> tuple[int, int | None]:
        return 0, len(value[start:at].encode())

    pos = start + 1
    if value.startswith("{", pos):
        return pos + 1, None
    if (chain := _BRACE_CHAIN.match(value, pos)) is None:
        return error(pos)
    pos = chain.end()
    if value.startswith((".", "["), pos):  # a getattr or getitem that does not parse
        field = _BRACE_FIELD.match(value, pos + 1) if value[pos] == "[" else None
        return error(field.end() if field else pos + 1)
    if value.startswith(":", pos):
        if not toplevel:  # no ":" inside a nested directive
            return error(pos)
        if pos + 1 == len(value):
            return error(pos + 1)
        if value.startswith("{", pos + 1):
            pos, nested = _brace_directive(value, pos + 1, toplevel=False)
            if nested is not None:
                return 0, nested
        else:
            spec = _BRACE_SPEC.match(value, pos + 1)  # everything in it is optional
            pos = spec.end() if spec else pos + 1
    return (pos + 1, None) if value.startswith("}", pos) else error(pos)
