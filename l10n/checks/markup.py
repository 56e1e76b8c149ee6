"""Code inside the text must survive translation untouched.

A lost ``</2>`` breaks the rebuilt Markdown, a doubled ``<1>`` repeats a link,
a changed URL sends readers elsewhere, and a lost ``%(name)s`` raises at run
time in an application reading the catalog. These are errors: the edition
or the program is broken, not merely worse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..inline import PLACEHOLDER_RE
from ..literal import SPACE_AFTER_OPENING, SPACE_BEFORE_CLOSING, markup_forms
from ..model import Message
from ..plural_expr import PluralForms
from .base import Context, Unit, register
from .formatspec import compare_form, language
from .text import analyze


@register("placeholders", "error", "unit")
def check_placeholders(unit: Unit, ctx: Context) -> Iterator[str]:
    """Inline-markup placeholders differ from the source: missing, extra, duplicated or unbalanced."""
    if "<" not in unit.source.raw and "<" not in unit.target.raw:
        return
    source, target = Counter(unit.source.tags), Counter(unit.target.tags)
    if not source and not target:
        return
    missing = sorted((source - target).elements())
    extra = sorted((target - source).elements())
    duplicated = sorted(tag for tag in extra if tag in source)
    extra = [tag for tag in extra if tag not in source]
    if missing:
        yield f"placeholder(s) missing from the translation: {' '.join(missing)}"
    if duplicated:
        yield f"placeholder(s) used more often than in the source: {' '.join(duplicated)}"
    if extra:
        yield f"placeholder(s) not in the source: {' '.join(extra)}"
    problem = _nesting_problem(unit.target.raw)
    if problem and not missing:
        yield problem


def _nesting_problem(text: str) -> str | None:
    """Why the paired tags of ``text`` do not nest, or None if they do."""
    stack: list[str] = []
    for match in PLACEHOLDER_RE.finditer(text):
        closing, number, atomic = match.groups()
        if atomic:
            continue
        if not closing:
            stack.append(number)
        elif not stack or stack[-1] != number:
            return f"placeholder </{number}> closes out of order (open: {' '.join(f'<{n}>' for n in stack) or 'none'})"
        else:
            stack.pop()
    if stack:
        return f"placeholder(s) left open: {' '.join(f'<{n}>' for n in stack)}"
    return None


@register("injected-markup", "error", "unit")
def check_injected_markup(unit: Unit, ctx: Context) -> Iterator[str]:
    """The translation adds HTML or Markdown markup that its source does not have.

    Tags, event-handler attributes, entities, autolinks, link and image
    syntax and script URLs written by a translator are shown as literal text
    in the edition (the source's own markup travels in placeholders), so the
    reader would see them: an error either way.
    """
    if not any(char in unit.target.raw for char in "<&[:"):
        return
    added = Counter(markup_forms(unit.target.raw)) - Counter(markup_forms(unit.source.raw))
    if added:
        forms = ", ".join(dict.fromkeys(added.elements()))
        yield f"markup not in the source (the edition shows it as text): {forms}"


@register("placeholder-spacing", "warning", "unit")
def check_placeholder_spacing(unit: Unit, ctx: Context) -> Iterator[str]:
    """A space just inside a placeholder pair (<1> слово </1>) where the source has none.

    CommonMark emphasis cannot open or close next to a space, so the build
    moves such spaces outside an emphasis pair; inside a link they stay, and
    the reader sees an underlined space. The translator meant the words alone.
    """
    if "<" not in unit.target.raw:
        return
    added = sorted(_inner_spaces(unit.target.raw) - _inner_spaces(unit.source.raw))
    if added:
        yield f"space just inside the placeholder pair: {', '.join(added)}"


def _inner_spaces(text: str) -> set[str]:
    """Where ``text`` has a space just inside a pair: ``after <n>`` and ``before </n>``."""
    return ({f"after <{m[1]}>" for m in SPACE_AFTER_OPENING.finditer(text)}
            | {f"before </{m[2]}>" for m in SPACE_BEFORE_CLOSING.finditer(text)})


@register("urls", "error", "unit")
def check_urls(unit: Unit, ctx: Context) -> Iterator[str]:
    """URLs of the source are missing or changed in the translation."""
    if unit.source.urls == unit.target.urls:
        return
    source, target = Counter(unit.source.urls), Counter(unit.target.urls)
    if source == target:
        return
    for url in sorted((source - target).elements()):
        yield f"URL missing or changed: {url}"
    for url in sorted((target - source).elements()):
        yield f"URL not in the source: {url}"


@register("format-specifiers", "error", "unit")
def check_formats(unit: Unit, ctx: Context) -> Iterator[str]:
    """Format specifiers (%(name)s, %d, {0}) differ from the source of a *-format entry.

    Positional printf specifiers must keep their order, named ones only
    their names. Plural forms follow ``msgfmt -c`` (see
    :mod:`~l10n.checks.formatspec`): a form the plural rule uses for few n
    ("одна хвилина" for n = 1 only) may drop the count; Ukrainian form 0,
    also used for 21, 31…, may not.
    """
    if unit.source.format_kind is None:
        return
    if unit.message.msgid_plural is not None:
        yield from _check_plural_form(unit, ctx)
        return
    if not unit.source.formats and not unit.target.formats:
        return
    source = [f for f in unit.source.formats if f not in ("%%", "{{", "}}")]
    target = [f for f in unit.target.formats if f not in ("%%", "{{", "}}")]
    unknown = sorted(set(target) - set(source))
    if unknown:
        yield f"format specifier(s) not in the source: {' '.join(unknown)}"
    missing = sorted((Counter(source) - Counter(target)).elements())
    if missing:
        yield f"format specifier(s) missing: {' '.join(missing)}"
    elif not unknown and _positional(source) != _positional(target):
        yield f"positional format specifiers changed order: {' '.join(source)} → {' '.join(target)}"


def _check_plural_form(unit: Unit, ctx: Context) -> Iterator[str]:
    """msgfmt -c's rule: each form against msgid_plural, strict where the form
    is used for many n (and the entry has several forms and a valid rule)."""
    message = unit.message
    source = message.msgid_plural or ""
    several = len(message.msgstr_plural) > 1
    rule = ctx.plural_rule
    strict = not several or (rule is not None and rule.often(unit.form) and not _one_in_range(message, rule, unit.form))
    source_formats = analyze(source, unit.source.format_kind).formats
    for problem in compare_form(source, unit.target.raw, language(message.flags), strict,
                                source_formats, unit.target.formats):
        yield f"msgstr[{unit.form}]: {problem}"


def _one_in_range(message: Message, rule: PluralForms, form: int) -> bool:
    """Whether a ``range: a..b`` flag leaves at most one n for the form."""
    span = next((re.match(r"range: (\d+)\.\.(\d+)", f) for f in message.flags if f.startswith("range:")), None)
    return span is not None and rule.count(form, int(span[1]), int(span[2])) <= 1


def _positional(formats: list[str]) -> list[str]:
    return [f for f in formats if not f.startswith(("%(", "{")) or f == "{}"]
