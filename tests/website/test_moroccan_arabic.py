"""Arabic as Moroccan readers and the sources write it: month names, digits, country names,
and nouns that agree with their number, on the pages, in the feeds and in the API."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import ngettext
from django_countries import countries

from core import forms as core_forms
from core.records import MONTHS, PartialDate, format_partial_date
from tests.website.conftest import page
from tests.website.test_pages import MISTRAL, PAGES

MOROCCAN_MONTHS = [
    "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
    "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
]  # fmt: skip
# The Middle-Eastern names Django's own catalog gives, and the Levantine ones: never shown.
OTHER_MONTH_NAMES = re.compile(
    r"سبتمبر|أغسطس|نوفمبر|ديسمبر|إبريل|مايو|يوليو(?!ز)|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين"
)
EASTERN_DIGITS = re.compile(r"[٠-٩۰-۹]")
LATIN_DIGITS = re.compile(r"[0-9]")


# Month names ---------------------------------------------------------------------------


def test_one_list_of_month_names_for_the_date_input_and_the_dates_shown():
    assert core_forms.MONTHS is MONTHS
    with translation.override("ar"):
        assert [str(name) for _number, name in MONTHS] == MOROCCAN_MONTHS


@pytest.mark.parametrize("month", range(1, 13))
def test_every_arabic_date_format_uses_the_moroccan_month_name(month):
    name = MOROCCAN_MONTHS[month - 1]
    moment = dt.datetime(2025, month, 12, 14, 5, tzinfo=dt.UTC)
    with translation.override("ar"):
        assert format_partial_date(PartialDate(2025, month, 12)) == f"12 {name} 2025"
        assert format_partial_date(PartialDate(2025, month)) == f"{name} 2025"
        # What the templates' |date and the admin's lists and history use.
        for fmt in ("DATE_FORMAT", "DATETIME_FORMAT", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"):
            shown = date_format(moment, fmt)
            assert name in shown, (fmt, shown)
            assert not OTHER_MONTH_NAMES.search(shown), (fmt, shown)


def test_french_dates_keep_the_french_month_names():
    with translation.override("fr"):
        assert format_partial_date(PartialDate(2025, 9, 12)) == "12 septembre 2025"
        assert format_partial_date(PartialDate(2025, 7)) == "juillet 2025"


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_arabic_pages_and_feeds_show_one_month_name_convention(client: Client):
    seen = []
    for path in [*PAGES, "/feeds/agreements/"]:
        html = client.get(f"/ar{path}").content.decode()
        found = OTHER_MONTH_NAMES.findall(html)
        assert not found, (path, found)
        seen.append(html)
    everything = "\n".join(seen)
    assert "شتنبر" in everything and "يوليوز" in everything
    mistral = page(client.get(f"/ar/agreements/{MISTRAL}/"))
    assert ("2025-09-12", "12 شتنبر 2025") in mistral.times


# Digits --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_a_date_on_an_arabic_page_never_mixes_eastern_and_latin_digits(client: Client):
    dates = []
    for path in PAGES:
        dates += [text for _iso, text in page(client.get(f"/ar{path}")).times]
    assert len(dates) > 20
    for text in dates:
        # The sources print Latin digits: so does every date, never Eastern ones.
        assert not EASTERN_DIGITS.search(text), text
        assert LATIN_DIGITS.search(text), text


def test_arabic_numbers_and_short_dates_are_written_in_latin_digits():
    with translation.override("ar"):
        shown = [
            number_format(1234567, force_grouping=True),
            number_format(3.5, decimal_pos=1),
            date_format(dt.date(2025, 9, 12), "SHORT_DATE_FORMAT"),
            date_format(dt.datetime(2025, 9, 12, 9, 30, tzinfo=dt.UTC), "SHORT_DATETIME_FORMAT"),
            date_format(dt.datetime(2025, 9, 12, 9, 30, tzinfo=dt.UTC), "DATETIME_FORMAT"),
        ]
    for text in shown:
        assert not EASTERN_DIGITS.search(text), text
    assert shown[2] == "12/09/2025"
    assert shown[4] == "12 شتنبر 2025، 09:30"


# Country names -------------------------------------------------------------------------

NATURAL_ARABIC_NAMES = {
    "SA": "المملكة العربية السعودية",
    "US": "الولايات المتحدة الأمريكية",
    "AE": "الإمارات العربية المتحدة",
    "KR": "كوريا الجنوبية",
    "GB": "المملكة المتحدة",
    "MA": "المغرب",
    "QA": "قطر",
    "KW": "الكويت",
    "CM": "الكاميرون",
    "FR": "فرنسا",
    "ZA": "جنوب أفريقيا",
    "ES": "إسبانيا",
    "CI": "كوت ديفوار",
}


def test_country_names_read_naturally_in_arabic():
    with translation.override("ar"):
        assert {code: countries.name(code) for code in NATURAL_ARABIC_NAMES} == (
            NATURAL_ARABIC_NAMES
        )
        # Only territories keep a qualifier in parentheses; a country never does.
        qualified = {code for code, name in countries if "(" in str(name)}
    assert qualified <= {"MF", "SX", "VI", "VG", "FK", "BQ"}, qualified
    with translation.override("fr"):
        assert countries.name("SA") == "Arabie saoudite"


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_saudi_arabia_is_named_naturally_on_the_pages_and_in_the_filters(client: Client):
    for path in ("/partners/elm/", "/partners/", "/", "/agreements/"):
        html = client.get(f"/ar{path}").content.decode()
        assert "المملكة العربية السعودية" in html, path
        assert "(المملكة العربية)" not in html, path


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_the_arabic_api_output_has_no_middle_eastern_month_or_awkward_country(client: Client):
    for path in ("/api/v1/agreements/", "/api/v1/partners/", "/api/v1/events/", "/api/v1/export/"):
        response = client.get(path, {"lang": "ar"})
        assert response.status_code == 200, path
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        body = raw.decode()
        assert not OTHER_MONTH_NAMES.search(body), path
        assert "(المملكة العربية)" not in body, path


# Plural and dual -----------------------------------------------------------------------

PARTNERS = {
    "ar": {1: "شريك واحد", 2: "شريكان", 3: "3 شركاء", 11: "11 شريكًا", 100: "100 شريك"},
    "fr": {
        1: "1 partenaire",
        2: "2 partenaires",
        3: "3 partenaires",
        11: "11 partenaires",
        100: "100 partenaires",
    },
}


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("count", [1, 2, 3, 11, 100])
def test_a_count_of_partners_agrees_with_its_noun(language, count):
    with translation.override(language):
        shown = ngettext("%(counter)s partner", "%(counter)s partners", count) % {"counter": count}
    assert shown == PARTNERS[language][count]


def _arabic_plural_entries():
    catalog = polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / "ar" / "LC_MESSAGES" / "django.po")
    )
    return [entry for entry in catalog.translated_entries() if entry.msgid_plural]


COUNT_PLACEHOLDER = re.compile(r"%\((counter|count|months|ms)\)[sd]")


def test_the_arabic_catalog_never_prints_a_number_before_a_dual_or_a_singular():
    entries = _arabic_plural_entries()
    assert len(entries) >= 15
    for entry in entries:
        forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
        assert len(forms) == 6, entry.msgid
        # Forms 1 and 2 are used for one and two alone: "شريك واحد", "شريكان".
        assert not COUNT_PLACEHOLDER.search(forms[1]), (entry.msgid, forms[1])
        assert not COUNT_PLACEHOLDER.search(forms[2]), (entry.msgid, forms[2])
        # From three on the number is shown (when the English shows it).
        if COUNT_PLACEHOLDER.search(entry.msgid_plural):
            for form in forms[3:]:
                assert COUNT_PLACEHOLDER.search(form), (entry.msgid, form)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_arabic_pages_never_print_a_number_before_a_dual(client: Client):
    dual = re.compile(
        r"\b\d+\s+(شريكان|اتفاقيتان|اتفاقيتين|حدثان|منظمتان|مقطعان|مقطعين|شهران|نسختان)"
    )
    for path in PAGES:
        html = client.get(f"/ar{path}").content.decode()
        assert not dual.search(html), (path, dual.search(html))
        assert not re.search(r"\b1\s+(شريك|اتفاقية|حدث|منظمة)\b", html), path
