"""Proposed glossary rows out: a table to read, CSV rows, and appending to the glossary.

The rows use the glossary file's own columns (:mod:`l10n.glossary`), so
they can be pasted into the spreadsheet or appended with ``l10n names
--append``. Appending never replaces or duplicates a row: a proposal whose
English name the glossary already has is skipped, and so is one that lacks a
form for some configured language (an empty cell would make the glossary
invalid; such names are listed for the user to add by hand). The file is
written atomically (:mod:`l10n.files`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GlossaryError
from .files import write_text
from .glossary import parse_glossary
from .names import Proposal


@dataclass
class AppendReport:
    """What ``append_proposals`` did with each proposal."""

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    changed: bool = False


def columns(languages: tuple[str, ...]) -> list[str]:
    """The glossary's columns for ``languages``, in the shipped file's order."""
    return ["en", "kind", *languages, *(f"{lang}_forms" for lang in languages),
            *(f"{lang}_avoid" for lang in languages), "note"]


def row(proposal: Proposal, header: list[str]) -> dict[str, str]:
    """One proposal as a glossary row (empty cells where no rule gave a form)."""
    cells = {"en": proposal.en, "kind": proposal.kind, "note": proposal.note, **proposal.targets}
    return {name: cells.get(name, "") for name in header}


def format_csv(proposals: list[Proposal], languages: tuple[str, ...]) -> str:
    """The proposals as CSV with the glossary's header line."""
    header = columns(languages)
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row(proposal, header) for proposal in proposals)
    return out.getvalue()


def format_table(proposals: list[Proposal], languages: tuple[str, ...], width: int = 60) -> str:
    """A table for people: count, name, kind, proposed forms, and where it first occurs."""
    lines = []
    for proposal in proposals:
        forms = ", ".join(f"{lang} {proposal.targets[lang]}" for lang in languages if lang in proposal.targets) or "—"
        sentence = proposal.sentence if len(proposal.sentence) <= width else proposal.sentence[: width - 1] + "…"
        lines.append(f"{proposal.count:>3}  {proposal.en}  [{proposal.kind}]  {forms}\n"
                     f"     {proposal.where}: {sentence}")
    return "\n".join(lines) + ("\n" if lines else "")


def append_proposals(path: Path, proposals: list[Proposal], languages: tuple[str, ...], shown: str,
                     dry_run: bool = False) -> AppendReport:
    """Append the complete, new proposals to the glossary at ``path``; existing rows stay as they are."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GlossaryError("glossary file not found", shown) from None
    known = {term.source.casefold() for term in parse_glossary(text, languages, shown)}
    header = next(csv.reader(io.StringIO(text)))
    report = AppendReport()
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    for proposal in proposals:
        if proposal.en.casefold() in known:
            report.existing.append(proposal.en)
        elif any(not proposal.targets.get(lang) for lang in languages):
            report.incomplete.append(proposal.en)
        else:
            writer.writerow(row(proposal, header))
            known.add(proposal.en.casefold())
            report.added.append(proposal.en)
    if report.added:
        new_text = text if text.endswith("\n") or not text else text + "\n"
        new_text += out.getvalue()
        parse_glossary(new_text, languages, shown)
        report.changed = dry_run or write_text(path, new_text)
    return report
