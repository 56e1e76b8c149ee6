"""The PO side of the data model: messages, catalogs and their translated share.

Part of :mod:`l10n.model` (which re-exports it), in a module of its own so
that reading a catalog (``l10n stats``, once per file in a hook) defines
only these record classes. Nothing here imports another l10n module.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass
class Message:
    """One PO entry, with every field GNU gettext knows about.

    ``domain`` is the one a ``domain "name"`` line above the entry set
    (gettext's default, ``messages``, otherwise): msgids are unique per domain.
    """

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    lineno: int = 0
    domain: str = "messages"

    def copy(self) -> Message:
        """A copy with its own lists and dict: what ``copy.deepcopy`` gives (every field
        is a string, a number or a flat container of them), at a fraction of its cost."""
        return replace(
            self, msgstr_plural=dict(self.msgstr_plural), translator_comments=list(self.translator_comments),
            extracted_comments=list(self.extracted_comments), references=list(self.references), flags=list(self.flags),
        )

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not value and "fuzzy" in self.flags:
            self.flags.remove("fuzzy")

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete

    @property
    def translations(self) -> list[str]:
        """All msgstr strings of the entry (one, or one per plural form)."""
        if self.msgid_plural is not None:
            return [self.msgstr_plural[k] for k in sorted(self.msgstr_plural)] or [""]
        return [self.msgstr]

    @property
    def state(self) -> str:
        """``translated``, ``fuzzy`` or ``untranslated``, exactly as msgfmt counts.

        msgfmt looks at the first msgstr only (``msgstr[0]`` of a plural
        entry), and a fuzzy entry with an empty msgstr is untranslated.
        """
        if not self.translations[0]:
            return "untranslated"
        return "fuzzy" if self.fuzzy else "translated"

    @property
    def translated(self) -> bool:
        return self.state == "translated"


@dataclass
class Catalog:
    """A PO or POT file: an ordered list of messages, the header first."""

    messages: list[Message] = field(default_factory=list)
    path: str | None = None

    @property
    def header(self) -> Message | None:
        for message in self.messages:
            if message.is_header:
                return message
        return None

    def entries(self) -> list[Message]:
        """Live (non-obsolete, non-header) messages, in file order."""
        return [m for m in self.messages if not m.obsolete and not m.is_header]

    def obsolete_entries(self) -> list[Message]:
        return [m for m in self.messages if m.obsolete]

    def header_fields(self) -> dict[str, str]:
        """The header's ``Key: value`` lines, in order."""
        header = self.header
        fields: dict[str, str] = {}
        if header is None:
            return fields
        for line in header.msgstr.split("\n"):
            key, sep, value = line.partition(":")
            if sep:
                fields[key.strip()] = value.strip()
        return fields


class Completion:
    """Translated share of a set of messages, counted the way msgfmt counts.

    A mixin for the count records of stats and checks: ``fuzzy`` counts as
    not done, and an empty catalog is complete.
    """

    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total
