"""Dates as Moroccan, Middle-Eastern and French articles write them, at their precision.

Each case is a phrase an editor meets in the press and what it must resolve to against a
publication date; a weekday is never guessed, and one that contradicts its date is
flagged in the editor's language.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from core.records import PartialDate
from intake.extract.dates import find_dates, parse_date
from intake.extract.text import is_arabic

FRIDAY_12_SEPT_2025 = PartialDate(2025, 9, 12)
MONDAY_16_DEC_2024 = PartialDate(2024, 12, 16)
SATURDAY_10_MAY_2025 = PartialDate(2025, 5, 10)


def resolved(phrase: str, language: str = "ar", published: PartialDate | None = None):
    mention = parse_date(phrase, language=language, published=published)
    assert mention is not None, phrase
    return mention


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # Moroccan month names.
        ("وقع الاتفاق في 3 ماي 2023 بالرباط", "2023-05-03"),
        ("في 5 يوليوز 2024", "2024-07-05"),
        ("يوم 20 غشت 2022", "2022-08-20"),
        ("12 شتنبر 2025", "2025-09-12"),
        ("في 7 نونبر 2021", "2021-11-07"),
        ("في 31 دجنبر 2019", "2019-12-31"),
        # Middle-Eastern, Levantine and Maghrebi names.
        ("في 12 سبتمبر 2025", "2025-09-12"),
        ("في 5 يوليو 2024", "2024-07-05"),
        ("في 20 أغسطس 2022", "2022-08-20"),
        ("في 7 نوفمبر 2021", "2021-11-07"),
        ("في 31 ديسمبر 2019", "2019-12-31"),
        ("في 9 تموز 2024", "2024-07-09"),
        ("في 14 جويلية 2024", "2024-07-14"),
        # "فاتح" is the first; Arabic-Indic digits; harakat.
        ("فاتح يوليوز 2025", "2025-07-01"),
        ("في ١٢ يناير ٢٠٢٦ بالرباط", "2026-01-12"),
        ("في ١٢ ينايِر ٢٠٢٦", "2026-01-12"),
        # Month and year only: the month's precision, never a padded day.
        ("أبرمت في يونيو 2023", "2023-06"),
        ("في شهر مارس 2024", "2024-03"),
        # A year alone.
        ("التي أبرمت سنة 2023", "2023"),
        ("برسم سنة 2026", "2026"),
    ],
)
def test_arabic_dates_at_the_precision_printed(phrase: str, expected: str) -> None:
    mention = resolved(phrase)
    assert str(mention.value) == expected
    assert mention.warnings == []
    # The phrase is quoted as printed.
    assert mention.text in phrase


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("le 2 mai 2025", "2025-05-02"),
        ("le vendredi 12 septembre 2025", "2025-09-12"),
        ("le 1er juillet 2025", "2025-07-01"),
        ("en février 2026", "2026-02"),
        ("le 14 août 2023", "2023-08-14"),
        ("le 3 déc. 2024", "2024-12-03"),
        ("en 2023", "2023"),
    ],
)
def test_french_dates(phrase: str, expected: str) -> None:
    mention = resolved(phrase, "fr")
    assert str(mention.value) == expected
    assert mention.warnings == []


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("أمس الثلاثاء بالرباط", PartialDate(2025, 9, 10), "2025-09-09"),
        ("أول أمس الثلاثاء", PartialDate(2025, 9, 11), "2025-09-09"),
        ("اليوم الجمعة بمقر الوزارة", FRIDAY_12_SEPT_2025, "2025-09-12"),
        ("يومه الإثنين 16 دجنبر الجاري", MONDAY_16_DEC_2024, "2024-12-16"),
        ("الثلاثاء الماضي", FRIDAY_12_SEPT_2025, "2025-09-09"),
        ("الخميس المقبل", FRIDAY_12_SEPT_2025, "2025-09-18"),
        ("في شهر شتنبر المنصرم", PartialDate(2026, 2, 3), "2025-09"),
        ("يوليوز الماضي", FRIDAY_12_SEPT_2025, "2025-07"),
        ("شتنبر المقبل", PartialDate(2025, 5, 20), "2025-09"),
        ("الشهر الماضي", PartialDate(2025, 1, 5), "2024-12"),
        ("الشهر المنصرم", FRIDAY_12_SEPT_2025, "2025-08"),
        ("السنة المقبلة", FRIDAY_12_SEPT_2025, "2026"),
        ("العام الماضي", FRIDAY_12_SEPT_2025, "2024"),
        ("فاتح وثاني يوليوز الماضي", FRIDAY_12_SEPT_2025, "2025-07-01"),
        ("a signé vendredi à Rabat", SATURDAY_10_MAY_2025, "2025-05-09"),
        (
            "La ministre a présidé, mercredi à Marrakech, la cérémonie",
            SATURDAY_10_MAY_2025,
            "2025-05-07",
        ),
        ("vendredi dernier", SATURDAY_10_MAY_2025, "2025-05-09"),
        ("hier, le ministre", SATURDAY_10_MAY_2025, "2025-05-09"),
        ("le mois dernier", SATURDAY_10_MAY_2025, "2025-04"),
        ("l'année prochaine", SATURDAY_10_MAY_2025, "2026"),
        ("le 1er juillet", SATURDAY_10_MAY_2025, "2025-07-01"),
        ("Le salon se tiendra jeudi à Casablanca", SATURDAY_10_MAY_2025, "2025-05-15"),
    ],
)
def test_relative_to_the_publication_date(
    phrase: str, published: PartialDate, expected: str
) -> None:
    language = "ar" if is_arabic(phrase) else "fr"
    mention = resolved(phrase, language, published)
    assert str(mention.value) == expected
    assert mention.warnings == []


def test_ranges_give_their_first_and_last_day() -> None:
    mention = resolved("قمة ويب قطر 2026 (1-4 فبراير الجاري)", published=PartialDate(2026, 2, 2))
    assert (str(mention.value), str(mention.end_value)) == ("2026-02-01", "2026-02-04")
    both = resolved("يومي 1 و2 يوليوز المقبل بالرباط", published=PartialDate(2025, 5, 20))
    assert (str(both.value), str(both.end_value)) == ("2025-07-01", "2025-07-02")
    french = resolved("du 1er au 4 février 2026", "fr")
    assert (str(french.value), str(french.end_value)) == ("2026-02-01", "2026-02-04")


def test_a_weekday_that_contradicts_its_date_is_flagged_in_the_editors_language() -> None:
    mention = resolved("le mardi 12 septembre 2025", "fr")
    assert mention.value == FRIDAY_12_SEPT_2025  # the date printed is kept ...
    with translation.override("en"):
        assert [str(w) for w in mention.warnings] == [
            "The article says Tuesday, but Sept. 12, 2025 is a Friday."
        ]
    with translation.override("fr"):
        (warning,) = [str(w) for w in mention.warnings]
        assert "mardi" in warning.lower() and "vendredi" in warning.lower()
    with translation.override("ar"):
        (warning,) = [str(w) for w in mention.warnings]
        assert "الثلاثاء" in warning and "الجمعة" in warning
    # ... and "yesterday Tuesday" in an article of a Friday is yesterday, flagged.
    wrong = resolved("أمس الثلاثاء", published=FRIDAY_12_SEPT_2025)
    assert str(wrong.value) == "2025-09-11"
    assert len(wrong.warnings) == 1


@pytest.mark.parametrize(
    ("phrase", "language"),
    [("تم يوم الثلاثاء توقيع الاتفاقية", "ar"), ("La convention, vendredi.", "fr")],
)
def test_a_weekday_with_nothing_to_anchor_it_stays_unknown(phrase: str, language: str) -> None:
    mention = resolved(phrase, language, SATURDAY_10_MAY_2025)
    assert mention.value == PartialDate()
    assert mention.weekday is not None
    assert len(mention.warnings) == 1


def test_relative_phrases_without_a_publication_date_stay_unknown_with_a_warning() -> None:
    for phrase in ("أمس الثلاثاء", "شتنبر المنصرم", "الشهر الماضي", "16 دجنبر الجاري"):
        mention = resolved(phrase)
        assert mention.value == PartialDate(), phrase
        assert mention.warnings, phrase
    # A day and month with no year and nothing to anchor them.
    assert resolved("يومي 1 و2 يوليوز").value == PartialDate()


def test_a_month_name_alone_is_not_a_date() -> None:
    # "مارس" is also the verb "practised".
    assert find_dates("مارس الوزير مهامه بالرباط", language="ar", published=None) == []


def test_offsets_point_into_the_original_text() -> None:
    text = "وقّعت الوزارة، اليوم الجمعة 12 شتنبر 2025 بالرباط، مذكرة تفاهم."
    (mention,) = find_dates(text, language="ar", published=None)
    assert text[mention.start : mention.end] == mention.text == "اليوم الجمعة 12 شتنبر 2025"
    assert mention.says_today


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("نشر في 12/09/2025 على الساعة", "2025-09-12"),
        ("Publié le 09/10/2025", "2025-10-09"),  # day first, as the press writes it
        ("le 12.09.2025", "2025-09-12"),
        ("2025-09-12", "2025-09-12"),
    ],
)
def test_numeric_dates_are_read_day_first(phrase: str, expected: str) -> None:
    mention = resolved(phrase, "ar" if is_arabic(phrase) else "fr")
    assert str(mention.value) == expected


def test_an_impossible_numeric_date_is_not_a_date() -> None:
    assert find_dates("le 31/02/2025", language="fr", published=None) == []
