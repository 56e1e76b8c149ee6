"""A newsroom page or scraped text → ``source/<slug>.md`` (the only module importing trafilatura).

Two modes share one cleaning: HTML goes through trafilatura (main text as
Markdown, with links, emphasis and metadata), plain text as copied from a
browser is read line by line; both then lose the blocks :mod:`l10n.chrome`
names as page furniture. The result is written in the form of the
hand-made first article: YAML front matter (title, date, author,
publisher, language, url), the headline as ``# …``, the photo caption as a
paragraph in ``*…*``, one line per paragraph. trafilatura and lxml are
imported only when a page is imported, so ``l10n --help`` stays fast.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .chrome import (
    BYLINE,
    chrome_mask,
    chrome_rule,
    is_listing,
    plain_text,
    remove_chrome,
)
from .config import SLUG_RE, Config
from .errors import SourceError
from .files import write_text
from .frontmatter import loose_mapping
from .segment import segment_text

FRONT_MATTER_ORDER = ("title", "date", "author", "publisher", "language", "url")
"""Front-matter keys an import writes, in this order (then any other ``--meta`` key)."""

_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|div|p|section)\b",
                         re.IGNORECASE | re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]*)[^)]*\)")
_WHOLE_EMPHASIS = re.compile(r"(\*|_)(?!\1)([^*_]+)(?<!\1)\1")
_CAPTION = re.compile(r"\*(?!\*).*(?<!\*)\*")
_FINAL_PUNCTUATION = re.compile(r"[.!?:;\"”’)…]$")


@dataclass(frozen=True)
class Article:
    """What an import found: the headline, Markdown blocks in order, and metadata."""

    headline: str
    blocks: tuple[str, ...]
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportReport:
    """Where the source went, what it says, and whether the file changed."""

    path: Path
    shown: str
    slug: str
    mode: str
    text: str
    changed: bool
    segments: int


def import_article(config: Config, data: bytes, shown: str, *, url: str | None = None, fmt: str | None = None,
                   slug: str | None = None, force: bool = False, meta: dict[str, str] | None = None,
                   charset: str | None = None, dry_run: bool = False) -> ImportReport:
    """Turn a page or scraped text into a project source; nothing is written on any error."""
    text = decode(data, shown, charset)
    mode = fmt or detect_format(text)
    article = article_from_html(text, shown, url) if mode == "html" else article_from_text(text, shown)
    metadata = {**article.metadata, "language": config.source_language, **(meta or {})}
    slug = slug or slugify(metadata.get("title") or article.headline, shown)
    if not SLUG_RE.match(slug):
        raise SourceError(f"{slug!r} is not a valid article slug (lowercase letters, digits, '.', '_', '-')", shown)
    path = config.writable(config.source_path(slug))
    target = config.relative(path)
    markdown = render_source(article, metadata)
    document = segment_text(markdown, slug, target, config.front_matter_keys)
    if path.exists() and not force and path.read_bytes() != markdown.encode("utf-8"):
        raise SourceError("already exists; use --force to replace it", target)
    changed = False if dry_run else write_text(path, markdown)
    return ImportReport(path, target, slug, mode, markdown, changed, len(document.segments))


def read_input(source: str, timeout: float = 20.0) -> tuple[bytes, str | None]:
    """The bytes of a file or an http(s) URL, and the charset a server declared."""
    if re.match(r"https?://", source, re.IGNORECASE):
        return fetch(source, timeout)
    try:
        return Path(source).read_bytes(), None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", source) from None


def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str | None]:
    """GET ``url``; any failure (no network, refused, HTTP error) is one SourceError line."""
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": f"l10n/{__version__} (article import)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read(), response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise SourceError(f"cannot fetch: HTTP {exc.code} {exc.reason}", url) from None
    except urllib.error.URLError as exc:
        raise SourceError(f"cannot fetch (no network?): {exc.reason}", url) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise SourceError(f"cannot fetch (no network?): {exc}", url) from None


def decode(data: bytes, shown: str, charset: str | None = None) -> str:
    """UTF-8, or the charset the server or the page declares; LF line endings."""
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = charset or _declared_charset(data)
        try:
            if declared is None or codecs.lookup(declared).name == "utf-8":
                raise LookupError(declared)
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            line = data[: exc.start].count(b"\n") + 1
            raise SourceError("not valid UTF-8 (byte 0x%02x) and no other charset declared" % data[exc.start],
                              shown, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def detect_format(text: str) -> str:
    """``html`` when the content opens like a web page, else ``text``."""
    return "html" if _HTML_START.match(text) else "text"


def article_from_html(text: str, shown: str, url: str | None = None) -> Article:
    """The article of a web page, through trafilatura's Markdown, cleaned."""
    import trafilatura

    extracted = trafilatura.extract(text, url=url, output_format="markdown", include_formatting=True,
                                    include_links=True, include_images=True, include_comments=False,
                                    with_metadata=True, date_extraction_params={"extensive_search": False})
    header, body = _split_header(extracted or "")
    info = loose_mapping(header)
    blocks = ["\n".join(_spaces(line) for line in block.strip("\n").split("\n"))
              for block in re.split(r"\n(?:[ \t]*\n)+", body.strip()) if block.strip()]
    headline = _escape(str(info.get("title") or ""))
    if blocks and blocks[0].startswith("# "):
        headline = blocks.pop(0)[2:].strip()
    captions, quotes = _figures(text)
    blocks = _line_chrome([_unwrap(b, captions) for b in _mark_quotes(_place_captions(blocks, captions), quotes)])
    metadata = {key: str(info[name]) for key, name in
                (("title", "title"), ("date", "date"), ("author", "author"), ("publisher", "sitename"), ("url", "url"))
                if info.get(name) and chrome_rule(str(info[name])) is None}
    return _checked(Article(headline, tuple(blocks), metadata), shown)


