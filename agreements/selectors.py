"""Reads for the public: every query starts from published() and loads what it shows at once."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Prefetch, Q, QuerySet

from agreements.filtersets import AgreementFilterSet
from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Citation,
    Initiative,
    Signatory,
    SourceDocument,
)
from core.selectors import citations_prefetch
from core.visibility import (
    rows_needing,
    status_is_visible,
    visible,
    visible_join,
    visible_prefetch,
)
from events.models import Event
from indicators.models import Indicator
from partners.models import Organization, Person, Position

# Every kind of curated record a citation can back.
CITED_MODELS = (Agreement, Organization, Person, Event, Initiative, Indicator)


def agreement_list(*, filters: dict | None = None) -> QuerySet[Agreement]:
    """Published agreements with everything a list or a serializer shows, in a fixed number of queries."""
    queryset = Agreement.objects.published()
    if filters:
        filterset = AgreementFilterSet(filters, queryset)
        if not filterset.is_valid():
            # A filter that cannot be applied is an error, never "every agreement".
            raise ValidationError(filterset.errors.get_json_data())
        queryset = filterset.qs
    return _with_related(queryset, include_drafts=False)


def agreement_preview_list() -> QuerySet[Agreement]:
    """Drafts included: only for editors previewing their work."""
    return _with_related(Agreement.objects.all(), include_drafts=True)


def agreements_for(*, include_drafts: bool) -> QuerySet[Agreement]:
    return agreement_preview_list() if include_drafts else agreement_list()


def parties_prefetch(*, include_drafts: bool = False) -> Prefetch:
    """The parties a reader may see: a draft organization is no party for the public."""
    parties = rows_needing(
        AgreementParty.objects.all(), "organization", include_drafts=include_drafts
    )
    return Prefetch("parties", queryset=parties.select_related("organization").order_by("id"))


def signatories_queryset(*, include_drafts: bool = False) -> QuerySet[Signatory]:
    """Signing acts of visible people for visible parties (an act for a hidden party is
    part of what is hidden)."""
    return rows_needing(
        Signatory.objects.all(), "person", "organization", include_drafts=include_drafts
    )


def attendees_queryset(*, include_drafts: bool = False) -> QuerySet[Attendee]:
    """Visible witnesses; the organization they came for is `visible_organization`."""
    attendees = rows_needing(Attendee.objects.all(), "person", include_drafts=include_drafts)
    return visible_join(attendees, "organization", include_drafts=include_drafts)


def agreement_cards(
    queryset: QuerySet[Agreement], *, include_drafts: bool = False
) -> QuerySet[Agreement]:
    """What an agreement card shows (title, kind, date, place, parties): two queries."""
    return queryset.prefetch_related(parties_prefetch(include_drafts=include_drafts))


def _with_related(queryset: QuerySet[Agreement], *, include_drafts: bool) -> QuerySet[Agreement]:
    drafts = {"include_drafts": include_drafts}
    # The search document (several KB a row) is for filtering, never shown: not read.
    queryset = visible_join(queryset, "event", "renews", **drafts)
    return queryset.defer("search_document", "visible_renews__search_document").prefetch_related(
        parties_prefetch(**drafts),
        Prefetch(
            "signatories",
            queryset=signatories_queryset(**drafts)
            .select_related("person", "organization")
            .order_by("id"),
        ),
        Prefetch(
            "attendees",
            queryset=attendees_queryset(**drafts).select_related("person").order_by("id"),
        ),
        "themes",
        visible_prefetch("initiatives", Initiative.objects.order_by("slug"), **drafts),
        visible_prefetch(
            "renewed_by",
            Agreement.objects.only(
                "id", "slug", "renews_id", "status", "title", "title_ar", "title_fr", "title_en"
            ).order_by("slug"),
            **drafts,
        ),
        Prefetch("citations", queryset=Citation.objects.select_related("source").order_by("id")),
    )


def agreement_rows(*, include_drafts: bool = False) -> QuerySet[Agreement]:
    """Agreements for the API and the exports; `attach_agreement_relations()` completes them.

    The queryset is what filters and pagination work on; once a page (or a chunk) is
    read, its related rows are read in one query per relation as plain dictionaries.
    The event and the renewed agreement are joined as `visible_event`, `visible_renews`.
    """
    agreements = visible(Agreement, include_drafts=include_drafts)
    return visible_join(agreements, "event", "renews", include_drafts=include_drafts).defer(
        "search_document", "visible_renews__search_document"
    )


def _translated(relation: str, field: str) -> list[str]:
    prefix = f"{relation}__" if relation else ""
    return [f"{prefix}{field}_{code}" for code in ("ar", "fr", "en")]


def _grouped(rows, key: str) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def attach_agreement_relations(
    agreements: Sequence[Agreement], *, include_drafts: bool = False
) -> Sequence[Agreement]:
    """Set `party_rows`, `signatory_rows`, `attendee_rows`, `theme_rows`,
    `initiative_rows`, `renewal_rows` and `citation_rows` on each agreement: lists of
    dictionaries, read in seven queries whatever the number of agreements.

    Plain rows rather than prefetched model instances: on a page of fifty agreements,
    instantiating some 800 related models cost three times all the queries together.
    Each relation goes through the same rule as the pages' prefetches; a signing act's
    organization is read through `visible_organization` (None when hidden).
    """
    ids = [agreement.pk for agreement in agreements]
    if not ids:
        return agreements
    drafts = {"include_drafts": include_drafts}
    signing = [
        "agreement_id", "person__slug", *_translated("person", "name"),
        "visible_organization__slug", *_translated("visible_organization", "name"),
        *_translated("", "title"),
    ]  # fmt: skip
    parties = rows_needing(
        AgreementParty.objects.filter(agreement_id__in=ids), "organization", **drafts
    )
    parties = parties.order_by("id").values(
        "agreement_id", "organization__slug", *_translated("organization", "name"),
        *_translated("organization", "acronym"), "organization__kind", "organization__country",
    )  # fmt: skip
    signatories = visible_join(
        signatories_queryset(**drafts).filter(agreement_id__in=ids), "organization", **drafts
    )
    signatories = signatories.order_by("id").values(*signing)
    attendees = attendees_queryset(**drafts).filter(agreement_id__in=ids)
    attendees = attendees.order_by("id").values(*signing)
    themes = (
        Agreement.themes.through.objects.filter(agreement_id__in=ids)
        .order_by("theme__slug")
        .values("agreement_id", "theme__slug", *_translated("theme", "name"))
    )
    initiatives = rows_needing(
        Agreement.initiatives.through.objects.filter(agreement_id__in=ids), "initiative", **drafts
    )
    initiatives = initiatives.order_by("initiative__slug").values(
        "agreement_id", "initiative__slug", *_translated("initiative", "name")
    )
    renewals = visible(Agreement, **drafts).filter(renews_id__in=ids)
    renewals = renewals.order_by("slug").values("renews_id", "slug")
    citations = (
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(Agreement), object_id__in=ids
        )
        .order_by("id")
        .values("object_id", "quote", "fields", "source__slug", *_translated("source", "title"))
    )
    relations = {
        "party_rows": _grouped(parties, "agreement_id"),
        "signatory_rows": _grouped(signatories, "agreement_id"),
        "attendee_rows": _grouped(attendees, "agreement_id"),
        "theme_rows": _grouped(themes, "agreement_id"),
        "initiative_rows": _grouped(initiatives, "agreement_id"),
        "renewal_rows": _grouped(renewals, "renews_id"),
        "citation_rows": _grouped(citations, "object_id"),
    }
    for agreement in agreements:
        for attribute, rows in relations.items():
            setattr(agreement, attribute, rows.get(agreement.pk, []))
    return agreements


def initiative_list(*, include_drafts: bool = False) -> QuerySet[Initiative]:
    """Initiatives with their visible lead and parent (`visible_lead`, `visible_parent`),
    visible partners and the visible agreements serving them."""
    drafts = {"include_drafts": include_drafts}
    initiatives = visible_join(visible(Initiative, **drafts), "lead", "parent", **drafts)
    return initiatives.prefetch_related(
        visible_prefetch("partners", Organization.objects.order_by("slug"), **drafts),
        visible_prefetch(
            "agreements",
            Agreement.objects.only("id", "slug").order_by("slug"),
            to_attr="visible_agreements",
            **drafts,
        ),
    ).order_by("slug")


def initiative_index() -> QuerySet[Initiative]:
    """The initiatives page: published initiatives, their visible lead, how many agreements."""
    return visible_join(visible(Initiative), "lead").annotate(
        agreement_count=Count("agreements", filter=status_is_visible("agreements__"))
    )


def initiative_detail(*, slug: str, include_drafts: bool = False) -> Initiative | None:
    drafts = {"include_drafts": include_drafts}
    initiatives = visible_join(visible(Initiative, **drafts), "lead", "parent", **drafts)
    return initiatives.prefetch_related(citations_prefetch()).filter(slug=slug).first()


def visible_citations(*, include_drafts: bool = False) -> QuerySet[Citation]:
    """Citations of records the reader may see: curated records by their status, a
    position when its person and its organization are visible. Quotes about anything
    else (no public page shows it) are not counted."""
    drafts = {"include_drafts": include_drafts}
    types = ContentType.objects.get_for_models(*CITED_MODELS, Position)
    condition = Q()
    for model in CITED_MODELS:
        condition |= Q(
            content_type=types[model], object_id__in=visible(model, **drafts).values("pk")
        )
    positions = rows_needing(Position.objects.all(), "person", "organization", **drafts)
    condition |= Q(content_type=types[Position], object_id__in=positions.values("pk"))
    return Citation.objects.filter(condition)


def source_list() -> QuerySet[SourceDocument]:
    """Source documents have no draft state: every stored article is public evidence."""
    return SourceDocument.objects.order_by("slug")


def sources_with_quote_counts() -> QuerySet[SourceDocument]:
    """Sources with how many of their quotes back a record the public can see."""
    visible_quotes = Q(citations__in=visible_citations())
    return SourceDocument.objects.annotate(quote_count=Count("citations", filter=visible_quotes))


# -- what other kinds of record show of agreements -------------------------------------


def agreement_counts() -> dict[int, int]:
    """How many published agreements each organization is party to: one grouped query."""
    return dict(
        AgreementParty.objects.filter(status_is_visible("agreement__"))
        .values_list("organization_id")
        .annotate(total=Count("id"))
        .order_by()
    )


def organization_signatures(organization: Organization) -> QuerySet[Signatory]:
    """Published agreements signed for the organization, by visible people."""
    return (
        signatories_queryset()
        .filter(status_is_visible("agreement__"), organization=organization)
        .select_related("person", "agreement")
        .order_by("agreement__signed_on", "pk")
    )


def organization_initiatives(organization: Organization) -> QuerySet[Initiative]:
    return visible(Initiative).filter(Q(lead=organization) | Q(partners=organization)).distinct()


def signatures_queryset(*, include_drafts: bool = False) -> QuerySet[Signatory]:
    """A person's signing acts the reader may see: of visible agreements, for visible parties."""
    return signatories_queryset(include_drafts=include_drafts).filter(
        status_is_visible("agreement__", include_drafts=include_drafts)
    )


