"""Text plumbing for the extractor: normalized forms, tokens with their offsets, sentences.

Every token keeps its `start`/`end` in the original text, so that whatever the rules find
can be quoted verbatim. Normalization serves comparison only, never what is shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from core.search import ARABIC_FORMS, DIGITS

# Harakat (fathatan ... sukun, superscript alef) and the tatweel carry no identity.
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
# Letters, digits and the marks inside a word (harakat, tatweel, apostrophes, hyphens); not
# the Arabic comma, semicolon or question mark, which share the Arabic block.
WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640'’-]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")

# One-letter and two-letter clitics before an Arabic word: conjunctions (و، ف), prepositions
# (ب، ل، ك) and the article (ال), alone or stacked ("وبال", "للـ"). The longest first.
ARABIC_PREFIXES = (
    "وبال", "وكال", "فبال", "وللـ", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "وب", "ول", "وك", "فب", "فل", "ال", "و", "ف", "ب", "ل", "ك",
)  # fmt: skip
# Stems shorter than this are never cut further.
MIN_STEM = 3
# Words whose first letter is theirs, not the conjunction: "وزير" is not "و" + "زير".
OWN_WAW = frozenset(
    [
        "وزير",
        "وزيره",
        "وزراء",
        "وزاره",
        "وكاله",
        "وكالات",
        "وطني",
        "وطنيه",
        "وثيقه",
        "وحده",
        "ولايه",
        "والي",
        "وفد",
        "وضع",
        "وقع",
        "واقع",
        "وسط",
        "وجهه",
        "وسيله",
        "ورشه",
        "ورشات",
        "وصف",
        "ولي",
        "وكيل",
        "وقت",
        "وجود",
        "وصول",
        "ورقه",
        "وارد",
        "وزن",
        "وعد",
        "وفاء",
        "وليد",
        "وليده",
        "وهبي",
        "وهيبه",
        "وداد",
    ]
)


def digits_to_ascii(text: str) -> str:
    return text.translate(DIGITS)


def normalize_arabic(text: str) -> str:
    """Harakat and tatweel removed, hamza forms and final letters unified, digits ASCII."""
    return _HARAKAT.sub("", text).translate(ARABIC_FORMS)


def fold_latin(text: str) -> str:
    """Case and accents folded: "Sécurité" → "securite"; typographic apostrophes unified."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The comparison form of any text, Arabic or Latin."""
    return fold_latin(normalize_arabic(text))


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


@lru_cache(maxsize=65536)
def strip_clitics(word: str) -> tuple[str, ...]:
    """The readings of a normalized Arabic word, from the word itself to its barest stem.

    "والمدير" → ("والمدير", "المدير", "مدير"); "للوكاله" → ("للوكاله", "الوكاله", "وكاله");
    "وزير" → ("وزير",): a cut that would leave fewer than three letters is not a reading.
    """
    readings = [word]
    if not is_arabic(word):
        elided = re.match(r"^(?:l|d|qu|j|n|s)'(.{2,})$", word)
        return (word, elided.group(1)) if elided else (word,)
    if word in OWN_WAW or word in {"ال" + w for w in OWN_WAW}:
        return (word,) if word in OWN_WAW else (word, word[2:])
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            rest = word[len(prefix) :]
            if prefix.endswith("لل"):
                # "للوكاله" is "ل" + "الوكاله": the article's alif is not written.
                readings.append("ال" + rest)
            readings.append(rest)
            if prefix.endswith("ال") or prefix.endswith("لل"):
                continue
            if rest.startswith("ال") and len(rest) - 2 >= MIN_STEM:
                readings.append(rest[2:])
    unique = [word]
    for reading in sorted(readings[1:], key=len, reverse=True):
        if reading not in unique:
            unique.append(reading)
    return tuple(unique)  # the word itself first, the barest reading last


def bare(word: str) -> str:
    """The barest reading of a word (its last clitic-stripped form)."""
    return strip_clitics(normalize(word))[-1]


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling-tolerant key for names: long vowels and doubled letters dropped.

    أمل / أمال → "امل"; Seghrouchni / Saghrouchni → "sghrchn"; Fallah / Falah → "flh".
    """
    word = normalize(word)
    if is_arabic(word):
        return word[:1] + re.sub("[اوي]", "", word[1:])
    word = _DOUBLED.sub(r"\1", re.sub(r"[^a-z0-9]", "", word))
    return _VOWELS.sub("", word)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return normalize(self.text)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of a text with their offsets, quotes and hyphens at their edges left out
    ("'عِلم'" is the word "عِلم"; "l'Agence" keeps its apostrophe)."""
    end = len(text) if end is None else end
    found = []
    for match in WORD.finditer(text, start, end):
        word = match.group()
        core = word.strip("'’-")
        if not core:
            continue
        offset = match.start() + (len(word) - len(word.lstrip("'’-")))
        found.append(Token(core, offset, offset + len(core)))
    return found


@dataclass(frozen=True)
class Span:
    start: int
    end: int


# A sentence ends at a full stop, a question or exclamation mark, or a line break; a dot
# between digits ("1.500", "4.0") or after a one-letter initial ("M.") does not end it.
_SENTENCE_END = re.compile(r"(?<!\d)(?<!\b[A-Z])[.!?؟](?!\d)|\n")


def sentences(text: str) -> list[Span]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        spans.append(Span(start, end))
        start = match.end()
    spans.append(Span(start, len(text)))
    trimmed = []
    for span in spans:
        s, e = span.start, span.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s > 1:
            trimmed.append(Span(s, e))
    return trimmed


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the spaces and punctuation at its edges (quotes kept if balanced)."""
    edge = " \t\n،,;؛:.-–—"
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    return start, end
