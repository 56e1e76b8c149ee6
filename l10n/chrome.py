"""Newsroom chrome: the page furniture that is not the article (the only table of it).

Both import modes (HTML through trafilatura, and plain text as scraped) run
their blocks through :func:`remove_chrome`, so a rule added here cleans both.
A rule matches a whole block, compared as plain text (Markdown emphasis and
link syntax removed, whitespace collapsed, case ignored): a body sentence
that merely mentions "share" or "print" is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ChromeRule:
    """One kind of chrome; ``section`` rules also drop the link list after them."""

    name: str
    pattern: str
    section: bool = False

    def matches(self, plain: str) -> bool:
        return re.fullmatch(self.pattern, plain, re.IGNORECASE) is not None


CHROME_RULES: tuple[ChromeRule, ...] = (
    ChromeRule("accessibility", r"accessibility links|skip to (main )?content|skip to navigation"),
    ChromeRule("breaking-news", r"breaking news:?"),
    ChromeRule("timestamp", r"(last )?(updated|published)( on)?( [^.!?]{0,40})?"),
    ChromeRule("share", r"share( this( article| story)?| via( email)?| on \w+)?:?|print|e-?mail|copy( link)?|link copied"
                        r"|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|comments?( \(\d+\))?|\d+ comments?"),
    ChromeRule("size-switcher", r"(text|font) size|a[+-]|(xs|sm|md|lg|xl)( (xs|sm|md|lg|xl))*"),
    ChromeRule("click-here", r".*\bclick here\b.*"),
    ChromeRule("image-label", r"[•·*-]?\s*\d+x\d+ image"),
    ChromeRule("discussion", r"join the conversation\.?|leave a (reply|comment)|show comments|add a comment"),
    ChromeRule("subscribe", r".{0,120}\b(subscribe|sign up)\b.{0,120}\b(newsletter|inbox|briefing)\b.{0,80}"
                            r"|(subscribe|sign up)( now| today| here)?[.!]?"),
    ChromeRule("separator", r"(\\?[-_*=~])(\s*\\?[-_*=~]){2,}"),
    ChromeRule("related-label", r"(related|read more|see also|more on this( story)?)( stories| coverage)?: .+"),
    ChromeRule("related", r"related( stories| articles| coverage| content| posts)?|read more|see also|more stories"
                          r"|more on this( story)?|recommended|most (read|popular)|trending", section=True),
    ChromeRule("follow", r"follow (ap|us)\b.{0,80}(coverage|on \w+).*|follow us( on .+)?"),
    ChromeRule("advertisement", r"advertisement|sponsored( content)?"),
    ChromeRule("copyright", r"(copyright|©|\(c\)) .{0,120}"),
    ChromeRule("footer", r"about( us)?|privacy( policy)?|terms( of (use|service))?|contact( us)?|cookie (settings|policy)"),
)
"""Every chrome rule, in the order they are tried (the first match names the block)."""

_SEPARATOR = next(rule for rule in CHROME_RULES if rule.name == "separator")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|\*|(?<!\w)_|_(?!\w)|`)")
_LISTING = re.compile(r"\s*(([-*+]|\d+[.)])\s+)?(\[[^\]]*\]\([^)]*\)\s*)+")


BYLINE = re.compile(r"by ([^\W\d_][\w.'’ -]{1,60}?)( and [^\W\d_][\w.'’ -]{1,60})?", re.IGNORECASE)
"""A byline line ("By HANNA ARHIROVA"): chrome in the body, the author in the front matter."""


def plain_text(block: str) -> str:
    """A Markdown block as the words a reader sees, for comparing with rules and captions."""
    text = _LINK.sub(r"\1", block)
    text = _MARKUP.sub("", text)
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|>)\s*", "", text)
    return " ".join(text.split())


def chrome_rule(block: str) -> ChromeRule | None:
    """The rule a block is chrome by, or None when it is article text."""
    plain = plain_text(block)
    if not re.search(r"\w", plain):
        return _SEPARATOR  # "\\_\\_\\_", "* * *": nothing a reader could read
    return next((rule for rule in CHROME_RULES if rule.matches(plain)), None)


def is_listing(block: str) -> bool:
    """A block that only lists links or headlines (what follows "Related stories")."""
    if _LISTING.fullmatch(block):
        return True
    plain = plain_text(block)
    return bool(plain) and len(plain) <= 160 and not re.search(r"[.!?:;\"”’)]$", plain)


def remove_chrome(blocks: Sequence[str], listing: Callable[[str], bool] = is_listing) -> list[str]:
    """``blocks`` without chrome; a section rule also takes the listing blocks after it."""
    return [block for block, chrome in zip(blocks, chrome_mask(blocks, listing), strict=True) if not chrome]


def chrome_mask(blocks: Sequence[str], listing: Callable[[str], bool] = is_listing) -> list[bool]:
    """For each block, whether it is chrome (by a rule, or as a listing in a related-stories section)."""
    mask: list[bool] = []
    in_section = False
    for block in blocks:
        rule = chrome_rule(block)
        if rule is not None:
            in_section = rule.section
        elif not (in_section and listing(block)):
            in_section = False
        mask.append(rule is not None or in_section)
    return mask
