"""YAML front matter: where it is, what it says, where each value lies (the only module that reads or writes YAML).

Values are found through the YAML node spans (PyYAML's composer records
where each node starts and ends), so a folded ``title: >`` block, a quoted
or multi-line value and a trailing ``# comment`` are located exactly. A
changed value is written back as a double-quoted YAML scalar, which holds
any text; everything else in the front matter is copied verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import SourceError

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Value:
    """One top-level scalar of the front matter and its span in the document."""

    key: str
    value: object
    start: int
    end: int
    line: int  # 1-based line of the document where the value starts


@dataclass(frozen=True)
class FrontMatter:
    """A document's front matter: its data, where the body starts, each scalar's span."""

    data: dict[str, object] = field(default_factory=dict)
    body_start: int = 0
    values: dict[str, Value] = field(default_factory=dict)


def body_start(text: str) -> int:
    """Offset where the Markdown body starts (0 without front matter); YAML is not parsed."""
    match = _FENCE.match(text)
    return match.end() if match else 0


def split_front_matter(markdown: str) -> tuple[str, str]:
    """The YAML text of the front matter (without its fences) and the body."""
    match = _FENCE.match(markdown)
    if not match:
        return "", markdown
    return match.group(1) or "", markdown[match.end() :]


def read_front_matter(text: str, shown: str) -> FrontMatter:
    """Parse the front matter of document ``text``; SourceError names the line if it is bad."""
    match = _FENCE.match(text)
    if not match:
        if text.startswith("---\n") and "\n---" not in text[3:]:
            raise SourceError("front matter is not closed by a '---' line", shown, 1)
        return FrontMatter()
    offset = match.start(1) if match.group(1) else match.end()
    try:
        loader = yaml.SafeLoader(match.group(1) or "")
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourceError(f"malformed front matter: {problem}", shown, line) from None
    data = data if data is not None else {}
    if not isinstance(data, dict):
        raise SourceError("front matter must be a mapping of keys to values", shown, 2)
    values = _values(node, data, offset) if isinstance(node, yaml.MappingNode) else {}
    return FrontMatter(data, match.end(), values)


def _values(node: yaml.MappingNode, data: dict[str, object], offset: int) -> dict[str, Value]:
    """The span of each top-level scalar value; a block scalar ends where its text does."""
    values: dict[str, Value] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if not isinstance(key_node, yaml.ScalarNode) or not isinstance(value_node, yaml.ScalarNode):
            continue
        start, end = value_node.start_mark.index, value_node.end_mark.index
        raw = (value_node.start_mark.buffer or "")[start:end]  # None only for non-text streams
        end = start + len(raw.rstrip())
        values[key] = Value(key, data.get(key), offset + start, offset + end, value_node.start_mark.line + 2)
    return values


def quote(value: str) -> str:
    """``value`` as a double-quoted YAML scalar on one line (escapes as YAML defines them)."""
    dumped = yaml.dump(value, default_style='"', allow_unicode=True, width=2**31)
    return dumped.rstrip("\n").removesuffix("\n...")


def set_value(text: str, key: str, value: str, shown: str) -> str:
    """Document ``text`` with top-level ``key`` of its front matter set to ``value`` (written plain if safe)."""
    found = read_front_matter(text, shown).values.get(key)
    if found is None:
        return text
    written = value if re.fullmatch(r"[A-Za-z][\w-]*", value) else quote(value)
    return text[: found.start] + written + text[found.end :]


def loose_mapping(text: str) -> dict[object, object]:
    """A YAML mapping someone else wrote (trafilatura's header); {} if unreadable.

    Unlike :func:`read_front_matter` this never fails: the text is a hint, and
    the page it came with still counts when the hint is broken.
    """
    try:
        data = yaml.safe_load(text) if text else {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
