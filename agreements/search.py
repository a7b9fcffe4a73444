"""Search over agreements in every language: the same records on SQLite and PostgreSQL.

Each agreement keeps, in `search_document`, the stems (`core.search.index_text`) of
everything a reader may search it by: title, summary and objectives in Arabic, French and
English, the names of its kind, and the names, acronyms and other spellings (aliases) of
its visible parties and signatories. A query is cut into terms the same way
(`core.search.parse_query`); an agreement matches when every term matches one of its
stems (a term's stem begins a stored stem: مذكرات → مذكر finds مذكرة → مذكر).

- Words that only say "agreement" (اتفاقية, accords, agreements) never exclude a record;
  words that name a kind (مذكرة تفاهم, mémorandum, protocole) find the agreements of that
  kind even when their text says otherwise, and put them first (`order_by_relevance`).
- SQLite matches the stored text with LIKE; PostgreSQL with a `simple` tsvector of the
  same text (migration 0010: the same tokens, a GIN index, and `ts_rank` to order), so
  that both find the same set for the same query (tests/search/ checks it on a test set).
- A query that finds nothing, where a word of it matches no published agreement at all,
  is searched again with each such word replaced by the nearest word of a published
  agreement (`correct_query`: pg_trgm picks candidates on PostgreSQL, rapidfuzz decides
  on both), and the answer says so ("showing results for …").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from django.db import connections, transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.db.models.functions import Length
from django.utils import translation
from rapidfuzz import fuzz

from agreements.models import Agreement, AgreementKind, AgreementParty, SearchWord, Signatory
from core import counting
from core.records import LANGUAGES
from core.search import Term, index_text, normalize, parse_query, stems_of, words
from core.visibility import is_visible

CHUNK_SIZE = 500

# Words that name what is searched, agreements, without saying which.
RESOURCE_STEMS = stems_of(
    "اتفاقية اتفاقيات الاتفاقية الاتفاقيات اتفاق",
    "accord accords",
    "agreement agreements",
)
# Other names of each kind, besides its label in each language (as the press writes them).
KIND_SYNONYMS = {
    AgreementKind.MOU: ("مذكرة تفاهم", "مذكرات التفاهم", "mémorandum d'entente", "MoU"),
    AgreementKind.PROTOCOL: ("بروتوكول اتفاق", "protocole d'accord", "protocol"),
    AgreementKind.DECLARATION_OF_INTENT: (
        "إعلان نوايا",
        "déclaration d'intention",
        "declaration of intent",
        "lettre d'intention",
    ),
}
# Longer words are not kept in the vocabulary (a URL run together, say).
MAX_WORD = 100
# A vocabulary word is offered for a misspelt one from this similarity (rapidfuzz's ratio).
CORRECTION_SCORE = 75
# PostgreSQL ranks the matches by ts_rank when it expects at most this many of them.
RANKED_LIMIT = 1000
# Candidates PostgreSQL's trigram index hands to rapidfuzz.
CORRECTION_CANDIDATES = 30


@cache
def kind_phrases(kind: str) -> tuple[str, ...]:
    """The kind's label in every language and its other names."""
    phrases = []
    for code in LANGUAGES:
        with translation.override(code):
            phrases.append(str(AgreementKind(kind).label))
    return (*phrases, *KIND_SYNONYMS.get(kind, ()))


@cache
def kind_stems() -> dict[str, frozenset[str]]:
    """For each kind that a query may name, the stems that name it and no other kind
    (words shared by several kinds, such as "accord", name none)."""
    stems = {
        kind: stems_of(*kind_phrases(kind)) - RESOURCE_STEMS
        for kind in AgreementKind.values
        if kind not in (AgreementKind.AGREEMENT, AgreementKind.OTHER)
    }
    return {
        kind: own - frozenset().union(*(other for name, other in stems.items() if name != kind))
        for kind, own in stems.items()
    }


def named_kinds(terms: Sequence[Term]) -> list[str]:
    """The kinds a query's words name (mémorandum → mou)."""
    return [
        kind
        for kind, stems in kind_stems().items()
        if any(stem in stems for term in terms for stem in term.stems)
    ]


def terms_of(query: str | None) -> list[Term]:
    return parse_query(query, ignored=RESOURCE_STEMS)


# -- the stored text ------------------------------------------------------------------


def _translations(obj: object, field: str) -> Iterator[str]:
    for language in LANGUAGES:
        yield getattr(obj, f"{field}_{language}", "") or ""


def document_parts(agreement: Agreement, organizations: Iterable, people: Iterable) -> list[str]:
    """The texts an agreement is found by, given the visible organizations and people
    it names (for writers that hold them in memory, such as the synthetic data)."""
    parts: list[str] = []
    for field in ("title", "summary", "objectives"):
        parts.extend(_translations(agreement, field))
    parts.extend(kind_phrases(agreement.kind))
    for organization in organizations:
        parts.extend(_translations(organization, "name"))
        parts.extend(_translations(organization, "acronym"))
        parts.extend((organization.aliases or "").splitlines())
    for person in people:
        parts.extend(_translations(person, "name"))
        parts.extend((person.aliases or "").splitlines())
    return parts


