"""Plural-Forms expressions: gettext's C subset, parsed and evaluated safely.

The ``plural=`` expression of a catalog header is C code that every program
reading the compiled catalog evaluates. This module is the only one that
reads it: a recursive-descent parser of exactly the grammar of gettext's
``intl/plural.y`` (``?:``, ``||``, ``&&``, ``== !=``, ``< > <= >=``,
``+ -``, ``* / %``, ``!``, ``n``, decimal numbers, parentheses; no unary
minus), evaluated on a small tree, never with ``eval``. Arithmetic is C's
``unsigned long`` (64 bits), so ``n - 2`` may wrap around as it does in C.

:func:`plural_forms` reads a header as ``msgfmt -c`` does (``check_plural``
in gettext's ``msgl-check.c``): ``nplurals=`` and ``plural=`` are found
anywhere in the header text, the expression ends at ``;`` or a line break,
and it is evaluated for n = 0..1000, where each value must lie below
nplurals and no division by zero may happen.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

from .errors import PluralFormsError

MASK = (1 << 64) - 1
TESTED = range(1001)  # the n gettext's check_plural_eval tries
OFTEN = 5  # gettext: a form taken this often in TESTED "applies to infinitely many n"
_TOKEN_RE = re.compile(r"[ \t]*(?:(\d+)|(==|!=|<=|>=|&&|\|\||[-+*/%<>!?:()n]))")
_BINARY = (("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%"))



@dataclass(frozen=True)
class Node:
    """One node of a parsed expression: ``n``, a number (``num``, ``value``)
    or an operator applied to ``args``."""

    op: str
    args: tuple[Node, ...] = ()
    value: int = 0


@dataclass(frozen=True)
class PluralForms:
    """A header's plural rule: how many forms, and which n takes which form.

    ``counts[k]`` is how many n of 0..1000 take form k.
    """

    nplurals: int
    expression: str
    counts: tuple[int, ...]

    def often(self, form: int) -> bool:
        """Whether the form applies to many n (gettext then wants every format
        directive in it); a form for fewer n (only 1, say) may drop one."""
        return form < len(self.counts) and self.counts[form] >= OFTEN

    def count(self, form: int, low: int, high: int) -> int:
        """How many n in ``low..high`` take ``form`` (gettext's histogram for
        a ``range:`` flag)."""
        node = parse_expression(self.expression)
        return sum(1 for n in range(low, high + 1) if evaluate(node, n) == form)


def parse_expression(text: str) -> Node:
    """Parse a plural expression (up to ``;`` or a line break); raise PluralFormsError."""
    tokens = _tokenize(re.split(r"[;\n]", text, maxsplit=1)[0])
    node, rest = _conditional(tokens, 0)
    if rest != len(tokens):
        raise PluralFormsError(f"invalid plural expression: unexpected {tokens[rest]!r}")
    return node


def evaluate(node: Node, n: int) -> int:
    """The form for ``n``, with C unsigned long arithmetic; ZeroDivisionError
    for a division or remainder by zero (a crash in C)."""
    op, args = node.op, node.args
    if op == "n":
        return n & MASK
    if op == "num":
        return node.value & MASK
    if op == "?":
        return evaluate(args[1] if evaluate(args[0], n) else args[2], n)
    if op == "!":
        return int(not evaluate(args[0], n))
    left = evaluate(args[0], n)
    if op == "||":
        return int(bool(left) or bool(evaluate(args[1], n)))
    if op == "&&":
        return int(bool(left) and bool(evaluate(args[1], n)))
    return _arithmetic(op, left, evaluate(args[1], n))


_OPERATORS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.floordiv, "%": operator.mod,
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge,
}


def _arithmetic(op: str, left: int, right: int) -> int:
    if op in ("/", "%") and right == 0:
        raise ZeroDivisionError(op)
    return int(_OPERATORS[op](left, right)) & MASK


def plural_forms(header: str) -> PluralForms | None:
    """The plural rule of a header's text (its msgstr), checked as ``msgfmt -c``
    checks it; None when the header has neither ``plural=`` nor ``nplurals=``.

    Raises PluralFormsError naming what gettext would refuse: one of the two
    missing, nplurals not a number, a bad expression, a value not below
    nplurals, a division by zero.
    """
    plural, count = header.find("plural="), header.find("nplurals=")
    if plural < 0 and count < 0:
        return None
    if plural < 0 or count < 0:
        raise PluralFormsError(f"the header has {'nplurals' if plural < 0 else 'plural'}= "
                               f"but no {'plural' if plural < 0 else 'nplurals'}=")
    number = re.match(r"\s*(\d+)", header[count + 9:])
    if number is None:
        raise PluralFormsError("invalid nplurals value")
    nplurals = int(number.group(1))
    expression = re.split(r"[;\n]", header[plural + 7:], maxsplit=1)[0].strip()
    return PluralForms(nplurals, expression, _counts(expression, nplurals))


@functools.lru_cache(maxsize=64)
def _counts(expression: str, nplurals: int) -> tuple[int, ...]:
    """How many n of TESTED take each form (cached: every catalog of a
    language shares its rule)."""
    node = parse_expression(expression)
    counts = [0] * nplurals
    for n in TESTED:
        try:
            value = evaluate(node, n)
        except ZeroDivisionError:
            raise PluralFormsError(f"plural expression divides by zero (n = {n})") from None
        if value >> 63:
            raise PluralFormsError(f"plural expression can produce negative values (n = {n})")
        if value >= nplurals:
            raise PluralFormsError(f"nplurals = {nplurals} but the plural expression gives {value} for n = {n}")
        counts[value] += 1
    return tuple(counts)


def _tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    while text[pos:].strip(" \t"):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            bad = text[pos:].lstrip(" \t")[:1]
            raise PluralFormsError(f"invalid plural expression: unexpected {bad!r}")
        tokens.append(match.group(1) or match.group(2))
        pos = match.end()
    return tokens


def _conditional(tokens: list[str], pos: int) -> tuple[Node, int]:
    """``a ? b : c``, right-associative and lowest, as in C."""
    test, pos = _binary(tokens, pos, 0)
    if pos < len(tokens) and tokens[pos] == "?":
        then, pos = _conditional(tokens, pos + 1)
        if pos >= len(tokens) or tokens[pos] != ":":
            raise PluralFormsError("invalid plural expression: '?' without ':'")
        otherwise, pos = _conditional(tokens, pos + 1)
        return Node("?", (test, then, otherwise)), pos
    return test, pos


def _binary(tokens: list[str], pos: int, level: int) -> tuple[Node, int]:
    """Left-associative binary operators, ``level`` indexing _BINARY by precedence."""
    if level == len(_BINARY):
        return _unary(tokens, pos)
    left, pos = _binary(tokens, pos, level + 1)
    while pos < len(tokens) and tokens[pos] in _BINARY[level]:
        right, after = _binary(tokens, pos + 1, level + 1)
        left, pos = Node(tokens[pos], (left, right)), after
    return left, pos


def _unary(tokens: list[str], pos: int) -> tuple[Node, int]:
    if pos >= len(tokens):
        raise PluralFormsError("invalid plural expression: it ends too early")
    token = tokens[pos]
    if token == "!":
        operand, pos = _unary(tokens, pos + 1)
        return Node("!", (operand,)), pos
    if token == "n":
        return Node("n"), pos + 1
    if token.isdigit():
        return Node("num", value=int(token)), pos + 1
    if token == "(":
        inner, pos = _conditional(tokens, pos + 1)
        if pos >= len(tokens) or tokens[pos] != ")":
            raise PluralFormsError("invalid plural expression: '(' without ')'")
        return inner, pos + 1
    raise PluralFormsError(f"invalid plural expression: unexpected {token!r}")
