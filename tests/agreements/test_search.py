"""Search: one normalization for stored text and queries; every word must occur."""

from __future__ import annotations

import pytest

from agreements.models import Agreement
from agreements.search import (
    build_search_document,
    matching,
    normalize_arabic,
    query_terms,
    refresh_search_documents,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("مُذَكِّرَةُ تَفَاهُمٍ", "مذكره تفاهم"),  # harakat
        ("اتفاقـــية", "اتفاقيه"),  # tatweel, then ة → ه
        ("أإآٱ", "اااا"),
        ("مستشفى", "مستشفي"),
        ("Mémorandum  D'ENTENTE", "memorandum d entente"),
        ("  الرباط،\n  المغرب  ", "الرباط المغرب"),
        ("ﻻ", "لا"),  # presentation form
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_arabic(raw, normalized):
    assert normalize_arabic(raw) == normalized


def test_query_terms_are_normalized_and_distinct():
    assert query_terms("  الإدارة  الادارة Data ") == ["الاداره", "data"]


def test_the_document_covers_every_language_parties_and_signatories():
    ministry = factories.organization(
        name_ar="وزارة الانتقال الرقمي",
        name_fr="Ministère de la Transition numérique",
        name_en="Ministry of Digital Transition",
        acronym_fr="MTNRA",
    )
    company = factories.organization(name_ar="ميسترال", name_fr="Mistral AI", name_en="Mistral AI")
    signer = factories.person(name_ar="آرثر مينش", name_fr="Arthur Mensch")
    record = factories.agreement(
        title_ar="مذكرة تفاهم",
        title_fr="Mémorandum d'entente",
        title_en="Memorandum of understanding",
        summary_en="On artificial intelligence.",
        objectives_fr="Former des ingénieurs.",
        parties=(ministry, company),
        signatories=((signer, company),),
    )
    document = build_search_document(record)
    for expected in (
        "مذكره تفاهم",
        "memorandum d entente",
        "memorandum of understanding",
        "artificial intelligence",
        "former des ingenieurs",
        "وزاره الانتقال الرقمي",
        "ministere de la transition numerique",
        "mtnra",
        "mistral ai",
        "ارثر مينش",
        "arthur mensch",
    ):
        assert expected in document
    assert document.count("mistral ai") == 1  # the same name in two languages, kept once
    assert record.search_document == document


def test_every_term_must_occur_and_a_stem_finds_its_plural():
    plural = factories.agreement(title_ar="مذكرات تفاهم في مجال البيانات")
    other = factories.agreement(title_ar="اتفاقية شراكة", title_fr="Accord de partenariat")
    published = Agreement.objects.all()

    assert list(matching(published, "مذكر")) == [plural]
    assert list(matching(published, "مُذَكِّرات البيانات")) == [plural]
    assert list(matching(published, "مذكر شراكة")) == []
    assert list(matching(published, "PARTENARIAT")) == [other]
    assert set(matching(published, "   ")) == {plural, other}


def test_refresh_writes_only_what_changed():
    company = factories.organization(name_ar="شركة قديمة")
    record = factories.agreement(parties=(company,))
    assert "شركه قديمه" in Agreement.objects.get(pk=record.pk).search_document

    assert refresh_search_documents([record.pk]) == 0
    company.name_ar = "شركة جديدة"
    company.save()
    assert refresh_search_documents(None) == 1
    assert "شركه جديده" in Agreement.objects.get(pk=record.pk).search_document
    assert refresh_search_documents([]) == 0
