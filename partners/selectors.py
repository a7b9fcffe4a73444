"""Reads of organizations and people for the public pages and the API.

Every relation goes through `core.visibility`: a draft parent is `visible_parent = None`,
a position at a draft organization, or held by a draft person, does not exist, nor does
a signing act for a draft party.
"""

from __future__ import annotations

from django.db.models import Count, F, Prefetch, Q, QuerySet

from agreements.models import Agreement, AgreementParty, Attendee, Initiative, Signatory
from agreements.public import citations_prefetch
from agreements.selectors import attendees_queryset, signatories_queryset
from core.visibility import rows_needing, status_is_visible, visible, visible_join
from events.models import Event, EventParticipant
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


def agreement_counts() -> dict[int, int]:
    """How many published agreements each organization is party to: one grouped query."""
    return dict(
        AgreementParty.objects.filter(status_is_visible("agreement__"))
        .values_list("organization_id")
        .annotate(total=Count("id"))
        .order_by()
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


def organization_signatures(organization: Organization) -> QuerySet[Signatory]:
    """Published agreements signed for the organization, by visible people."""
    return (
        signatories_queryset()
        .filter(status_is_visible("agreement__"), organization=organization)
        .select_related("person", "agreement")
        .order_by("agreement__signed_on", "pk")
    )


def organization_events(organization: Organization) -> QuerySet[Event]:
    return visible(Event).filter(organizations=organization).order_by("-start_date", "slug")


def organization_initiatives(organization: Organization) -> QuerySet[Initiative]:
    return visible(Initiative).filter(Q(lead=organization) | Q(partners=organization)).distinct()


# -- people -----------------------------------------------------------------------------


def positions_queryset(*, include_drafts: bool = False) -> QuerySet[Position]:
    """Positions at visible organizations, the organization loaded."""
    positions = rows_needing(Position.objects.all(), "organization", include_drafts=include_drafts)
    return positions.select_related("organization")


def signatures_queryset(*, include_drafts: bool = False) -> QuerySet[Signatory]:
    """A person's signing acts the reader may see: of visible agreements, for visible parties."""
    return signatories_queryset(include_drafts=include_drafts).filter(
        status_is_visible("agreement__", include_drafts=include_drafts)
    )


def person_list(*, include_drafts: bool = False) -> QuerySet[Person]:
    """People with their positions and the published agreements they signed."""
    drafts = {"include_drafts": include_drafts}
    signatures = signatures_queryset(**drafts).select_related("agreement").only(
        "id", "person_id", "agreement_id", "agreement__id", "agreement__slug",
        "agreement__signed_on",
    )  # fmt: skip
    return (
        visible(Person, **drafts)
        .prefetch_related(
            Prefetch(
                "positions",
                queryset=positions_queryset(**drafts).order_by(
                    F("start").desc(nulls_last=True), "slug"
                ),
            ),
            Prefetch(
                "signatures",
                queryset=signatures.order_by(F("agreement__signed_on").desc(nulls_last=True), "id"),
                to_attr="visible_signatures",
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


def person_participations(person: Person) -> QuerySet[EventParticipant]:
    """Published events the person took part in; `visible_organization` on whose behalf."""
    participations = EventParticipant.objects.filter(status_is_visible("event__"), person=person)
    return (
        visible_join(participations, "organization")
        .select_related("event")
        .order_by("-event__start_date", "pk")
    )


def agreements_of(organization: Organization) -> QuerySet[Agreement]:
    return visible(Agreement).filter(parties__organization=organization)
