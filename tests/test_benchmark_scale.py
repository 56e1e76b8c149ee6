"""The scale benchmark's corpus and its end-to-end run (no timing is asserted).

Three real posts (tests/data/scale/README.md: sources and licences) go through
``benchmarks/scale_corpus.py``: l10n's reader must take each normalized post,
the normalization must change only what its docstring says, and
``benchmarks/scale.py --sizes 2`` must run every step on two of them and
count both identity round trips.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from l10n.config import SLUG_RE
from l10n.frontmatter import read_front_matter, split_front_matter
from l10n.pofile import read_po
from l10n.segment import segment_text

ROOT = Path(__file__).parent.parent
DATA = ROOT / "tests" / "data" / "scale"
sys.path.insert(0, str(ROOT / "benchmarks"))
from scale_corpus import corpus_posts, rust_post  # noqa: E402  (benchmarks/ is not a package)

WELCOME = DATA / "rust" / "content" / "inside-rust" / "Welcome.md"
GO112 = DATA / "go" / "_content" / "blog" / "go1.12.md"


def test_posts_are_interleaved_with_unique_slugs() -> None:
    posts = corpus_posts(DATA)
    # Sorted by path as Python sorts strings: "Welcome.md" before "api-token-scopes/".
    assert [post.slug for post in posts] == ["rust-inside-rust-welcome", "go-go1.12", "rust-inside-rust-api-token-scopes"]
    assert [post.origin for post in posts] == ["rust/content/inside-rust/Welcome.md", "go/_content/blog/go1.12.md",
                                               "rust/content/inside-rust/api-token-scopes/index.md"]
    assert all(SLUG_RE.match(post.slug) for post in posts)
    assert [post.slug for post in corpus_posts(DATA, 2)] == [post.slug for post in posts[:2]]


def test_l10n_reads_every_post_with_its_title() -> None:
    titles = {"rust-inside-rust-api-token-scopes": "API token scopes", "go-go1.12": "Go 1.12 is released",
              "rust-inside-rust-welcome": "Welcome to the Inside Rust blog!"}
    for post in corpus_posts(DATA):
        document = segment_text(post.text, post.slug, f"source/{post.slug}.md")
        assert read_front_matter(post.text, post.slug).data["title"] == titles[post.slug]
        assert [s.text for s in document.segments if s.kind == "title"] == [titles[post.slug]]
        assert len(document.segments) > 5


def test_go_post_is_kept_as_it_is() -> None:
    post = next(post for post in corpus_posts(DATA) if post.slug == "go-go1.12")
    assert post.text == GO112.read_text("utf-8")
    assert read_front_matter(post.text, post.slug).data["by"] == ["Andrew Bonventre"]


def test_rust_front_matter_becomes_a_title_line() -> None:
    source = WELCOME.read_text("utf-8")
    text = rust_post(source)
    assert text is not None
    front, body = split_front_matter(text)
    assert front == 'title: "Welcome to the Inside Rust blog!"\n'
    assert body == source.split("+++\n", 2)[2]


def test_rust_page_without_title_is_left_out() -> None:
    assert rust_post('+++\ntemplate = "latest.html"\n+++\n') is None
    assert rust_post('+++\ntitle = "Say \\"hi\\" \\\\ «ok»"\n+++\nText.\n') == '---\ntitle: "Say \\"hi\\" \\\\ «ok»"\n---\nText.\n'


@pytest.mark.slow
def test_scale_runs_every_step_end_to_end(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--corpus", str(DATA),
                           "--sizes", "2", "--peers", "mdpo", "--mdpo", str(tmp_path), "--workdir", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "exited" not in done.stderr
    rows = [line.split(" | ")[0].removeprefix("| ") for line in done.stdout.splitlines() if line.startswith("| `")
            or line.startswith("| first")]
    steps = ["`extract`", "first `update`", "`update`, nothing changed", "`update`, one word changed in one post",
             "`extract --check`", "first `build --force`", "`build --force`, nothing changed", "`check`",
             "`build --force`, every ru catalog changed (uk and ru differ)"]
    assert rows == steps * 2  # CPU table, then wall table
    assert "| l10n (one process) | 2 |" in done.stdout
    assert "| 2/2 | 0 |" in done.stdout
    assert "| mdpo | 2 | not installed | | | |" in done.stdout
    project = next(tmp_path.glob("l10n-scale-*/l10n-2"))
    catalogs = sorted(project.glob("locales/*/LC_MESSAGES/*.po"))
    assert len(catalogs) == 4
    for po in catalogs:  # the editions came from msgstr = msgid (ru's o then Cyrillic), not from the fallback
        entries = read_po(po).entries()
        expected = (lambda m: m.msgid.replace("o", "\u043e")) if "/ru/" in po.as_posix() else (lambda m: m.msgid)
        assert entries and all(m.msgstr == expected(m) and not m.fuzzy for m in entries), po
    assert "\u043e" in (project / "build" / "ru" / "go-go1.12.md").read_text("utf-8")
    edited = (project / "source" / "go-go1.12.md").read_text("utf-8")
    assert edited != GO112.read_text("utf-8")
    assert edited == GO112.read_text("utf-8").replace(" the ", " a ", 1)
