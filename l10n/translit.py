"""Latin ↔ Cyrillic tables for names: the only module that holds them.

Two romanizations reach an English newsroom, and reversing the right one is
most of the way to a Ukrainian or Russian glossary entry:

* **Ukrainian** names in the official national system (Cabinet of Ministers
  of Ukraine resolution No. 55 of 27 January 2010): Kharkiv, Zaporizhzhia,
  Syniehubov. :func:`romanize_uk` implements the table forward, so it is
  tested against the resolution's own examples; :func:`uk_from_latin`
  reverses it. The table drops ь and the apostrophe, so the reverse puts them
  back only by rule (-ськ, -ський, an apostrophe after a labial before я/ю/є/ї)
  and otherwise proposes without them.
* **Russian** names in the BGN/PCGN-like English spelling AP and Reuters use:
  Gladkov, Belgorod, Vyacheslav. :func:`ru_from_latin` reverses it.

The other language's form follows by rule where one exists: a Ukrainian
surname's Russian spelling (:func:`ru_from_uk`: є→е, і→и, -ський→-ский), a
Russian name's Ukrainian spelling as the Ukrainian press writes it
(:func:`uk_from_ru`: и→і, ы→и, е after a consonant → є, Белгород →
Бєлгород). Given names are not transliterated but matched
(:data:`GIVEN_NAMES`: Volodymyr → Володимир / Владимир). Every result is a
proposal for a person to review, never a fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_UK_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}

# Reverse tables: longest Latin sequence first.
_UK_REVERSE = [("shch", "щ"), ("zgh", "зг"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
               ("ie", "є"), ("iu", "ю"), ("ia", "я"), ("ye", "є"), ("yu", "ю"), ("ya", "я"),
               ("a", "а"), ("b", "б"), ("v", "в"), ("h", "г"), ("g", "ґ"), ("d", "д"), ("e", "е"), ("z", "з"),
               ("y", "и"), ("i", "і"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
               ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("w", "в")]
_RU_REVERSE = [("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yo", "ё"),
               ("ya", "я"), ("yu", "ю"), ("ye", "е"), ("ia", "ия"), ("iu", "ию"), ("x", "кс"),
               ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
               ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
               ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("w", "в"), ("'", "ь")]
_UK_ENDINGS = [("tskyi", "цький"), ("tskyy", "цький"), ("tskiy", "цький"), ("tsky", "цький"), ("skyi", "ський"),
               ("skyy", "ський"), ("skiy", "ський"), ("sky", "ський"), ("zkyi", "зький"), ("tska", "цька"),
               ("ska", "ська"), ("tske", "цьке"), ("ske", "ське"), ("tsk", "цьк"), ("sk", "ськ")]
_RU_ENDINGS = [("skiy", "ский"), ("sky", "ский"), ("skaya", "ская"), ("iy", "ий"), ("(?<=[^aeiouy])y", "ий")]
_UK_VOWELS = "аеєиіїоуюя"
_LATIN_VOWELS = "aeiouy"
_LABIALS = "бпвмф"

#: Given names as newsrooms romanize them → (Ukrainian, Russian) forms.
GIVEN_NAMES: dict[str, tuple[str, str]] = {
    "Volodymyr": ("Володимир", "Владимир"), "Vladimir": ("Володимир", "Владимир"),
    "Oleh": ("Олег", "Олег"), "Oleg": ("Олег", "Олег"), "Ihor": ("Ігор", "Игорь"), "Igor": ("Ігор", "Игорь"),
    "Oleksandr": ("Олександр", "Александр"), "Alexander": ("Олександр", "Александр"),
    "Mykola": ("Микола", "Николай"), "Nikolai": ("Микола", "Николай"),
    "Dmytro": ("Дмитро", "Дмитрий"), "Dmitry": ("Дмитро", "Дмитрий"), "Dmitri": ("Дмитро", "Дмитрий"),
    "Serhii": ("Сергій", "Сергей"), "Serhiy": ("Сергій", "Сергей"), "Sergei": ("Сергій", "Сергей"),
    "Sergey": ("Сергій", "Сергей"), "Andrii": ("Андрій", "Андрей"), "Andriy": ("Андрій", "Андрей"),
    "Andrei": ("Андрій", "Андрей"), "Yurii": ("Юрій", "Юрий"), "Yuriy": ("Юрій", "Юрий"), "Yuri": ("Юрій", "Юрий"),
    "Oleksii": ("Олексій", "Алексей"), "Oleksiy": ("Олексій", "Алексей"), "Alexei": ("Олексій", "Алексей"),
    "Vasyl": ("Василь", "Василий"), "Ivan": ("Іван", "Иван"), "Viktor": ("Віктор", "Виктор"),
    "Vitalii": ("Віталій", "Виталий"), "Vitaliy": ("Віталій", "Виталий"), "Yevhen": ("Євген", "Евгений"),
    "Yevgeny": ("Євген", "Евгений"), "Denys": ("Денис", "Денис"), "Maksym": ("Максим", "Максим"),
    "Kyrylo": ("Кирило", "Кирилл"), "Mykhailo": ("Михайло", "Михаил"), "Mikhail": ("Михайло", "Михаил"),
    "Petro": ("Петро", "Петр"), "Pavlo": ("Павло", "Павел"), "Taras": ("Тарас", "Тарас"),
    "Bohdan": ("Богдан", "Богдан"), "Vadym": ("Вадим", "Вадим"), "Roman": ("Роман", "Роман"),
    "Ruslan": ("Руслан", "Руслан"), "Anatolii": ("Анатолій", "Анатолий"), "Valerii": ("Валерій", "Валерий"),
    "Vyacheslav": ("В'ячеслав", "Вячеслав"), "Viacheslav": ("В'ячеслав", "Вячеслав"),
    "Olena": ("Олена", "Елена"), "Yelena": ("Олена", "Елена"), "Iryna": ("Ірина", "Ирина"),
    "Yuliia": ("Юлія", "Юлия"), "Yulia": ("Юлія", "Юлия"), "Tetiana": ("Тетяна", "Татьяна"),
    "Nataliia": ("Наталія", "Наталья"), "Olha": ("Ольга", "Ольга"), "Maria": ("Марія", "Мария"),
}

_UK_CUES = re.compile(r"(?<![kzsc])h|yi|ii|[bcdfghklmnprstvz]i[aeu]|(?:iv|ivka|skyi|skyy|tskyi|enko|chuk|iuk)$")
_RU_CUES = re.compile(r"(?<!z)g(?!h)|[bdfklmnprstvz]y[aeu]|e[iy]|yo|(?:sky|skiy|ovich|evich|gorod|grad|yev|[^aeiou]y)$")
_ENDINGS = (r"(?:ov|ev|yev|in|yn|sky|skiy|skyi|skyy|enko|uk|iv|ivka|sk|ske|grad|gorod|horod|hrad|ovich|evich|ych"
            r"|ets|ko|ok|ak|yak|iak)$")
_SLAVIC_ENDING = re.compile(_ENDINGS)
_SLAVIC_SHAPE = re.compile(r"kh|zh|ts|ch|sh|" + _ENDINGS)


def romanize_uk(text: str) -> str:
    """Ukrainian Cyrillic → Latin by the 2010 national table (the forward rule)."""
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        initial = index == 0 or not text[index - 1].isalpha() and text[index - 1] not in "'’ʼ"
        if lower == "г" and index > 0 and text[index - 1].lower() == "з":
            latin = "gh"
        elif initial and lower in _UK_FIRST:
            latin = _UK_FIRST[lower]
        else:
            latin = _UK_LETTERS.get(lower, lower)
        out.append(latin.capitalize() if char.isupper() and latin else latin)
    return "".join(out)


def slavic_shape(word: str, in_dictionary: bool = False) -> bool:
    """Does ``word`` look like a romanized East Slavic name (digraphs, endings)?

    A name an English dictionary lists (Washington, Moscow, Russia) counts only
    by a Slavic ending (Donetsk, Kiev), not by a digraph like "sh".
    """
    pattern = _SLAVIC_ENDING if in_dictionary else _SLAVIC_SHAPE
    return bool(pattern.search(word.lower()))


def given_name_language(word: str) -> str | None:
    """"uk" for Volodymyr/Oleh, "ru" for Vladimir/Oleg: which table spelling it is."""
    if word not in GIVEN_NAMES:
        return None
    uk, ru = GIVEN_NAMES[word]
    if romanize_uk(uk) == word:
        return "uk"
    return "ru" if ru_from_latin(word) == ru else None


def origin(words: list[str], context: str = "") -> str | None:
    """Guess "uk" or "ru" romanization for a name; None if it is not Slavic-looking.

    Letter cues decide first: Ukrainian h for г, ia/iu/ie after a consonant,
    -iv/-ivka/-skyi/-enko; Russian g, ya/yu/ye after a consonant, -sky/-ovich/
    -gorod. A tie falls to the sentence's context (Russian/Russia's vs
    Ukrainian/Ukraine's). Known given names vote for their own language.
    """
    if not any(slavic_shape(word) or word in GIVEN_NAMES for word in words):
        return None
    uk = sum(len(_UK_CUES.findall(word.lower())) for word in words)
    ru = sum(len(_RU_CUES.findall(word.lower())) for word in words)
    spelled = [given_name_language(word) for word in words]
    uk += 2 * spelled.count("uk")
    ru += 2 * spelled.count("ru")
    if uk == ru:
        uk += len(re.findall(r"\bUkrain", context))
        ru += len(re.findall(r"\bRussia", context))
    if uk == ru:
        return None
    return "uk" if uk > ru else "ru"


def uk_from_latin(word: str) -> str:
    """Reverse the 2010 Ukrainian table: Syniehubov → Синєгубов, Zaporizhzhia → Запоріжжя."""
    low = word.lower()
    ending = next(((latin, cyr) for latin, cyr in _UK_ENDINGS if low.endswith(latin) and len(low) > len(latin) + 1), ("", ""))
    stem = low[: len(low) - len(ending[0])]
    text = _apostrophes(_spell(stem, _reverse_step) + ending[1])
    return text[:1].upper() + text[1:]


def _spell(stem: str, step: Callable[[str, int], tuple[str, str]]) -> str:
    """``stem`` in Cyrillic, one longest-match ``step`` (Latin consumed, Cyrillic written) at a time."""
    out: list[str] = []
    at = 0
    while at < len(stem):
        latin, cyr = step(stem, at)
        out.append(cyr)
        at += len(latin)
    return "".join(out)


def _reverse_step(low: str, at: int) -> tuple[str, str]:
    """One Latin sequence at ``at`` and its Ukrainian letter, by position."""
    previous = low[at - 1] if at else ""
    initial = at == 0
    if low.startswith("yi", at) and (initial or previous in _LATIN_VOWELS):
        return "yi", "ї"
    if low.startswith("y", at) and initial and low[at + 1:at + 2] in tuple("aeiou") and low[at + 1:at + 2]:
        if low[at + 1] == "o":
            return "y", "й"
        return low[at:at + 2], {"a": "я", "e": "є", "u": "ю", "i": "ї"}[low[at + 1]]
    if low.startswith(("ie", "iu", "ia"), at):
        return low[at:at + 2], {"e": "є", "u": "ю", "a": "я"}[low[at + 1]]
    if low.startswith("i", at) and previous and previous in _LATIN_VOWELS:
        after = low[at + 1:at + 2]
        if not after or after in _LATIN_VOWELS:
            return "i", "й"
        return "i", "ї"
    if low.startswith("y", at) and previous in _LATIN_VOWELS and (at + 1 == len(low)):
        return "y", "й"
    for latin, cyr in _UK_REVERSE:
        if low.startswith(latin, at):
            return latin, cyr
    return low[at], low[at]


def _apostrophes(text: str, vowels: str = "яюєї") -> str:
    """Put back the apostrophe after a labial before я/ю/є/ї (В'ячеслав, Слов'янськ).

    Not after a labial that follows another consonant in the root (Святослав).
    """
    def fix(match: re.Match[str]) -> str:
        before, labial, vowel = match.group(1), match.group(2), match.group(3)
        if before and before not in _UK_VOWELS + "р":
            return match.group(0)
        return f"{before}{labial}'{vowel}"

    return re.sub(rf"(^|[а-яєіїґ])([{_LABIALS}])([{vowels}])", fix, text)


def ru_from_latin(word: str) -> str:
    """Reverse the English spelling of Russian names: Gladkov → Гладков, Belgorod → Белгород."""
    low = word.lower()
    ending = next(((latin, cyr) for latin, cyr in _RU_ENDINGS if re.search(latin + "$", low)), ("", ""))
    stem = re.sub(ending[0] + "$", "", low) if ending[0] else low
    text = _spell(stem, _ru_step) + ending[1]
    return text[:1].upper() + text[1:]


def _ru_step(low: str, at: int) -> tuple[str, str]:
    """One Latin sequence at ``at`` and its Russian letters, by position."""
    previous = low[at - 1] if at else ""
    char = low[at]
    if char in "yi" and previous and previous in "aeou" and low[at + 1:at + 2] not in tuple("aeiou"):
        return char, "й"
    if char == "e" and at == 0:
        return "e", "э"
    if char == "y" and not low.startswith(("ya", "yu", "ye", "yo"), at):
        return "y", "ы"
    for latin, cyr in _RU_REVERSE:
        if low.startswith(latin, at):
            return latin, cyr
    return char, char


def ru_from_uk(uk: str) -> tuple[str, bool]:
    """A Ukrainian surname's Russian spelling, and whether a guess (і/ї) was made.

    є→е, ' dropped, ґ→г, -ський/-цький → -ский/-цкий, -ськ/-цьк → -ск/-цк;
    і and ї become и, which is usually but not always right (Білик: Билык?).
    """
    guessed = bool(re.search("[іїІЇ]", uk))
    text = re.sub("ськ(ий|а|е)?$", lambda m: "ск" + {"ий": "ий", "а": "ая", "е": "ое", None: ""}[m.group(1)], uk)
    text = re.sub("цьк(ий)?$", lambda m: "цк" + (m.group(1) or ""), text)
    table = str.maketrans({"є": "е", "Є": "Е", "і": "и", "І": "И", "ї": "и", "Ї": "И", "ґ": "г", "Ґ": "Г", "'": None})
    return text.translate(table), guessed


def uk_from_ru(ru: str) -> str:
    """A Russian name as the Ukrainian press writes it: Белгород → Бєлгород, Путин → Путін.

    и → і (after ж ч ш щ ц → и), ы → и, э → е, е → є at word start, after a
    vowel or after the word's first consonant (Бєлгород, Пєсков) and in a
    final -ев (Медведєв), ё → ьо, -ий → -ій, -ский → -ський, -ск → -ськ, and
    an apostrophe after a labial before я/ю/є. Press usage varies by name:
    the result is always marked for review.
    """
    out: list[str] = []
    low = ru.lower()
    for index, char in enumerate(low):
        previous = low[index - 1] if index else ""
        if char == "и":
            out.append("и" if previous in "жчшщц" else "і")
        elif char == "е":
            out.append("є" if _soft_e(low, index) else "е")
        else:
            out.append({"ы": "и", "э": "е", "ё": "ьо", "ъ": "'"}.get(char, char))
    text = re.sub("ск$", "ськ", re.sub("скій$", "ський", "".join(out)))
    text = _apostrophes(text, "яю")
    return text[:1].upper() + text[1:]


def _soft_e(low: str, index: int) -> bool:
    """Is Russian е at ``index`` written є in Ukrainian (see :func:`uk_from_ru`)?"""
    previous = low[index - 1] if index else ""
    if not previous or previous in "аеёиоуыэюя":
        return True
    if previous in "жчшщцй":
        return False
    return index == 1 or low.endswith("ев") and index == len(low) - 2


@dataclass(frozen=True)
class Forms:
    """Proposed Ukrainian and Russian forms of one name, and how they were derived."""

    uk: str | None
    ru: str | None
    how: str


def name_forms(words: list[str], lang: str | None, place: bool, known: dict[str, tuple[str, str]]) -> Forms:
    """Propose uk/ru forms word by word; a language is left out if any word fails.

    ``lang`` is the name's romanization ("uk", "ru", or None when the letters
    do not tell: then both reverse tables are tried and kept only if they
    agree, as for Bakhmut). Given names and ``known`` words (from glossary
    rows) are looked up, not transliterated. A Ukrainian place's Russian form
    is proposed only when no і/ї/' had to be guessed (Харків → Харьков is an
    exonym no rule gives).
    """
    uk_words: list[str | None] = []
    ru_words: list[str | None] = []
    guessed = False
    for word in words:
        uk: str | None
        ru: str | None
        if word in known or word in GIVEN_NAMES:
            uk, ru = known.get(word) or GIVEN_NAMES[word]
        elif lang == "uk":
            uk = uk_from_latin(word)
            ru, guess = ru_from_uk(uk)
            guessed = guessed or guess or "'" in uk
            if place and (guess or "'" in uk):
                ru = None
        elif lang == "ru":
            ru = ru_from_latin(word)
            uk = uk_from_ru(ru)
        else:
            uk, ru = uk_from_latin(word), ru_from_latin(word)
            if ru_from_uk(uk)[0] != ru:
                uk = ru = None
        uk_words.append(uk)
        ru_words.append(ru)
    how = {"uk": "Ukrainian 2010 romanization reversed", "ru": "Russian romanization reversed"}.get(
        lang or "", "both romanizations agree")
    forms = Forms(_joined(uk_words), _joined(ru_words), how)
    if lang == "uk" and forms.ru is None:
        return Forms(forms.uk, None, how + "; no ru rule (Russian may use an exonym)")
    if lang == "uk" and guessed:
        return Forms(forms.uk, forms.ru, how + "; ru і/ї → и guessed")
    return forms


def region_forms(uk: str | None, ru: str | None) -> tuple[str | None, str | None]:
    """The oblast of a city: Бєлгород → Бєлгородська область, Донецьк → Донецька область."""
    def derive(name: str | None, soft: tuple[tuple[str, str], str], hard: str) -> str | None:
        if not name or " " in name or name[-1] in "аеєиіїоуюяыэьй'":
            return None
        return f"{name}{soft[1]} область" if name.endswith(soft[0]) else f"{name}{hard} область"

    return derive(uk, (("ськ", "цьк"), "а"), "ська"), derive(ru, (("ск", "цк"), "ая"), "ская")


def _joined(parts: list[str | None]) -> str | None:
    return None if any(part is None for part in parts) else " ".join(part for part in parts if part)
