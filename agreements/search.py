"""Search over agreements in every language, the same way on SQLite and PostgreSQL.

Stored text and queries go through one normalization, so that a query typed without
harakat, with another hamza form or in another letter case still finds the record. Each
agreement keeps the normalized text of everything a reader may search for in its
`search_document` column; `q` matches every term of the query as a substring of it (so
that a stem, "مذكر", finds its plural, "مذكرات").

PostgreSQL ranking (a tsvector beside the column) can be layered on top of these three
functions without changing them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from django.db import connections, transaction
from django.db.models import Case, F, FloatField, Prefetch, Q, QuerySet, Value, When

from agreements.models import Agreement, AgreementParty, Signatory
from core.records import LANGUAGES
from core.search import MAX_QUERY_TERMS, normalize_arabic, query_terms  # noqa: F401
from core.visibility import is_visible

CHUNK_SIZE = 500


def matching(queryset: QuerySet[Agreement], query: str | None) -> QuerySet[Agreement]:
    """Agreements whose search document contains every term of the query."""
    condition = Q()
    for term in query_terms(query):
        condition &= Q(search_document__contains=term)
    return queryset.filter(condition) if condition else queryset


def _translations(obj: object, field: str) -> Iterator[str]:
    for language in LANGUAGES:
        yield getattr(obj, f"{field}_{language}", "") or ""


def build_search_document(agreement: Agreement) -> str:
    """Normalized text of an agreement as a reader may search for it, in every language.

    Title, summary and objectives in Arabic, French and English; the name and acronym of
    every party in every language; the name of every signatory in every language. Reads
    `parties` and `signatories` through prefetches when the caller made them.

    Only what the public may see: a draft party, or a signing act of a draft person or
    for a draft party, is not searchable (finding an agreement by a name no page shows
    would reveal the draft).
    """
    parts: list[str] = []
    for field in ("title", "summary", "objectives"):
        parts.extend(_translations(agreement, field))
    for party in agreement.parties.all():
        if is_visible(party.organization):
            parts.extend(_translations(party.organization, "name"))
            parts.extend(_translations(party.organization, "acronym"))
    for signatory in agreement.signatories.all():
        if is_visible(signatory.person) and is_visible(signatory.organization):
            parts.extend(_translations(signatory.person, "name"))
    return document_from_parts(parts)


def document_from_parts(parts: Iterable[str]) -> str:
    """The search document of these texts, in this order (for writers that hold no models)."""
    normalized = (normalize_arabic(part) for part in parts)
    # The same text in two languages (a company's name) is kept once.
    return " ".join(dict.fromkeys(part for part in normalized if part))


def _with_search_relations(queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
    return queryset.prefetch_related(
        Prefetch("parties", queryset=AgreementParty.objects.select_related("organization")),
        Prefetch(
            "signatories", queryset=Signatory.objects.select_related("person", "organization")
        ),
    )


def refresh_search_documents(agreement_ids: Iterable[int] | None = None) -> int:
    """Recompute the search documents of these agreements (all of them if None).

    Writes only the rows whose document changed, so that a refresh of up-to-date rows
    writes nothing; returns how many rows it wrote.
    """
    base = Agreement.objects.all()
    if agreement_ids is not None:
        ids = sorted(set(agreement_ids))
        if not ids:
            return 0
    else:
        ids = list(base.order_by("pk").values_list("pk", flat=True))
    written = 0
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK_SIZE):
            chunk = ids[start : start + CHUNK_SIZE]
            changed = []
            for agreement in _with_search_relations(base.filter(pk__in=chunk)):
                document = build_search_document(agreement)
                if document != agreement.search_document:
                    agreement.search_document = document
                    changed.append(agreement)
            if changed:
                Agreement.objects.bulk_update(changed, ["search_document"])
                written += len(changed)
    return written


# -- PostgreSQL: full-text search per language, ranked ------------------------------------
# Layered on the functions above without changing them. Migration 0004_postgres_search
# adds, on PostgreSQL only, a stored `search_vector` column computed from
# `search_document` with the Arabic, French and English configurations (each language's
# words stemmed by its own rules), its GIN index, and a trigram index that serves the
# substring match of `matching()`. SQLite keeps `matching()` alone.

SEARCH_CONFIGURATIONS = ("arabic", "french", "english")
SEARCH_VECTOR_COLUMN = "search_vector"

# Light Arabic stemming of query terms (already normalized: ة is ه, ى is ي). PostgreSQL's
# Arabic stemmer misses plurals (مذكرات stems to مذكرا, مذكرة to مذكر): the article and a
# plural, dual or feminine ending come off, and the stem is matched as a prefix.
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("يات", "ات", "ون", "ين", "ان", "يه", "ه", "ي")
_MIN_STEM = 3


def arabic_stem(term: str) -> str:
    """The light stem of a normalized Arabic term (مذكرات → مذكر, الاتفاقيات → اتفاق);
    any other term unchanged. A stem keeps at least three letters."""
    if not _ARABIC_LETTER.search(term):
        return term
    stem = term
    for prefix in _ARABIC_PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= _MIN_STEM:
            stem = stem[len(prefix) :]
            break
    for suffix in _ARABIC_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
            stem = stem[: -len(suffix)]
            break
    return stem


def uses_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _stored_vector():
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models.expressions import RawSQL

    table = Agreement._meta.db_table
    return RawSQL(f'"{table}"."{SEARCH_VECTOR_COLUMN}"', (), output_field=SearchVectorField())


def _term_query(term: str):
    """One term in every configuration, as a prefix; its Arabic stem too, as a prefix."""
    from django.contrib.postgres.search import SearchQuery

    # Normalized terms hold letters and digits only: nothing to escape in tsquery syntax.
    query = None
    for config in SEARCH_CONFIGURATIONS:
        part = SearchQuery(f"'{term}':*", search_type="raw", config=config)
        query = part if query is None else query | part
    stem = arabic_stem(term)
    if stem != term:
        query |= SearchQuery(f"'{stem}':*", search_type="raw", config="simple")
    return query


def search(queryset: QuerySet[Agreement], query: str | None) -> QuerySet[Agreement]:
    """Agreements matching every term of the query, best first on PostgreSQL.

    On PostgreSQL a term matches by full text (its stem in Arabic, French or English, as a
    prefix: مذكرات finds مذكرة) or as a substring, exactly as `matching()` does, so that
    this finds everything `matching()` finds and more; results carry a `search_rank`. On
    SQLite this is `matching()`.
    """
    terms = query_terms(query)
    if not terms:
        return queryset
    if not uses_full_text(queryset):
        return matching(queryset, query)
    condition = Q()
    for term in terms:
        condition &= Q(search_document__contains=term) | Q(fts_vector=_term_query(term))
    return _with_rank(queryset.alias(fts_vector=_stored_vector()).filter(condition), terms)


def order_by_rank(queryset: QuerySet[Agreement], query: str | None) -> QuerySet[Agreement]:
    """Best matches first on PostgreSQL (then the usual order); unchanged on SQLite."""
    terms = query_terms(query)
    if not terms or not uses_full_text(queryset):
        return queryset
    if "search_rank" not in queryset.query.annotations:
        queryset = _with_rank(queryset, terms)
    return queryset.order_by(F("search_rank").desc(), F("signed_on").desc(nulls_last=True), "id")


def _with_rank(queryset: QuerySet[Agreement], terms: list[str]) -> QuerySet[Agreement]:
    """ts_rank over any of the terms, plus one for the whole query as a phrase."""
    from django.contrib.postgres.search import SearchRank

    any_term = None
    for term in terms:
        any_term = _term_query(term) if any_term is None else any_term | _term_query(term)
    phrase = Case(
        When(search_document__contains=" ".join(terms), then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return queryset.annotate(search_rank=SearchRank(_stored_vector(), any_term) + phrase)