def _line_chrome(blocks: list[str]) -> list[str]:
    """Chrome removed line by line: trafilatura's fallback glues a page's widgets into one block."""
    lines = [(number, line) for number, block in enumerate(blocks) for line in block.split("\n")]
    mask = chrome_mask([line for _, line in lines])
    kept: dict[int, list[str]] = {}
    for (number, line), chrome in zip(lines, mask, strict=True):
        if not chrome:
            kept.setdefault(number, []).append(line)
    return ["\n".join(group) for group in kept.values()]


def _split_header(markdown: str) -> tuple[str, str]:
    match = re.match(r"---\n(.*?\n)---\n", markdown, re.DOTALL)
    return (match.group(1), markdown[match.end():]) if match else ("", markdown)


def _figures(html: str) -> tuple[dict[str, str], list[str]]:
    """Photo captions keyed by their image's address ("" when none), and block quotes."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except ValueError:  # a str with an XML encoding declaration
        root = lxml.html.fromstring(html.encode("utf-8"))
    captions: dict[str, str] = {}
    for element in root.iter("figcaption", "div", "span", "p"):
        classes = str(element.get("class") or "")
        is_caption = element.tag == "figcaption" or re.search(r"(^|[\s_-])caption($|\s)", classes, re.IGNORECASE)
        if not is_caption or any(a.tag == "figcaption" or "caption" in str(a.get("class") or "").lower()
                                 for a in element.iterancestors()):
            continue
        words = " ".join(element.text_content().split())
        holder = next((a for a in element.iterancestors() if a.find(".//img") is not None), None)
        image = holder.find(".//img") if holder is not None else None
        if words and words not in captions.values():
            captions[str(image.get("src") or "") if image is not None else f"#{len(captions)}"] = words
    quotes = [" ".join(q.text_content().split()) for q in root.iter("blockquote")]
    return captions, [q for q in quotes if q]


def _place_captions(blocks: list[str], captions: dict[str, str]) -> list[str]:
    """Images become their caption in ``*…*``; a repeated caption goes; lead captions go first."""
    placed: set[str] = set()
    result: list[str] = []
    by_text = set(captions.values())
    for block in blocks:
        image = _IMAGE.fullmatch(block)
        caption = captions.get(image.group(1)) if image else plain_text(block) if plain_text(block) in by_text else None
        if image and caption is None:
            continue  # a picture without a caption: nothing to translate
        if caption is not None:
            if caption not in placed:
                result.append(f"*{_escape(caption)}*")
            placed.add(caption)
            continue
        result.append(block)
    lead = [f"*{_escape(c)}*" for c in captions.values() if c not in placed]
    return lead + result


def _mark_quotes(blocks: list[str], quotes: list[str]) -> list[str]:
    """trafilatura's Markdown loses ``<blockquote>``: give those paragraphs back their ``>``."""
    return [f"> {block}" if quotes and plain_text(block) in quotes else block for block in blocks]


def _unwrap(block: str, captions: dict[str, str]) -> str:
    """A wholly emphasised paragraph that is no caption loses the emphasis (``*…*`` means caption here)."""
    match = _WHOLE_EMPHASIS.fullmatch(block)
    if match and plain_text(block) not in captions.values():
        return match.group(2)
    return block


def article_from_text(text: str, shown: str) -> Article:
    """Text as scraped: a line per block, the headline before the byline, a doubled line the caption."""
    lines = [line for line in (_spaces(line) for line in text.split("\n")) if line.strip()]
    lines, author = _after_masthead(lines)
    units: list[tuple[str, str]] = []
    captions: set[str] = set()
    for line in remove_chrome(lines):
        if units and line == units[-1][1] and units[-1][0] == "line":
            units[-1] = ("caption", line)  # a caption scraped twice (the image's alt text and the caption)
            captions.add(line.strip())
        elif line.strip() not in captions:
            units.append(("line", line))
    if not units:
        raise SourceError("no article text found (only page chrome)", shown)
    headline = units.pop(0)[1].strip()
    metadata = {"title": headline, **({"author": author} if author else {})}
    return _checked(Article(_escape(headline), tuple(_boxes(units)), metadata), shown)


