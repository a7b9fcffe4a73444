"""Reads of organizations and people for the public pages and the API.

Every relation goes through `core.visibility`: a draft parent is `visible_parent = None`,
a position at a draft organization, or held by a draft person, does not exist, nor does
a signing act for a draft party.
"""

from __future__ import annotations

from django.db.models import Count, F, Prefetch, QuerySet

from core.selectors import citations_prefetch
from core.visibility import rows_needing, status_is_visible, visible, visible_join
from partners.models import Organization, Person, Position

# -- organizations ----------------------------------------------------------------------


def organization_list(*, include_drafts: bool = False) -> QuerySet[Organization]:
    """Organizations with their visible parent (`visible_parent`) and how many published
    agreements bind them."""
    organizations = visible(Organization, include_drafts=include_drafts)
    return (
        visible_join(organizations, "parent", include_drafts=include_drafts)
        .annotate(
            agreement_count=Count(
                "agreement_parties", filter=status_is_visible("agreement_parties__agreement__")
            )
        )
        .order_by("slug")
    )


def organization_detail(*, slug: str, include_drafts: bool = False) -> Organization | None:
    organizations = visible_join(
        visible(Organization, include_drafts=include_drafts),
        "parent",
        include_drafts=include_drafts,
    )
    return organizations.prefetch_related(citations_prefetch()).filter(slug=slug).first()


def organization_children(organization: Organization) -> QuerySet[Organization]:
    return visible(Organization).filter(parent=organization)


def organization_positions(organization: Organization) -> QuerySet[Position]:
    """Titles visible people held at the organization."""
    return (
        rows_needing(Position.objects.filter(organization=organization), "person")
        .select_related("person")
        .order_by("start", "pk")
    )


# -- people -----------------------------------------------------------------------------


def positions_queryset(*, include_drafts: bool = False) -> QuerySet[Position]:
    """Positions at visible organizations, the organization loaded."""
    positions = rows_needing(Position.objects.all(), "organization", include_drafts=include_drafts)
    return positions.select_related("organization")


def person_list(*, include_drafts: bool = False) -> QuerySet[Person]:
    """People with their positions (what they signed: `signatures_prefetch` of agreements)."""
    drafts = {"include_drafts": include_drafts}
    return (
        visible(Person, **drafts)
        .prefetch_related(
            Prefetch(
                "positions",
                queryset=positions_queryset(**drafts).order_by(
                    F("start").desc(nulls_last=True), "slug"
                ),
            ),
        )
        .order_by("slug")
    )


def person_index() -> QuerySet[Person]:
    """The people page: published people, how many agreements each signed, their titles."""
    # The same acts as `signatures_queryset()`: of published agreements, for published parties.
    visible_signatures = status_is_visible("signatures__agreement__") & status_is_visible(
        "signatures__organization__"
    )
    return (
        visible(Person)
        .annotate(signed_count=Count("signatures", filter=visible_signatures, distinct=True))
        .prefetch_related(
            Prefetch("positions", queryset=positions_queryset().order_by("-start", "pk"))
        )
    )


def person_detail(*, slug: str, include_drafts: bool = False) -> Person | None:
    return (
        visible(Person, include_drafts=include_drafts)
        .prefetch_related(citations_prefetch())
        .filter(slug=slug)
        .first()
    )


def person_positions(person: Person) -> QuerySet[Position]:
    return (
        positions_queryset()
        .filter(person=person)
        .prefetch_related(citations_prefetch())
        .order_by("start", "pk")
    )
