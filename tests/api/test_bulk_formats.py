"""CSV of the agreements list, and the whole-dataset export with its codebook."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from agreements.models import Agreement
from api.export import CSV_COLUMNS

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # so that spreadsheets read Arabic as UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_has_one_row_per_agreement_with_the_same_filters(seeded, client: Client):
    response = client.get("/api/v1/agreements/", {"format": "csv", "partner": "elm"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="agreements-ar.csv"'
    rows = read_csv(response)
    assert [row["slug"] for row in rows] == [
        "ministry-elm-digital-development-agency-mou-2025",
        "elm-digital-development-agency-mou-2023",
    ]
    assert list(rows[0]) == CSV_COLUMNS
    june = rows[1]
    assert (june["signed_on"], june["signed_on_precision"]) == ("2023-06", "month")
    assert set(june["party_slugs"].split("; ")) == {"elm", "digital-development-agency"}


def test_csv_flattens_parties_and_signatories_in_the_language(seeded, client: Client):
    rows = read_csv(client.get("/api/v1/agreements/", {"format": "csv", "lang": "en"}))
    assert len(rows) == Agreement.objects.published().count()
    mistral = next(row for row in rows if row["slug"] == "ministry-mistral-ai-mou-2025")
    assert "Mistral AI" in mistral["party_names"].split("; ")
    assert mistral["signatory_slugs"].split("; ") == [
        "amal-el-fallah-seghrouchni",
        "arthur-mensch",
    ]
    assert mistral["signatory_names"].split("; ")[1] == "Arthur Mensch"
    assert mistral["place_city"] == "Rabat"
    assert int(mistral["citation_count"]) >= 1
    assert mistral["url"].endswith("/en/agreements/ministry-mistral-ai-mou-2025/")


def test_csv_through_the_accept_header_and_for_one_agreement(seeded, client: Client):
    response = client.get("/api/v1/agreements/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    single = client.get("/api/v1/agreements/ministry-mistral-ai-mou-2025/", {"format": "csv"})
    assert [row["slug"] for row in read_csv(single)] == ["ministry-mistral-ai-mou-2025"]


def test_csv_pages_only_when_asked(seeded, client: Client):
    rows = read_csv(client.get("/api/v1/agreements/", {"format": "csv", "page_size": 2, "page": 2}))
    assert len(rows) == 2
    refused = client.get("/api/v1/agreements/", {"format": "csv", "page": "-1"})
    assert refused.status_code == 400
    assert "page" in refused.json()


def test_csv_errors_are_json_400s(seeded, client: Client):
    response = client.get("/api/v1/agreements/", {"format": "csv", "signed_after": "June"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "signed_after" in response.json()


def test_csv_is_only_offered_for_agreements(seeded, client: Client):
    response = client.get("/api/v1/partners/", {"format": "csv"})
    assert response.status_code == 400
    assert "format" in response.json()


def export(client: Client, **params) -> dict:
    response = client.get("/api/v1/export/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="morocco-digital')
    return json.loads(b"".join(response.streaming_content))


def test_the_export_holds_every_published_record(seeded, client: Client):
    Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").update(status="draft")
    document = export(client)
    assert document["schema_version"] == "1.0"
    assert document["language"] == "ar"
    assert document["exported_at"]
    assert document["exported_at"][:10] in document["cite_as"]
    assert "/api/v1/export/" in document["cite_as"]
    slugs = {item["slug"] for item in document["agreements"]}
    assert len(slugs) == 5 and "ministry-mistral-ai-mou-2025" not in slugs
    for name in ("agreements", "partners", "people", "events", "initiatives", "sources", "themes"):
        assert document["counts"][name] == len(document[name]) > 0
    listed = client.get("/api/v1/agreements/", {"page_size": 200}).json()["results"]
    assert sorted(document["agreements"], key=lambda a: a["slug"]) == sorted(
        listed, key=lambda a: a["slug"]
    )


def test_the_codebook_documents_every_field_and_code(seeded, client: Client):
    document = export(client, lang="fr")
    book = document["codebook"]
    for resource in ("agreements", "partners", "people", "events", "initiatives", "sources"):
        documented = book[resource]["fields"]
        sample = document[resource][0]
        assert set(sample) == set(documented), resource
        assert all(entry["description"] for entry in documented.values()), resource
    kinds = book["agreements"]["fields"]["kind"]["codes"]
    assert set(kinds) == {"mou", "protocol", "agreement", "declaration_of_intent", "other"}
    precisions = book["agreements"]["fields"]["signed_on_precision"]["codes"]
    assert set(precisions) == {"day", "month", "year", "unknown"}
    party = book["agreements"]["fields"]["parties"]["fields"]
    assert set(party) == {"slug", "name", "acronym", "kind", "country"}
    assert set(party["kind"]["codes"]) >= {"ministry", "company", "un_agency"}
    assert book["conventions"]["dates"]


def test_the_export_answers_conditional_requests(seeded, client: Client):
    first = client.get("/api/v1/export/")
    b"".join(first.streaming_content)
    assert client.get("/api/v1/export/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_export_has_its_own_smaller_allowance(seeded, client: Client, settings):
    settings.API_THROTTLE_RATES = {"anon": "100/minute", "user": None, "export": "1/hour"}
    b"".join(client.get("/api/v1/export/").streaming_content)
    refused = client.get("/api/v1/export/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 60
    assert client.get("/api/v1/agreements/").status_code == 200
