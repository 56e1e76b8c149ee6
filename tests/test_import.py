"""``l10n import``: newsroom pages and scraped text become clean sources.

Fixtures in tests/data/import/: ``seed-article.txt`` is real scraped text of
the first article (RFE/RL); the three pages are written in the markup of
three newsroom CMSes (RFE/RL's Pangea, AP News, WordPress) around invented
copy, each with its golden ``x.expect.md``.
"""

from __future__ import annotations

import http.server
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import serving

from l10n.chrome import CHROME_RULES, remove_chrome
from l10n.importer import detect_format, slugify
from l10n.segment import read_document

DATA = Path(__file__).parent / "data" / "import"
ROOT = Path(__file__).parent.parent
SEED = DATA / "seed-article.txt"
HAND_MADE = ROOT / "source" / "bakhmut-un-chief.md"
SEED_META = ("--meta", "date=2023-03-07", "--meta", "publisher=RFE/RL")

# Known glossary names each page's catalog must hint, and a placeholder msgid
# fragment proving its links and emphasis survived.
PAGES = {
    "ap-kharkiv": (
        ["Kyiv", "Ukraine", "Russia", "Telegram", "Institute for the Study of War", "Washington", "Kremlin", "Moscow", "AP"],
        ["here, <1>none</1>,", "<1>according to the Institute for the Study of War</1>"],
    ),
    "rferl-zaporizhzhia": (
        ["Ukraine", "Kyiv", "Moscow", "Volodymyr Zelenskiy", "Russia", "UN", "Reuters"],
        ["the <1>International Atomic Energy Agency</1> (IAEA)", "<1>a reminder that Russia is holding all of Europe hostage</1>"],
    ),
    "wp-warsaw": (
        ["Poland", "Ukraine", "Volodymyr Zelenskiy", "Warsaw", "Kyiv", "Moscow", "Leopard 2", "Kremlin", "Zelenskiy"],
        ["as <1>Volodymyr Zelenskiy</1> made", "<1>the defence ministry said</1>"],
    ),
}


def blocks(path: Path) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in read_document(path, path.name).segments]


def test_seed_text_is_the_hand_made_source_byte_for_byte(project: Path, cli) -> None:
    result = cli("import", str(SEED), "--slug", "seed", *SEED_META)
    assert result.exit_code == 0, result.output
    imported = project / "source" / "seed.md"
    assert blocks(imported) == blocks(HAND_MADE)
    assert imported.read_bytes() == HAND_MADE.read_bytes()


def test_seed_text_without_meta_differs_only_by_the_publisher_field(project: Path, cli) -> None:
    """Scraped text carries no date or publisher: those come from --meta (the README says so)."""
    assert cli("import", str(SEED), "--slug", "seed").exit_code == 0
    hand_made = [b for b in blocks(HAND_MADE) if b != ("publisher", "RFE/RL")]
    assert blocks(project / "source" / "seed.md") == hand_made


