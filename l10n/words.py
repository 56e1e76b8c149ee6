"""English word lists for telling names from words: the only module that holds them.

The dictionary is Debian's ``wamerican`` list (``/usr/share/dict/words``,
SCOWL-based, about 100,000 words with inflections), read once. Its
lowercase entries are common words ("the", "earlier", "capturing"), so a
capitalised word at a sentence start that is one of them is probably not a
name; its capitalised entries with a demonym ending (Russian, Ukrainian,
Western) are adjectives, not glossary names.

The small lists below are the cue words of :mod:`l10n.names`' rules: titles
before a person's name, nouns that make a capitalised sequence an
organization, words before or after a place, equipment nouns, media.
"""

from __future__ import annotations

import calendar
from functools import lru_cache
from pathlib import Path

from .errors import L10nError

DICTIONARY = Path("/usr/share/dict/words")

#: Titles written before a name (capitalised in copy): "Gov. Vyacheslav Gladkov".
TITLES = frozenset("""President Gov. Governor Gen. General Lt. Col. Maj. Capt. Sgt. Adm. Sen. Rep. Mr. Mrs. Ms.
    Dr. Prof. Minister Secretary Secretary-General Prime Deputy Defense Defence Foreign Interior Mayor Commander
    Chief Spokesman Spokeswoman Pope King Queen Prince Chancellor Ambassador Speaker Chairman Head Colonel
    Lieutenant Major Captain Sergeant Admiral Marshal Premier Vice Acting Regional Commander-in-Chief""".split())

#: Lowercase words before a name that make it a person: "spokesman Ned Price".
PERSON_BEFORE = frozenset("""spokesman spokeswoman spokesperson governor mayor minister president commander
    chief official adviser advisor head leader secretary general ambassador envoy prosecutor lawmaker
    chairman senator analyst""".split())

#: Nouns that end (or head) an organization's name: "State Department", "Institute for…".
ORGANIZATION_WORDS = frozenset("""Group Ministry Council Court Department Institute Service Agency Committee
    Commission Union Organization Organisation Party Army Navy Forces Bank Fund Office Parliament Assembly
    Guard Authority Bureau University Association Federation Corporation Company Foundation Staff Command
    Directorate Center Centre Network Alliance Front Brigade Battalion Regiment Corps""".split())

#: Lowercase nouns after a name that make it an organization: "Wagner mercenary group".
ORGANIZATION_AFTER = frozenset("group company party unit militia movement forces army agency".split())

#: Connectors allowed inside an organization's name: "Institute for the Study of War".
CONNECTORS = frozenset("of for the on".split())

#: Lowercase words before a place: "in Bakhmut", "near Belgorod".
PLACE_BEFORE = frozenset("in from to near across outside into around toward towards across".split())

#: Lowercase words after a place; the first two become part of the name ("Donetsk region").
PLACE_AFTER = frozenset("region oblast province city district village town".split())
PLACE_PART = frozenset("region oblast province".split())

#: Lowercase nouns after an equipment name: "Leopard 2 tanks".
EQUIPMENT_AFTER = frozenset("""tank tanks missile missiles jet jets fighter fighters drone drones system systems
    launcher launchers rocket rockets howitzer howitzers helicopter helicopters aircraft""".split())

#: Lowercase nouns after a media name: "in a Telegram video".
MEDIA_AFTER = frozenset("video videos channel post posts app messaging news newspaper broadcaster".split())

#: Media names and acronyms newsrooms cite (kept in Latin script).
MEDIA = frozenset("AP AFP Reuters BBC CNN TASS Interfax Telegram Facebook YouTube Twitter Instagram".split())

#: Acronyms that name countries, not organizations.
COUNTRY_ACRONYMS = frozenset("U.S. US U.K. UK UAE".split())

#: Month and weekday names: capitalised, never glossary names.
CALENDAR = frozenset([*calendar.month_name[1:], *calendar.day_name, "Sept."])



@lru_cache(maxsize=4)
def _dictionary(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(lowercase entries, capitalised entries) of the word list at ``path``."""
    try:
        words = path.read_text(encoding="utf-8").split()
    except FileNotFoundError:
        raise L10nError("English word list not found (apt-get install wamerican)", str(path)) from None
    lower = frozenset(word for word in words if word.islower())
    proper = frozenset(word for word in words if word[:1].isupper())
    return lower, proper


def is_common(word: str, path: Path = DICTIONARY) -> bool:
    """Is ``word``, lowercased, an ordinary English word ("The", "Earlier")?"""
    return word.lower() in _dictionary(path)[0]


def in_dictionary(word: str, path: Path = DICTIONARY) -> bool:
    """Does the word list know ``word`` at all (Washington, Moscow, price)?"""
    lower, proper = _dictionary(path)
    return word in proper or word.lower() in lower


def is_demonym(word: str, path: Path = DICTIONARY) -> bool:
    """An adjective or noun of nationality or direction: Russian, Ukrainians, Polish, Western.

    The dictionary must list it capitalised, and list its plural too unless it
    ends in -ese/-ish (Chinese, British): that keeps Iran and Milan out.
    """
    if word in {"Western", "Eastern", "Northern", "Southern"}:
        return True
    proper = _dictionary(path)[1]
    base = word[:-1] if word.endswith(("ans", "is")) else word
    if base not in proper:
        return False
    if base.endswith(("ese", "ish")):
        return True
    return base.endswith(("an", "i")) and base + "s" in proper

#: Given names that are not East Slavic (those live in :data:`l10n.translit.GIVEN_NAMES`).
GIVEN_NAMES = frozenset("""Ned Antonio António Joe Donald Emmanuel Olaf Jens Ursula Kamala Antony Boris Recep Rishi
    Keir Narendra Mark David James John Michael Robert William Richard Thomas Charles Daniel Matthew Anthony
    Paul Steven Andrew Kevin Brian George Edward Mary Elizabeth Jennifer Linda Susan Sarah Karen Nancy Lisa
    Anna Karine Lloyd Jake Jeffrey Josep Charles Mette Giorgia Andrzej Mateusz Viktor Volker Rafael Ben""".split())
