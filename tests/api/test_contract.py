"""The representation is a contract: every field the issue names, with these names, in
every language, and only published records for anonymous clients."""

from __future__ import annotations

import pytest
from django.test import Client

from agreements.models import Agreement, Initiative
from events.models import Event
from partners.models import Organization, Person

pytestmark = pytest.mark.django_db

CONTRACT = {
    "agreements": {
        "slug", "url", "title", "kind", "signed_on", "signed_on_precision", "place", "event",
        "duration_months", "expires_on", "renews", "renewed_by", "parties", "signatories",
        "attendees", "themes", "initiatives", "summary", "citations", "updated_at",
    },
    "partners": {
        "slug", "name", "acronym", "kind", "country", "parent", "website", "wikidata_id",
        "agreement_count", "url",
    },
    "people": {"slug", "name", "positions", "agreements_signed", "url"},
    "events": {
        "slug", "name", "kind", "start_date", "end_date", "date_precision", "place", "parent",
        "participants", "organizations", "agreements", "url",
    },
    "initiatives": {
        "slug", "name", "kind", "lead", "partners", "launched_on", "parent", "agreements", "url",
    },
    "sources": {"slug", "title", "publisher", "language", "published_on", "file_name", "text"},
}  # fmt: skip

SAMPLE = {
    "agreements": "ministry-mistral-ai-mou-2025",
    "partners": "mistral-ai",
    "people": "amal-el-fallah-seghrouchni",
    "events": "web-summit-qatar-2026",
    "initiatives": "jazari-institutes-network",
    "sources": "daily8-elm-mou-gitex-africa-2025",
}


@pytest.mark.parametrize("resource", CONTRACT)
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_every_contract_field_in_every_language(seeded, client: Client, resource, lang):
    listing = client.get(f"/api/v1/{resource}/", {"lang": lang})
    assert listing.status_code == 200
    assert listing["Content-Language"] == lang
    body = listing.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(body["results"]) > 0
    for item in body["results"]:
        assert CONTRACT[resource] <= set(item), CONTRACT[resource] - set(item)
    detail = client.get(f"/api/v1/{resource}/{SAMPLE[resource]}/", {"lang": lang})
    assert detail.status_code == 200
    assert detail["Content-Language"] == lang
    assert CONTRACT[resource] <= set(detail.json())
    assert detail.json() == next(i for i in body["results"] if i["slug"] == SAMPLE[resource])


def test_agreement_in_three_languages(seeded, client: Client):
    url = "/api/v1/agreements/ministry-mistral-ai-mou-2025/"
    arabic = client.get(url).json()
    french = client.get(url, {"lang": "fr"}).json()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").json()

    assert arabic["title"].startswith("مذكرة تفاهم استراتيجية")
    assert french["title"].startswith("Mémorandum d'entente stratégique")
    assert english["title"].startswith("Strategic memorandum of understanding")
    assert [arabic["place"], french["place"]] == [
        {"city": "الرباط", "country": "MA"},
        {"city": "Rabat", "country": "MA"},
    ]
    assert arabic["url"] == "http://testserver/ar/agreements/ministry-mistral-ai-mou-2025/"
    assert french["url"] == "http://testserver/fr/agreements/ministry-mistral-ai-mou-2025/"
    assert arabic["kind"] == "mou"
    assert arabic["signed_on"] == "2025-09-12"
    assert arabic["signed_on_precision"] == "day"
    parties = {party["slug"]: party for party in english["parties"]}
    assert parties["mistral-ai"] == {
        "slug": "mistral-ai", "name": "Mistral AI", "acronym": None, "kind": "company",
        "country": "FR",
    }  # fmt: skip
    signatories = {s["person"]["slug"]: s for s in french["signatories"]}
    assert signatories["amal-el-fallah-seghrouchni"]["organization"]["slug"] == (
        "ministry-digital-transition"
    )
    assert signatories["amal-el-fallah-seghrouchni"]["title"].startswith("Ministre déléguée")
    for cite in arabic["citations"]:
        assert set(cite) >= {"source", "quote"}
        assert set(cite["source"]) == {"slug", "title"}


def test_partial_dates_are_never_padded(seeded, client: Client):
    by_slug = {a["slug"]: a for a in client.get("/api/v1/agreements/").json()["results"]}
    june = by_slug["elm-digital-development-agency-mou-2023"]
    assert (june["signed_on"], june["signed_on_precision"]) == ("2023-06", "month")
    assert june["renewed_by"] == ["ministry-elm-digital-development-agency-mou-2025"]
    renewal = by_slug["ministry-elm-digital-development-agency-mou-2025"]
    assert (renewal["signed_on"], renewal["signed_on_precision"]) == ("2025", "year")
    assert renewal["renews"] == "elm-digital-development-agency-mou-2023"
    assert renewal["event"] == {"slug": "gitex-africa-2025", "name": renewal["event"]["name"]}
    stored = Agreement.objects.get(slug="ministry-elm-digital-development-agency-mou-2025")
    assert renewal["expires_on"] == stored.expires_partial.isoformat()
    d4sd = by_slug["ministry-undp-d4sd-establishment-2025"]
    assert (d4sd["signed_on"], d4sd["signed_on_precision"]) == ("2025-09", "month")


