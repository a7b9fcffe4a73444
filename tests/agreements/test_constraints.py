"""The database itself refuses records that break the model's rules (SQLite and PostgreSQL)."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from agreements.models import Agreement, AgreementParty, Citation, SourceDocument
from events.models import Event
from partners.models import Organization, Person, Position

pytestmark = pytest.mark.django_db


def make_agreement(**overrides) -> Agreement:
    values = {
        "slug": "a",
        "title_ar": "مذكرة",
        "kind": "mou",
        "signed_on": dt.date(2023, 6, 1),
        "signed_on_precision": "month",
    }
    values.update(overrides)
    return Agreement.objects.create(**values)


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_valid_partial_date_is_accepted():
    assert not refused(lambda: make_agreement())
    assert not refused(
        lambda: make_agreement(slug="b", signed_on=None, signed_on_precision="unknown")
    )
    assert not refused(
        lambda: make_agreement(slug="c", signed_on=dt.date(2025, 1, 1), signed_on_precision="year")
    )


@pytest.mark.parametrize(
    "overrides",
    [
        {"signed_on": dt.date(2023, 6, 14), "signed_on_precision": "month"},
        {"signed_on": dt.date(2025, 3, 1), "signed_on_precision": "year"},
        {"signed_on": None, "signed_on_precision": "day"},
        {"signed_on": dt.date(2025, 3, 1), "signed_on_precision": "unknown"},
        {"signed_on_precision": "week"},
        {"kind": "treaty"},
        {"status": "archived"},
        {"duration_months": 0},
    ],
    ids=[
        "month-padded-to-a-day",
        "year-padded-to-a-month",
        "day-without-date",
        "unknown-with-date",
        "unknown-precision",
        "unknown-kind",
        "unknown-status",
        "zero-duration",
    ],
)
def test_agreement_rules(overrides):
    assert refused(lambda: make_agreement(**overrides))


def test_an_agreement_cannot_renew_itself():
    agreement = make_agreement()
    agreement.renews = agreement
    assert refused(lambda: agreement.save())


def test_slugs_are_unique():
    make_agreement()
    assert refused(lambda: make_agreement())


def test_an_organization_is_party_once():
    agreement = make_agreement()
    org = Organization.objects.create(slug="o", name_ar="وزارة", kind="ministry")
    AgreementParty.objects.create(agreement=agreement, organization=org)
    assert refused(lambda: AgreementParty.objects.create(agreement=agreement, organization=org))


def test_event_cannot_end_before_it_starts():
    assert refused(
        lambda: Event.objects.create(
            slug="e",
            name_ar="قمة",
            kind="summit",
            start_date=dt.date(2026, 2, 4),
            end_date=dt.date(2026, 2, 1),
            date_precision="day",
        )
    )


def test_position_dates_follow_the_same_rules():
    person = Person.objects.create(slug="p", name_ar="شخص")
    org = Organization.objects.create(slug="o", name_ar="وزارة", kind="ministry")
    assert refused(
        lambda: Position.objects.create(
            slug="pos",
            person=person,
            organization=org,
            title_ar="وزير",
            start=dt.date(2024, 5, 17),
            start_precision="year",
        )
    )


def test_organization_kind_and_wikidata_format():
    assert refused(lambda: Organization.objects.create(slug="x", name_ar="س", kind="startup"))
    assert refused(
        lambda: Organization.objects.create(
            slug="y", name_ar="س", kind="company", wikidata_id="123"
        )
    )


def test_citation_needs_a_quote_and_source_needs_text():
    assert refused(
        lambda: SourceDocument.objects.create(slug="s", title_ar="م", file_name="f.txt", text="")
    )
    source = SourceDocument.objects.create(slug="s2", title_ar="م", file_name="g.txt", text="نص")
    agreement = make_agreement()
    assert refused(lambda: Citation.objects.create(source=source, record=agreement, quote=""))