def build_search_document(agreement: Agreement) -> str:
    """The stored search text of an agreement. Reads `parties` and `signatories` through
    prefetches when the caller made them.

    Only what the public may see: a draft party, or a signing act of a draft person or
    for a draft party, is not searchable (finding an agreement by a name no page shows
    would reveal the draft).
    """
    return index_text(document_parts(agreement, *_visible_names(agreement)))


def _visible_names(agreement: Agreement) -> tuple[list, list]:
    organizations = [
        party.organization for party in agreement.parties.all() if is_visible(party.organization)
    ]
    people = [
        signatory.person
        for signatory in agreement.signatories.all()
        if is_visible(signatory.person) and is_visible(signatory.organization)
    ]
    return organizations, people


def vocabulary_words(parts: Iterable[str]) -> set[str]:
    """The distinct words of these texts, as the vocabulary keeps them."""
    return {word for part in parts for word in words(part) if len(word) <= MAX_WORD}


def remember_words(found: set[str], *, model: type = SearchWord) -> None:
    """Add these words to the vocabulary (already known ones are skipped)."""
    if found:
        model.objects.bulk_create(
            [model(word=word, stems=index_text([word])) for word in sorted(found)],
            ignore_conflicts=True,
            batch_size=1000,
        )


def refresh_search_documents(agreement_ids: Iterable[int] | None = None, *, apps=None) -> int:
    """Recompute the search documents of these agreements (all of them if None), and
    add the words of the published ones to the correction vocabulary (rebuilt from
    scratch when all are refreshed, so that words of withdrawn records go).

    Writes only the rows whose document changed, so that a refresh of up-to-date rows
    writes nothing; returns how many rows it wrote. A migration passes its `apps`, so
    that the models are those of its time.
    """
    get = (
        apps.get_model
        if apps
        else {
            "agreements.Agreement": Agreement,
            "agreements.AgreementParty": AgreementParty,
            "agreements.Signatory": Signatory,
            "agreements.SearchWord": SearchWord,
        }.__getitem__
    )
    agreements = get("agreements.Agreement").objects.all()
    if agreement_ids is not None:
        ids = sorted(set(agreement_ids))
        if not ids:
            return 0
    else:
        ids = list(agreements.order_by("pk").values_list("pk", flat=True))
    parties = get("agreements.AgreementParty").objects.select_related("organization")
    signatories = get("agreements.Signatory").objects.select_related("person", "organization")
    written = 0
    vocabulary: set[str] = set()
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK_SIZE):
            chunk = agreements.filter(pk__in=ids[start : start + CHUNK_SIZE]).prefetch_related(
                Prefetch("parties", queryset=parties), Prefetch("signatories", queryset=signatories)
            )
            changed = []
            for agreement in chunk:
                parts = document_parts(agreement, *_visible_names(agreement))
                document = index_text(parts)
                if is_visible(agreement):
                    vocabulary |= vocabulary_words(parts)
                if document != agreement.search_document:
                    agreement.search_document = document
                    changed.append(agreement)
            if changed:
                agreements.model.objects.bulk_update(changed, ["search_document"])
                written += len(changed)
        words_model = get("agreements.SearchWord")
        if agreement_ids is None:
            words_model.objects.all().delete()
        remember_words(vocabulary, model=words_model)
    return written


# -- matching ---------------------------------------------------------------------------


def _term_condition(term: Term, field: str = "search_document") -> Q:
    """The stored stems in `field` (a search document, a vocabulary word's stems)
    match the term."""
    condition = Q()
    for pattern in term.patterns():
        condition |= Q(**{f"{field}__contains": pattern})
    return condition


def uses_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _tsquery(terms: Sequence[Term], joiner: str) -> str:
    """The terms as a tsquery over the `simple` vector of the stored text: every term
    (`&`) or any (`|`), each as any of its stems, a stem as a prefix unless short."""
    clauses = []
    for term in terms:
        stems = [
            f"'{stem}'" if pattern.endswith(" ") else f"'{stem}':*"
            for stem, pattern in zip(term.stems, term.patterns(), strict=True)
        ]
        clauses.append(f"({' | '.join(stems)})")
    # Stems hold letters and digits only (core.search.normalize): nothing to escape.
    return f" {joiner} ".join(clauses)


def _stored_vector():
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models.expressions import RawSQL

    table = Agreement._meta.db_table
    return RawSQL(f'"{table}"."search_vector"', (), output_field=SearchVectorField())


def _search_terms(queryset: QuerySet[Agreement], terms: Sequence[Term]) -> QuerySet[Agreement]:
    if not terms:
        return queryset
    if not uses_full_text(queryset):
        condition = Q()
        for term in terms:
            condition &= _term_condition(term)
        return queryset.filter(condition)
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery(_tsquery(terms, "&"), search_type="raw", config="simple")
    return queryset.alias(fts_vector=_stored_vector()).filter(fts_vector=query)


