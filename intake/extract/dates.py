"""Dates as news articles write them, in Arabic and French, at the precision they give.

Month names come from dateparser's own locale data (Moroccan `ar-MA`, Levantine,
Algerian and Tunisian variants, French), so every spelling it knows is known here; the
phrases around them — "فاتح", "أمس الثلاثاء", "يومه الإثنين 16 دجنبر الجاري",
"شتنبر المنصرم", "1-4 فبراير الجاري", "vendredi dernier", "le 1er juillet" — are read
by the rules below and resolved against the publication date, which dateparser's
`RELATIVE_BASE` cannot do for a partial date or a weekday (see TECH-NOTES).

A weekday is a constraint, never a guess: it resolves to a day only when the phrasing
anchors it (أمس, اليوم, "dernier", a past tense in French), and a weekday that
contradicts the date it qualifies is reported in `warnings`. With a French past tense
("a signé vendredi à Rabat") it is the last such day on or before the publication date:
a dispatch of a Friday that says "vendredi" tells of that day. Arabic has no tense the
rules can read, so a bare "يوم الثلاثاء" stays unknown, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from django.utils.dates import WEEKDAYS
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from core.records import PartialDate, format_partial_date
from intake.extract.text import normalize

# --- Warnings (English msgids; rendered in the editor's language) -------------------------

WEEKDAY_CONTRADICTS = _("The article says %(said)s, but %(date)s is a %(actual)s.")
WEEKDAY_UNANCHORED = _(
    "The article names a %(said)s with no date or tense to anchor it: the date is left unknown."
)
# One message per missing part, so that each language words it whole.
NEEDS_PUBLICATION_DATE = {
    "day": _(
        "“%(phrase)s” counts from the publication date, whose day is not known: "
        "the date is left unknown."
    ),
    "month": _(
        "“%(phrase)s” counts from the publication date, whose month is not known: "
        "the date is left unknown."
    ),
    "year": _(
        "“%(phrase)s” counts from the publication date, whose year is not known: "
        "the date is left unknown."
    ),
}
NO_YEAR = _("“%(phrase)s” gives no year: the date is left unknown.")
WEEKDAY_PINNED = _("“%(phrase)s”: the only %(said)s in %(span)s is %(date)s.")


def _render(message, **params) -> str:
    values = {key: str(value) for key, value in params.items()}
    return str(message) % values


lazy_message = lazy(_render, str)


def _show(value: PartialDate):
    return lazy(format_partial_date, str)(value)


def contradiction(said_weekday: int, value: PartialDate) -> str:
    actual = value.first_day().weekday()
    return lazy_message(
        WEEKDAY_CONTRADICTS, said=WEEKDAYS[said_weekday], date=_show(value), actual=WEEKDAYS[actual]
    )


# --- Vocabulary --------------------------------------------------------------------------


@cache
def _month_names() -> dict[str, dict[str, int]]:
    """Normalized month spelling → month number, per language, from dateparser's data."""
    from dateparser.data.date_translation_data import ar, fr

    months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    tables: dict[str, dict[str, int]] = {"ar": {}, "fr": {}}
    for language, info in (("ar", ar.info), ("fr", fr.info)):
        variants = [info, *info.get("locale_specific", {}).values()]
        for data in variants:
            for number, month in enumerate(months, start=1):
                for name in data.get(month, []):
                    name = normalize(name).rstrip(".")
                    if len(name) >= 3 and not name.isdigit():
                        tables[language][name] = number
    # Spellings the press uses that dateparser lacks.
    tables["ar"].update(
        {normalize(k): v for k, v in {"أبريل": 4, "ابريل": 4, "مايو": 5, "ماي": 5, "يونيه": 6,
                                      "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11,
                                      "دجنبر": 12, "أغشت": 8, "شتمبر": 9}.items()}
    )  # fmt: skip
    # "آب" (August) is also "father": it is only read next to a day or a year (see below).
    tables["fr"].update({"fevr": 2, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
    return tables


WEEKDAYS_AR = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}  # fmt: skip
WEEKDAYS_FR = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip

# Days relative to the publication: offset in days.
RELATIVE_DAYS = {
    "اول من امس": -2, "اول امس": -2, "امس": -1, "البارحه": -1, "اليوم": 0, "يومه": 0,
    "غدا": 1, "بعد غد": 2,
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "apres-demain": 2,
}  # fmt: skip
LAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفارط", "الفارطه", "المنقضي", "dernier", "derniere", "passe", "passee")  # fmt: skip
NEXT = ("المقبل", "المقبله", "القادم", "القادمه", "prochain", "prochaine")
CURRENT = ("الجاري", "الجاريه", "الحالي", "الحاليه", "courant", "en cours")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern]:
    months = _month_names()
    rel_day_ar = _alternation([w for w in RELATIVE_DAYS if not w.isascii()])
    rel_day_fr = _alternation([w for w in RELATIVE_DAYS if w.isascii()])
    modifier = _alternation(LAST + NEXT + CURRENT)
    ar = rf"""
        (?<!\w)
        (?:(?P<relday>{rel_day_ar})\s*،?\s*)?
        (?:(?:يوم|يومي|ايام)\s+)?
        (?:(?P<wd>{_alternation(WEEKDAYS_AR)})(?:\s+(?P<wdmod>{modifier}))?\s*،?\s*)?
        (?:(?:يومي|ايام|من|بين|في)\s+)?
        (?:(?P<d1>\d{{1,2}}|فاتح)
           (?:\s*(?:-|–|/|و|الى|حتي|إلى)\s*(?P<d2>\d{{1,2}}|ثاني))?\s*
        )?
        (?:(?:من\s+)?(?:شهر|الشهر)\s+)?
        (?P<month>{_alternation(months["ar"])})?
        (?:\s+(?P<mmod>{modifier}))?
        (?:\s*،?\s*(?:من\s+)?(?:سنه|عام|العام|السنه)?\s*(?P<year>(?:19|20)\d{{2}}))?
        (?!\w)
    """
    fr = rf"""
        (?<![\w])
        (?:(?P<relday>{rel_day_fr})\s*,?\s*)?
        (?:(?P<this>ce|cette)\s+)?
        (?:(?P<wd>{_alternation(WEEKDAYS_FR)})(?:\s+(?P<wdmod>{modifier}))?\s*,?\s*)?
        (?:(?:le|les|du|des|au)\s+)?
        (?:(?P<d1>\d{{1,2}}|premier)(?:er|e|eme)?
           (?:\s*(?:-|–|/|au|et|a)\s*(?:le\s+)?(?P<d2>\d{{1,2}})(?:er|e)?)?\s+
        )?
        (?:(?P<month>{_alternation(months["fr"])})\.?)?
        (?:\s+(?P<mmod>{modifier}))?
        (?:\s+(?P<year>(?:19|20)\d{{2}}))?
        (?![\w])
    """
    relative_ar = r"""
        (?<!\w)
        (?:(?P<unit>الشهر|شهر|السنه|العام|سنه|عام|الاسبوع|اسبوع)\s+(?P<mod>الماضي|الماضيه|المنصرم|المنصرمه|الفارط|الفارطه|المقبل|المقبله|القادم|القادمه|الجاري|الجاريه|الحالي|الحاليه)
          |(?:هذا|هذه)\s+(?P<thisunit>الشهر|السنه|العام|الاسبوع))
        (?!\w)
    """
    relative_fr = r"""
        (?<![\w])
        (?:(?:le|du|au)\s+(?P<unit>mois)\s+(?P<mod>dernier|prochain|passe|courant)
          |(?:l'|de\s+l'|a\s+l')(?P<unit2>annee|an)\s+(?P<mod2>derniere|dernier|prochaine|prochain|passee|passe|en\s+cours)
          |(?:la\s+)?(?P<unit3>semaine)\s+(?P<mod3>derniere|passee|prochaine)
          |(?P<thisunit>ce\s+mois(?:-ci)?|cette\s+annee|cette\s+semaine))
        (?![\w])
    """
    year_only_ar = (
        r"(?<!\w)(?:في|خلال|برسم|منذ)?\s*(?:سنه|عام|العام|السنه)\s+(?P<year>(?:19|20)\d{2})(?!\d)"
    )
    year_only_fr = r"(?<![\w])(?:en|depuis|d'ici|annee)\s+(?P<year>(?:19|20)\d{2})(?!\d)"
    flags = re.VERBOSE
    return {
        "ar": re.compile(ar, flags),
        "fr": re.compile(fr, flags),
        "relative_ar": re.compile(relative_ar, flags),
        "relative_fr": re.compile(relative_fr, flags),
        "year_ar": re.compile(year_only_ar),
        "year_fr": re.compile(year_only_fr),
    }