def test_scraped_ap_text_gives_the_html_import_without_its_markup(project: Path, cli) -> None:
    """The AP page copied from a browser: navigation before the headline, byline, share bar,
    related stories, newsletter box, footer all go; the byline becomes the author."""
    result = cli("import", str(DATA / "ap-kharkiv.txt"), "--slug", "ap", "--meta", "date=2024-05-23", "--meta", "publisher=AP News")
    assert result.exit_code == 0, result.output
    text = (project / "source" / "ap.md").read_text("utf-8")
    assert text == (DATA / "ap-kharkiv.txt.expect.md").read_text("utf-8")
    html = (DATA / "ap-kharkiv.expect.md").read_text("utf-8")
    unmarked = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", html.replace("*none*", "none"))
    assert text == re.sub(r"(?m)^url: .*\n", "", unmarked)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_newsroom_page_becomes_the_golden_source(project: Path, cli, name: str) -> None:
    result = cli("import", str(DATA / f"{name}.html"), "--slug", name)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote source/{name}.md (html, {len(read_document(project / 'source' / f'{name}.md', name).segments)} segments); next: l10n update\n"
    assert (project / "source" / f"{name}.md").read_text("utf-8") == (DATA / f"{name}.expect.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_imported_page_extracts_with_glossary_hints_and_placeholders(project: Path, cli, name: str) -> None:
    assert cli("import", str(DATA / f"{name}.html"), "--slug", name).exit_code == 0
    result = cli("extract")
    assert result.exit_code == 0, result.output
    pot = (project / "locales" / f"{name}.pot").read_text("utf-8")
    names, fragments = PAGES[name]
    for term in names:
        assert f"#. glossary: {term} → " in pot, term
    flat = pot.replace('"\n"', "")
    for fragment in fragments:
        assert fragment in flat, fragment
    assert 'msgctxt "caption"' in pot and 'msgctxt "headline"' in pot


def test_slug_comes_from_the_title(project: Path, cli) -> None:
    result = cli("import", str(DATA / "ap-kharkiv.html"))
    assert result.exit_code == 0, result.output
    assert (project / "source" / "russian-missiles-hit-kharkiv-as-ukrainian-drones-strike.md").is_file()
    assert slugify("Ukraine’s Zelenskiy: «Kyiv» — 2023!", "t") == "ukraines-zelenskiy-kyiv-2023"


def test_page_without_an_article_is_one_line_error_and_no_file(project: Path, cli) -> None:
    result = cli("import", str(DATA / "no-article.html"), "--slug", "empty")
    assert result.exit_code == 3
    assert result.stderr == f"l10n: error: {DATA / 'no-article.html'}: no article text found (the page has no extractable article body)\n"
    assert not (project / "source" / "empty.md").exists()


def test_text_of_only_chrome_is_an_error(project: Path, cli) -> None:
    result = cli("import", "-", "--slug", "empty", input="Breaking News\nShare\nPrint\nXS\nSM\n")
    assert result.exit_code == 3
    assert result.stderr == "l10n: error: <stdin>: no article text found (only page chrome)\n"
    assert sorted(p.name for p in (project / "source").iterdir()) == ["bakhmut-un-chief.md"]


def test_undecodable_file_is_one_line_error(project: Path, cli, tmp_path: Path) -> None:
    bad = tmp_path / "page.txt"
    bad.write_bytes(b"Headline\n\nA caf\xe9 was hit.\n")
    result = cli("import", str(bad), "--slug", "bad")
    assert result.exit_code == 3
    assert result.stderr == f"l10n: error: {bad}:3: not valid UTF-8 (byte 0xe9) and no other charset declared\n"
    assert not (project / "source" / "bad.md").exists()


def test_declared_charset_is_honoured(project: Path, cli, tmp_path: Path) -> None:
    page = (DATA / "rferl-zaporizhzhia.html").read_text("utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("diesel generators,", "diesel generators \u2014 all 20 of them \u2014")
    (tmp_path / "cp1252.html").write_bytes(page.encode("cp1252"))
    assert cli("import", str(tmp_path / "cp1252.html"), "--slug", "cp").exit_code == 0
    assert "generators \u2014 all 20 of them \u2014 the" in (project / "source" / "cp.md").read_text("utf-8")


def test_stdin_gives_the_same_source_as_the_file(project: Path, cli) -> None:
    result = cli("import", "-", "--slug", "from-stdin", *SEED_META, input=SEED.read_text("utf-8"))
    assert result.exit_code == 0, result.output
    assert (project / "source" / "from-stdin.md").read_bytes() == HAND_MADE.read_bytes()


def test_existing_source_needs_force(project: Path, cli) -> None:
    target = project / "source" / "bakhmut-un-chief.md"
    before = target.read_bytes()
    result = cli("import", str(DATA / "ap-kharkiv.html"), "--slug", "bakhmut-un-chief")
    assert result.exit_code == 3
    assert result.stderr == "l10n: error: source/bakhmut-un-chief.md: already exists; use --force to replace it\n"
    assert target.read_bytes() == before
    forced = cli("import", str(DATA / "ap-kharkiv.html"), "--slug", "bakhmut-un-chief", "--force")
    assert forced.exit_code == 0
    assert target.read_text("utf-8") == (DATA / "ap-kharkiv.expect.md").read_text("utf-8")


def test_reimporting_the_same_page_is_a_no_op(project: Path, cli) -> None:
    assert cli("import", str(SEED), "--slug", "bakhmut-un-chief", *SEED_META).output == (
        "unchanged source/bakhmut-un-chief.md (text, 31 segments); next: l10n update\n")


def test_bad_slug_is_refused(project: Path, cli) -> None:
    result = cli("import", str(SEED), "--slug", "../escape")
    assert result.exit_code == 3
    assert "not a valid article slug" in result.stderr
    assert not (project / "escape.md").exists()


def test_dry_run_prints_and_writes_nothing(project: Path, cli) -> None:
    result = cli("import", str(DATA / "wp-warsaw.html"), "--dry-run")
    assert result.exit_code == 0
    assert result.output == (DATA / "wp-warsaw.expect.md").read_text("utf-8")
    assert sorted(p.name for p in (project / "source").iterdir()) == ["bakhmut-un-chief.md"]


def test_format_is_detected_and_can_be_forced(project: Path, cli) -> None:
    assert detect_format((DATA / "wp-warsaw.html").read_text("utf-8")) == "html"
    assert detect_format(SEED.read_text("utf-8")) == "text"
    text = "<p> is how the CMS marks paragraphs, a reporter wrote\n\nThe rest of the story is plain text.\n"
    result = cli("import", "-", "--slug", "forced", "--format", "text", input=text)
    assert result.exit_code == 0, result.output
    assert (project / "source" / "forced.md").read_text("utf-8").endswith(
        "# \\<p> is how the CMS marks paragraphs, a reporter wrote\n\nThe rest of the story is plain text.\n")


def test_chrome_rules_drop_widgets_and_keep_sentences_about_them() -> None:
    lines = [
        "Share", "Share via", "Print", "Breaking News", "Updated", "XS", "LG", "To find out more, click here.",
        "Comments", "Subscribe to our newsletter.", "  • 16x9 Image", "Related Stories", "Ukraine Asks For More Patriots",
        "Kyiv said it would share intelligence with Warsaw.", "The paper stopped its print edition in 2022.",
        "Related Stories", "Residents were told to subscribe to air-raid alerts.",
        "Copyright 2024 The Associated Press. All Rights Reserved.", "Privacy", "Follow AP’s coverage of the war at https://apnews.com",
    ]
    assert remove_chrome(lines) == [
        "Kyiv said it would share intelligence with Warsaw.", "The paper stopped its print edition in 2022.",
        "Residents were told to subscribe to air-raid alerts.",
    ]
    assert len({rule.name for rule in CHROME_RULES}) == len(CHROME_RULES)


@pytest.fixture
def page_server() -> Iterator[str]:
    """A tiny HTTP server on 127.0.0.1 serving the fixtures folder."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(DATA), **kwargs)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with serving(http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)) as url:
        yield url


def test_url_is_fetched(project: Path, cli, page_server: str) -> None:
    result = cli("import", f"{page_server}/rferl-zaporizhzhia.html", "--slug", "rferl-zaporizhzhia")
    assert result.exit_code == 0, result.output
    assert (project / "source" / "rferl-zaporizhzhia.md").read_text("utf-8") == (
        DATA / "rferl-zaporizhzhia.expect.md").read_text("utf-8")


def test_url_without_network_is_one_line_error(project: Path, cli) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = cli("import", f"http://127.0.0.1:{port}/article", "--slug", "offline")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"l10n: error: http://127.0.0.1:{port}/article: cannot fetch (no network?): ")
    assert result.stderr.count("\n") == 1
    assert not (project / "source" / "offline.md").exists()


def test_help_does_not_import_trafilatura() -> None:
    code = "import sys; from l10n.cli import main; print('trafilatura' in sys.modules, 'lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out == "False False\n"
