"""Search: one normalization and stemming for stored text and queries; every term must match."""

from __future__ import annotations

import pytest

from agreements.models import Agreement, SearchWord
from agreements.search import (
    build_search_document,
    matching,
    named_kinds,
    refresh_search_documents,
    search_or_correct,
    terms_of,
    unknown_terms,
)
from core.search import arabic_stem, index_text, normalize, query_terms, word_stems
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("مُذَكِّرَةُ تَفَاهُمٍ", "مذكره تفاهم"),  # harakat
        ("اتفاقـــية", "اتفاقيه"),  # tatweel, then ة → ه
        ("أإآٱ", "اااا"),
        ("مستشفى", "مستشفي"),
        ("مسؤول", "مسوول"),
        ("Mémorandum  D'ENTENTE", "memorandum d entente"),
        ("  الرباط،\n  المغرب  ", "الرباط المغرب"),
        ("ﻻ", "لا"),  # presentation form
        ("٢٠٢٥ و۲۰۲۶", "2025 و2026"),  # Arabic-Indic and Eastern Arabic digits
        ("کیف", "كيف"),  # Persian kaf and ya
        ("", ""),
        (None, ""),
    ],
)
def test_normalize(raw, normalized):
    assert normalize(raw) == normalized


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("مذكرات", "مذكر"),
        ("مذكره", "مذكر"),
        ("الاتفاقيات", "اتفاق"),
        ("اتفاقيه", "اتفاق"),
        ("الرقميه", "رقم"),
        ("الرقمي", "رقم"),
        ("للتنميه", "تنم"),  # التنمية alike
        ("المغرب", "مغرب"),
        ("علم", "علم"),  # three letters stay
    ],
)
def test_arabic_light_stem(word, stem):
    assert arabic_stem(word) == stem


def test_a_clitic_is_a_second_reading_and_latin_words_have_two_stems():
    assert word_stems("ومذكره") == ("ومذكر", "مذكر")
    assert word_stems("partenariats") == ("partenariat",)
    assert set(word_stems("agreements")) == {"agre", "agreement"}
    assert word_stems("2025") == ("2025",)


def test_query_terms_drop_stopwords_and_resource_words():
    assert query_terms("  الإدارة  الادارة Data ") == ["الاداره", "data"]
    assert [term.word for term in terms_of("اتفاقيات الشراكة مع المغرب")] == ["الشراكه", "المغرب"]
    assert terms_of("agreements accords الاتفاقية") == []


def test_kind_words_name_their_kind():
    assert named_kinds(terms_of("مذكرات التفاهم")) == ["mou"]
    assert named_kinds(terms_of("mémorandum")) == ["mou"]
    assert named_kinds(terms_of("protocole")) == ["protocol"]
    assert named_kinds(terms_of("Mistral")) == []


def test_the_document_covers_every_language_kind_parties_signatories_and_aliases():
    ministry = factories.organization(
        name_ar="وزارة الانتقال الرقمي",
        name_fr="Ministère de la Transition numérique",
        name_en="Ministry of Digital Transition",
        acronym_fr="MTNRA",
    )
    company = factories.organization(
        name_ar="Mistral AI", name_fr="Mistral AI", name_en="Mistral AI", aliases="ميسترال"
    )
    signer = factories.person(name_ar="آرثر مينش", name_fr="Arthur Mensch", aliases="Arthur M.")
    record = factories.agreement(
        kind="mou",
        title_ar="اتفاق",
        summary_en="On artificial intelligence.",
        objectives_fr="Former des ingénieurs.",
        parties=(ministry, company),
        signatories=((signer, company),),
    )
    document = build_search_document(record)
    for word in ("مذكر", "تفاهم", "memorandum", "artificial", "ingenieur", "انتقال", "mtnra",
                 "mistral", "ميسترال", "مينش", "mensch"):  # fmt: skip
        assert f" {word}" in document, word
    assert document.count(" mistral ") == 1  # the same word in three languages, kept once
    assert record.search_document == document


