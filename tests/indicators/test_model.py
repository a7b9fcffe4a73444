"""Indicators' rules: a figure needs a citation to be published, its date keeps its
precision, a rank is a whole number, and the database refuses what the form would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from core.services import CitationInput
from indicators.models import Indicator
from indicators.services import save_indicator
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def new_indicator(**values) -> Indicator:
    values.setdefault("slug", "startupblink-2025-ma")
    values.setdefault(
        "measure", {"ar": "المؤشر العالمي", "en": "Global Startup Ecosystem Index 2025"}
    )
    values.setdefault("country", "MA")
    values.setdefault("kind", "rank")
    values.setdefault("value", Decimal("88"))
    values.setdefault("as_of", "2025")
    return save_indicator(actor=factories.editor(), **values)


def messages(error, field: str) -> str:
    return " ".join(error.value.message_dict[field])


def test_publishing_takes_the_right_and_a_citation():
    indicator = new_indicator()
    evidence = [CitationInput(source=factories.source_document(), quote=factories.QUOTE)]

    with pytest.raises(PermissionDenied):
        save_indicator(
            actor=factories.editor(), indicator=indicator, citations=evidence, status="published"
        )
    with pytest.raises(ValidationError) as error:
        save_indicator(actor=factories.publisher(), indicator=indicator, status="published")
    assert "cites at least one source" in messages(error, "status")
    indicator.refresh_from_db()
    assert indicator.status == "draft"

    save_indicator(
        actor=factories.publisher(), indicator=indicator, citations=evidence, status="published"
    )
    indicator.refresh_from_db()
    assert indicator.status == "published"


def test_the_last_citation_of_a_published_indicator_cannot_go():
    indicator = new_indicator()
    evidence = [CitationInput(source=factories.source_document(), quote=factories.QUOTE)]
    save_indicator(
        actor=factories.publisher(), indicator=indicator, citations=evidence, status="published"
    )
    with pytest.raises(ValidationError):
        save_indicator(actor=factories.publisher(), indicator=indicator, citations=[])
    assert indicator.citations.count() == 1


@pytest.mark.parametrize(
    ("given", "stored", "precision", "shown"),
    [
        ("2025", dt.date(2025, 1, 1), "year", "2025"),
        ("2025-09", dt.date(2025, 9, 1), "month", "2025-09"),
        ("2025-09-12", dt.date(2025, 9, 12), "day", "2025-09-12"),
        (None, None, "unknown", None),
    ],
)
def test_the_date_is_kept_at_its_precision(given, stored, precision, shown):
    indicator = new_indicator(as_of=given)
    indicator.refresh_from_db()
    assert (indicator.as_of, indicator.as_of_precision) == (stored, precision)
    assert indicator.as_of_partial.isoformat() == shown


def test_a_date_that_is_no_date_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as error:
        new_indicator(as_of="September 2025")
    assert "YYYY-MM" in messages(error, "as_of")
    assert not Indicator.objects.exists()


def test_a_padded_month_is_refused_by_the_database():
    indicator = new_indicator(as_of="2025-09")
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.filter(pk=indicator.pk).update(as_of=dt.date(2025, 9, 12))


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"value": None}, "value", "Give the value"),
        ({"value": Decimal("88.5")}, "value", "whole number"),
        ({"value": Decimal("0")}, "value", "whole number"),
        ({"kind": "score", "value": Decimal("0.687"), "change": 3}, "change", "belongs to a rank"),
        ({"kind": "medal"}, "kind", "not a valid choice"),
        ({"country": "ZZ"}, "country", "not a valid choice"),
    ],
)
def test_a_figure_that_makes_no_sense_is_refused(values, field, message):
    with pytest.raises(ValidationError) as error:
        new_indicator(**values)
    assert message in messages(error, field)
    assert not Indicator.objects.exists()


def test_a_change_alone_is_a_rank_the_source_does_not_give():
    indicator = new_indicator(value=None, change=14)
    indicator.refresh_from_db()
    assert indicator.value is None and indicator.change == 14


def test_the_database_refuses_a_figure_without_value_or_change():
    indicator = new_indicator()
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.filter(pk=indicator.pk).update(value=None)