def _after_masthead(lines: list[str]) -> tuple[list[str], str | None]:
    """Lines from the headline on, and the byline's author.

    The headline is the last article line before the first byline or
    "Updated …" line near the top; what precedes it is the site's
    navigation. Without such a line the first line that is not chrome is
    the headline.
    """
    mask = chrome_mask(lines)
    for index, line in enumerate(lines[:40]):
        byline = BYLINE.fullmatch(line.strip())
        rule = chrome_rule(line)
        if byline is None and (rule is None or rule.name != "timestamp"):
            continue
        before = [i for i in range(index) if not mask[i] and not BYLINE.fullmatch(lines[i].strip())]
        if not before:
            break
        bylines = [match for match in (BYLINE.fullmatch(line.strip()) for line in lines[: index + 2]) if match]
        author = _name(bylines[0].group(0)[3:]) if bylines else None
        rest = [line for i, line in enumerate(lines) if i >= before[-1] and not BYLINE.fullmatch(line.strip())]
        return rest, author
    return lines, None


def _name(byline: str) -> str:
    """An all-caps byline in the case of a name: HANNA ARHIROVA → Hanna Arhirova."""
    return byline.title() if byline.isupper() else byline


def _boxes(units: list[tuple[str, str]]) -> list[str]:
    """Indented lines are a box after the story: its unpunctuated first line a ``##`` heading, ``---`` after it."""
    blocks: list[str] = []
    in_box = False
    for kind, line in units:
        content = _escape(line.strip())
        if kind == "caption":
            blocks.append(f"*{content}*")
            continue
        indented = line.startswith(("  ", "\t"))
        if indented and not in_box and not _FINAL_PUNCTUATION.search(line):
            content = f"## {content}"
        elif in_box and not indented:
            blocks.append("---")
        in_box = indented
        blocks.append(content)
    return blocks


def _checked(article: Article, shown: str) -> Article:
    """Refuse a page whose article body is empty, rather than write an empty source."""
    body = [b for b in article.blocks if not _CAPTION.fullmatch(b) and not b.startswith(("#", "---")) and not is_listing(b)]
    if not article.headline or not body:
        raise SourceError("no article text found (the page has no extractable article body)", shown)
    return Article(_quotes(article.headline, article.blocks), tuple(_quotes(b, article.blocks) for b in article.blocks),
                   {key: _quotes(value, article.blocks) for key, value in article.metadata.items()})


def _quotes(text: str, blocks: tuple[str, ...]) -> str:
    """A few curly quotes in an article of straight ones (a CMS paste) become straight."""
    joined = "\n".join(blocks)
    curly = sum(joined.count(mark) for mark in "“”‘’")
    straight = joined.count('"') + len(re.findall(r"(?<=\w)'(?=\w)", joined))
    if not curly or straight <= curly:
        return text
    straighten: dict[str, str | int | None] = {"“": '"', "”": '"', "‘": "'", "’": "'"}
    return text.translate(str.maketrans(straighten))


def _spaces(line: str) -> str:
    """No-break spaces (CMS ``&nbsp;`` left-overs) and runs of spaces become one space; the indent stays."""
    indent = len(line) - len(line.lstrip(" \t"))
    return line[:indent] + re.sub(r"[ \t\u00a0]+", " ", line[indent:]).rstrip()


def _escape(text: str) -> str:
    """Plain text as Markdown that renders the same characters."""
    text = re.sub(r"([\\`*_<])", r"\\\1", text)
    text = text.replace("](", "]\\(")
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = re.sub(r"^(#{1,6}(?=\s)|>|[-+](?=\s))", r"\\\1", text)
    return re.sub(r"^(\d{1,9})([.)])(?=\s)", r"\1\\\2", text)


def slugify(title: str, shown: str) -> str:
    """A slug from the title's ASCII words, at most 60 characters, cut between words."""
    folded = unicodedata.normalize("NFKD", re.sub(r"['’ʼ]", "", title)).encode("ascii", "ignore").decode()
    slug = ""
    for word in re.findall(r"[a-z0-9]+", folded.lower()):
        if slug and len(slug) + 1 + len(word) > 60:
            break
        slug = f"{slug}-{word}" if slug else word[:60]
    if not slug:
        raise SourceError("cannot make a slug from the title; give one with --slug", shown)
    return slug


def render_source(article: Article, metadata: dict[str, str]) -> str:
    """The source file: front matter, ``# headline``, then one block per paragraph."""
    keys = [k for k in FRONT_MATTER_ORDER if metadata.get(k)] + [k for k in metadata if k not in FRONT_MATTER_ORDER]
    lines = [f"{key}: {_yaml_value(key, metadata[key])}" for key in keys if metadata.get(key)]
    body = "\n\n".join([f"# {article.headline}", *article.blocks])
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


def _yaml_value(key: str, value: str) -> str:
    if key == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if key == "language" and re.fullmatch(r"[a-z]{2,3}([_-][A-Za-z0-9]+)?", value):
        return value
    return json.dumps(value, ensure_ascii=False)