def matching(queryset: QuerySet[Agreement], query: str | None) -> QuerySet[Agreement]:
    """Agreements matching every term of the query (all of them when it has none)."""
    return _search_terms(queryset, terms_of(query))


@dataclass(frozen=True)
class Searched:
    """What a search found, and the query it searched when it had to correct one."""

    queryset: QuerySet[Agreement]
    corrected: str | None = None


def search_or_correct(queryset: QuerySet[Agreement], query: str | None) -> Searched:
    """`matching()`; when a word of the query matches no published agreement (so that
    the search can find nothing), the search of the query with each such word replaced
    by the nearest known word, if that finds a published agreement.

    Whether a word is known is read from the vocabulary (one query on a small table), so
    that a search whose words are all known costs nothing more.
    """
    terms = terms_of(query)
    found = _search_terms(queryset, terms)
    unknown = unknown_terms(terms)
    if not unknown:
        return Searched(found)
    corrected = correct_query(query, unknown)
    if corrected is None:
        return Searched(found)
    corrected_terms = terms_of(corrected)
    # A vocabulary word may be left from an agreement since withdrawn: never offered then.
    if not counting.any_row(_search_terms(Agreement.objects.published(), corrected_terms)):
        return Searched(found)
    return Searched(_search_terms(queryset, corrected_terms), corrected)


def unknown_terms(terms: Sequence[Term]) -> list[Term]:
    """The terms that match no word of the vocabulary (of published agreements)."""
    if not terms:
        return []
    counts = SearchWord.objects.aggregate(
        **{
            f"term{index}": Count("pk", filter=_term_condition(term, "stems"))
            for index, term in enumerate(terms)
        }
    )
    return [term for index, term in enumerate(terms) if not counts[f"term{index}"]]


def correct_query(query: str | None, unknown: Sequence[Term]) -> str | None:
    """The query with each of these unknown terms replaced by the nearest word of the
    vocabulary; None when none has a near enough word."""
    replacements = {}
    for term in unknown:
        nearest = nearest_word(term.word)
        if nearest is not None:
            replacements[term.word] = nearest
    if not replacements:
        return None
    return " ".join(replacements.get(word, word) for word in normalize(query).split())


def nearest_word(word: str) -> str | None:
    """The vocabulary word nearest to `word` (rapidfuzz's ratio, at least
    `CORRECTION_SCORE`; ties: the closest length, then alphabetical), or None."""
    scored = sorted(
        (-fuzz.ratio(word, candidate), abs(len(candidate) - len(word)), candidate)
        for candidate in _candidates(word)
        # Numbers and two-letter words are not typos of anything.
        if candidate != word and len(candidate) >= 3 and not candidate.isdigit()
    )
    if not scored or -scored[0][0] < CORRECTION_SCORE:
        return None
    return scored[0][2]


def _candidates(word: str) -> list[str]:
    """Vocabulary words that may be near `word`: on PostgreSQL the most similar by
    trigrams (an indexed query), elsewhere every word of about the same length."""
    words_ = SearchWord.objects.all()
    if uses_full_text(words_):
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            words_.annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gte=0.2)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:CORRECTION_CANDIDATES]
        )
    # rapidfuzz's ratio cannot reach CORRECTION_SCORE between words whose lengths differ
    # by more than this.
    spread = max(1, len(word) // 2)
    return list(
        words_.alias(length=Length("word"))
        .filter(length__gte=len(word) - spread, length__lte=len(word) + spread)
        .values_list("word", flat=True)
    )


# -- order ------------------------------------------------------------------------------


def order_by_relevance(queryset: QuerySet[Agreement], query: str | None) -> QuerySet[Agreement]:
    """Best matches first: agreements of a kind the query names (on both databases),
    then, on PostgreSQL and when the query is selective enough that ranking means
    something and costs little (the planner expects at most `RANKED_LIMIT` matches), by
    `ts_rank`; then the usual order (latest signed first).

    A broad query (مذكرات: half the agreements) is read newest first along an index
    (`agreement_published_order_idx`, or the kind's own when it names one kind), so
    that a page costs the same whatever the number of matches.
    """
    terms = terms_of(query)
    if not terms:
        return queryset
    order = []
    kinds = named_kinds(terms)
    if kinds:
        named = Q(kind=kinds[0]) if len(kinds) == 1 else Q(kind__in=kinds)
        queryset = queryset.alias(kind_named=ExpressionWrapper(named, output_field=BooleanField()))
        order.append(F("kind_named").desc())
    if uses_full_text(queryset) and _selective(queryset):
        from django.contrib.postgres.search import SearchQuery, SearchRank

        any_term = SearchQuery(_tsquery(terms, "|"), search_type="raw", config="simple")
        queryset = queryset.annotate(search_rank=SearchRank(_stored_vector(), any_term))
        order.append(F("search_rank").desc())
    if not order:
        return queryset
    return queryset.order_by(*order, F("signed_on").desc(nulls_last=True), "id")


def _selective(queryset: QuerySet[Agreement]) -> bool:
    plan = counting.planned(queryset.order_by().values("pk"))
    return plan is not None and plan["Plan Rows"] <= RANKED_LIMIT
