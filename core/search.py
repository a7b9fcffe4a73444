"""The one normalization and stemming of text, for what is stored and what is searched.

Stored text and queries go through the same functions on every database, so that SQLite
and PostgreSQL find the same records for the same query:

- `normalize()` folds what a reader does not type the same way twice: harakat and
  tatweel, hamza forms, ة / ه and ى / ي, Persian letter forms, Arabic-Indic and Eastern
  Arabic digits (٢٠٢٥ is 2025), Latin case and accents (Mémorandum is memorandum);
- `word_stems()` reduces a word to the stems it is indexed and searched under: Arabic
  light stemming (the article and the clitics و / ب / ل / ف before it, then one plural,
  dual, feminine or relative ending: الاتفاقيات → اتفاق, مذكرات and مذكرة → مذكر), French
  and English Snowball stems for Latin words (partenariats → partenariat, agreements →
  agreement), numbers as they are;
- `index_text()` is the stored form of a record's texts: its distinct stems between
  spaces; `parse_query()` is a query's terms, each with its stems.

A term matches a record when one of its stems begins a stored stem (a stem of fewer than
`SHORT_STEM` characters must equal one): " مذكر" is found in " مذكر تفاهم ". The SQL of
that match is the apps' (see agreements.search); the words are decided here only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Harakat (fathatan ... sukun, maddah, hamza marks), superscript alef, Quranic annotation
# signs, and tatweel.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Arabic-Indic and Eastern Arabic (Persian) digits as Latin ones.
_DIGIT_FORMS = {
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
}
DIGITS = str.maketrans(_DIGIT_FORMS)
# One character for one (offsets hold): article intake reads text with it too.
ARABIC_FORMS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # Persian and Urdu forms of kaf and ya, as some keyboards type them.
        "ک": "ك",
        "ی": "ي",
        "ے": "ي",
        **_DIGIT_FORMS,
    }
)
_LATIN_ACCENTED = re.compile("[\u00c0-\u024f]")
_NOT_A_WORD = re.compile(r"[\W_]+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_WORD = re.compile("[a-z]+")

# A query longer than this is refused rather than searched term by term.
MAX_QUERY_TERMS = 12
# A stem shorter than this matches a whole stored stem only ("ai" is not "aide").
SHORT_STEM = 3
# An Arabic stem keeps at least this many letters.
MIN_ARABIC_STEM = 3

# Words that say nothing about a record, in their normalized forms: searched for, they
# would exclude every record whose text happens to lack them.
STOPWORDS = frozenset(
    [
        "في",
        "من",
        "الي",
        "عن",
        "مع",
        "و",
        "او",
        "ثم",
        "ب",
        "ل",
        "ك",
        "ف",
        "بين",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "ان",
        "لا",
        "ما",
        "لم",
        "لن",
        "قد",
        "كل",
        "عبر",
        "حول",
        "خلال",
        "ضمن",
        "لدي",
        "عند",
        "منذ",
        "حتي",
        "بعد",
        "قبل",
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "par",
        "pour",
        "sur",
        "un",
        "une",
        "ou",
        "the",
        "of",
        "and",
        "with",
        "for",
        "in",
        "on",
        "to",
        "by",
        "an",
        "at",
        "from",
        "as",
        "or",
        "its",
        "is",
    ]
)

# The article and its clitic forms, longest first, then one-letter clitics, which are
# tried as an extra reading (و in وزاره is the word's own letter, in ومذكره it is "and").
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_CLITICS = ("و", "ب", "ل", "ف")
_ARABIC_ENDINGS = ("يات", "ات", "ون", "ين", "ان", "يه", "ه", "ي")

_FRENCH = snowballstemmer.stemmer("french")
_ENGLISH = snowballstemmer.stemmer("english")


def _strip_latin_accent(match: re.Match) -> str:
    decomposed = unicodedata.normalize("NFD", match.group())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str | None) -> str:
    """The one normalization of stored text and queries.

    Removes harakat and tatweel, writes أ إ آ ٱ as ا, ى as ي, ة as ه, ؤ as و and ئ as ي,
    Persian letters and Arabic-Indic digits as their Arabic and Latin forms; lowercases
    Latin text and drops its accents ("Mémorandum" and "memorandum" match); turns
    punctuation into spaces and collapses them.
    """
    if not text:
        return ""
    # NFKC folds Arabic presentation forms (ﻻ, ﷲ...) into ordinary letters first.
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text)
    text = text.translate(ARABIC_FORMS)
    text = _LATIN_ACCENTED.sub(_strip_latin_accent, text.lower())
    return " ".join(_NOT_A_WORD.sub(" ", text).split())


def words(text: str | None) -> list[str]:
    """The normalized words of a text, stopwords left out, in order."""
    return [word for word in normalize(text).split() if word not in STOPWORDS]


@lru_cache(maxsize=131072)
def arabic_stem(word: str) -> str:
    """The light stem of a normalized Arabic word: the article off, then one ending
    (الاتفاقيات → اتفاق, مذكرات → مذكر, الرقمية → رقم). A stem keeps three letters."""
    stem = word
    for article in _ARABIC_ARTICLES:
        if stem.startswith(article) and len(stem) - len(article) >= MIN_ARABIC_STEM:
            stem = stem[len(article) :]
            break
    for ending in _ARABIC_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_ARABIC_STEM:
            return stem[: -len(ending)]
    return stem


@lru_cache(maxsize=131072)
def word_stems(word: str) -> tuple[str, ...]:
    """The stems a normalized word is indexed and searched under, most literal first.

    Arabic: its light stem, and the stem without a leading clitic (و ب ل ف) where one may
    be there: "ومذكرة" is also "مذكرة", "وزارة" also "زارة" (harmless: the same reading is
    made of every stored word). Latin letters: the French and the English Snowball stems.
    Anything else (numbers, codes such as 5g): the word itself.
    """
    if _ARABIC_LETTER.search(word):
        stems = [arabic_stem(word)]
        if word[0] in _ARABIC_CLITICS and len(word) - 1 >= MIN_ARABIC_STEM + 1:
            stems.append(arabic_stem(word[1:]))
        return tuple(dict.fromkeys(stems))
    if _LATIN_WORD.fullmatch(word):
        return tuple(dict.fromkeys((_FRENCH.stemWord(word), _ENGLISH.stemWord(word))))
    return (word,)


def _stems(texts) -> Iterator[str]:
    for text in texts:
        for word in words(text):
            yield from word_stems(word)


def index_text(texts) -> str:
    """The stored search form of these texts: every distinct stem once, between spaces
    (" مذكر تفاهم mistral "), so that a stem is found at a word's start with " stem"."""
    stems = dict.fromkeys(_stems(texts))
    return f" {' '.join(stems)} " if stems else ""


@dataclass(frozen=True)
class Term:
    """One word of a query and the stems any of which may match."""

    word: str
    stems: tuple[str, ...]

    def patterns(self) -> tuple[str, ...]:
        """What the stored text contains when this term matches: " stem" begins a stored
        stem, " stem " (a short one) is a whole one."""
        return tuple(f" {stem} " if len(stem) < SHORT_STEM else f" {stem}" for stem in self.stems)


def query_terms(query: str | None) -> list[str]:
    """The distinct normalized words of a query, in order (stopwords included: this is
    what the length limit counts)."""
    return list(dict.fromkeys(normalize(query).split()))


def parse_query(query: str | None, *, ignored: frozenset[str] = frozenset()) -> list[Term]:
    """The terms a query is searched by: its distinct words, stopwords left out, and
    words whose every stem is in `ignored` (words that only name what is searched, such
    as "agreement" in a search of agreements) left out too."""
    terms = []
    for word in dict.fromkeys(words(query)):
        stems = word_stems(word)
        if all(stem in ignored for stem in stems):
            continue
        terms.append(Term(word, stems))
    return terms


def stems_of(*phrases: str) -> frozenset[str]:
    """Every stem of these phrases (for vocabularies such as kind names)."""
    return frozenset(_stems(phrases))
