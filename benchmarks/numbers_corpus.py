"""Measure the numbers checks on a real corpus translated by identity.

Usage: .venv/bin/python benchmarks/numbers_corpus.py [--n 1000] [--keep DIR] [--show 20]

Corpus: the Rust blog (rust-lang/blog.rust-lang.org@0243724c, content/**.md,
TOML ``+++`` front matter replaced by a YAML ``title:`` line) and the Go blog
(golang/website@b02076ae, _content/blog/*.md, YAML front matter kept), Rust
first, sorted by path, the first --n files with a body, read from /work/corpus (override
with --corpus). Slugs are the lowercased paths (``rust-…``, ``go-…``).

Every entry of every uk and ru catalog gets msgstr = msgid (our own PO reader
and writer): a text kept verbatim. Versions, dates, identifiers and code
kept as they are must not be findings, so a correct numbers check reports 0
here. This is a measurement of false alarms, not a timing benchmark: it
prints the findings per check and the most frequent messages.

With --mutate it also measures the other side: each entry whose prose has a
digit gets its last such digit changed in the translation (8 → 9, 9 → 0),
and the numbers check must flag every one of them.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import re
import sys
import tempfile
from pathlib import Path

from l10n.checks import CheckOptions, check_message
from l10n.checks.runner import check_catalogs
from l10n.checks.text import analyze
from l10n.config import load_config
from l10n.pipeline import load_project, update
from l10n.pofile import read_po
from l10n.powriter import format_po

ROOT = Path(__file__).resolve().parent.parent
_TOML = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n", re.S)
_YAML = re.compile(r"\A---\n.*?\n---\n", re.S)
_TITLE = re.compile(r'^title\s*=\s*(".*")\s*$', re.M)


def corpus_files(corpus: Path, n: int) -> list[tuple[str, Path]]:
    """``(slug, path)`` of the first ``n`` documents, Rust then Go."""
    rust = sorted((corpus / "rust" / "content").rglob("*.md"))
    go = sorted((corpus / "go" / "_content" / "blog").glob("*.md"))
    named = [("rust-" + str(p.relative_to(corpus / "rust" / "content")), p) for p in rust]
    named += [("go-" + str(p.relative_to(corpus / "go" / "_content" / "blog")), p) for p in go]
    slugs = [(re.sub(r"[^a-z0-9._-]+", "-", name.lower().removesuffix(".md")), path) for name, path in named]
    return [(slug, path) for slug, path in slugs if _has_body(path)][:n]


def _has_body(path: Path) -> bool:
    """Whether the document has text after its front matter (a few Go posts are only a redirect)."""
    text = yaml_front_matter(path.read_text("utf-8"))
    return bool(_YAML.sub("", text, count=1).strip())


def yaml_front_matter(text: str) -> str:
    """The document with TOML front matter replaced by a YAML title (its TOML string is valid YAML)."""
    match = _TOML.match(text)
    if match is None:
        return text
    title = _TITLE.search(match.group(1))
    head = f"---\ntitle: {title.group(1)}\n---\n" if title else ""
    return head + text[match.end():]


def make_project(work: Path, files: list[tuple[str, Path]]) -> Path:
    """A project at ``work`` with the repository's config and these sources."""
    config = (ROOT / "pyproject.toml").read_text("utf-8")
    (work / "pyproject.toml").write_text(config[config.index("[tool.l10n]"):].replace(
        'glossary = "locales/glossary.csv"\n', ""), "utf-8")
    (work / "source").mkdir()
    for slug, path in files:
        (work / "source" / f"{slug}.md").write_text(yaml_front_matter(path.read_text("utf-8")), "utf-8")
    return work


def identity(path: Path) -> None:
    """Translate every entry of ``path`` by copying its source."""
    catalog = read_po(path)
    for message in catalog.entries():
        if message.msgid_plural is None:
            message.msgstr = message.msgid
        else:
            message.msgstr_plural = {form: message.msgid if form == 0 else message.msgid_plural
                                     for form in message.msgstr_plural}
    path.write_text(format_po(catalog), "utf-8")


def mutated(text: str) -> str | None:
    """``text`` with its last digit outside code changed, or None when it has none."""
    for index in reversed([m.start() for m in re.finditer(r"\d", text)]):
        changed = text[:index] + str((int(text[index]) + 1) % 10) + text[index + 1:]
        if analyze(changed).plain != analyze(text).plain:
            return changed
    return None


def catch_changes(catalogs: list[Path], shown: Path) -> None:
    """Change one number in every translation that has one and count how many the check catches."""
    options, total, missed = CheckOptions(select=("numbers",)), 0, []
    for path in catalogs:
        lang = path.parent.parent.name
        for message in read_po(path).entries():
            changed = mutated(message.msgstr) if message.msgid_plural is None else None
            if changed is None:
                continue
            total += 1
            if not check_message(dataclasses.replace(message, msgstr=changed, flags=[]), lang, options):
                missed.append(f"{path.relative_to(shown)}:{message.lineno}: {changed!r}")
    print(f"changed numbers caught: {total - len(missed)} of {total}")
    for line in missed[:20]:
        print("  missed", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    parser.add_argument("--keep", type=Path, help="build the project here (an empty folder) and keep it")
    parser.add_argument("--show", type=int, default=20, help="print this many of the most frequent messages")
    parser.add_argument("--reuse", action="store_true", help="check the project --keep built before, without rebuilding it")
    parser.add_argument("--mutate", action="store_true", help="also change one number per entry and count the catches")
    parser.add_argument("--select", default="numbers", help="check ids or families (default: numbers)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        if args.reuse and args.keep:
            config = load_config(work)
            catalogs = sorted(config.locales_dir.rglob("*.po"))
        else:
            work.mkdir(parents=True, exist_ok=True)
            config = load_config(make_project(work, corpus_files(args.corpus, args.n)))
            update(load_project(config))
            catalogs = sorted(config.locales_dir.rglob("*.po"))
            for path in catalogs:
                identity(path)
        options = CheckOptions(select=tuple(args.select.split(",")))
        result = check_catalogs([(p, str(p.relative_to(work))) for p in catalogs], options)
        entries = sum(len(read_po(p).entries()) for p in catalogs)
        documents = len(config.sources())
        if args.mutate:
            catch_changes(catalogs, work)
    print(f"{documents} documents, {len(catalogs)} catalogs, {entries} entries translated by identity")
    for check, count in result.by_check().items():
        print(f"{check}: {count} findings")
    shapes = collections.Counter(re.sub(r"\d", "9", f.message) for f in result.findings)
    for message, count in shapes.most_common(args.show):
        print(f"{count:7d}  {message}")
    for finding in result.findings[: args.show]:
        print(f"  {finding.path}:{finding.line}: {finding.message}", file=sys.stderr)


if __name__ == "__main__":
    main()
