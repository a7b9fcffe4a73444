"""The number of SQL queries of a list does not grow with the page size or the data."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from agreements.models import Citation, SourceDocument
from events.models import EventParticipant
from partners.models import Position
from tests import factories

pytestmark = pytest.mark.django_db

# One to read the dataset's version (conditional GET), the count, one for the page, and
# one per prefetched relation. On PostgreSQL the agreements' page is read as ids, then
# with every relation assembled as JSON in one query (api/agreements/assembled.py), and
# counting asks the planner first what an exact count would cost (core/counting.py).
POSTGRESQL = connection.vendor == "postgresql"
COUNTING = 2 if POSTGRESQL else 1
FULL_PAGE_QUERIES = {
    # + parties, signatories, attendees, themes, initiatives, renewals, citations
    "agreements": 2 + COUNTING + (1 if POSTGRESQL else 7),
    "partners": 2 + COUNTING,  # parent joined, agreement_count annotated
    "people": 4 + COUNTING,  # + positions, signatures
    "events": 5 + COUNTING,  # + participants, organizations, agreements
    "initiatives": 4 + COUNTING,  # + partners, agreements
    "sources": 2 + COUNTING,
}


def grow_the_dataset(rows: int = 60) -> None:
    """Rows of every kind, each with the relations its list shows."""
    source = SourceDocument.objects.first()
    for i in range(rows):
        ministry = factories.organization(country="MA", parent=None)
        company = factories.organization(parent=ministry)
        signer = factories.person()
        Position.objects.create(
            slug=f"grown-position-{i}", person=signer, organization=ministry, title_ar="مدير"
        )
        event = factories.event()
        EventParticipant.objects.create(event=event, person=signer, organization=ministry)
        event.organizations.add(company)
        initiative = factories.initiative(lead=ministry)
        initiative.partners.add(company)
        agreement = factories.agreement(
            parties=(ministry, company),
            signatories=((signer, ministry),),
            initiatives=(initiative,),
            event=event,
        )
        agreement.attendees.create(person=factories.person(), organization=company)
        Citation.objects.create(record=agreement, source=source, quote=source.text[:20])
        SourceDocument.objects.create(
            slug=f"grown-source-{i}", title_ar="مقال", file_name=f"grown-{i}.txt", text="نص"
        )


@pytest.mark.parametrize("resource", FULL_PAGE_QUERIES)
def test_list_queries_do_not_grow(seeded, client: Client, django_assert_num_queries, resource):
    expected = FULL_PAGE_QUERIES[resource]
    with django_assert_num_queries(expected):
        small = client.get(f"/api/v1/{resource}/", {"page_size": 2})
    assert len(small.json()["results"]) == 2

    grow_the_dataset()

    with django_assert_num_queries(expected):
        full = client.get(f"/api/v1/{resource}/", {"page_size": 50})
    assert len(full.json()["results"]) == 50
    # The largest page holds every row: the count is its length, not a COUNT query.
    with django_assert_num_queries(expected - COUNTING):
        everything = client.get(f"/api/v1/{resource}/", {"page_size": 200})
    assert len(everything.json()["results"]) == everything.json()["count"] > 60


def test_a_page_that_is_not_full_saves_the_count(seeded, client: Client, django_assert_num_queries):
    with django_assert_num_queries(FULL_PAGE_QUERIES["agreements"] - COUNTING):
        response = client.get("/api/v1/agreements/")
    assert response.json()["count"] == 6


def test_filters_add_a_fixed_number_of_queries(
    seeded, client: Client, django_assert_max_num_queries
):
    grow_the_dataset(10)
    # Each slug filter validates its value against the published records: one query each.
    params = {
        "partner": ["ministry-digital-transition", "elm"],
        "country": "SA",
        "kind": "mou",
        "signed_after": "2020",
        "signed_before": "2026-01",
        "year": "2025",
        "event": "gitex-africa-2025",
        "theme": "digital-transformation",
        "q": "مذكرة",
        "ordering": "-title",
    }
    with django_assert_max_num_queries(FULL_PAGE_QUERIES["agreements"] + 3):
        response = client.get("/api/v1/agreements/", params)
    assert response.status_code == 200, response.json()


@pytest.mark.parametrize("resource", FULL_PAGE_QUERIES)
def test_detail_queries(seeded, client: Client, django_assert_max_num_queries, resource):
    first = client.get(f"/api/v1/{resource}/", {"page_size": 1}).json()["results"][0]
    with django_assert_max_num_queries(FULL_PAGE_QUERIES[resource] - COUNTING):
        assert client.get(f"/api/v1/{resource}/{first['slug']}/").status_code == 200


def test_a_count_is_read_once_per_version_of_the_data(
    seeded, client: Client, django_assert_num_queries
):
    grow_the_dataset(30)
    with django_assert_num_queries(FULL_PAGE_QUERIES["agreements"]):
        first = client.get("/api/v1/agreements/", {"page_size": 10, "country": "MA"})
    # Another page, order or language of the same filters: the count is known.
    with django_assert_num_queries(FULL_PAGE_QUERIES["agreements"] - COUNTING):
        second = client.get(
            "/api/v1/agreements/", {"page_size": 10, "page": 2, "country": "MA", "lang": "fr"}
        )
    assert second.json()["count"] == first.json()["count"] > 30
    # Any write is a new version of the dataset: the count is read again, and is right.
    factories.agreement(parties=(factories.organization(country="MA"),))
    with django_assert_num_queries(FULL_PAGE_QUERIES["agreements"]):
        third = client.get("/api/v1/agreements/", {"page_size": 10, "country": "MA"})
    assert third.json()["count"] == first.json()["count"] + 1