def person_signatures(person: Person) -> QuerySet[Signatory]:
    return (
        signatures_queryset()
        .filter(person=person)
        .select_related("agreement", "organization")
        .order_by("agreement__signed_on", "pk")
    )


def person_attendances(person: Person) -> QuerySet[Attendee]:
    """Published agreements the person witnessed; `visible_organization` for whom."""
    return (
        attendees_queryset()
        .filter(status_is_visible("agreement__"), person=person)
        .select_related("agreement")
        .order_by("agreement__signed_on", "pk")
    )


def agreements_of(organization: Organization) -> QuerySet[Agreement]:
    return visible(Agreement).filter(parties__organization=organization)


def agreements_signed_at(event: Event) -> QuerySet[Agreement]:
    return visible(Agreement).filter(event=event)


def signatures_prefetch(*, include_drafts: bool = False) -> Prefetch:
    """A person's visible signing acts, latest first, as `visible_signatures`."""
    signatures = signatures_queryset(include_drafts=include_drafts).select_related("agreement").only(
        "id", "person_id", "agreement_id", "agreement__id", "agreement__slug",
        "agreement__signed_on",
    )  # fmt: skip
    return Prefetch(
        "signatures",
        queryset=signatures.order_by(F("agreement__signed_on").desc(nulls_last=True), "id"),
        to_attr="visible_signatures",
    )


def event_agreements_prefetch(*, include_drafts: bool = False) -> Prefetch:
    """The visible agreements signed at an event, as `visible_agreements`."""
    return visible_prefetch(
        "agreements",
        Agreement.objects.only("id", "slug", "event_id").order_by("slug"),
        to_attr="visible_agreements",
        include_drafts=include_drafts,
    )
