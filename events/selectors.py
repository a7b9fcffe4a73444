"""Reads of events for the public pages and the API.

Every relation goes through `core.visibility`: a draft parent is `visible_parent = None`,
a draft participant does not exist, a participant's draft organization is
`visible_organization = None`.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from core.selectors import citations_prefetch
from core.visibility import (
    rows_needing,
    status_is_visible,
    visible,
    visible_join,
    visible_prefetch,
)
from events.models import Event, EventParticipant
from partners.models import Organization, Person


def participants_prefetch(*, include_drafts: bool = False) -> Prefetch:
    participants = rows_needing(
        EventParticipant.objects.all(), "person", include_drafts=include_drafts
    )
    participants = visible_join(participants, "organization", include_drafts=include_drafts)
    return Prefetch("participants", queryset=participants.select_related("person").order_by("id"))


def event_list(*, include_drafts: bool = False) -> QuerySet[Event]:
    """Events with their visible parent, participants and organizations (the agreements
    signed there: `event_agreements_prefetch` of agreements)."""
    drafts = {"include_drafts": include_drafts}
    events = visible_join(visible(Event, **drafts), "parent", **drafts)
    return events.prefetch_related(
        participants_prefetch(**drafts),
        visible_prefetch("organizations", Organization.objects.order_by("slug"), **drafts),
    )


def event_index() -> QuerySet[Event]:
    """The events page: published events, their visible parent, how many agreements."""
    return visible_join(visible(Event), "parent").annotate(
        agreement_count=Count("agreements", filter=status_is_visible("agreements__"))
    )


def event_detail(*, slug: str, include_drafts: bool = False) -> Event | None:
    events = visible_join(
        visible(Event, include_drafts=include_drafts), "parent", include_drafts=include_drafts
    )
    return (
        events.prefetch_related(citations_prefetch(), participants_prefetch())
        .filter(slug=slug)
        .first()
    )


def event_children(event: Event) -> QuerySet[Event]:
    return visible(Event).filter(parent=event).order_by("start_date", "slug")


def event_organizations(event: Event) -> QuerySet[Organization]:
    return visible(Organization).filter(events=event)


# -- what other kinds of record show of events -------------------------------------


def organization_events(organization: Organization) -> QuerySet[Event]:
    return visible(Event).filter(organizations=organization).order_by("-start_date", "slug")


def person_participations(person: Person) -> QuerySet[EventParticipant]:
    """Published events the person took part in; `visible_organization` on whose behalf."""
    participations = EventParticipant.objects.filter(status_is_visible("event__"), person=person)
    return (
        visible_join(participations, "organization")
        .select_related("event")
        .order_by("-event__start_date", "pk")
    )
