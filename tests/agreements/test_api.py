"""The API skeleton: /api/v1/agreements/ lists the published agreements, in bounded queries."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from agreements.models import Agreement
from seeding.loader import load_seeds

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    load_seeds(seeds_dir=settings.SEEDS_DIR)


def test_lists_the_seeded_agreements(seeded, client: Client, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        response = client.get("/api/v1/agreements/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 6
    by_slug = {item["slug"]: item for item in body["results"]}
    mistral = by_slug["ministry-mistral-ai-mou-2025"]
    assert mistral["signed_on"] == "2025-09-12"
    assert mistral["signed_on_precision"] == "day"
    assert mistral["place"] == {"city": "الرباط", "country": "MA"}
    assert {s["person"]["slug"] for s in mistral["signatories"]} == {
        "amal-el-fallah-seghrouchni",
        "arthur-mensch",
    }
    elm_2023 = by_slug["elm-digital-development-agency-mou-2023"]
    assert elm_2023["signed_on"] == "2023-06"  # never padded to a day
    assert elm_2023["renewed_by"] == ["ministry-elm-digital-development-agency-mou-2025"]
    assert all(item["citations"] for item in body["results"])


def test_english_through_accept_language(seeded, client: Client):
    response = client.get(
        "/api/v1/agreements/ministry-mistral-ai-mou-2025/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response.json()["place"]["city"] == "Rabat"
    assert response.json()["title"].startswith("Strategic memorandum of understanding")
    assert response["Content-Language"] == "en"


def test_drafts_are_not_listed(seeded, client: Client):
    Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").update(status="draft")
    slugs = {item["slug"] for item in client.get("/api/v1/agreements/").json()["results"]}
    assert "ministry-mistral-ai-mou-2025" not in slugs
    assert client.get("/api/v1/agreements/ministry-mistral-ai-mou-2025/").status_code == 404


def test_query_count_does_not_grow_with_rows(seeded, client: Client, django_assert_num_queries):
    # The version, the page, its relations (seven queries; one on PostgreSQL, which
    # assembles them as JSON): the page holds every row, so nothing is counted.
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 9) as small:
        client.get("/api/v1/agreements/")
    source = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    for i in range(20):
        copy = Agreement.objects.create(
            slug=f"copy-{i}", title_ar=f"نسخة {i}", kind="mou", status="published"
        )
        copy.parties.create(organization=source.parties.first().organization)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/api/v1/agreements/")
    assert response.json()["count"] == 26


def test_home_page_shows_the_seeded_agreements(seeded, client: Client):
    assert client.get("/").status_code == 302  # to the visitor's language
    response = client.get("/ar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "مذكرة تفاهم" in html
    french = client.get("/fr/").content.decode()
    assert '<html lang="fr" dir="ltr">' in french
    assert "Mistral AI" in french


def test_admin_login_page_answers(client: Client):
    assert client.get("/admin/login/").status_code == 200
