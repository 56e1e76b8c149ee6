"""The scale benchmark's corpus: real blog posts, normalized so l10n takes them as they are.

Where the posts come from (``--corpus DIR`` of ``benchmarks/scale.py``, by
default /work/corpus)::

    git clone https://github.com/rust-lang/blog.rust-lang.org DIR/rust
    git -C DIR/rust checkout 0243724c     # posts: DIR/rust/content/**/*.md
    git clone https://github.com/golang/website DIR/go
    git -C DIR/go checkout b02076ae       # posts: DIR/go/_content/blog/*.md

The Rust blog is MIT / Apache-2.0, the Go blog CC-BY 4.0.

What normalization changes, and nothing else (the normalized text is the
source the round trip is compared with):

* Rust posts carry TOML front matter between ``+++`` lines (path, authors,
  aliases…). It is dropped; its title is kept as a YAML front matter
  ``title:`` line, written as a JSON string (a valid double-quoted YAML
  scalar). Section pages (``_index.md``) and pages without a title are left out.
* Go posts keep their YAML front matter as it is (``title``, ``date``, a
  ``by:`` list, ``summary``, ``template: true``): l10n's reader takes it.
  Pages without a ``date:`` (the folder's README, the blog's index pages)
  and redirect stubs (front matter and no text) are left out.
* A UTF-8 byte order mark is dropped and CR LF line ends become LF (l10n
  refuses both, as an editor's artefact rather than content).
* The slug is ``rust-`` or ``go-`` and the post's path inside its blog
  (``inside-rust/foo.md`` → ``rust-inside-rust-foo``, ``foo/index.md`` →
  ``rust-foo``), lowercased, every other character than ``[a-z0-9._-]``
  turned into ``-``; a clash gets ``-2``, ``-3``…

The choice of N posts is deterministic: each blog's posts sorted by path,
then the two lists interleaved (Rust, Go, Rust, Go… and the rest of the
longer one), and the first N taken, so a smaller corpus is a prefix of a
larger one.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from l10n.config import SLUG_RE

DEFAULT_CORPUS = Path("/work/corpus")
RUST_POSTS = Path("rust/content")
GO_POSTS = Path("go/_content/blog")

_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)\+\+\+[ \t]*(?:\n|\Z)", re.S)
_YAML = re.compile(r"\A---[ \t]*\n")


@dataclass(frozen=True)
class Post:
    """One normalized post: its slug, its Markdown, and the file it came from (relative to the corpus)."""

    slug: str
    text: str
    origin: str


def clean(text: str) -> str:
    """``text`` without a byte order mark and with LF line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def rust_post(text: str) -> str | None:
    """A Rust blog post with its TOML front matter replaced by a YAML ``title:`` line; None if it has no title."""
    text = clean(text)
    match = _TOML.match(text)
    if not match:
        return None
    title = tomllib.loads(match.group(1)).get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n" + text[match.end():]


def go_post(text: str) -> str | None:
    """A Go blog post as it is (its YAML front matter kept); None for a page without a date or without text."""
    text = clean(text)
    end = re.search(r"^---[ \t]*$", text[4:], re.M) if _YAML.match(text) else None
    if end is None or not re.search(r"^date:", text[4: 4 + end.start()], re.M):
        return None
    return text if text[4 + end.end():].strip() else None


def slug_of(blog: str, relative: Path) -> str:
    """The post's slug: blog prefix and path, lowercased, other characters made '-'."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "index" and len(parts) > 1:
        parts.pop()
    slug = re.sub(r"[^a-z0-9._-]", "-", "-".join([blog, *parts]).lower())
    if not SLUG_RE.match(slug):
        raise ValueError(f"{relative}: {slug!r} is not a slug")
    return slug


def blog_posts(corpus: Path, blog: str) -> list[tuple[Path, str]]:
    """(relative path, normalized text) of every post of one blog, sorted by path."""
    folder = corpus / (RUST_POSTS if blog == "rust" else GO_POSTS)
    pattern = "**/*.md" if blog == "rust" else "*.md"
    normalize = rust_post if blog == "rust" else go_post
    posts = []
    for path in sorted(folder.glob(pattern)):
        if path.name == "_index.md":
            continue
        text = normalize(path.read_text("utf-8"))
        if text is not None:
            posts.append((path.relative_to(folder), text))
    return posts


def corpus_posts(corpus: Path, count: int | None = None) -> list[Post]:
    """The first ``count`` posts (all when None) of both blogs, interleaved, with unique slugs."""
    blogs = {blog: blog_posts(corpus, blog) for blog in ("rust", "go")}
    if not any(blogs.values()):
        raise FileNotFoundError(f"no posts under {corpus / RUST_POSTS} or {corpus / GO_POSTS}")
    order = []
    for index in range(max(len(posts) for posts in blogs.values())):
        order += [(blog, posts[index]) for blog, posts in blogs.items() if index < len(posts)]
    posts: list[Post] = []
    taken: set[str] = set()
    for blog, (relative, text) in order[:count]:
        base = slug = slug_of(blog, relative)
        number = 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        folder = RUST_POSTS if blog == "rust" else GO_POSTS
        posts.append(Post(slug, text, str(folder / relative)))
    return posts
