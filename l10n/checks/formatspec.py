"""Format directives of a plural form compared as ``msgfmt -c`` compares them.

gettext's ``format.c`` checks every ``msgstr[k]`` against ``msgid_plural``.
A form the plural rule gives to many n (5 or more of n = 0..1000) must have
the same directives; a form for fewer n (only n = 1, say) may leave out what
it states in words ("одна хвилина"), but nothing it has may be unknown or of
another type. Without a valid rule gettext is lenient, with a single form
strict, and so is this module; a ``range:`` flag under which the form
serves at most one n makes it lenient too. The per-language rules are
those of gettext 0.21's ``format-c.c`` and ``format-python.c``; other languages keep a
simpler rule (nothing unknown; nothing missing where gettext is strict).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

_DIRECTIVE_RE = re.compile(r"%(?:(\d+)\$|\(([^)]*)\))?[-#0 +']*(?:\*|\d+)?(?:\.(?:\*|\d+))?([hlLqjzt]*)(.)")
_C_TYPES = dict.fromkeys("di", "int") | dict.fromkeys("ouxX", "unsigned int") | dict.fromkeys("eEfFgGaA", "double") \
    | {"c": "char", "s": "string", "p": "pointer", "n": "count"}
_PYTHON_TYPES = dict.fromkeys("diuoxX", "integer") | dict.fromkeys("eEfgG", "float") | {"c": "character"} \
    | dict.fromkeys("sr", "string")  # gettext 0.21's format-python.c


def language(flags: list[str]) -> str | None:
    """``c`` or ``python`` when the entry's flag is one gettext's rules here cover."""
    for flag in flags:
        if flag in ("c-format", "python-format"):
            return flag[:-7]
    return None


def compare_form(source: str, target: str, lang: str | None, strict: bool,
                 source_formats: tuple[str, ...], target_formats: tuple[str, ...]) -> Iterator[str]:
    """Problems of one plural form ``target`` against ``source`` (msgid_plural)."""
    if lang == "c":
        yield from _compare_c(_c_args(source), _c_args(target), strict)
    elif lang == "python":
        yield from _compare_python(_python_args(source), _python_args(target), strict)
    else:
        ignore = ("%%", "{{", "}}")
        src = Counter(f for f in source_formats if f not in ignore)
        tgt = Counter(f for f in target_formats if f not in ignore)
        if unknown := sorted(set(tgt) - set(src)):
            yield f"format specifier(s) not in the source: {' '.join(unknown)}"
        if strict and (missing := sorted((src - tgt).elements())):
            yield f"format specifier(s) missing: {' '.join(missing)}"


def _c_args(text: str) -> list[tuple[str, str]]:
    """(directive, type) of each argument in order; numbered ones by number."""
    numbered: dict[int, tuple[str, str]] = {}
    plain: list[tuple[str, str]] = []
    for match in _DIRECTIVE_RE.finditer(text):
        number, _, size, conversion = match.groups()
        if conversion == "%":
            continue
        kind = (size + " " if size else "") + _C_TYPES.get(conversion, conversion)
        if number:
            numbered[int(number)] = (match.group(), kind)
        else:
            plain.append((match.group(), kind))
    return [numbered[k] for k in sorted(numbered)] + plain


def _compare_c(source: list[tuple[str, str]], target: list[tuple[str, str]], strict: bool) -> Iterator[str]:
    wrong_count = len(target) != len(source) if strict else len(target) > len(source)
    if wrong_count:
        yield (f"{len(target)} format specifier(s) where the source has {len(source)}: "
               f"{' '.join(d for d, _ in target) or 'none'} for {' '.join(d for d, _ in source) or 'none'}")
        return
    # Not strict, a plural form may drop trailing arguments (msgfmt -c agrees).
    for number, ((theirs, want), (mine, got)) in enumerate(zip(source, target, strict=False), 1):
        if want != got:
            yield f"format specifier {mine} for argument {number} is {got}, the source's {theirs} is {want}"


def _python_args(text: str) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]]]:
    named: dict[str, tuple[str, str]] = {}
    unnamed: list[tuple[str, str]] = []
    for match in _DIRECTIVE_RE.finditer(text):
        _, name, _, conversion = match.groups()
        if conversion == "%":
            continue
        spec = (match.group(), _PYTHON_TYPES.get(conversion, conversion))
        if name is not None:
            named[name] = spec
        else:
            unnamed.append(spec)
    return named, unnamed


def _compare_python(source: tuple[dict[str, tuple[str, str]], list[tuple[str, str]]],
                    target: tuple[dict[str, tuple[str, str]], list[tuple[str, str]]], strict: bool) -> Iterator[str]:
    (src_named, src_plain), (tgt_named, tgt_plain) = source, target
    if src_named and tgt_plain or src_plain and tgt_named:
        yield "the source's format specifiers take a " + ("mapping" if src_named else "tuple") + \
              ", the translation's a " + ("tuple" if src_named else "mapping")
        return
    if unknown := sorted(tgt_named.keys() - src_named.keys()):
        yield f"format specifier(s) not in the source: {' '.join(tgt_named[k][0] for k in unknown)}"
    if strict and (missing := sorted(src_named.keys() - tgt_named.keys())):
        yield f"format specifier(s) missing: {' '.join(src_named[k][0] for k in missing)}"
    pairs = [(src_named[k], tgt_named[k]) for k in sorted(src_named.keys() & tgt_named.keys())]
    if len(src_plain) != len(tgt_plain):
        yield f"{len(tgt_plain)} format specifier(s) where the source has {len(src_plain)}"
    else:
        pairs += list(zip(src_plain, tgt_plain, strict=True))
    for (theirs, want), (mine, got) in pairs:
        if want != got and (strict or "any" not in (want, got)):
            yield f"format specifier {mine} is {got}, the source's {theirs} is {want}"
