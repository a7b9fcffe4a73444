"""Counts of lists: shared per version of the dataset, estimated when counting would be
slow (PostgreSQL), and said to be estimates, with page links that stay exact."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from agreements.models import Agreement
from core import counting
from core.counting import Counted
from tests import factories

pytestmark = pytest.mark.django_db

POSTGRESQL = connection.vendor == "postgresql"


def test_a_count_is_kept_per_list_and_version(seeded, django_assert_num_queries):
    published = Agreement.objects.published()
    parts = ("test", "published")
    first = counting.count(published, key_parts=parts, version="v1")
    assert first == Counted(6, False)
    with django_assert_num_queries(0):
        assert counting.count(published.none(), key_parts=parts, version="v1") == first
        assert counting.cached(key_parts=parts, version="v1") == first
    # Another version of the dataset, or other parts: counted again.
    assert counting.cached(key_parts=parts, version="v2") is None
    assert counting.count(published.none(), key_parts=parts, version="v2") == Counted(0)
    assert counting.cached(key_parts=("test", "drafts"), version="v1") is None
    counting.remember(key_parts=parts, version="v3", value=41)
    assert counting.cached(key_parts=parts, version="v3") == Counted(41, False)


def test_a_write_makes_the_api_count_again(seeded, client: Client):
    params = {"page_size": 2, "kind": "mou"}
    before = client.get("/api/v1/agreements/", params).json()["count"]
    assert client.get("/api/v1/agreements/", params).json()["count"] == before
    factories.agreement(kind="mou")
    assert client.get("/api/v1/agreements/", params).json()["count"] == before + 1


@pytest.mark.skipif(not POSTGRESQL, reason="SQLite always counts exactly")
def test_a_costly_count_is_an_estimate_and_says_so(seeded, client: Client, monkeypatch):
    for _ in range(4):
        factories.agreement()
    monkeypatch.setattr(counting, "EXACT_COST", 0)
    monkeypatch.setattr(counting, "MIN_SAMPLED", 0)
    body = client.get("/api/v1/agreements/", {"page_size": 2}).json()
    assert body["count_is_estimate"] is True
    assert list(body)[:2] == ["count", "count_is_estimate"]
    # A sample of a few pages of a small table may find any number: never fewer than shown.
    assert body["count"] >= 3
    assert body["next"] is not None


@pytest.mark.skipif(not POSTGRESQL, reason="SQLite always counts exactly")
def test_a_sample_too_small_to_scale_up_is_replaced_by_an_exact_count(
    seeded, client: Client, monkeypatch
):
    # A costly plan whose sample holds a handful of rows: "about 0" or "about 300" would be
    # a guess; the ten agreements of this small table are counted instead.
    for _ in range(4):
        factories.agreement()
    monkeypatch.setattr(counting, "EXACT_COST", 0)
    body = client.get("/api/v1/agreements/", {"page_size": 2}).json()
    assert "count_is_estimate" not in body
    assert body["count"] == 10


def test_sqlite_and_cheap_counts_are_exact(seeded, client: Client, monkeypatch):
    if not POSTGRESQL:
        monkeypatch.setattr(counting, "EXACT_COST", 0)
    body = client.get("/api/v1/agreements/", {"page_size": 2}).json()
    assert "count_is_estimate" not in body
    assert body["count"] == 6


def estimate(value: int):
    def count_now(queryset) -> Counted:
        return Counted(value, True)

    return count_now


def test_pages_of_an_estimated_list_follow_the_rows_not_the_estimate(
    seeded, client: Client, monkeypatch
):
    # Six agreements, estimated at three: pages of two.
    monkeypatch.setattr(counting, "count_now", estimate(3))
    pages = [client.get("/api/v1/agreements/", {"page_size": 2, "page": n}) for n in (1, 2, 3)]
    bodies = [page.json() for page in pages]
    assert [page.status_code for page in pages] == [200, 200, 200]
    assert all(body["count_is_estimate"] for body in bodies)
    assert bodies[0]["count"] == 3  # at least the three rows the first page read
    # Every agreement is reachable; the last page says so although the estimate is short.
    slugs = [row["slug"] for body in bodies for row in body["results"]]
    assert len(set(slugs)) == 6
    assert bodies[1]["next"] is not None
    assert bodies[2]["next"] is None
    assert client.get("/api/v1/agreements/", {"page_size": 2, "page": 4}).status_code == 404


def test_an_estimate_too_long_ends_where_the_rows_end(seeded, client: Client, monkeypatch):
    monkeypatch.setattr(counting, "count_now", estimate(500))
    last = client.get("/api/v1/agreements/", {"page_size": 4, "page": 2}).json()
    assert len(last["results"]) == 2
    assert last["next"] is None
    assert client.get("/api/v1/agreements/", {"page_size": 4, "page": 3}).status_code == 404


def test_a_short_first_page_is_an_exact_count(seeded, client: Client, monkeypatch):
    monkeypatch.setattr(counting, "count_now", estimate(500))
    body = client.get("/api/v1/agreements/", {"page_size": 50}).json()
    assert body["count"] == 6
    assert "count_is_estimate" not in body


def test_the_schema_documents_the_estimate(client: Client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    pages = [
        component
        for name, component in schema["components"]["schemas"].items()
        if name.startswith("Paginated")
    ]
    assert pages
    for page in pages:
        assert page["properties"]["count_is_estimate"]["type"] == "boolean"
        assert "count_is_estimate" not in page["required"]