def test_expires_on_is_derived_at_the_signing_precision(seeded, client: Client):
    Agreement.objects.filter(slug="ministry-undp-d4sd-establishment-2025").update(duration_months=5)
    Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").update(duration_months=24)
    by_slug = {a["slug"]: a for a in client.get("/api/v1/agreements/").json()["results"]}
    assert by_slug["ministry-undp-d4sd-establishment-2025"]["expires_on"] == "2026-02"
    assert by_slug["ministry-undp-d4sd-establishment-2025"]["expires_on_precision"] == "month"
    assert by_slug["ministry-mistral-ai-mou-2025"]["expires_on"] == "2027-09-12"


def test_other_resources(seeded, client: Client):
    partner = client.get("/api/v1/partners/elm/", {"lang": "en"}).json()
    assert partner["agreement_count"] == 2
    assert partner["country"] == "SA"
    assert partner["url"] is None or partner["url"].endswith("/en/partners/elm/")

    person = client.get("/api/v1/people/amal-el-fallah-seghrouchni/").json()
    assert "ministry-mistral-ai-mou-2025" in person["agreements_signed"]
    assert person["positions"][0]["organization"]["slug"] == "ministry-digital-transition"
    assert set(person["positions"][0]) >= {"title", "organization", "start", "end"}

    event = client.get("/api/v1/events/gitex-africa-2025/").json()
    assert (event["start_date"], event["date_precision"]) == ("2025", "year")
    assert "ministry-elm-digital-development-agency-mou-2025" in event["agreements"]
    meeting = client.get("/api/v1/events/morocco-qatar-digital-ministers-meeting-2026/").json()
    assert meeting["parent"] == "web-summit-qatar-2026"
    assert all(set(p) >= {"person", "role"} for p in meeting["participants"])

    initiative = client.get("/api/v1/initiatives/jazari-institutes-network/").json()
    assert initiative["lead"]["slug"] == "ministry-digital-transition"
    assert (initiative["launched_on"], initiative["parent"]) == ("2026-01-12", "ai-made-in-morocco")

    source = client.get("/api/v1/sources/daily8-elm-mou-gitex-africa-2025/").json()
    assert source["file_name"] == "000_64397c500d17cdd7.txt"
    assert source["publisher"] == "Daily8"
    assert "مذكرة تفاهم" in source["text"]


@pytest.mark.parametrize(
    ("model", "resource", "slug"),
    [
        (Agreement, "agreements", "ministry-mistral-ai-mou-2025"),
        (Organization, "partners", "mistral-ai"),
        (Person, "people", "arthur-mensch"),
        (Event, "events", "web-summit-qatar-2026"),
        (Initiative, "initiatives", "jazari-institutes-network"),
    ],
)
def test_drafts_are_invisible_to_anonymous_clients(seeded, client: Client, model, resource, slug):
    model.objects.filter(slug=slug).update(status="draft")
    slugs = {item["slug"] for item in client.get(f"/api/v1/{resource}/").json()["results"]}
    assert slug not in slugs
    assert client.get(f"/api/v1/{resource}/{slug}/").status_code == 404


def test_draft_references_are_not_leaked(seeded, client: Client):
    Event.objects.filter(slug="gitex-africa-2025").update(status="draft")
    Agreement.objects.filter(slug="elm-digital-development-agency-mou-2023").update(status="draft")
    Initiative.objects.filter(slug="ai-made-in-morocco").update(status="draft")
    renewal = client.get("/api/v1/agreements/ministry-elm-digital-development-agency-mou-2025/")
    assert renewal.json()["event"] is None
    assert renewal.json()["renews"] is None
    jazari = client.get("/api/v1/initiatives/jazari-institutes-network/").json()
    assert jazari["parent"] is None
    person = client.get("/api/v1/people/amal-el-fallah-seghrouchni/").json()
    assert "elm-digital-development-agency-mou-2023" not in person["agreements_signed"]


def test_unknown_language_is_a_400_naming_the_choices(seeded, client: Client):
    response = client.get("/api/v1/agreements/", {"lang": "de"})
    assert response.status_code == 400
    assert list(response.json()) == ["lang"]
    message = response.json()["lang"][0]
    assert "ar" in message and "fr" in message and "en" in message


def test_lang_wins_over_accept_language_and_unknown_headers_fall_back(seeded, client: Client):
    url = "/api/v1/partners/mistral-ai/"
    assert client.get(url, {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "fr"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="de, en;q=0.5")["Content-Language"] == "en"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="de")["Content-Language"] == "ar"
    assert client.get(url)["Content-Language"] == "ar"


def test_error_messages_follow_the_language(seeded, client: Client):
    arabic = client.get("/api/v1/agreements/", {"year": "abc"}).json()["year"][0]
    french = client.get("/api/v1/agreements/", {"year": "abc", "lang": "fr"}).json()["year"][0]
    assert arabic != french
    assert "nombre" in french