def test_draft_parties_and_signatories_are_not_searchable():
    secret = factories.organization(name_fr="Société Secrète", status="draft")
    signer = factories.person(name_fr="Agent Caché", status="draft")
    record = factories.agreement(parties=(secret,), signatories=((signer, secret),))
    assert "secret" not in build_search_document(record)
    assert "cach" not in build_search_document(record)


def test_every_term_must_match_and_a_stem_finds_its_plural():
    plural = factories.agreement(title_ar="مذكرات تفاهم في مجال البيانات")
    other = factories.agreement(
        kind="agreement", title_ar="اتفاقية شراكة", title_fr="Accord de partenariat"
    )
    everything = Agreement.objects.all()

    assert list(matching(everything, "مذكرة")) == [plural]
    assert list(matching(everything, "مُذَكِّرات البيانات")) == [plural]
    assert list(matching(everything, "مذكرة شراكة")) == []
    assert list(matching(everything, "PARTENARIATS")) == [other]
    assert list(matching(everything, "partenar")) == [other]  # a word's beginning
    assert list(matching(everything, "tenariat")) == []  # not its middle
    assert set(matching(everything, "   ")) == {plural, other}
    assert set(matching(everything, "الاتفاقيات")) == {plural, other}  # a resource word


def test_a_short_term_matches_a_whole_word_only():
    ai = factories.agreement(title_en="AI research")
    aid = factories.agreement(title_en="Aid programme")
    assert list(matching(Agreement.objects.all(), "AI")) == [ai]
    assert aid not in matching(Agreement.objects.all(), "AI")


def test_refresh_writes_only_what_changed_and_keeps_the_vocabulary():
    company = factories.organization(name_ar="شركة قديمة")
    record = factories.agreement(parties=(company,))
    assert " قديم" in Agreement.objects.get(pk=record.pk).search_document
    assert SearchWord.objects.filter(word="قديمه").exists()

    assert refresh_search_documents([record.pk]) == 0
    company.name_ar = "شركة جديدة"
    company.save()
    assert refresh_search_documents(None) == 1
    assert " جديد" in Agreement.objects.get(pk=record.pk).search_document
    assert SearchWord.objects.filter(word="جديده").exists()
    assert not SearchWord.objects.filter(word="قديمه").exists()  # rebuilt from scratch
    assert refresh_search_documents([]) == 0


def test_only_published_agreements_give_words():
    factories.agreement(title_fr="Confidentiel brouillon", status="draft")
    refresh_search_documents(None)
    assert not SearchWord.objects.filter(word="confidentiel").exists()


def test_a_misspelt_word_is_corrected_to_the_nearest_published_word():
    record = factories.agreement(title_fr="Mémorandum avec Mistral")
    refresh_search_documents(None)
    published = Agreement.objects.published()

    def corrected(query):
        searched = search_or_correct(published, query)
        return searched.corrected, list(searched.queryset)

    assert corrected("memorandom") == ("memorandum", [record])
    assert corrected("Mistrla memorandum") == ("mistral memorandum", [record])
    assert corrected("memorandum") == (None, [record])  # nothing to correct
    assert corrected("qqqqzzzz") == (None, [])  # nothing near
    assert [term.word for term in unknown_terms(terms_of("mistral qqqq memo"))] == ["qqqq"]


def test_a_word_left_from_a_withdrawn_agreement_is_never_offered():
    record = factories.agreement(title_fr="Mémorandum confidentialissime")
    refresh_search_documents([record.pk])  # the word is in the vocabulary now
    Agreement.objects.filter(pk=record.pk).update(status="draft")
    searched = search_or_correct(Agreement.objects.published(), "confidentialisime")
    assert (searched.corrected, list(searched.queryset)) == (None, [])


def test_index_text_is_empty_for_no_words():
    assert index_text(["", None or "", "و في"]) == ""