# --- Results -----------------------------------------------------------------------------


@dataclass
class DateMention:
    """A date phrase of the article and what it resolves to."""

    start: int
    end: int
    text: str
    value: PartialDate
    end_value: PartialDate | None = None  # the last day of a range ("1-4 فبراير")
    warnings: list[str] = field(default_factory=list)
    weekday: int | None = None
    # Known parts when the year is missing ("1 و2 يوليوز المقبل" with no publication
    # date): a later rule may complete it from an event's name.
    month: int | None = None
    day: int | None = None
    last_day: int | None = None
    says_today: bool = False  # "اليوم الجمعة 12 شتنبر 2025": the publication date itself
    relative: bool = False  # resolved against the publication date
    # The warning that the publication date was missing, dropped if a range pins the day.
    missing_anchor: str | None = None

    @property
    def is_known(self) -> bool:
        return self.value.is_known


# --- Parsing -----------------------------------------------------------------------------


class _NormalizedText:
    """The normalized text with, for each of its characters, the original offset."""

    def __init__(self, text: str) -> None:
        pieces, offsets = [], []
        for index, char in enumerate(text):
            piece = normalize(char) if char.strip() else " "
            pieces.append(piece)
            offsets.extend([index] * len(piece))
        self.text = "".join(pieces)
        self.offsets = [*offsets, len(text)]

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[
            start
        ]


