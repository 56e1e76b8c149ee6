"""Build: fallbacks marked and listed, --no-fallback refuses, typography in both editions, catalogs untouched."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from l10n.config import load_config
from l10n.pipeline import build, load_project
from l10n.pofile import read_po
from l10n.powriter import write_po

SLUG = "bakhmut-un-chief"
N = "\u00a0"
ENGLISH = "Guterres spent March 7 in Poland, where leaders there announced that Warsaw would send 10 Leopard 2 tanks this week to Ukraine."
EARLIER = "As the fighting raged, UN Secretary-General Antonio Guterres arrived late on March 7 in Ukraine for meetings with Zelenskiy the next day."
CATALOG = f"locales/uk/LC_MESSAGES/{SLUG}.po"


class _Spans(HTMLParser):
    """The text inside each element that carries a ``lang`` attribute, with that language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.found: list[tuple[str, str]] = []
        self.root_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        lang = dict(attrs).get("lang")
        if tag == "html":
            self.root_lang = lang
            return
        if tag in ("meta", "br", "img", "hr"):
            return
        self.stack.append(lang)
        if lang:
            self.found.append((lang, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("html", "meta", "br", "img", "hr") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(self.stack):
            lang, text = self.found[-1]
            self.found[-1] = (lang, text + data)


def _langs(page: str) -> _Spans:
    parser = _Spans()
    parser.feed(page)
    parser.close()
    return parser


def _untranslate(project: Path, msgid: str) -> int:
    """Empty one uk entry (a 94% catalog); its line in the PO."""
    path = project / CATALOG
    catalog = read_po(path)
    (message,) = [m for m in catalog.entries() if m.msgid == msgid]
    message.msgstr = ""
    write_po(catalog, path)
    (message,) = [m for m in read_po(path).entries() if m.msgid == msgid]
    return message.lineno


def test_a_fallback_sentence_is_english_in_the_html_and_listed(translated_project: Path, cli) -> None:
    earlier = _untranslate(translated_project, EARLIER)
    line = _untranslate(translated_project, ENGLISH)
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert f"uk/{SLUG}: built, 94% translated, 2 segment(s) fell back to the source" in result.output
    assert (
        f"  fallback: {CATALOG}:{earlier} (source/{SLUG}.md:26): {EARLIER}\n"
        f"  fallback: {CATALOG}:{line} (source/{SLUG}.md:28): {ENGLISH}\n"
    ) in result.output
    page = _langs((translated_project / f"build/uk/{SLUG}.html").read_text("utf-8"))
    assert page.root_lang == "uk"
    assert page.found == [("en", EARLIER), ("en", ENGLISH)]
    markdown = (translated_project / f"build/uk/{SLUG}.md").read_text("utf-8")
    assert f"\n{ENGLISH}\n" in markdown and 'lang="en"' not in markdown  # the Markdown edition stays Markdown
    ru = _langs((translated_project / f"build/ru/{SLUG}.html").read_text("utf-8"))
    assert ru.found == []


def test_the_report_names_each_fallback(translated_project: Path) -> None:
    line = _untranslate(translated_project, ENGLISH)
    reports = build(load_project(load_config(translated_project)), ("uk",), dry_run=True)
    (report,) = reports
    assert [(f.msgid, f.source, f.catalog) for f in report.fallbacks] == [
        (ENGLISH, f"source/{SLUG}.md:28", f"{CATALOG}:{line}")
    ]


def test_no_fallback_refuses_the_edition_and_writes_nothing_of_it(translated_project: Path, cli) -> None:
    _untranslate(translated_project, ENGLISH)
    result = cli("build", "--no-fallback")
    assert result.exit_code == 1, result.output
    assert f"uk/{SLUG}: not built: 1 segment(s) would show in the source language (--no-fallback)" in result.output
    assert f"  fallback: {CATALOG}:" in result.output
    assert not (translated_project / "build/uk").exists()
    assert (translated_project / f"build/ru/{SLUG}.html").exists()  # the complete edition is still built


def test_the_no_fallback_config_key_refuses_too(translated_project: Path, cli) -> None:
    _untranslate(translated_project, ENGLISH)
    with (translated_project / "pyproject.toml").open("a") as config:
        config.write("no_fallback = true\n")
    assert cli("build").exit_code == 1
    assert not (translated_project / "build/uk").exists()


def test_typography_in_both_editions_and_catalogs_untouched(translated_project: Path, cli) -> None:
    before = {p: p.read_bytes() for p in (translated_project / "locales").rglob("*.po")}
    assert cli("build").exit_code == 0
    for lang, sentence in [
        ("ru", f"не ослабевает, в{N}Украину прибыл генсек ООН"),
        ("ru", f"передаст Украине 10{N}танков Leopard{N}2."),
        ("uk", f"Гутерреш провів 7{N}березня в{N}Польщі"),
        ("uk", "оприлюднили ім’я одного"),
    ]:
        for suffix in (".md", ".html"):
            assert sentence in (translated_project / f"build/{lang}/{SLUG}{suffix}").read_text("utf-8"), (lang, suffix)
    assert {p: p.read_bytes() for p in (translated_project / "locales").rglob("*.po")} == before


def test_the_configured_apostrophe(translated_project: Path, cli) -> None:
    with (translated_project / "pyproject.toml").open("a") as config:
        config.write('uk_apostrophe = "\u02bc"\n')
    assert cli("build").exit_code == 0
    markdown = (translated_project / f"build/uk/{SLUG}.md").read_text("utf-8")
    assert "імʼя" in markdown and "Словʼянська" in markdown and "'" not in markdown


def test_a_bad_apostrophe_names_the_key_and_line(translated_project: Path, cli) -> None:
    config = translated_project / "pyproject.toml"
    config.write_text(config.read_text("utf-8") + "uk_apostrophe = \"'\"\n", "utf-8")
    line = config.read_text("utf-8").count("\n")
    result = cli("build")
    assert result.exit_code == 3
    assert result.output == (
        f"l10n: error: pyproject.toml:{line}: tool.l10n.uk_apostrophe must be ’ (U+2019) or ʼ (U+02BC), not \"'\"\n"
    )
    assert not (translated_project / "build").exists()
