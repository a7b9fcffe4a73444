"""Partial dates: a date known to the month stays a month, everywhere."""

import datetime as dt

import pytest

from agreements.models import Agreement
from core.records import DatePrecision, PartialDate


@pytest.mark.parametrize(
    ("raw", "iso", "precision", "first_day"),
    [
        ("2025-09-12", "2025-09-12", DatePrecision.DAY, dt.date(2025, 9, 12)),
        ("2023-06", "2023-06", DatePrecision.MONTH, dt.date(2023, 6, 1)),
        ("2025", "2025", DatePrecision.YEAR, dt.date(2025, 1, 1)),
        (2025, "2025", DatePrecision.YEAR, dt.date(2025, 1, 1)),
        (dt.date(2026, 2, 1), "2026-02-01", DatePrecision.DAY, dt.date(2026, 2, 1)),
        (None, None, DatePrecision.UNKNOWN, None),
        ("", None, DatePrecision.UNKNOWN, None),
    ],
)
def test_parse_keeps_the_precision(raw, iso, precision, first_day):
    partial = PartialDate.parse(raw)
    assert partial.isoformat() == iso
    assert partial.precision == precision
    assert partial.first_day() == first_day


@pytest.mark.parametrize(
    "raw", ["2025-13", "2025-02-29", "June 2023", "25-06", "2025-6", True, 3.5, "2025-06-01T10:00"]
)
def test_parse_refuses_what_is_not_a_date(raw):
    with pytest.raises(ValueError):
        PartialDate.parse(raw)


def test_stored_form_round_trips_without_inventing_a_day():
    stored = PartialDate.parse("2023-06")
    back = PartialDate.from_stored(stored.first_day(), stored.precision)
    assert back.isoformat() == "2023-06"
    assert back.day is None


@pytest.mark.parametrize(
    ("signed", "months", "expires"),
    [
        ("2025-09-12", 24, "2027-09-12"),
        ("2025-01-31", 1, "2025-02-28"),
        ("2023-06", 24, "2025-06"),
        ("2025", 24, "2027"),
        ("2025", 18, None),
        (None, 24, None),
        ("2025-09-12", None, None),
    ],
)
def test_expiry_is_never_more_precise_than_the_signing_date(signed, months, expires):
    partial = PartialDate.parse(signed)
    agreement = Agreement(
        signed_on=partial.first_day(),
        signed_on_precision=partial.precision,
        duration_months=months,
    )
    assert agreement.expires_partial.isoformat() == expires
