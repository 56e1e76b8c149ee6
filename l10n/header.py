"""The header entry of templates and catalogs, kept the way GNU msgmerge keeps it.

A catalog's header belongs to its translators and their tools (Poedit sets
``PO-Revision-Date`` and ``X-Generator``, Lokalize ``Last-Translator``), so
``update`` keeps every field of an existing catalog with its value as
written. Like msgmerge it takes ``POT-Creation-Date`` and ``Report-Msgid-Bugs-To`` from the
template, puts the ten fields msgmerge knows in msgmerge's order (the others
follow in their own order), and keeps the header's comments and flags. It
also adds what is missing (``Language``, ``Language-Team``, ``Plural-Forms``
…), so ``msgmerge --previous PO POT`` changes nothing in a header it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import localedata
from .model import Catalog, Message
from .plurals import plural_forms

TEMPLATE_FIELDS = (
    ("Project-Id-Version", "{project}"),
    ("Report-Msgid-Bugs-To", "{bugs}"),
    ("POT-Creation-Date", "{date}"),
    ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
    ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
    ("Language-Team", "LANGUAGE <LL@li.org>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
)
"""The template's fields, as xgettext writes them (its placeholders included:
translation tools recognize them, and i18nspector accepts them in a POT)."""
TEMPLATE_NAMES = tuple(name for name, _ in TEMPLATE_FIELDS)

MSGMERGE_ORDER = (
    "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
    "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding",
)
"""The fields msgmerge knows (gettext-tools/src/msgl-merge.c), in the order it writes them."""

FROM_TEMPLATE = ("Report-Msgid-Bugs-To", "POT-Creation-Date")
"""The fields msgmerge refreshes in a catalog from its template."""


@dataclass(frozen=True)
class HeaderInfo:
    """What ``[tool.l10n]`` says about headers."""

    project: str
    bugs_address: str
    team: str = ""
    teams: tuple[tuple[str, str], ...] = ()

    def team_for(self, lang: str) -> str:
        """The configured ``Language-Team`` of a language: its own team, else the project's ("" if none)."""
        return dict(self.teams).get(lang) or self.team


def english_name(lang: str) -> str:
    return localedata.english_name(lang)


def template_header(info: HeaderInfo, date: str, slug: str) -> Message:
    """The header entry of a POT file (fuzzy, as xgettext writes it)."""
    values = {"project": info.project, "bugs": info.bugs_address, "date": date}
    return Message(
        msgid="",
        msgstr="".join(f"{key}: {value.format(**values)}\n" for key, value in TEMPLATE_FIELDS),
        translator_comments=[
            f"Translation template for {slug}.",
            f"This file is distributed under the same license as the {info.project} project.",
        ],
        flags=["fuzzy"],
    )


def po_header(template: Catalog, existing: Catalog | None, lang: str, team: str = "") -> Message:
    """The header of a PO file: the existing one as msgmerge would leave it, missing fields added.

    A new catalog gets the template's fields, ``Language-Team`` (``team``, or
    the language's English name as msginit writes when it knows no team
    address), ``Language`` and msginit's ``Plural-Forms``; an existing one
    gets only the fields it lacks, with those values.
    """
    theirs = _Fields.parse(template.header.msgstr if template.header else "")
    defaults = {name: theirs.value(name) for name in TEMPLATE_NAMES if name in theirs}
    defaults |= {"Language-Team": f" {team or english_name(lang)}", "Language": f" {lang}",
                 "Plural-Forms": f" {plural_forms(lang)}"}
    old = existing.header if existing is not None else None
    if old is None:
        fields, flags = _Fields({}, []), []
        comments = [f"{english_name(lang)} translation of {template.path or 'this article'}."]
    else:
        fields, flags, comments = _Fields.parse(old.msgstr), list(old.flags), list(old.translator_comments)
        fields.known.update({name: theirs.known[name] for name in FROM_TEMPLATE if name in theirs.known})
    for name, value in defaults.items():
        if name not in fields:
            fields.add(name, value)
    return Message(msgid="", msgstr=fields.join(), translator_comments=comments, flags=flags)



@dataclass
class _Fields:
    """Header lines as msgmerge splits them: its known fields, then every other line.

    A known field is matched case-insensitively and a repeated one keeps its
    last value; other lines (other fields, stray text) stay as written and in
    their order. Values keep the text after the colon as written.
    """

    known: dict[str, str]
    others: list[str]

    @classmethod
    def parse(cls, msgstr: str) -> _Fields:
        names = {name.casefold(): name for name in MSGMERGE_ORDER}
        lines = msgstr.split("\n")
        if lines[-1] == "":
            lines.pop()
        fields = cls({}, [])
        for line in lines:
            name, colon, rest = line.partition(":")
            if colon and name.casefold() in names:
                fields.known[names[name.casefold()]] = rest
            else:
                fields.others.append(line)
        return fields

    def _other(self, name: str) -> str | None:
        for line in self.others:
            key, colon, rest = line.partition(":")
            if colon and key.casefold() == name.casefold():
                return rest
        return None

    def __contains__(self, name: str) -> bool:
        return name in self.known or self._other(name) is not None

    def value(self, name: str) -> str:
        value = self.known.get(name, self._other(name))
        return "" if value is None else value

    def add(self, name: str, value: str) -> None:
        if name in MSGMERGE_ORDER:
            self.known[name] = value
        else:
            self.others.append(f"{name}:{value}")

    def join(self) -> str:
        lines = [f"{name}:{self.known[name]}" for name in MSGMERGE_ORDER if name in self.known]
        return "".join(f"{line}\n" for line in [*lines, *self.others])
