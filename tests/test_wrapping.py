"""gettext wrapping: the fast path lays out every string as the full port does.

l10n.wrapping has two ways to find where a PO string's lines start: the
full port of libunistring's line breaking, character by character, and a
fast path for strings whose characters the pair table alone decides. The
fast path must give the same lines on any string, so the property test
below runs both on random strings that mix what each treats differently,
and GNU msgcat is the judge of a whole catalog of such strings.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n import wrapping
from l10n.model import Catalog, Message
from l10n.powriter import format_po
from l10n.wrapping import wrap_string

# Characters the two paths see differently: ASCII and Cyrillic words, CJK and
# other wide characters, combining marks, joiners, regional indicators,
# Hebrew, zero-width and no-break spaces, a soft hyphen, mandatory breaks,
# raw control characters, and what the escaper turns into two characters.
ALPHABET = ("abcxyzABC019 .,;:!?-/()[]{}'%$#&*+=<>@_~|`" '"\\\n\t\r\a\b\f\v\x01\x7f'
            "абвгґєіїщьюяЇБ«»—–…№\u00a0\u00ad\u200b\u200d\u2028\u2029\u0085"
            "中文字（）、。「」＂ｶ가\u0301\u0308\u20dd🇺🇦😀👍🏽שלום׳")
TOKENS = ["the", "situation", "Бахмут", "катастрофічна", "co-operate", "docs/guide/intro",
          "https://example.org/a/b?c=d&e=f", "%s", "%d", "%1$s", "%(name)s", "%-5.2f", "%%",
          "{0}", "{name}", "{name:>10}", "{{", "}}", "{", "\\n", "a" * 90, "Ї" * 85,
          "中" * 45, "x\u0301" * 50, "\u200d", "🇺🇦🇺🇦🇺🇦", "שלום-עולם", "   ", "\n", "\t", " ", " "]
piece = st.one_of(st.sampled_from(TOKENS), st.text(alphabet=ALPHABET, max_size=10))
strings = st.lists(piece, max_size=40).map("".join)
KEYWORDS = ["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]", "msgstr[12]"]
FORMATS = ["", "c", "python", "python-brace", "sh"]


def full_path(prefix: str, keyword: str, value: str, wrap: bool, fmt: str) -> list[str]:
    """wrap_string with the fast path switched off: the port, character by character."""
    with mock.patch.object(wrapping, "_fast_breaks", return_value=None):
        return wrap_string(prefix, keyword, value, wrap, fmt)


@pytest.mark.slow  # thousands of generated cases
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["", "#~ ", "#| ", "#~| "]), st.sampled_from(KEYWORDS), strings,
       st.booleans(), st.sampled_from(FORMATS))
def test_fast_path_lays_out_every_string_as_the_full_port(prefix: str, keyword: str, value: str,
                                                          wrap: bool, fmt: str) -> None:
    assert wrap_string(prefix, keyword, value, wrap, fmt) == full_path(prefix, keyword, value, wrap, fmt)


@pytest.mark.parametrize("text", [
    "The situation in Bahmut is catastrophic, the UN says (again) — «ситуація катастрофічна». " * 3,
    "Ситуація в Бахмуті катастрофічна, заявили в ООН: co-operate, docs/guide, 3.14, 100% " * 3,
    "中文字（全角）「引号」。" * 10,
])
def test_common_text_takes_the_fast_path(text: str) -> None:
    """Otherwise the property above would compare the port with itself."""
    layout = wrapping._fast_breaks(text, set(), 77)
    assert layout is not None and layout(6)  # long enough to wrap


@pytest.mark.parametrize("text", ["e\u0301" * 50, "a\u200db " * 20, "🇺🇦 " * 40, "שלום " * 20,
                                  "a\u2028b " * 20, "a\u200bb " * 20])
def test_classes_the_pair_table_does_not_decide_take_the_full_port(text: str) -> None:
    assert wrapping._fast_breaks(text, set(), 77) is None


# ------------------------------------------------------------ msgcat judges

def random_strings(count: int, seed: int) -> list[str]:
    """Reproducible strings drawn like the property test's."""
    rng = random.Random(seed)
    return ["".join(rng.choice(TOKENS) if rng.random() < 0.5 else
                    "".join(rng.choices(ALPHABET, k=rng.randint(1, 10)))
                    for _ in range(rng.randint(0, 40))) for _ in range(count)]


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat (gettext) is not on PATH")
def test_catalog_of_random_strings_is_written_as_msgcat_writes_it() -> None:
    header = Message(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    values = random_strings(1200, seed=14)
    flags = [[], ["c-format"], ["python-format"], ["python-brace-format"], ["no-wrap"]]
    messages = [Message(msgid=f"{n} {values[n]}", msgstr=values[n + 600], msgctxt=values[n + 300] or None,
                        flags=flags[n % len(flags)]) for n in range(300)]
    text = format_po(Catalog(messages=[header, *messages]))
    done = subprocess.run(["msgcat", "-"], input=text.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode() == text
