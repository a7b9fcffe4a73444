"""The search test set: queries as people type them, on the seed data, on both databases.

Each query has the set of agreements it must find and, for a misspelt one, the query the
search corrects it to. CI runs this file on SQLite and on PostgreSQL, so passing it on
both means that both databases return the same set for every query. The order may differ:
PostgreSQL ranks by `ts_rank` after the kind a query names; SQLite keeps the latest first.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client

from agreements.filtersets import AgreementFilterSet
from agreements.models import Agreement
from core.search import normalize
from tests import factories
from tests.website.conftest import page

pytestmark = [pytest.mark.usefixtures("seeded_module"), pytest.mark.django_db]

M = "ministry-mistral-ai-mou-2025"
D = "ministry-undp-d4sd-establishment-2025"
E25 = "ministry-elm-digital-development-agency-mou-2025"
E23 = "elm-digital-development-agency-mou-2023"
DI = "ministry-undp-d4sd-declaration-of-intent"
C = "casablanca-settat-data-ai-centre-protocol"
ALL = {M, D, E25, E23, DI, C}
MOUS = {M, E25, E23}

QUERY_SET = [
    # Arabic: plurals with and without the article, the feminine ending, clitics.
    ("مذكرات", MOUS, None),
    ("مذكرة", MOUS, None),
    ("المذكرات", MOUS, None),
    ("مذكرة التفاهم", MOUS, None),
    ("مذكرات التفاهم", MOUS, None),
    ("بروتوكول", {C}, None),
    ("البروتوكولات", {C}, None),
    ("إعلان نوايا", {DI}, None),
    ("والذكاء الاصطناعي", {C, DI, M}, None),  # و + ال
    ("الذكاء الإصطناعي", {C, DI, M}, None),  # a hamza the text does not write
    ("بالرباط", {C, M}, None),  # ب + ال
    ("للتنمية", {C, D, E23, E25, M}, None),  # لل
    ("الرقمية", ALL, None),
    ("وزارة الانتقال الرقمي", ALL, None),
    # Words that only say "agreement" never exclude a record.
    ("اتفاقية", ALL, None),
    ("الاتفاقيات", ALL, None),
    ("اتفاقيات الشراكة", {E25}, None),
    ("agreements with Mistral", {M}, None),
    ("accords PNUD", {D, DI}, None),
    # Kinds named in any language find the agreements of that kind.
    ("mémorandum", MOUS, None),
    ("MEMORANDUM", MOUS, None),
    ("memorandum of understanding", MOUS, None),
    ("MoU", MOUS, None),
    ("protocole d'accord", {C}, None),
    ("déclaration d'intention", {DI}, None),
    ("declaration of intent", {DI}, None),
    # Other spellings and transliterations (aliases) of organizations and people.
    ("ميسترال", {M}, None),
    ("وان بوينت", {C}, None),
    ("Amel", {C, M}, None),
    ("Saghrouchni", {C, M}, None),
    ("أمال السغروشني", {C, M}, None),
    ("عِلم", {E23, E25}, None),
    ("Elm", {E23, E25}, None),
    # Typos: corrected to the nearest word of a published agreement, and said so.
    ("memorandom", MOUS, "memorandum"),
    ("Mistrla", {M}, "mistral"),
    ("Casablnca", {C}, "casablanca"),
    ("protocle", {C}, "protocole"),
    ("ميسترل", {M}, "ميسترال"),
    ("Seghrouchini", {C, M}, "seghrouchni"),
    ("intelligance", {C, DI, M}, None),  # its stem matches already: nothing to correct
    # Accents and case.
    ("Developpement", ALL, None),
    ("numérique", ALL, None),
    ("numerique", ALL, None),
    # Digits: Arabic-Indic and Eastern Arabic are the Latin ones.
    ("2025", MOUS, None),
    ("٢٠٢٥", MOUS, None),
    ("۲۰۲۵", MOUS, None),
    # French and English stems, names, short words.
    ("partenariats", {E25}, None),
    ("intelligence artificielle", {C, DI, M}, None),
    ("artificial intelligence", {C, DI, M}, None),
    ("UNDP", {D, DI}, None),
    ("Casablanca-Settat", {C}, None),
    ("Rabat", {C, M}, None),
    ("AI", {C, DI, M}, None),  # a whole word: not "aide"
    # Nothing near: nothing found, nothing corrected.
    ("qqzzxx", set(), None),
]


def search(query: str) -> tuple[set[str], str | None]:
    filterset = AgreementFilterSet(
        QueryDict(mutable=True) | {"q": query}, queryset=Agreement.objects.published()
    )
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("slug", flat=True)), filterset.corrected_query


def test_the_set_is_large_enough():
    assert len(QUERY_SET) >= 40
    assert len({query for query, _found, _corrected in QUERY_SET}) == len(QUERY_SET)


@pytest.mark.parametrize(
    ("query", "expected", "corrected"), QUERY_SET, ids=[q for q, *_ in QUERY_SET]
)
def test_query(query, expected, corrected):
    assert search(query) == (expected, corrected)


@pytest.mark.parametrize(
    "query", ["memorandom", "ميسترال", "٢٠٢٥", "Mistrla"], ids=["typo", "alias", "digits", "typo2"]
)
def test_the_list_page_and_the_api_answer_alike(client: Client, query):
    expected, corrected = search(query)
    api = client.get("/api/v1/agreements/", {"q": query}).json()
    assert {item["slug"] for item in api["results"]} == expected
    assert api.get("corrected_query") == corrected
    response = client.get("/en/agreements/", {"q": query})
    assert set(page(response).agreement_slugs("en")) == expected
    if corrected:
        assert "Showing results for" in response.content.decode()


def test_a_draft_is_never_found_nor_offered_as_a_correction():
    factories.agreement(title_fr="Accord confidentialissime", status="draft")
    assert search("confidentialissime") == (set(), None)
    assert search("confidentialisime") == (set(), None)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own vector")
def test_postgres_vector_holds_exactly_the_stored_stems():
    """The two databases agree because PostgreSQL's `simple` parser cuts the stored text
    into exactly the stems Python wrote (letters and digits between spaces)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_document, tsvector_to_array(search_vector) FROM agreements_agreement"
        )
        rows = cursor.fetchall()
    assert rows
    for document, lexemes in rows:
        assert set(lexemes) == set(document.split())
        assert normalize(document) == document.strip()
