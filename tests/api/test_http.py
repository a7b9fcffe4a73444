"""HTTP behaviour integrators and CDNs rely on: validators and 304s, cache headers,
throttling with Retry-After, CORS."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from agreements.models import Agreement
from api.throttling import WindowThrottle
from tests import factories

pytestmark = pytest.mark.django_db

LIST = "/api/v1/agreements/"
DETAIL = "/api/v1/agreements/ministry-mistral-ai-mou-2025/"


@pytest.mark.parametrize("url", [LIST, DETAIL, "/api/v1/partners/", "/api/v1/sources/"])
def test_etag_and_last_modified_answer_304(seeded, client: Client, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified.endswith("GMT")

    with django_assert_num_queries(1):  # the dataset's version, nothing else
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_the_validators_change_with_the_data_language_and_query(seeded, client: Client):
    etag = client.get(LIST)["ETag"]
    assert client.get(LIST, {"lang": "fr"})["ETag"] != etag
    assert client.get(LIST, {"kind": "mou"})["ETag"] != etag
    assert client.get(LIST, HTTP_ACCEPT_LANGUAGE="en")["ETag"] != etag

    time.sleep(1)  # Last-Modified has a resolution of one second
    agreement = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    agreement.title_en = "Corrected title"
    agreement.save(update_fields=["title_en", "updated_at"])

    changed = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_a_related_record_change_is_a_new_version(seeded, client: Client):
    etag = client.get(DETAIL, {"lang": "en"})["ETag"]
    mistral = factories.organization("another-company")
    Agreement.objects.get(slug="ministry-mistral-ai-mou-2025").parties.create(organization=mistral)
    assert client.get(DETAIL, {"lang": "en"}, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cache_headers_a_cdn_can_honour(seeded, client: Client, settings):
    settings.API_CACHE_MAX_AGE = 120
    response = client.get(LIST)
    assert response["Cache-Control"] == (
        "public, max-age=120, s-maxage=120, stale-while-revalidate=120"
    )
    vary = {v.strip().lower() for v in response["Vary"].split(",")}
    assert {"accept", "accept-language"} <= vary
    assert client.get(LIST, {"kind": "bogus"})["Cache-Control"] == "no-store"


def test_anonymous_clients_are_throttled_with_retry_after(
    seeded, client: Client, settings, monkeypatch
):
    settings.API_THROTTLE_RATES = {"anon": "3/minute", "user": None}
    # 20 seconds into a minute of the clock: the window ends in 40.
    monkeypatch.setattr(WindowThrottle, "timer", lambda self: 60 * 29_000_000 + 20.0)
    for _ in range(3):
        assert client.get(LIST).status_code == 200
    refused = client.get(LIST, {"lang": "fr"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "40"
    assert refused.json()["detail"]
    assert refused["Content-Language"] == "fr"
    # Another address has its own allowance.
    assert client.get(LIST, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_cors_allows_reads_from_any_origin(seeded, client: Client):
    response = client.get(LIST, HTTP_ORIGIN="https://newsroom.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    exposed = response["Access-Control-Expose-Headers"]
    assert "ETag" in exposed and "Content-Language" in exposed
    preflight = client.options(
        LIST,
        HTTP_ORIGIN="https://newsroom.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    allowed = preflight["Access-Control-Allow-Methods"]
    assert "GET" in allowed and "POST" not in allowed


def test_the_public_site_sends_no_cors_headers(seeded, client: Client):
    assert not client.get("/robots.txt", HTTP_ORIGIN="https://x.example").has_header(
        "Access-Control-Allow-Origin"
    )
