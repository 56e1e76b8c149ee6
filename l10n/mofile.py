"""Catalogs → GNU MO files, laid out byte for byte as ``msgfmt`` lays them out.

msgfmt is the reference: the same entries (translated ones, the header even
when fuzzy; no fuzzy, untranslated or obsolete entry), the header as the
catalog has it minus ``POT-Creation-Date`` (msgfmt drops it for reproducible
builds), strings sorted by bytes, and the same hash table (gettext's
``hashpjw`` with double hashing, ``next_prime(4n/3)`` slots), little-endian.
Nothing depends on the clock, so two builds give the same bytes.

Not written: the system-dependent strings (``<PRIu64>`` in C format strings)
that msgfmt moves into a revision-1 table; catalogs of articles have none.
"""

from __future__ import annotations

import codecs
import functools
import re
import struct

from .model import Catalog, Message

MAGIC = 0x950412DE
_CONTEXT_SEPARATOR = "\x04"
_HEADER_SIZE = 28  # seven 32-bit words: revision 0 has no system-dependent tables


def format_mo(catalog: Catalog) -> bytes:
    """The MO file of ``catalog``, as ``msgfmt --endianness=little`` writes it."""
    encoding = _encoding(catalog)
    pairs = sorted(
        (_original(message).encode(encoding), _translation(message).encode(encoding))
        for message in catalog.messages if _compiled(message)
    )
    count = len(pairs)
    slots = max(_next_prime(count * 4 // 3), 3)
    originals_at = _HEADER_SIZE
    translations_at = originals_at + 8 * count
    hash_at = translations_at + 8 * count
    offset = hash_at + 4 * slots
    tables: list[bytes] = []
    for column in (0, 1):
        table = []
        for pair in pairs:
            table.append(struct.pack("<II", len(pair[column]), offset))
            offset += len(pair[column]) + 1
        tables.append(b"".join(table))
    header = struct.pack("<7I", MAGIC, 0, count, originals_at, translations_at, slots, hash_at)
    strings = b"".join(pair[column] + b"\0" for column in (0, 1) for pair in pairs)
    return header + tables[0] + tables[1] + _hash_table([key for key, _ in pairs], slots) + strings


def _compiled(message: Message) -> bool:
    """Whether msgfmt puts the entry in the MO file (the header's fuzziness is ignored)."""
    if message.obsolete or not message.translations[0]:
        return False
    return message.is_header or not message.fuzzy


def _original(message: Message) -> str:
    key = message.msgid if message.msgctxt is None else f"{message.msgctxt}{_CONTEXT_SEPARATOR}{message.msgid}"
    return key if message.msgid_plural is None else f"{key}\0{message.msgid_plural}"


def _translation(message: Message) -> str:
    if message.is_header:
        return re.sub(r"(?m)^POT-Creation-Date:[^\n]*(?:\n|\Z)", "", message.msgstr, count=1)
    return "\0".join(message.translations)


def _encoding(catalog: Catalog) -> str:
    """The charset the catalog declares (msgfmt keeps it), UTF-8 when none or unknown."""
    match = re.search(r"charset=([^\s;]+)", catalog.header_fields().get("Content-Type", ""))
    try:
        return codecs.lookup(match.group(1)).name if match else "utf-8"
    except LookupError:
        return "utf-8"


def _hash_table(keys: list[bytes], slots: int) -> bytes:
    """msgfmt's open-addressing table: slot → 1 + index of the string, 0 when empty."""
    table = [0] * slots
    for index, key in enumerate(keys):
        value = _hashpjw(key.split(b"\0", 1)[0])
        slot = value % slots
        step = 1 + value % (slots - 2)
        while table[slot]:
            slot = slot - (slots - step) if slot >= slots - step else slot + step
        table[slot] = index + 1
    return struct.pack(f"<{slots}I", *table)


@functools.lru_cache(maxsize=16384)
def _hashpjw(data: bytes) -> int:
    """gettext's ``__hash_string`` (P. J. Weinberger's hash, 32-bit words).

    Remembered: every language's MO file of a document hashes the same msgids.
    gettext's loop is ``h = (h << 4) + c; g = h & 0xf0000000; if g: h ^= g >> 24;
    h ^= g``, so ``h`` stays below 2**28 after each byte; folding the top
    nibble without the branch (it is 0 when there is none) gives the same
    value in one statement fewer, which is most of an MO file's cost.
    """
    value = 0
    for byte in data:
        value = (value << 4) + byte
        value = (value ^ (value >> 24 & 0xF0)) & 0x0FFFFFFF
    return value


def _next_prime(seed: int) -> int:
    """gettext's ``next_prime``: the first odd n ≥ seed its trial division accepts.

    It calls 3 composite (its loop starts dividing at 3), so two strings get 5
    slots, not 3; kept exactly, since the table size is in the file.
    """
    candidate = seed | 1
    while not _is_prime(candidate):
        candidate += 2
    return candidate


def _is_prime(candidate: int) -> bool:
    divisor, square = 3, 9
    while square < candidate and candidate % divisor:
        divisor += 1
        square += 4 * divisor
        divisor += 1
    return candidate % divisor != 0
