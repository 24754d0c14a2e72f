"""Words disguised to dodge filters: invisible characters, added marks, letters of other alphabets.

Scammers write « Ap‌p‌le ID » with zero-width characters between the letters, « A̶pple » with a
combining mark, or « Аpple » with a Cyrillic « А »: a person reads « Apple », a filter does not.
:func:`find_disguise` says whether a short text (subject, display name) was disguised and what it
really reads; :func:`reveal` gives that reading, used before matching brands and scam words.

Genuine writing is left alone: accents written in two parts (NFD) are joined first; the
invisible joiners of emoji sequences and of Persian or Indic words, the marks on Arabic, Hebrew
or Indic letters, and whole words in another alphabet (a Russian word in a Russian text) are
not disguises.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from widgets.analysers.link.lookalike import latin_letters

#: Controls that change the reading direction (a trick in a subject or a name).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Characters that show nothing but are not « format » characters for Unicode.
_BLANK_LETTERS = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800\u180e")
_VARIATION = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
#: A character outside the Latin blocks (ASCII, Latin-1, Latin Extended A/B, Latin Additional).
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")
MAX_SCANNED = 200_000
MAX_SHORT = 2000


@dataclass(frozen=True)
class Disguise:
    """What was hidden in a text (``kinds``: invisible, marks, lookalike, bidi) and what it reads."""

    kinds: frozenset[str]
    revealed: str


def is_invisible(char: str) -> bool:
    """True for a character that shows nothing (zero-width, soft hyphen, bidi control…)."""
    return unicodedata.category(char) == "Cf" or char in _BLANK_LETTERS


@lru_cache(maxsize=1)
def _invisible_table() -> dict[int, None]:
    """``str.translate`` table deleting every invisible character and variation selector."""
    planes = (range(0x10000), range(0x10000, 0x20000), range(0xE0000, 0xE1000))
    table = {code: None for plane in planes for code in plane
             if is_invisible(chr(code)) or _VARIATION.match(chr(code))}
    return table


def remove_invisible(text: str) -> str:
    """``text`` without its invisible characters and variation selectors (fast, for long text)."""
    return text if text.isascii() else text.translate(_invisible_table())


@lru_cache(maxsize=4096)
def script(char: str) -> str:
    """The alphabet of a letter: LATIN, CYRILLIC, GREEK… (from its Unicode name; "" if none)."""
    folded = unicodedata.normalize("NFKD", char)[:1]
    if folded.isascii() and folded.isalpha():
        return "LATIN"  # also « é », « Ａ » (full width), « 𝐀 » (mathematical bold)
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return ""


def _is_latin(char: str) -> bool:
    return bool(char) and (char.isascii() and char.isalnum() or (char.isalpha() and script(char) == "LATIN"))


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character before (-1) or after (1) ``index`` that is neither invisible
    nor a combining mark."""
    index += step
    while 0 <= index < len(text) and (is_invisible(text[index]) or unicodedata.combining(text[index])):
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _imitates_latin(word: str) -> bool:
    """True when a word in another alphabet is made only of letters that look Latin."""
    latin = latin_letters(word)
    return len(word) >= 2 and latin.isascii() and latin.isalpha()


def _scripts(word: str) -> set[str]:
    return {script(c) for c in word if c.isalpha()}


def _mostly_latin(text: str) -> bool:
    """True when at least half of the letters are Latin (in the first 20,000 characters)."""
    sample = text[:20_000]
    letters = sum(len(word) for word in _WORD.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    return letters > 0 and latin * 2 >= letters


def _unmask(word: str, latin_text: bool) -> str:
    """A word mixing alphabets, or a fake Latin word in a Latin text, written in Latin letters."""
    scripts = _scripts(word)
    if len(scripts) > 1 and "LATIN" in scripts:
        return latin_letters(word)
    if latin_text and "LATIN" not in scripts and _imitates_latin(word):
        return latin_letters(word)
    return word


def _visible(text: str) -> str:
    """NFC text without invisible characters, variation selectors, and marks on Latin letters."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if is_invisible(char) or _VARIATION.match(char):
            continue
        if unicodedata.combining(char) and kept and _is_latin(kept[-1]):
            continue
        kept.append(char)
    return "".join(kept)


def reveal(text: str, keep_marks: bool = False) -> str:
    """The text as a person reads it: invisibles removed, marks on Latin letters dropped,
    look-alike letters of other alphabets inside Latin words turned into Latin letters.

    ``keep_marks``: leave combining marks (the caller strips them itself); faster on long text.
    """
    if not isinstance(text, str):
        return ""
    text = text[:MAX_SCANNED]
    if text.isascii():
        return text
    plain = remove_invisible(text) if keep_marks else _visible(text)
    if not _BEYOND_LATIN.search(plain):
        return plain
    latin_text = _mostly_latin(plain)

    def unmask(match: re.Match) -> str:
        word = match.group(0)
        if not _BEYOND_LATIN.search(word) or (not latin_text and not _ASCII_LETTER.search(word)):
            return word  # only Latin letters, or a word of a text in another alphabet
        return _unmask(word, latin_text)

    return _WORD.sub(unmask, plain)


def find_disguise(text: str) -> Disguise | None:
    """What was hidden in ``text`` (a subject or a display name), or None for honest text."""
    if not isinstance(text, str) or not text or text.isascii():
        return None
    text = unicodedata.normalize("NFC", text[:MAX_SHORT])
    kinds = set()
    for index, char in enumerate(text):
        if char in BIDI_CONTROLS:
            kinds.add("bidi")
        elif is_invisible(char):
            before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
            if before.isalnum() and after.isalnum() and (_is_latin(before) or _is_latin(after)):
                kinds.add("invisible")
        elif unicodedata.combining(char) and not _VARIATION.match(char):
            base = _neighbour(text, index, -1)
            if base.isalpha() and _is_latin(base):  # not the keycap of « 1️⃣ »
                kinds.add("marks")
    plain = _visible(text)
    latin_text = _mostly_latin(plain)
    for match in _WORD.finditer(plain):
        word = match.group(0)
        scripts = _scripts(word)
        mixed = len(scripts) > 1 and "LATIN" in scripts and latin_letters(word) != word
        fake = latin_text and bool(scripts) and "LATIN" not in scripts and _imitates_latin(word)
        if mixed or fake:
            kinds.add("lookalike")
    if not kinds:
        return None
    return Disguise(frozenset(kinds), " ".join(reveal(text).split()))
