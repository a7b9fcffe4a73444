"""The seeded indicators: loaded with their values and quotes, shown on the country's page
in Arabic and French, in the API and the export, never as drafts; query counts pinned."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from core.models import Citation
from core.records import PublicationStatus
from indicators.models import Indicator
from seeding.loader import load_seeds

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

WORLD_RANK = "startupblink-2025-morocco-world-rank"
AI_GOVERNANCE = "ai-governance-readiness-2025-morocco"
POSTGRESQL = connection.vendor == "postgresql"
# The indicators and their citations with their sources (the rest is the page's frame),
# and the dataset's token, which the page's citation names the version by.
COUNTRY_PAGE_QUERIES = 3


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def figures() -> dict[str, tuple]:
    return {
        indicator.slug: (
            indicator.city_en,
            indicator.kind,
            indicator.scope,
            indicator.value,
            indicator.comparison,
            indicator.previous_value,
            indicator.change,
            indicator.as_of_partial.isoformat(),
        )
        for indicator in Indicator.objects.all()
    }


# -- the seeds ------------------------------------------------------------------------------


def test_the_seeds_hold_every_figure_the_articles_state():
    D = Decimal
    assert figures() == {
        WORLD_RANK: ("", "rank", "world", D(88), "exact", D(92), 4, "2025"),
        "startupblink-2025-morocco-score": ("", "score", "world", D("0.687"), "exact", None, None, "2025"),
        "startupblink-2025-morocco-growth": ("", "growth", "north_africa", D(23), "more_than", None, None, "2025"),
        "startupblink-2025-morocco-africa-rank": ("", "rank", "africa", D(9), "exact", None, None, "2025"),
        "startupblink-2025-casablanca-world-rank": ("Casablanca", "rank", "world", D(317), "exact", None, 42, "2025"),
        "startupblink-2025-casablanca-growth": ("Casablanca", "growth", "north_africa", D(40), "more_than", None, None, "2025"),
        "startupblink-2025-rabat-world-rank": ("Rabat", "rank", "world", D(811), "exact", None, 7, "2025"),
        "startupblink-2025-rabat-growth": ("Rabat", "growth", "world", D(20), "more_than", None, None, "2025"),
        "startupblink-2025-agadir-world-rank": ("Agadir", "rank", "world", D(968), "exact", None, None, "2025"),
        AI_GOVERNANCE: ("", "rank", "world", None, "exact", None, 14, "2025"),
    }  # fmt: skip
    assert set(Indicator.objects.values_list("country", flat=True)) == {"MA"}
    assert set(Indicator.objects.values_list("status", flat=True)) == {"published"}
    assert set(Indicator.objects.values_list("as_of_precision", flat=True)) == {"year"}


@pytest.mark.parametrize(
    ("slug", "field", "passage"),
    [
        (WORLD_RANK, "value", "قفزت المملكة إلى المرتبة 88 عالمياً"),
        (WORLD_RANK, "previous_value", "الذي حلت فيه في المرتبة 92"),
        (WORLD_RANK, "publisher", "(StartupBlink)"),
        (WORLD_RANK, "note", "(UM6P Ventures)"),
        (WORLD_RANK, "note", "(Maroc Numeric Fund)"),
        (WORLD_RANK, "note", "(Innov Invest Fund)"),
        (WORLD_RANK, "note", "(StartUp Maroc)"),
        (WORLD_RANK, "note", "(Impact Lab)"),
        ("startupblink-2025-morocco-score", "value", "مجموع نقاط بلغ 0.687"),
        ("startupblink-2025-morocco-growth", "value", "بنسبة فاقت 23%"),
        ("startupblink-2025-morocco-growth", "scope", "على صعيد دول شمال أفريقيا"),
        ("startupblink-2025-morocco-africa-rank", "value", "حل المغرب في المركز التاسع"),
        ("startupblink-2025-casablanca-world-rank", "change", "42 مركزاً"),
        ("startupblink-2025-casablanca-world-rank", "value", "المرتبة 317 عالمياً"),
        ("startupblink-2025-rabat-world-rank", "change", "بسبعة مراكز"),
        ("startupblink-2025-rabat-world-rank", "value", "المرتبة 811 عالمياً"),
        ("startupblink-2025-agadir-world-rank", "value", "(المرتبة 968 عالمياً)"),
        (AI_GOVERNANCE, "change", "بتقدمها بأربع عشرة مرتبة في التصنيف العالمي"),
        (AI_GOVERNANCE, "as_of", "خلال سنة 2025"),
    ],
)
def test_each_figure_is_backed_by_the_passage_that_states_it(slug, field, passage):
    indicator = Indicator.objects.get(slug=slug)
    backing = [c for c in indicator.citations.select_related("source") if field in c.fields]
    assert any(passage in citation.quote for citation in backing), (slug, field)
    for citation in backing:
        assert citation.quote in citation.source.text


def test_the_ai_ranking_is_cited_from_its_own_article():
    citation = Indicator.objects.get(slug=AI_GOVERNANCE).citations.get()
    assert citation.source.file_name.startswith("002_")


def test_a_second_load_changes_nothing_and_keeps_an_editors_change():
    Indicator.objects.filter(slug=WORLD_RANK).update(note_fr="Note d'un éditeur.")
    citations = Citation.objects.count()

    report = load_seeds(seeds_dir=settings.SEEDS_DIR)

    assert report.created["indicator"] == 0 and report.updated["indicator"] == 0
    assert report.unchanged["indicator"] == 10
    assert Citation.objects.count() == citations
    assert Indicator.objects.get(slug=WORLD_RANK).note_fr == "Note d'un éditeur."
    assert any(c.slug == WORLD_RANK and c.field == "note_fr" for c in report.conflicts)
    # The decimals compare as written: 0.687 is not an editor's change of 0.6870.
    assert not any(c.field == "value" for c in report.conflicts)


# -- the country's page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", ["المؤشر العالمي لمنظومات الشركات الناشئة لعام 2025", "ستارتب لينك", "الدار البيضاء",
                "الرباط", "أكادير", "0.687", "أكثر من 23%", "تقدم بـ42 مركزا", "تقدم بـ7 مراكز",
                "تقدم بـ4 مراكز", "مقابل 92", "المرتبة غير مذكورة", "تقدم بـ14 مركزا",
                "أفريقيا", "شمال أفريقيا", "UM6P Ventures"]),
        ("fr", ["Indice mondial des écosystèmes de startups 2025", "StartupBlink", "Casablanca",
                "Rabat", "Agadir", "0.687", "plus de 23 %", "en hausse de 42 places",
                "en hausse de 7 places", "contre 92", "rang non précisé",
                "Classement mondial de préparation à la gouvernance de l&#x27;IA 2025",
                "Afrique du Nord", "Impact Lab"]),
    ],
)  # fmt: skip
def test_the_country_page_shows_every_figure_in_the_readers_language(client, language, expected):
    response = client.get(f"/{language}/countries/ma/")
    assert response.status_code == 200
    page = response.content.decode()
    missing = [text for text in expected if text not in page]
    assert missing == []
    # Each quoted passage is on the page, linked to its place in the source.
    assert "قفزت المملكة إلى المرتبة 88 عالمياً" in page
    assert 'href="#citation-1"' in page and 'id="citation-1"' in page


def test_the_partners_page_links_each_country_to_its_page(client):
    page = client.get("/fr/partners/").content.decode()
    assert 'href="/fr/countries/ma/"' in page


def test_a_draft_indicator_is_not_on_the_country_page(client):
    Indicator.objects.filter(slug=AI_GOVERNANCE).update(status=PublicationStatus.DRAFT)
    page = client.get("/fr/countries/ma/").content.decode()
    assert "gouvernance de l&#x27;IA" not in page
    assert "rang non précisé" not in page


@pytest.mark.parametrize(
    "path", ["/fr/countries/zz/", "/fr/countries/morocco/", "/fr/countries/aq/"]
)
def test_an_unknown_country_or_one_with_nothing_recorded_is_a_404(client, path):
    assert client.get(path).status_code == 404


def grow(rows: int) -> None:
    """More published indicators, each with a citation, half of them about a city."""
    source = Citation.objects.filter(object_id=Indicator.objects.first().pk).first().source
    for index in range(rows):
        indicator = Indicator.objects.create(
            slug=f"grown-{index}", measure_ar="مؤشر", country="MA", kind="rank",
            value=index + 1, as_of_precision="unknown", status="published",
            city_ar="مدينة" if index % 2 else "",
        )  # fmt: skip
        Citation.objects.create(record=indicator, source=source, quote=source.text[:20])
    cache.clear()


def test_the_country_page_query_count_does_not_grow(client, django_assert_num_queries):
    client.get("/ar/countries/ma/")  # what is shared until the next write, read once
    with django_assert_num_queries(COUNTRY_PAGE_QUERIES):
        assert client.get("/ar/countries/ma/").status_code == 200
    grow(30)
    client.get("/ar/countries/ma/")
    with django_assert_num_queries(COUNTRY_PAGE_QUERIES):
        assert client.get("/ar/countries/ma/").status_code == 200


# -- the API and the export -----------------------------------------------------------------


def test_the_api_lists_a_countrys_indicators_with_their_quotes(client):
    body = client.get("/api/v1/indicators/?country=MA&lang=fr").json()
    assert body["count"] == 10
    by_slug = {item["slug"]: item for item in body["results"]}
    rank = by_slug[WORLD_RANK]
    assert (rank["value"], rank["previous_value"], rank["change"]) == (88, 92, 4)
    assert rank["as_of"] == "2025" and rank["as_of_precision"] == "year"
    assert rank["measure"] == "Indice mondial des écosystèmes de startups 2025"
    assert rank["url"].endswith("/fr/countries/ma/")
    assert by_slug["startupblink-2025-morocco-score"]["value"] == 0.687
    assert by_slug["startupblink-2025-morocco-growth"]["comparison"] == "more_than"
    assert by_slug[AI_GOVERNANCE]["value"] is None and by_slug[AI_GOVERNANCE]["change"] == 14
    assert by_slug["startupblink-2025-casablanca-world-rank"]["city"] == "Casablanca"
    quotes = [c["quote"] for c in rank["citations"]]
    assert any("المرتبة 88" in quote for quote in quotes)


def test_the_api_detail_and_filters(client):
    detail = client.get(f"/api/v1/indicators/{AI_GOVERNANCE}/?lang=ar").json()
    assert detail["measure"].startswith("التصنيف العالمي")
    assert client.get("/api/v1/indicators/?country=QA").json()["count"] == 0
    assert client.get("/api/v1/indicators/?kind=score").json()["count"] == 1
    assert client.get("/api/v1/indicators/?kind=growth&scope=north_africa").json()["count"] == 2
    assert client.get("/api/v1/indicators/?year=2025").json()["count"] == 10
    refused = client.get("/api/v1/indicators/?country=XX&lang=en")
    assert refused.status_code == 400 and "country" in refused.json()
    refused = client.get("/api/v1/indicators/?kind=medal&lang=fr")
    assert refused.status_code == 400 and "kind" in refused.json()


def test_a_draft_is_in_neither_the_api_nor_the_export(client):
    Indicator.objects.filter(slug=AI_GOVERNANCE).update(status=PublicationStatus.DRAFT)
    assert client.get(f"/api/v1/indicators/{AI_GOVERNANCE}/").status_code == 404
    slugs = [i["slug"] for i in client.get("/api/v1/indicators/").json()["results"]]
    assert AI_GOVERNANCE not in slugs and len(slugs) == 9
    export = json.loads(b"".join(client.get("/api/v1/export/").streaming_content))
    assert AI_GOVERNANCE not in [i["slug"] for i in export["indicators"]]
    assert export["counts"]["indicators"] == 9


def test_the_export_holds_the_indicators_and_documents_them(client):
    export = json.loads(b"".join(client.get("/api/v1/export/?lang=en").streaming_content))
    assert export["counts"]["indicators"] == 10
    by_slug = {item["slug"]: item for item in export["indicators"]}
    assert by_slug["startupblink-2025-rabat-world-rank"]["value"] == 811
    assert by_slug["startupblink-2025-rabat-world-rank"]["city"] == "Rabat"
    fields = export["codebook"]["indicators"]["fields"]
    assert fields["value"]["type"] == "number"
    assert set(fields["kind"]["codes"]) == {"rank", "score", "growth"}


def test_the_schema_documents_the_resource_and_its_filters(client):
    schema = client.get("/api/schema/?format=json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/indicators/"]["get"]["parameters"]}
    assert {"country", "kind", "scope", "year", "q", "ordering"} <= parameters
    assert "/api/v1/indicators/{slug}/" in schema["paths"]


# Dataset version, the count (PostgreSQL asks the planner first), the page, its citations.
LIST_QUERIES = 4 + (1 if POSTGRESQL else 0)


def test_the_api_list_query_count_is_pinned(client, django_assert_num_queries):
    grow(120)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get("/api/v1/indicators/?page_size=5").status_code == 200
    cache.clear()
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get("/api/v1/indicators/?page_size=100&page=2").status_code == 200


def test_the_source_page_marks_an_indicators_quote_and_links_to_the_country_page(client):
    source = "dco-executive-committee-2026"
    citation = Indicator.objects.get(slug=AI_GOVERNANCE).citations.get()
    page = client.get(f"/fr/sources/{source}/").content.decode()
    assert f'id="quote-{citation.pk}"' in page
    assert f'href="/fr/countries/ma/#indicator-{AI_GOVERNANCE}"' in page


def test_a_write_to_an_indicator_changes_the_datasets_version(client):
    from indicators.services import save_indicator
    from tests import factories

    before = client.get("/api/v1/indicators/")["ETag"]
    indicator = Indicator.objects.get(slug=AI_GOVERNANCE)
    save_indicator(actor=factories.publisher(), indicator=indicator, note={"en": "Edited."})
    after = client.get("/api/v1/indicators/")
    assert after["ETag"] != before
    assert client.get("/api/v1/indicators/", HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304