_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"
    r"|(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2}))"
    r"(?![\d/.-]?\d)"
)
_PAST_FR = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont|s'est|se\s+sont|s'etait|etait|fut)\s+(?:\w+\s+)?"
    r"(?:ete\s+)?\w+(?:e|es|ee|ees|is|it|u|ue|us|ert|erte|int|ait)\b"
)
_FUTURE_FR = re.compile(r"\b(?:sera|seront|aura|auront|va|vont|\w{3,}(?:era|ira|ra|ront))\b")
_WEEKDAY_NAMES = {**WEEKDAYS_AR, **WEEKDAYS_FR}


def _day_number(word: str | None) -> int | None:
    if word is None:
        return None
    if word in ("فاتح", "premier"):
        return 1
    if word == "ثاني":
        return 2
    return int(word)


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    year, index = divmod(year * 12 + month - 1 + months, 12)
    return year, index + 1


def _safe(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except (ValueError, TypeError):
        return None


def _nearest_weekday(base: dt.date, weekday: int, direction: int, inclusive: bool) -> dt.date:
    step = 0 if inclusive else 1
    for offset in range(step, step + 7):
        candidate = base + dt.timedelta(days=direction * offset)
        if candidate.weekday() == weekday:
            return candidate
    raise AssertionError("unreachable")


def _month_with_modifier(
    month: int, modifier: str | None, published: PartialDate | None
) -> int | None:
    """The year of a named month, from its modifier and the publication date."""
    if published is None or published.month is None:
        if modifier in CURRENT and published is not None and published.year is not None:
            return published.year
        return None
    pub_year, pub_month = published.year, published.month
    if modifier in LAST:
        return pub_year if month < pub_month else pub_year - 1
    if modifier in NEXT:
        return pub_year if month > pub_month else pub_year + 1
    if modifier in CURRENT:
        return pub_year
    # No modifier: the year that puts the month nearest the publication.
    best = min(
        (pub_year - 1, pub_year, pub_year + 1),
        key=lambda y: abs((y * 12 + month) - (pub_year * 12 + pub_month)),
    )
    return best


def _clause_tense(normalized: str, start: int, end: int) -> int:
    """-1 for a past tense in the French clause around a phrase, 1 for a future, 0 unknown."""
    left = max(normalized.rfind(".", 0, start), normalized.rfind("\n", 0, start)) + 1
    right_candidates = [
        p for p in (normalized.find(".", end), normalized.find("\n", end)) if p >= 0
    ]
    right = min(right_candidates) if right_candidates else len(normalized)
    clause = normalized[left:right]
    if _PAST_FR.search(clause):
        return -1
    if _FUTURE_FR.search(clause):
        return 1
    return 0


def find_dates(text: str, *, language: str, published: PartialDate | None) -> list[DateMention]:
    """Every date phrase of `text`, resolved against `published` where it is relative."""
    language = "ar" if language == "ar" else "fr"
    normalized = _NormalizedText(text)
    patterns = _patterns()
    months = _month_names()[language]
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < t_end and t_start < end for t_start, t_end in taken)

    def add(start: int, end: int, mention: DateMention) -> None:
        taken.append((start, end))
        mentions.append(mention)

    for match in patterns[language].finditer(normalized.text):
        groups = match.groupdict()
        if not match.group().strip():
            continue
        month_word = groups["month"]
        has_date = month_word is not None
        if not (has_date or groups["wd"] or groups["relday"]):
            continue
        if not has_date and groups["d1"]:
            # "يوم 12" alone is not a date; drop the number from the phrase.
            continue
        start, end = match.span()
        while start < end and normalized.text[start] in " ،,":
            start += 1
        while end > start and normalized.text[end - 1] in " ،,":
            end -= 1
        while True:
            head = normalized.text[start:end].split(" ", 1)
            if len(head) == 2 and head[0] in ("في", "من", "le", "les", "du", "des", "au"):
                start += len(head[0]) + 1
            else:
                break
        o_start, o_end = normalized.original(start, end)
        mention = _resolve(
            groups,
            months,
            published,
            text[o_start:o_end],
            tense=_clause_tense(normalized.text, start, end) if language == "fr" else 0,
        )
        if mention is None:
            continue
        mention.start, mention.end, mention.text = o_start, o_end, text[o_start:o_end]
        if (
            mention.warnings
            or mention.value.is_known
            or mention.month
            or mention.weekday is not None
        ):
            add(start, end, mention)

    for match in patterns[f"relative_{language}"].finditer(normalized.text):
        start, end = match.span()
        if overlaps(start, end):
            continue
        o_start, o_end = normalized.original(start, end)
        mention = _resolve_relative_period(match.groupdict(), published, text[o_start:o_end])
        mention.start, mention.end, mention.text = o_start, o_end, text[o_start:o_end]
        add(start, end, mention)

    # Numeric dates: ISO (2025-09-12) and, as the Moroccan and French press write them,
    # day first (12/09/2025, 12.09.2025).
    for match in _NUMERIC.finditer(normalized.text):
        start, end = match.span()
        if overlaps(start, end):
            continue
        if match.group("iso_year"):
            parts = (match.group("iso_year"), match.group("iso_month"), match.group("iso_day"))
        else:
            parts = (match.group("year"), match.group("month"), match.group("day"))
        value = _safe(*(int(p) for p in parts))
        if value is None:
            continue
        o_start, o_end = normalized.original(start, end)
        add(start, end, DateMention(o_start, o_end, text[o_start:o_end], value))

    for match in patterns[f"year_{language}"].finditer(normalized.text):
        start, end = match.span("year")
        if overlaps(start, end):
            continue
        value = PartialDate(int(match.group("year")))
        o_start, o_end = normalized.original(*match.span())
        o_start, o_end = _strip_edges(text, o_start, o_end)
        add(start, end, DateMention(o_start, o_end, text[o_start:o_end], value))

    mentions.sort(key=lambda m: m.start)
    return mentions


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _resolve(
    groups: dict, months: dict[str, int], published: PartialDate | None, phrase: str, tense: int
) -> DateMention | None:
    weekday = _WEEKDAY_NAMES.get(groups["wd"]) if groups["wd"] else None
    relday = groups["relday"]
    mention = DateMention(0, 0, "", PartialDate(), weekday=weekday)
    mention.says_today = relday is not None and RELATIVE_DAYS.get(relday) == 0

    if groups["month"]:
        month = months[groups["month"]]
        day = _day_number(groups["d1"])
        last_day = _day_number(groups["d2"])
        if groups["d2"] == "ثاني" and groups["d1"] != "فاتح":
            last_day = None
        year = int(groups["year"]) if groups["year"] else None
        modifier = groups["mmod"]
        alone = year is None and day is None and modifier is None and not groups["wd"]
        # A month name alone ("مارس" is also a verb) is a date only after "شهر".
        if alone and not re.search(r"(شهر|الشهر)\s*$", normalize(phrase).split(groups["month"])[0]):
            return None
        mention.month, mention.day, mention.last_day = month, day, last_day
        if year is None:
            year = _month_with_modifier(month, modifier, published)
            if modifier is not None or day is not None:
                mention.relative = True
            if year is None:
                mention.warnings.append(
                    lazy_message(NO_YEAR, phrase=phrase)
                    if modifier is None
                    else lazy_message(NEEDS_PUBLICATION_DATE["month"], phrase=phrase)
                )
                return mention
        value = _safe(year, month, day)
        if value is None:
            return None
        mention.value = value
        if last_day is not None:
            mention.end_value = _safe(year, month, last_day)
        if weekday is not None and day is not None and value.first_day().weekday() != weekday:
            mention.warnings.append(contradiction(weekday, value))
        return mention

    if relday is not None:
        mention.relative = True
        offset = RELATIVE_DAYS[relday]
        if published is None or published.day is None:
            mention.missing_anchor = lazy_message(NEEDS_PUBLICATION_DATE["day"], phrase=phrase)
            mention.warnings.append(mention.missing_anchor)
            return mention
        day = published.first_day() + dt.timedelta(days=offset)
        mention.value = PartialDate(day.year, day.month, day.day)
        if weekday is not None and day.weekday() != weekday:
            mention.warnings.append(contradiction(weekday, mention.value))
        return mention

    # A weekday alone: anchored by "الماضي"/"dernier", "المقبل"/"prochain", or a French tense.
    modifier = groups["wdmod"]
    direction = 0
    inclusive = False
    if modifier in LAST:
        direction = -1
    elif modifier in NEXT:
        direction = 1
    elif groups.get("this") or tense:
        direction = tense or -1
        inclusive = True
    if direction == 0:
        mention.warnings.append(lazy_message(WEEKDAY_UNANCHORED, said=WEEKDAYS[weekday]))
        return mention
    mention.relative = True
    if published is None or published.day is None:
        mention.warnings.append(lazy_message(NEEDS_PUBLICATION_DATE["day"], phrase=phrase))
        return mention
    day = _nearest_weekday(published.first_day(), weekday, direction, inclusive)
    mention.value = PartialDate(day.year, day.month, day.day)
    return mention


