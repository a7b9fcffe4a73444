"""The partial-date input: day, month by name, year; the precision follows, nothing guessed.

An editor copying "09/10/2025" (the Moroccan day/month order) has nowhere to paste it as
one string: each part goes in its own labelled input, so it cannot become 10 September.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from agreements.models import Agreement
from core.forms import PartialDateField, PartialDateWidget, partial_date_pairs
from core.records import DatePrecision, PartialDate
from events.models import Event
from partners.models import Position
from tests.admin.conftest import form_data, submit


def clean(day="", month="", year="", label="Signed on"):
    field = PartialDateField(label=label, required=False, precision_field="signed_on_precision")
    return field.clean([day, month, year])


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("9", "10", "2025"), PartialDate(2025, 10, 9)),  # 9 October: day in the day input
        (("", "6", "2023"), PartialDate(2023, 6)),
        (("", "", "2025"), PartialDate(2025)),
        (("", "", ""), PartialDate()),
        (("١٢", "9", "٢٠٢٥"), PartialDate(2025, 9, 12)),  # Arabic-Indic digits
        ((" 1 ", "2", " 2024 "), PartialDate(2024, 2, 1)),
        (("29", "2", "2024"), PartialDate(2024, 2, 29)),  # a leap year
    ],
)
def test_the_precision_follows_from_what_is_filled(parts, expected):
    value = clean(*parts)
    assert value == expected
    assert value.precision == expected.precision


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        (("12", "", "2025"), "a day needs its month"),
        (("12", "", ""), "a day needs its month"),
        (("", "9", ""), "a month needs its year"),
        (("31", "2", "2025"), "February 2025 has no day 31"),
        (("29", "2", "2025"), "February 2025 has no day 29"),
        (("32", "1", "2025"), "the day is a number from 1 to 31"),
        (("", "13", "2025"), "choose the month from the list"),
        (("", "", "25"), "four digits"),
        (("", "", "09/10/2025"), "four digits"),  # the ambiguous string is not read
        (("09/10", "", "2025"), "the day is a number from 1 to 31"),
    ],
)
def test_bad_dates_are_refused_with_the_field_named(parts, words):
    field = PartialDateField(label="Signed on", required=False, precision_field="x")
    with translation.override("en"), pytest.raises(Exception) as refused:
        field.clean(list(parts))
    message = " ".join(refused.value.messages)
    assert message.startswith("Signed on: "), message
    assert words in message, message


def test_the_refusal_is_in_the_editors_language():
    field = PartialDateField(label="تاريخ التوقيع", required=False, precision_field="x")
    with translation.override("ar"), pytest.raises(Exception) as refused:
        field.clean(["31", "2", "2025"])
    message = refused.value.messages[0]
    assert message.startswith("تاريخ التوقيع")
    assert "فبراير" in message and "31" in message


def test_every_date_and_precision_pair_is_found():
    assert partial_date_pairs(Agreement) == {"signed_on": "signed_on_precision"}
    assert partial_date_pairs(Event) == {
        "start_date": "date_precision",
        "end_date": "date_precision",
    }
    assert partial_date_pairs(Position) == {"start": "start_precision", "end": "end_precision"}


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ar", ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر",
                "أكتوبر", "نونبر", "دجنبر"]),
        ("fr", ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                "septembre", "octobre", "novembre", "décembre"]),
        ("en", ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]),
    ],
)  # fmt: skip
def test_the_month_is_chosen_by_its_name(language, names):
    with translation.override(language):
        html = PartialDateWidget().render("signed_on", PartialDate(2025, 9, 12))
    for number, name in enumerate(names, start=1):
        assert f'<option value="{number}"' in html
        assert f">{name}</option>" in html, name
    # The stored value is shown as entered: 12, September, 2025.
    assert 'value="12"' in html and 'value="2025"' in html
    assert '<option value="9" selected>' in html


def test_no_example_string_is_shown_to_be_copied():
    with translation.override("ar"):
        html = PartialDateWidget().render("signed_on", None)
    assert "YYYY" not in html and "-06-" not in html and "2023" not in html
    assert "<script" not in html


# -- in the admin ---------------------------------------------------------------------------


def agreement_url(agreement):
    return reverse("admin:agreements_agreement_change", args=[agreement.pk])


@pytest.mark.parametrize(
    ("language", "day", "month", "year"),
    [("ar", "اليوم", "الشهر", "السنة"), ("fr", "Jour", "Mois", "Année")],
)
def test_the_admin_shows_the_stored_date_in_three_labelled_inputs(
    seeded, editor_client, language, day, month, year
):
    agreement = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    assert agreement.signed_partial == PartialDate(2025, 9, 12)
    html = editor_client.get(agreement_url(agreement), HTTP_ACCEPT_LANGUAGE=language)
    html = html.content.decode()
    data = form_data(html, "agreement_form")
    assert data["signed_on_day"] == ["12"]
    assert data["signed_on_month"] == ["9"]
    assert data["signed_on_year"] == ["2025"]
    assert "signed_on_precision" not in data  # follows from the date: no second input
    for label in (day, month, year):
        assert f'<span class="partial-date-label">{label}</span>' in html
    if language == "ar":
        assert '<option value="9" selected>شتنبر</option>' in html
    else:
        assert '<option value="9" selected>septembre</option>' in html


def test_a_month_known_date_shows_as_a_month(seeded, editor_client):
    agreement = Agreement.objects.exclude(signed_on=None).first()
    Agreement.objects.filter(pk=agreement.pk).update(
        signed_on=dt.date(2023, 6, 1), signed_on_precision=DatePrecision.MONTH
    )
    data = form_data(editor_client.get(agreement_url(agreement)).content.decode(), "agreement_form")
    assert (data["signed_on_day"], data["signed_on_month"], data["signed_on_year"]) == (
        [""],
        ["6"],
        ["2023"],
    )


@pytest.mark.parametrize(
    ("parts", "stored", "precision"),
    [
        (("9", "10", "2025"), dt.date(2025, 10, 9), DatePrecision.DAY),
        (("", "6", "2023"), dt.date(2023, 6, 1), DatePrecision.MONTH),
        (("", "", "2025"), dt.date(2025, 1, 1), DatePrecision.YEAR),
        (("", "", ""), None, DatePrecision.UNKNOWN),
    ],
)
def test_saving_stores_the_date_and_its_precision_together(
    seeded, publisher_client, parts, stored, precision
):
    agreement = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    day, month, year = parts
    response = submit(
        publisher_client,
        agreement_url(agreement),
        "agreement_form",
        {"signed_on_day": day, "signed_on_month": month, "signed_on_year": year},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    agreement.refresh_from_db()
    assert agreement.signed_on == stored
    assert agreement.signed_on_precision == precision


def test_an_impossible_date_is_refused_on_the_form_and_nothing_is_saved(seeded, publisher_client):
    agreement = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    version = agreement.version
    response = submit(
        publisher_client,
        agreement_url(agreement),
        "agreement_form",
        {"signed_on_day": "31", "signed_on_month": "2", "signed_on_year": "2025"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "février 2025 n’a pas de jour 31." in html
    assert "errorlist" in html
    agreement.refresh_from_db()
    assert agreement.version == version
    assert agreement.signed_on == dt.date(2025, 9, 12)


def test_an_events_end_date_takes_the_precision_of_its_start(seeded, publisher_client):
    event = Event.objects.exclude(start_date=None).order_by("pk").first()
    url = reverse("admin:events_event_change", args=[event.pk])
    response = submit(
        publisher_client,
        url,
        "event_form",
        {
            "start_date_day": "1", "start_date_month": "2", "start_date_year": "2026",
            "end_date_day": "", "end_date_month": "2", "end_date_year": "2026",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )  # fmt: skip
    assert response.status_code == 200
    assert "End date: give it to the same precision as Start date" in response.content.decode()
    response = submit(
        publisher_client,
        url,
        "event_form",
        {
            "start_date_day": "", "start_date_month": "2", "start_date_year": "2026",
            "end_date_day": "", "end_date_month": "3", "end_date_year": "2026",
        },
    )  # fmt: skip
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.start_date, event.end_date) == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert event.date_precision == DatePrecision.MONTH


def test_a_positions_dates_are_partial_inputs_in_the_persons_form(seeded, editor_client):
    position = Position.objects.order_by("pk").first()
    url = reverse("admin:partners_person_change", args=[position.person_id])
    html = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'name="positions-0-start_day"' in html
    assert 'name="positions-0-end_year"' in html
    assert "start_precision" not in html
