"""Search in Arabic, French and English: normalized and stemmed alike on both databases, ranked
on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from agreements import search
from agreements.models import Agreement
from tests import factories
from tests.website.conftest import page

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture
def records(db):
    elm = factories.organization("elm", name_ar="شركة عِلم", name_fr="Elm", name_en="Elm")
    memo = factories.agreement(
        "memo",
        kind="mou",
        title_ar="مُذكّرة تفاهم بين عِلم والوكالة",
        title_fr="Mémorandum d'entente entre Elm et l'Agence",
        title_en="Memorandum of understanding between Elm and the Agency",
        parties=(elm,),
    )
    protocols = factories.agreement(
        "protocols",
        kind="protocol",
        title_ar="بروتوكولات التعاون في مجال الذكاء الاصطناعي",
        title_fr="Protocoles de coopération en intelligence artificielle",
        title_en="Cooperation protocols in artificial intelligence",
        summary_ar="تتضمن مذكرة ملحقة",
    )
    return {"memo": memo, "protocols": protocols}


def slugs(queryset) -> list[str]:
    return [agreement.slug for agreement in queryset]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("علم", {"memo"}),  # finds عِلم: harakat ignored
        ("عِلْم", {"memo"}),
        ("مذكرة", {"memo", "protocols"}),
        ("MEMORANDUM", {"memo"}),
        ("memorandum elm", {"memo"}),
        ("intelligence", {"protocols"}),
        ("بروتوكولات", {"protocols"}),
    ],
)
def test_search_normalizes_on_both_databases(records, query, expected):
    assert set(slugs(search.matching(Agreement.objects.published(), query))) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("مذكرات", {"memo", "protocols"}),  # a plural finds the singular
        ("البروتوكول", {"protocols"}),  # the article and the plural come off
        ("memoranda", {"memo"}),  # the kind's names are searched: memorandum → memo
        ("protocole", {"protocols"}),  # French stemming
        ("coopération", {"protocols"}),
    ],
)
def test_both_databases_stem_each_language(records, query, expected):
    assert set(slugs(search.matching(Agreement.objects.published(), query))) == expected


@postgres_only
def test_postgres_ranks_the_best_match_first(records):
    ranked = search.order_by_relevance(
        search.matching(Agreement.objects.published(), "مذكرة تفاهم"), "مذكرة تفاهم"
    )
    assert slugs(ranked)[0] == "memo"
    assert ranked[0].search_rank > 0


@postgres_only
def test_postgres_uses_the_indexes(records):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'agreements_agreement'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert "agreement_search_vector_idx" in indexes
    assert "agreement_search_document_trgm_idx" not in indexes  # no substring search now


@pytest.mark.usefixtures("records")
def test_the_list_page_searches_in_every_language(client: Client):
    for language, query in (("ar", "عِلم"), ("fr", "mémorandum"), ("en", "memorandum")):
        shown = page(client.get(f"/{language}/agreements/", {"q": query})).agreement_slugs(language)
        assert shown == ["memo"], (language, query)


@postgres_only
@pytest.mark.usefixtures("records")
def test_the_list_page_ranks_on_postgres(client: Client):
    response = client.get("/en/agreements/", {"q": "مذكرة"})
    assert page(response).agreement_slugs("en")[0] == "memo"
    assert "Best match" in response.content.decode()


@pytest.mark.usefixtures("records")
def test_a_plural_finds_the_singular_on_the_list_page_and_in_the_api(client: Client):
    # The records hold "مُذكّرة" (a memorandum); the visitor types the plural.
    shown = page(client.get("/ar/agreements/", {"q": "مذكرات"})).agreement_slugs("ar")
    assert "memo" in shown
    api = client.get("/api/v1/agreements/", {"q": "مذكرات"}).json()
    assert "memo" in {item["slug"] for item in api["results"]}
    assert {item["slug"] for item in api["results"]} == set(shown)
