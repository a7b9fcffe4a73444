"""The one normalization of text, for what is stored and what is searched, on every database."""

from __future__ import annotations

import re
import unicodedata

# Harakat (fathatan ... sukun, maddah, hamza marks), superscript alef, Quranic annotation
# signs, and tatweel.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_LATIN_ACCENTED = re.compile("[\u00c0-\u024f]")
_NOT_A_WORD = re.compile(r"[\W_]+")

# A query longer than this is refused rather than searched term by term.
MAX_QUERY_TERMS = 12


def _strip_latin_accent(match: re.Match) -> str:
    decomposed = unicodedata.normalize("NFD", match.group())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_arabic(text: str | None) -> str:
    """The one normalization of stored text and queries.

    Removes harakat and tatweel, writes أ إ آ ٱ as ا, ى as ي and ة as ه; lowercases Latin
    text and drops its accents ("Mémorandum" and "memorandum" match); turns punctuation
    into spaces and collapses them.
    """
    if not text:
        return ""
    # NFKC folds Arabic presentation forms (ﻻ, ﷲ...) into ordinary letters first.
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text)
    text = text.translate(_LETTERS)
    text = _LATIN_ACCENTED.sub(_strip_latin_accent, text.lower())
    return " ".join(_NOT_A_WORD.sub(" ", text).split())


def query_terms(query: str | None) -> list[str]:
    """The distinct normalized terms of a query, in order."""
    return list(dict.fromkeys(normalize_arabic(query).split()))