def _resolve_relative_period(
    groups: dict, published: PartialDate | None, phrase: str
) -> DateMention:
    unit = (
        groups.get("unit") or groups.get("unit2") or groups.get("unit3") or groups.get("thisunit")
    ) or ""
    modifier = groups.get("mod") or groups.get("mod2") or groups.get("mod3") or ""
    is_month = "شهر" in unit or "mois" in unit
    is_week = "اسبوع" in unit or "semaine" in unit
    mention = DateMention(0, 0, "", PartialDate(), relative=True)
    if modifier in LAST or modifier.startswith("dernier") or modifier.startswith("pass"):
        step = -1
    elif modifier in NEXT or modifier.startswith("prochain"):
        step = 1
    else:
        step = 0
    needed = "day" if is_week else "month" if is_month else "year"
    if (
        published is None
        or (is_month and published.month is None)
        or (is_week and published.day is None)
        or published.year is None
    ):
        mention.warnings.append(lazy_message(NEEDS_PUBLICATION_DATE[needed], phrase=phrase))
        return mention
    if is_week:
        # "الأسبوع الماضي", "la semaine dernière": known to the month when the whole week
        # (Monday to Sunday) falls in one, else to the year.
        anchor = dt.date(published.year, published.month, published.day)
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        sunday = monday + dt.timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            mention.value = PartialDate(monday.year, monday.month)
        elif monday.year == sunday.year:
            mention.value = PartialDate(monday.year)
        return mention
    if is_month:
        year, month = _add_months(published.year, published.month, step)
        mention.value = PartialDate(year, month)
    else:
        mention.value = PartialDate(published.year + step)
    return mention


def parse_date(
    text: str, *, language: str, published: PartialDate | None = None
) -> DateMention | None:
    """The first date phrase of `text` (for one phrase at a time: tests, forms)."""
    mentions = find_dates(text, language=language, published=published)
    return mentions[0] if mentions else None


def pin_weekday(mention: DateMention, first: dt.date, last: dt.date, span_label) -> bool:
    """Resolve a weekday-only mention inside a known range when exactly one day fits."""
    if mention.weekday is None or mention.is_known:
        return False
    days = [
        first + dt.timedelta(days=n)
        for n in range((last - first).days + 1)
        if (first + dt.timedelta(days=n)).weekday() == mention.weekday
    ]
    if len(days) != 1:
        return False
    day = days[0]
    mention.value = PartialDate(day.year, day.month, day.day)
    # The range, not the publication date, anchors it now.
    mention.warnings = [w for w in mention.warnings if w is not mention.missing_anchor]
    mention.warnings.append(
        lazy_message(
            WEEKDAY_PINNED,
            phrase=mention.text,
            said=WEEKDAYS[mention.weekday],
            span=span_label,
            date=_show(mention.value),
        )
    )
    return True
